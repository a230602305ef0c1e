"""The command palette's entries: every registry action the user's role may take, from anywhere.

The current screen's actions and the app-wide ones run where the user is; the
actions of the user's list marked ``anywhere`` (draw a sample, open the
dashboard, switch user…) go back to the list first and run there, so the
palette opens the right screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual.actions import parse as parse_action
from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from moderator.tui.actions import ACTIONS, Action, display_keys, scope_title
from moderator.tui.base import workbench_of


def _allowed(target: App[Any] | Screen[Any], action: Action) -> bool:
    _namespace, name, params = parse_action(action.action)
    return target.check_action(name, params) is True


def home_screen(app: App[Any]) -> Screen[Any] | None:
    """The user's list at the bottom of the screen stack (None before a user is chosen)."""
    for screen in app.screen_stack:
        if getattr(screen, "IS_HOME", False):
            return screen
    return None


def available_actions(
    app: App[Any], screen: Screen[Any]
) -> Iterator[tuple[Action, App[Any] | Screen[Any]]]:
    """Registry actions for ``screen`` and the app that are allowed right now."""
    scope = getattr(screen, "SCOPE", None)
    user = getattr(app, "user", None)
    role = None if user is None else user.role.value
    for action in ACTIONS:
        if not action.palette or action.scope not in (scope, "app") or not action.for_role(role):
            continue
        target: App[Any] | Screen[Any] = app if action.scope == "app" else screen
        if _allowed(target, action):
            yield action, target


def anywhere_actions(app: App[Any], screen: Screen[Any]) -> Iterator[Action]:
    """The list's actions the user's role allows, offered from another screen."""
    home = home_screen(app)
    if home is None or home is screen:
        return
    for action in ACTIONS:
        if action.anywhere and action.scope == home.SCOPE and _allowed(home, action):  # type: ignore[attr-defined]
            yield action


class ActionCommands(Provider):
    """Offers the registry's actions: what the screen allows now, and the role's others."""

    def _entries(self) -> Iterator[tuple[str, str, Action, Callable[[], Any]]]:
        user = getattr(self.app, "user", None)
        role = None if user is None else user.role.value
        for action, target in available_actions(self.app, self.screen):
            help_text = f"{scope_title(action.scope, role)} · key {display_keys(action)}"
            yield action.description, help_text, action, partial(target.run_action, action.action)
        workbench = workbench_of(self)
        for action in anywhere_actions(self.app, self.screen):
            where = scope_title(action.scope, role)
            help_text = f"Goes to {where} · key {display_keys(action)} there"
            yield (
                action.description,
                help_text,
                action,
                partial(workbench.run_from_home, action.action),
            )

    async def discover(self) -> Hits:
        """Everything available, for an empty search."""
        for title, help_text, _action, run in self._entries():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        """Entries whose description or label matches the search."""
        matcher = self.matcher(query)
        for title, help_text, action, run in self._entries():
            score = max(matcher.match(title), matcher.match(action.label))
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
