"""The key bar at the bottom of every screen: Textual's, composed once per burst of changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer as TextualFooter

if TYPE_CHECKING:
    from textual.screen import Screen


class Footer(TextualFooter):
    """Textual's footer, composed again once for any number of binding changes in a row.

    Textual composes its footer afresh (a widget per key, each styled) after every
    change of the screen's bindings: focus moving, a screen refreshing its bindings.
    Opening the home list made five such changes in a fraction of a second, each
    scheduling its own composition: a fifth of a second of CPU before the first screen.
    Here a change schedules one composition after the next refresh unless one is
    already waiting; that one reads the bindings as they are by then.
    """

    _pending = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Compose again after the next refresh (Textual's way), once per burst."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._compose_again)

    async def _compose_again(self) -> None:
        self._pending = False
        if self.is_attached:  # the screen may have closed meanwhile
            await self.recompose()
