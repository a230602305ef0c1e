"""The key bar at the bottom of every screen: one widget that draws the screen's keys.

Textual's own footer composes a widget per key, each styled by the CSS engine, and
composes them all again after every change of the screen's bindings (focus moving, a
screen refreshing its bindings). Opening the home list made several such changes
before the first screen: a tenth of a second of CPU, a third of what the workbench's
start cost beyond a bare Textual app. This bar draws the same keys as one line of
text, redrawn (not recomposed) when the bindings change. It keeps what the user sees
and does with Textual's: the theme's footer colours, keys of one group shown
together before their label (``1 2 3 4 Grade``), the command palette's key on the
right, a click on a key pressing it, a disabled key dimmed (a click rings the bell),
the key under the pointer highlighted with its tooltip.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen


@dataclass(frozen=True)
class _Key:
    """Where one key is drawn on the bar, and what a click on it does."""

    start: int
    end: int
    key: str
    enabled: bool
    tooltip: str


class Footer(Widget, can_focus=False):
    """The screen's keys in one line; click a key to press it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer--key",
        "footer--description",
        "footer--hover",
        "footer--separator",
    }
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .footer--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, show_command_palette: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_command_palette = show_command_palette
        self._ready = False
        self._keys: list[_Key] = []
        self._hover: str | None = None
        """The key under the pointer."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Redraw with the screen's bindings as they are now (cheap: no widgets made)."""
        self._ready = True
        self.refresh()

    def _shown(self) -> tuple[list[list[tuple[Binding, bool, str]]], tuple[Binding, bool] | None]:
        """The bindings to show, one list per action in the screen's order; the palette's."""
        active = self.screen.active_bindings
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for _node, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                palette = (found.binding, found.enabled)
        return list(by_action.values()), palette

    def render(self) -> Text:
        """The keys, left to right, and the command palette's key at the right edge."""
        self._keys = []
        if not self._ready:
            return Text()
        styles = {
            name: self.get_component_rich_style(f"footer--{name}")
            for name in ("key", "description", "hover", "separator")
        }
        line = Text(no_wrap=True, overflow="crop")
        actions, palette = self._shown()
        for group, members_iter in groupby(actions, lambda members: members[0][0].group):
            members = list(members_iter)
            if group is not None and len(members) > 1:
                line.append(" ")
                for binding, enabled, tooltip in (m[0] for m in members):
                    tip = tooltip or binding.description
                    self._add(line, binding, "", enabled, tip, styles)
                line.append(f" {group.description} ", styles["description"])
                continue
            for binding, enabled, tooltip in (m[0] for m in members):
                self._add(line, binding, binding.description, enabled, tooltip, styles)
        if palette is None:
            return line
        tail = Text(no_wrap=True)
        tail.append("▏", styles["separator"])
        binding, enabled = palette
        tip = binding.tooltip or binding.description
        keys_before = len(self._keys)
        self._add(tail, binding, binding.description, enabled, tip, styles, pad=False)
        room = max(0, self.size.width - tail.cell_len)
        line.truncate(room, pad=True)
        # Keys cut off by the palette's key cannot be clicked; the palette's key moves right.
        self._keys = [k for k in self._keys[:keys_before] if k.end <= room] + [
            _Key(k.start + room, k.end + room, k.key, k.enabled, k.tooltip)
            for k in self._keys[keys_before:]
        ]
        return line + tail

    def _add(
        self,
        line: Text,
        binding: Binding,
        description: str,
        enabled: bool,
        tooltip: str,
        styles: dict[str, Style],
        *,
        pad: bool = True,
    ) -> None:
        """Draw one key (and its description) at the end of ``line``; remember where."""
        start = line.cell_len
        dim = Style(dim=not enabled)
        key_display = self.app.get_key_display(binding)
        if description:
            line.append(f" {key_display} " if pad else f"{key_display} ", styles["key"] + dim)
            line.append(f"{description} ", styles["description"] + dim)
        else:
            line.append(key_display, styles["key"] + dim)
        if binding.key == self._hover:
            line.stylize(styles["hover"], start, line.cell_len)
        self._keys.append(_Key(start, line.cell_len, binding.key, enabled, tooltip))

    def _key_at(self, x: int) -> _Key | None:
        return next((key for key in self._keys if key.start <= x < key.end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click on a key presses it; on a disabled key it rings the bell."""
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Highlight the key under the pointer and show its tooltip."""
        key = self._key_at(event.x)
        hover = None if key is None else key.key
        if hover != self._hover:
            self._hover = hover
            self.tooltip = None if key is None else (key.tooltip or None)
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()
