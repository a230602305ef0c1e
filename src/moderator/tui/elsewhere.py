"""Looking for changes made in another window, every few seconds, on an open sheet.

The grading screen and the disagreement review both do it the same way: every
:data:`CHECK_ELSEWHERE_S` seconds, while the screen is the one shown and none of its
reads or writes is running (a write finds a change made elsewhere itself), a worker asks
the service whether the sheet is still at the version the window last read or wrote (one
indexed query) and reads it again only if not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen
from textual.timer import Timer

CHECK_ELSEWHERE_S = 2.0
"""How often an open, editable sheet looks for changes made in another window."""


def look_every_few_seconds(screen: Screen[Any], look: Callable[[], None]) -> Timer:
    """Call ``look`` every :data:`CHECK_ELSEWHERE_S` seconds on ``screen``'s timer."""
    return screen.set_interval(CHECK_ELSEWHERE_S, look)


def may_look(screen: Screen[Any]) -> bool:
    """Whether ``screen`` may look now: it is shown and none of its workers is running."""
    busy = any(w.node is screen and not w.is_finished for w in screen.workers)
    return screen.app.screen is screen and not busy
