"""The service areas a rubric belongs to, in the words people use for them.

A module of its own so the screens can name a service area without importing
the report renderers (and the analysis behind them) at start-up.
"""

from __future__ import annotations

SERVICE_AREAS: dict[str, str] = {
    "help_and_protection": "Help and protection",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
}
"""The service areas as people say them."""


def service_area_label(value: str) -> str:
    """``help_and_protection`` → ``Help and protection``."""
    return SERVICE_AREAS.get(value, value.replace("_", " ").capitalize())
