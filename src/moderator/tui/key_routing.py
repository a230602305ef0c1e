"""Keys and pastes that act in the order typed, for a screen with a text field.

Textual hands a key to the focused widget through message queues, and a key that moves
the focus acts only once it has come back up to the screen's bindings (Textual's
``Widget.focus`` itself waits for the next turn of the app). Keys typed fast after one
that opens a field (the review's ``r``, the grading note's ``n``) had by then gone to the
list behind it and ran as commands; an Esc or Enter typed fast after a field's text read
the field before the last characters had reached it. A screen that routes its keys here
(``ModeratorScreen.take_key``, called by ``ModeratorApp.on_event`` as the app reads each
key) has every key act, or be typed into its field, before the next key is read; a paste
(a terminal's bracketed paste) is one unit in that order.

The order is Textual's own: priority bindings (quit), then the focused field types what it
types (a character; Enter in a note), then the bindings from the focused widget up.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any

from textual.widgets import TextArea

if TYPE_CHECKING:
    from textual import events
    from textual.widget import Widget

    from moderator.tui.base import ModeratorScreen


async def route_key(screen: ModeratorScreen, event: events.Key, field: Widget) -> bool:
    """Act on ``event`` now: True if it ran a binding or was typed into ``field`` (which
    must have focus for that); False leaves it to Textual's usual way (a widget's own
    handling of it, such as a list's Enter)."""
    if screen.app.screen is not screen or screen.holds(event.key):
        return False  # keys held while the screen reads its data go their own way
    app: Any = screen.app
    # Textual's own steps, not its public API: where a release renames them, the key goes
    # Textual's usual way (False), as it did before this routing
    check = getattr(app, "_check_bindings", None)
    type_in = getattr(field, "_on_key", None)
    if check is None or type_in is None:
        return False
    if await check(event.key, priority=True):
        return True
    if screen.focused is field:
        await type_in(event)  # a character typed into the field: it stops the key there
        if getattr(event, "_stop_propagation", False):
            return True
    return bool(await check(event.key))  # the focused widget's bindings first, then ours


async def route_paste(screen: ModeratorScreen, event: events.Paste, field: Widget) -> bool:
    """A paste into ``field``, there and then (True), if it has focus; pasted anywhere else,
    or while keys are held for the screen's data, it goes Textual's usual way (False)."""
    if screen.app.screen is not screen or screen.held_keys or screen.waits_for_data():
        return False
    if screen.focused is not field:
        return False
    if isinstance(field, TextArea):
        # What TextArea's own paste does, less its focus(): that acts a turn later, and
        # after an Esc typed right after the paste it pulled the focus back into the box.
        if not field.read_only:
            edit = field.replace(event.text, *field.selection, maintain_selection_offset=False)
            field.move_cursor(edit.end_location)
        return True
    paste_in = getattr(field, "_on_paste", None)  # Textual's own step, as above
    if paste_in is None:
        return False
    done = paste_in(event)  # an Input keeps its first line of it
    if inspect.isawaitable(done):
        await done
    return True
