"""One user action as the registry describes it: its id, key, labels and where it applies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding

Scope = Literal[
    "app",
    "home",
    "queue",
    "samples",
    "feedback",
    "grading",
    "review",
    "review-field",
    "picker",
    "help",
    "dialog",
    "export",
    "dashboard",
    "drift-audits",
    "import",
]

SCOPE_TITLES: dict[str, str] = {
    "app": "Everywhere",
    "home": "My audits",
    "queue": "Moderation queue",
    "samples": "Moderation samples (leads)",
    "feedback": "Moderation feedback",
    "grading": "Grading",
    "review": "Disagreement review (moderators)",
    "review-field": "Disagreement review: in the rationale field",
    "picker": "Who is working",
    "help": "Help",
    "dialog": "Dialogs",
    "export": "Exporting the drift report",
    "dashboard": "Drift dashboard",
    "drift-audits": "Audits behind a number",
    "import": "Import cases (redaction doubts)",
}

ROLE_SCOPE_TITLES: dict[tuple[str, str], str] = {("home", "lead"): "Every audit"}
"""A screen whose title depends on who works: a lead's list holds every audit, not theirs."""


def scope_title(scope: str, role: str | None = None) -> str:
    """The name of a screen as the user of ``role`` sees it in its title bar."""
    return ROLE_SCOPE_TITLES.get((scope, role or ""), SCOPE_TITLES[scope])


SCOPE_ROLES: dict[str, frozenset[str]] = {
    "home": frozenset({"manager", "lead"}),
    "queue": frozenset({"moderator"}),
    "review": frozenset({"moderator"}),
    "review-field": frozenset({"moderator"}),
    "feedback": frozenset({"manager", "lead"}),
    "samples": frozenset({"lead"}),
    "dashboard": frozenset({"manager", "lead"}),
    "drift-audits": frozenset({"manager", "lead"}),
    "export": frozenset({"manager", "lead"}),
    "import": frozenset({"lead"}),  # Ctrl+O, the lead's import (app.import)
}
"""The roles that ever reach a screen (scopes not listed: every role)."""


@dataclass(frozen=True)
class Action:
    """One thing a user can do, with its key, labels and where it applies."""

    id: str
    """Stable binding id, ``scope.name``."""
    scope: Scope
    keys: str
    """Textual key names, comma-separated (``"j"``, ``"ctrl+s"``)."""
    action: str
    """The Textual action string run on the screen (or app for scope ``app``)."""
    label: str
    """Short footer label."""
    description: str
    """One line for the help screen and the command palette."""
    show: bool = True
    """Shown in the footer."""
    group: str | None = None
    """Footer group: bindings with the same group share one label (``1234 Grade``)."""
    key_display: str | None = None
    priority: bool = False
    palette: bool = True
    """Offered in the command palette."""
    anywhere: bool = False
    """Offered by the palette on every screen: it goes back to the user's list and runs there."""
    roles: frozenset[str] | None = None
    """The roles that may take it (None: every role that reaches its screen)."""
    where: Literal["any", "terminal", "browser"] = "any"
    """Where the workbench offers it: in a terminal only (a key a browser keeps for itself,
    or a setting of the server's), in a browser tab only (``moderator serve``), or both."""

    def offered(self, *, served: bool) -> bool:
        """Whether the workbench offers this action in a browser tab (``served``) or not."""
        return self.where == "any" or (self.where == "browser") == served

    def for_role(self, role: str | None) -> bool:
        """Whether a user of ``role`` has this key (None: nobody signed in yet, so every key)."""
        if role is None:
            return True
        scope_roles = SCOPE_ROLES.get(self.scope)
        if scope_roles is not None and role not in scope_roles:
            return False
        return self.roles is None or role in self.roles

    def binding(self) -> Binding:
        """This action as a Textual binding."""
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.description,
            id=self.id,
            group=None if self.group is None else _group(self.group),
        )


_GROUPS: dict[str, Binding.Group] = {}


def _group(name: str) -> Binding.Group:
    # Footer groups compare by identity of description; share one object per name.
    return _GROUPS.setdefault(name, Binding.Group(name, compact=True))


GRADE_LABELS = ("Outstanding", "Good", "Requires improvement", "Inadequate")
