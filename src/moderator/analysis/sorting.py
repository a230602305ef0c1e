"""The order groups are listed in: natural, case-insensitive (team2 before team10)."""

from __future__ import annotations

import re


def natural_key(label: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order, case-insensitive: team2 before team10."""
    parts = re.split(r"(\d+)", label.casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)
