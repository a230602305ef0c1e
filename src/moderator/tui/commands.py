"""The command palette's entries: every registry action the user's role may take, from anywhere.

* The current screen's actions and the app-wide ones run where the user is.
* The actions of the user's list (home or queue) go back to the list and run there.
* The actions of a screen the list opens (the dashboard ``d``, the samples ``v``) go back
  to the list, open that screen (or go back to it, if it is open underneath) and run there.
* The actions of a screen about one chosen item (an audit's grading, a review, feedback,
  the audits behind a number, the import's doubts) are offered too, with a hint: choosing
  one says how to get there, since the palette cannot choose the audit.

Moves within a screen (next, previous, page, back) are offered on their own screen only.
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

OPENERS: dict[str, str] = {"dashboard": "open_dashboard", "samples": "open_samples"}
"""Screens the user's list opens, by the list's action that opens them."""

CHOOSE_FIRST: dict[str, str] = {
    "grading": "open an audit from your list (Enter) first",
    "review": "open a moderation in 'To review' from your queue (Enter) first",
    "feedback": "open a reviewed audit (● new) from your list (Enter) first",
    "drift-audits": "on the drift dashboard (d), press Enter on a manager, criterion or period"
    " first",
    "import": "open the import (Ctrl+O) first; these keys decide each doubt there",
}
"""Screens about one chosen item: how to get there (the palette cannot choose for the user)."""

PICKS_A_ROW = frozenset({"open_item", "drill", "open_audit"})
"""Actions on the row under the cursor: from elsewhere the palette opens their screen only."""

LOCAL = frozenset(
    {"move", "jump", "back", "clear_search", "scroll_descriptors", "switch_pane", "leave_field"}
)
"""Moves within a screen: offered on that screen only."""

SERVER_FILES = frozenset({"app.import"})
"""Actions that read a file the user names on the server: never offered in a browser tab."""

Entry = tuple[str, str, Action, Callable[[], Any]]


def offered_here(app: App[Any], action: Action) -> bool:
    """Whether the workbench offers ``action`` at all: a browser tab (``moderator serve``)
    offers nothing that names a file on the server (the import, and its screen's keys),
    nor the terminal's own actions (Ctrl+Q's quit, Ctrl+T's theme: :attr:`Action.where`)."""
    served = bool(getattr(app, "served", False))
    if not action.offered(served=served):
        return False
    return not served or (action.id not in SERVER_FILES and action.scope != "import")


def _allowed(target: App[Any] | Screen[Any], action: Action) -> bool:
    _namespace, name, params = parse_action(action.action)
    return target.check_action(name, params) is True


def _name(action: Action) -> str:
    return parse_action(action.action)[1]


def keys_said(app: App[Any], action: Action) -> str | None:
    """The keys of ``action`` as the palette says them; None when it has none (a browser
    tab's Sign out: the palette is its way). An action no single key runs may still say
    how it is done (the picker's type-to-find: ``Type``)."""
    return display_keys(action) if action.keys or action.key_display else None


def _role(app: App[Any]) -> str | None:
    user = getattr(app, "user", None)
    return None if user is None else user.role.value


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
    role = _role(app)
    for action in ACTIONS:
        if not action.palette or action.scope not in (scope, "app") or not action.for_role(role):
            continue
        if not offered_here(app, action):
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
        if action.scope == home.SCOPE and _name(action) not in LOCAL and _allowed(home, action):  # type: ignore[attr-defined]
            yield action


def elsewhere_actions(app: App[Any], screen: Screen[Any]) -> Iterator[Action]:
    """The role's actions on the other screens the list opens or that need an item chosen."""
    home = home_screen(app)
    role = _role(app)
    if home is None or role is None:
        return
    here = getattr(screen, "SCOPE", None)
    for action in ACTIONS:
        scope = action.scope
        if scope == here or not action.palette or not action.for_role(role):
            continue
        if not offered_here(app, action):
            continue
        if _name(action) in LOCAL or (scope not in OPENERS and scope not in CHOOSE_FIRST):
            continue
        opener = OPENERS.get(scope)
        if opener is not None and home.check_action(opener, ()) is not True:
            continue  # the role cannot open that screen (a manager has no samples)
        yield action


class ActionCommands(Provider):
    """Offers the registry's actions: what the screen allows now, and the role's others."""

    def _entries(self) -> Iterator[Entry]:
        role = _role(self.app)
        offered: set[str] = set()
        for action, target in available_actions(self.app, self.screen):
            offered.add(action.id)
            keys = keys_said(self.app, action)
            where = scope_title(action.scope, role)
            help_text = f"{where} · key {keys}" if keys else f"{where} · from this palette"
            yield action.description, help_text, action, partial(target.run_action, action.action)
        workbench = workbench_of(self)
        for action in anywhere_actions(self.app, self.screen):
            offered.add(action.id)
            where = scope_title(action.scope, role)
            help_text = f"Goes to {where} · key {display_keys(action)} there"
            run = partial(workbench.run_from_home, action.action)
            yield action.description, help_text, action, run
        for action in elsewhere_actions(self.app, self.screen):
            if action.id in offered:
                continue
            yield self._elsewhere(action, role)

    def _elsewhere(self, action: Action, role: str | None) -> Entry:
        where = scope_title(action.scope, role)
        keys = display_keys(action)
        opener = OPENERS.get(action.scope)
        if opener is None:
            hint = CHOOSE_FIRST[action.scope]
            say = f"{action.description}: {hint}."
            run: Callable[[], Any] = partial(self.app.notify, say, title=where, timeout=8)
            return action.description, f"On {where}: {hint} · key {keys} there", action, run
        then = None if _name(action) in PICKS_A_ROW else action.action
        run = partial(workbench_of(self).run_on, action.scope, opener, then)
        return action.description, f"Opens {where} · key {keys} there", action, run

    async def discover(self) -> Hits:
        """Everything available, for an empty search: this screen's first."""
        for title, help_text, _action, run in self._entries():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        """Entries whose description or label matches the search."""
        matcher = self.matcher(query)
        for title, help_text, action, run in self._entries():
            score = max(matcher.match(title), matcher.match(action.label))
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
