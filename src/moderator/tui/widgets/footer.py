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


LEAVE_KEYS = frozenset({"escape", "ctrl+q"})
"""Keys that leave a screen or quit: always on the bar, with their words."""
HELP_KEYS = frozenset({"question_mark", "f1"})
"""The key that lists every other key keeps its words too."""


@dataclass
class _Piece:
    """One entry of the bar: a key, or a group of keys with one description."""

    members: list[tuple[Binding, bool, str]]
    description: str
    grouped: bool

    @property
    def keys(self) -> set[str]:
        return {k.strip() for b, _, _ in self.members for k in b.key.split(",")}

    @property
    def leaves(self) -> bool:
        return bool(self.keys & LEAVE_KEYS)

    @property
    def keeps_words(self) -> bool:
        return bool(self.keys & (LEAVE_KEYS | HELP_KEYS))


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
        if self.screen.is_modal:
            # A dialog's keys stop at the dialog, but the app's priority keys (quit) act
            # over it too: they show, so that quitting is offered everywhere.
            for key, binding in self.app._bindings:
                if binding.priority and binding.show and key not in active:
                    by_action[binding.action].append((binding, True, binding.tooltip))
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                palette = (found.binding, found.enabled)
        return list(by_action.values()), palette

    def render(self) -> Text:
        """The keys, left to right, and the command palette's key at the right edge.

        When they do not fit the width (80 columns), the keys to leave and quit move to
        the right beside the palette's key and keep their words, the spacing tightens, and
        the other keys lose their words from the right (then, only if still needed, the
        keys themselves): no key is ever cut in half, and Esc and ^q always show.
        """
        self._keys = []
        if not self._ready:
            return Text()
        styles = {
            name: self.get_component_rich_style(f"footer--{name}")
            for name in ("key", "description", "hover", "separator")
        }
        actions, palette = self._shown()
        pieces: list[_Piece] = []
        for group, members_iter in groupby(actions, lambda members: members[0][0].group):
            members = list(members_iter)
            if group is not None and len(members) > 1:
                pieces.append(_Piece([m[0] for m in members], group.description, grouped=True))
                continue
            pieces.extend(_Piece([m[0]], m[0][0].description, grouped=False) for m in members)
        tail = Text(no_wrap=True)
        tail_keys: list[_Key] = []
        if palette is not None:
            tail.append("▏", styles["separator"])
            binding, enabled = palette
            tip = binding.tooltip or binding.description
            self._add(tail, binding, binding.description, enabled, tip, styles, pad=False)
            tail_keys, self._keys = self._keys, []
        room = max(0, self.size.width - tail.cell_len)
        line = self._line(pieces, styles, compact=False)
        if line.cell_len > room:
            line = self._fitted(pieces, styles, room)
        line.truncate(room, pad=palette is not None)
        self._keys = [k for k in self._keys if k.end <= room]
        if palette is None:
            return line
        self._keys += [
            _Key(k.start + room, k.end + room, k.key, k.enabled, k.tooltip) for k in tail_keys
        ]
        return line + tail

    def _fitted(self, pieces: list[_Piece], styles: dict[str, Style], room: int) -> Text:
        """The keys tightened to ``room`` cells: leave and quit last, words dropped as needed
        (from the right), then given back to any key they fit beside."""
        pinned = [p for p in pieces if p.leaves]
        pieces = [p for p in pieces if not p.leaves] + pinned
        droppable = [i for i, p in enumerate(pieces) if not p.keeps_words]
        for count in range(len(droppable) + 1):
            wordless = set(droppable[len(droppable) - count :]) if count else set()
            line = self._line(pieces, styles, compact=True, wordless=wordless)
            if line.cell_len <= room:
                for i in sorted(wordless):
                    trial = self._line(pieces, styles, compact=True, wordless=wordless - {i})
                    if trial.cell_len <= room:
                        wordless -= {i}
                return self._line(pieces, styles, compact=True, wordless=wordless)
        while len(pieces) > len(pinned):  # still too wide: the last keys go (? and ^p list them)
            pieces = [p for p in pieces if not p.leaves][:-1] + pinned
            line = self._line(pieces, styles, compact=True, wordless=set(range(len(pieces))))
            if line.cell_len <= room:
                return line
        return line

    def _line(
        self,
        pieces: list[_Piece],
        styles: dict[str, Style],
        *,
        compact: bool,
        wordless: set[int] | None = None,
    ) -> Text:
        """Draw ``pieces``; those at the indices ``wordless`` show their keys only."""
        self._keys = []
        line = Text(no_wrap=True, overflow="crop")
        for i, piece in enumerate(pieces):
            words = piece.keeps_words or i not in (wordless or set())
            if piece.grouped:
                if not compact:
                    line.append(" ")
                for binding, enabled, tooltip in piece.members:
                    tip = tooltip or binding.description
                    self._add(line, binding, "", enabled, tip, styles)
                line.append(f" {piece.description} " if words else " ", styles["description"])
                continue
            binding, enabled, tooltip = piece.members[0]
            if words:
                self._add(
                    line, binding, piece.description, enabled, tooltip, styles, pad=not compact
                )
            else:
                self._add(line, binding, "", enabled, tooltip or piece.description, styles)
                line.append(" ", styles["description"])
        return line

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
