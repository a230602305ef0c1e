"""moderator: a case-audit moderation workbench for children's social care."""

from __future__ import annotations

__version__ = "0.1.0"
