"""The title bar at the top of every screen: one widget, drawn as one line.

Textual's header composes three widgets (icon, title, clock space), each styled by the
CSS engine, and a title widget updated through watchers: a small but measurable part
of the workbench's start. This bar draws the same line itself: the icon on the left
(a click on it opens the command palette), the screen's title and sub-title centred
(the app's when the screen has none), redrawn when any of them changes.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8  # what Textual's header gives its icon, so the title sits where it did
RIGHT_WIDTH = 10  # and the space it keeps for a clock


class Header(Widget):
    """The title bar: icon, then the title and sub-title centred."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    Header {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._title_changed, init=False)
            self.watch(owner, "sub_title", self._title_changed, init=False)
        if self.app.ENABLE_COMMAND_PALETTE:
            self.tooltip = "Open the command palette"

    def _title_changed(self) -> None:
        self.refresh()

    def render(self) -> Content:
        """`` ⭘`` then the title centred between the icon and the right edge's space."""
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        middle = max(0, self.size.width - ICON_WIDTH - RIGHT_WIDTH)
        centred = self.app.format_title(title, sub_title).center(middle, ellipsis=True)
        icon = Content(f" {ICON}").pad_right(ICON_WIDTH - 2)
        return Content.assemble(icon, centred, " " * RIGHT_WIDTH)

    async def on_click(self, event: events.Click) -> None:
        """A click on the icon opens the command palette, as Textual's header does."""
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
