"""When a list reads its rows: the first before it takes a key, again when it comes back.

Keys sent in a burst the moment a list opens (a paste, tmux send-keys ``j j Enter``) would
act on an empty table that drops them. :class:`ListLoading` holds them, in order, until the
list's first rows are on screen, wherever they were sent (``ModeratorScreen.holds``); the
list goes on handling what needs no rows meanwhile (help, quit). And it has the list read
its rows again each time it comes back from another screen, where they may have changed.
How the rows are read and shown is the list's own
(:class:`~moderator.tui.screens.listing.ListScreen`, a page at a time
:class:`~moderator.tui.screens.paged.PagedListScreen`).
"""

from __future__ import annotations

from abc import abstractmethod

from moderator.tui.base import ModeratorScreen
from moderator.tui.screens.abstract_screen import AbstractScreenMeta


class ListLoading(ModeratorScreen, metaclass=AbstractScreenMeta):
    """A list screen whose keys wait for its first rows, and which reads them again when back."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded = False
        """Whether rows have been read and shown (the list sets it when they are)."""
        self.first_shown = False  # until the first rows are on screen (or could not be read)
        self.covered = False
        """Whether another screen has been shown over the list (it reads its rows again
        when it is back)."""

    @abstractmethod
    async def first_rows(self) -> None:
        """Read the first rows and show them, then call :meth:`first_data_shown` (also when
        they could not be read).

        Keys that act on the rows, typed meanwhile (a paste, a burst sent the moment the
        list opens, or to the screen it was opened from), wait for it, in order, and then
        act on the rows rather than on an empty table that drops them.
        """

    @abstractmethod
    def load_rows(self) -> None:
        """Read the rows again, in the background."""

    async def on_mount(self) -> None:
        # Not awaited here: a screen awaiting in a handler handles nothing else meanwhile,
        # and help must open at once on a list that takes seconds to read.
        self.run_worker(
            self.first_rows(), name="first-rows", group="first-rows", exit_on_error=False
        )

    def on_screen_suspend(self) -> None:
        self.covered = True

    def on_screen_resume(self) -> None:
        # Whatever was done on the screen we come back from (grade, submit, claim,
        # review, draw a sample) may have changed the list: read it again. Not when the
        # list is first shown: its rows were read just now, before it took a key.
        if self.loaded and self.covered:
            self.load_rows()
