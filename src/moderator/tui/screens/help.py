"""`?`: every key of the user's role and what it does, generated from the action registry."""

from __future__ import annotations

from typing import Any, cast

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
    sections = []
    for name in order:
        entries = _remapped([a for a in ACTIONS if a.scope == name and a.for_role(role)], keymap)
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
                    table: DataTable[str] = DataTable(
                        cursor_type="none", show_header=False, classes="help-table"
                    )
                    table.add_columns("key", "action")
                    for a in entries:
                        # An action without a key (a browser tab's Sign out) is the
                        # palette's.
                        table.add_row(keys_said(self.app, a) or "palette", a.description)
                    yield table

    def action_close(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        self.dismiss(None)
