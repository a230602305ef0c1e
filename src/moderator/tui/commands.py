"""The command palette's entries: every registry action that makes sense where the user is."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from textual.actions import parse as parse_action
from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from moderator.tui.actions import ACTIONS, SCOPE_TITLES, Action, display_keys


def available_actions(
    app: App[Any], screen: Screen[Any]
) -> Iterator[tuple[Action, App[Any] | Screen[Any]]]:
    """Registry actions for ``screen`` and the app that are allowed right now."""
    scope = getattr(screen, "SCOPE", None)
    for action in ACTIONS:
        if not action.palette or action.scope not in (scope, "app"):
            continue
        target: App[Any] | Screen[Any] = app if action.scope == "app" else screen
        _namespace, name, params = parse_action(action.action)
        if target.check_action(name, params) is True:
            yield action, target


class ActionCommands(Provider):
    """Offers the registry's actions, context-aware (only what the screen allows now)."""

    def _entries(self) -> Iterator[tuple[str, str, Action, App[Any] | Screen[Any]]]:
        for action, target in available_actions(self.app, self.screen):
            title = action.description
            help_text = f"{SCOPE_TITLES[action.scope]} · key {display_keys(action)}"
            yield title, help_text, action, target

    async def discover(self) -> Hits:
        """Everything available, for an empty search."""
        for title, help_text, action, target in self._entries():
            yield DiscoveryHit(title, partial(target.run_action, action.action), help=help_text)

    async def search(self, query: str) -> Hits:
        """Entries whose description or label matches the search."""
        matcher = self.matcher(query)
        for title, help_text, action, target in self._entries():
            score = max(matcher.match(title), matcher.match(action.label))
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(target.run_action, action.action),
                    help=help_text,
                )
