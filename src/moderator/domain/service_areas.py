"""The service areas of children's social care, as people say them.

Here in the domain (not with the report formats) so that a list screen can name
a case's service area without loading the report writers.
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
