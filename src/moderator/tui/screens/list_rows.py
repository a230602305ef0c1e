"""What a list screen works out from its rows alone: which a search matches, how many are in
each state, what to say when the search leaves none.

Pure functions, no widgets: :class:`~moderator.tui.screens.listing.ListScreen` calls them
for its tabs, its summary line and the rows it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

NO_MATCH = "Nothing here matches. Esc clears the search; [ and ] switch state."
"""The line under a list whose state tab and search leave none of its rows."""


def matches(haystack: str, query: str) -> bool:
    """Whether a row matches a search: every word appears in its visible text."""
    return all(word in haystack for word in query.lower().split())


def count_states(
    rows: Sequence[T], states: Sequence[str], state_of: Callable[[T], str]
) -> dict[str, int]:
    """How many of these rows are in each of ``states`` (and ``all``)."""
    out = {s: 0 for s in states}
    out["all"] = len(rows)
    for item in rows:
        state = state_of(item)
        if state in out:
            out[state] += 1
    return out
