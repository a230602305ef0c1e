"""Allow ``python -m moderator``."""

from __future__ import annotations

from moderator.cli import main

if __name__ == "__main__":
    main()
