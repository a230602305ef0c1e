"""`?`: every key of the user's role and what it does, generated from the action registry."""

from __future__ import annotations

from typing import Any, cast

from rich.cells import cell_len
from textual import events
from textual.actions import parse as parse_action
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Label

from moderator.tui.actions import (
    ACTIONS,
    SCOPE_TITLES,
    Action,
    Scope,
    actions_for,
    bindings_for,
    scope_title,
)
from moderator.tui.base import ModeratorModal
from moderator.tui.commands import keys_said, offered_here

WHO_IS_WORKING: frozenset[Scope] = frozenset({"picker"})
"""Screens that choose who works: their help is about them, not about any role's work."""


def help_sections(
    scope: Scope | None, keymap: dict[str, str], role: str | None = None
) -> list[tuple[str, list[Action]]]:
    """The registry grouped for the help screen: the current screen first, then the rest.

    With a ``role``, only the keys a user of that role has (a manager is not shown
    the lead's keys, a moderator not the manager's list). On the user picker (and the
    sign-in, its secured form) no one works yet, or the one who did is choosing again:
    help describes the picker, and the app-wide keys any role has, nothing else.
    """
    if scope in WHO_IS_WORKING:
        return [
            (scope_title(name), entries)
            for name in (scope, "app")
            if (entries := _remapped([a for a in actions_for(name) if a.roles is None], keymap))
        ]
    order: list[Scope] = ["home", "grading", "picker", "app", "dialog", "help"]
    # Screens added later get their section before the app-wide keys without editing this list.
    order[3:3] = [cast(Scope, s) for s in SCOPE_TITLES if s not in order]
    if scope in order:
        order.remove(scope)
        order.insert(0, scope)
    everywhere = _remapped([a for a in actions_for("app") if a.for_role(role)], keymap)
    # A key that works everywhere is listed once, under Everywhere: the lead's Ctrl+O
    # (import) was listed under "Every audit" too, where its list's key bar shows it.
    said = {(a.keys, a.action) for a in everywhere}
    sections = []
    for name in order:
        entries = _remapped([a for a in ACTIONS if a.scope == name and a.for_role(role)], keymap)
        if name != "app":
            entries = [a for a in entries if (a.keys, a.action) not in said]
        if entries:
            sections.append((scope_title(name, role), entries))
    return sections


def _remapped(entries: list[Action], keymap: dict[str, str]) -> list[Action]:
    """``entries`` with the keys the user remapped in the config."""
    return [
        Action(**{**a.__dict__, "keys": keymap.get(a.id, a.keys), "key_display": None})
        if a.id in keymap
        else a
        for a in entries
    ]


class HelpTable(DataTable[str]):
    """Keys and what they do, each description wrapped onto the lines it needs.

    A plain table cut a long one at the edge, mid-word and with no "…" ("saved and logged
    like any chang" at 80 and 100 columns): the description column now fits the table's
    width, refitted when the terminal is resized.
    """

    def __init__(self, rows: list[tuple[str, str]], width: int) -> None:
        super().__init__(cursor_type="none", show_header=False, classes="help-table")
        self._help_rows = rows
        self._fitted_to = 0
        self._fit(width)

    def _fit(self, width: int) -> None:
        if width == self._fitted_to or width <= 0:
            return
        self._fitted_to = width
        self.clear(columns=True)
        key_width = max((cell_len(k) for k, _ in self._help_rows), default=1)
        self.add_column("key", width=key_width)
        self.add_column("action", width=max(12, width - key_width - 4 * self.cell_padding))
        for key, description in self._help_rows:
            self.add_row(key, description, height=None)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)


class HelpScreen(ModeratorModal):
    """Keys and actions of the screen underneath, then everything else."""

    SCOPE = "help"
    BINDINGS = bindings_for("help")
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012 - Textual's plain attribute
    """On a short terminal (80x24) the help drops its blank lines, so the current screen's keys
    are all in view when it opens (app.tcss)."""

    def __init__(
        self,
        scope: Scope | None,
        keymap: dict[str, str] | None = None,
        role: str | None = None,
        under: Screen[Any] | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self.scope = scope
        self.keymap = keymap or {}
        self.role = role
        self.under = under
        """The screen help was opened on: its section lists only the keys it allows now (a
        submitted audit's grading screen listed 1-4, n and o, which do nothing there)."""

    def works_under(self, action: Action) -> bool:
        """Whether the screen underneath allows ``action`` now (its own section only)."""
        if self.under is None or action.scope != self.scope:
            return True
        _namespace, name, params = parse_action(action.action)
        return self.under.check_action(name, params) is not False

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Label("Keys  ·  Esc closes  ·  Ctrl+P searches every command", id="help-title")
            with VerticalScroll(id="help-body"):
                sections = [
                    (title, kept)
                    for title, entries in help_sections(self.scope, self.keymap, self.role)
                    # a browser tab has no import (commands.offered_here): its keys neither
                    if (
                        kept := [
                            a for a in entries if offered_here(self.app, a) and self.works_under(a)
                        ]
                    )
                ]
                for n, (title, entries) in enumerate(sections):
                    yield Label(title, classes="help-section" + (" first" if n == 0 else ""))
                    # An action without a key (a browser tab's Sign out) is the palette's.
                    rows = [(keys_said(self.app, a) or "palette", a.description) for a in entries]
                    yield HelpTable(rows, self._expected_width())

    def _expected_width(self) -> int:
        """The tables' width before layout (app.tcss: #help-box is 90 wide, at most 95% of
        the terminal, within its border, padding and the scrollbar): rows are there at once."""
        return min(90, self.app.size.width * 95 // 100) - 2 - 2 - 1

    def action_close(self) -> None:
        self.dismiss(None)

    def action_command_palette(self) -> None:
        """Ctrl+P, as the title offers: the search opens where the help was opened."""
        app = self.app
        self.dismiss(None)
        app.call_later(app.action_command_palette)

    def action_help(self) -> None:
        self.dismiss(None)
