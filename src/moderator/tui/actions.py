"""The one registry of user actions: it feeds key bindings, the footer, `?` help and the palette.

Every entry has a stable id (``scope.name``) so users can remap keys by id in
the config (``keys: {grading.submit: ctrl+enter}``). Screens take their
``BINDINGS`` from :func:`bindings_for`; the help screen and the command palette
read the same entries, so the three can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding, BindingType

Scope = Literal[
    "app",
    "home",
    "grading",
    "review",
    "picker",
    "help",
    "dialog",
    "dashboard",
    "drift-audits",
    "import",
]

SCOPE_TITLES: dict[str, str] = {
    "app": "Everywhere",
    "home": "My audits",
    "grading": "Grading",
    "review": "Disagreement review (moderators)",
    "picker": "Who is working",
    "help": "Help",
    "dialog": "Dialogs",
    "dashboard": "Drift dashboard",
    "drift-audits": "Audits behind a number",
    "import": "Import cases (redaction doubts)",
}


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


def _grade_actions() -> list[Action]:
    labels = ["Outstanding", "Good", "Requires improvement", "Inadequate"]
    return [
        Action(
            f"grading.grade-{n}",
            "grading",
            str(n),
            f"grade({n})",
            label,
            f"Grade the criterion {label}",
            group="Grade",
        )
        for n, label in enumerate(labels, start=1)
    ]


def _review_actions() -> list[Action]:
    labels = ["Outstanding", "Good", "Requires improvement", "Inadequate"]
    grades = [
        Action(
            f"review.grade-{n}",
            "review",
            str(n),
            f"grade({n})",
            label,
            f"Set the moderated grade of the disagreement: {label}",
            group="Moderated grade",
        )
        for n, label in enumerate(labels, start=1)
    ]
    return [
        *grades,
        Action("review.next", "review", "j", "move(1)", "Next", "Next criterion", show=False),
        Action(
            "review.prev", "review", "k", "move(-1)", "Previous", "Previous criterion", show=False
        ),
        Action(
            "review.rationale",
            "review",
            "r",
            "rationale",
            "Rationale",
            "Write the rationale for the moderated grade (Enter records it)",
        ),
        Action(
            "review.override",
            "review",
            "o",
            "override",
            "Override",
            "Override the moderated overall grade, with a reason",
        ),
        Action(
            "review.complete",
            "review",
            "ctrl+s",
            "complete",
            "Complete",
            "Complete the review: the outcome goes to the manager; then read-only",
            priority=True,
        ),
        Action("review.back", "review", "escape", "back", "Back", "Back to your queue"),
    ]


def _dashboard_actions() -> list[Action]:
    return [
        Action(
            "dashboard.open",
            "dashboard",
            "enter",
            "drill",
            "Audits",
            "Show the audits behind the selected manager, criterion or period",
            priority=True,  # above the table's own Enter, so the footer shows it
        ),
        Action(
            "dashboard.prev-tab",
            "dashboard",
            "left_square_bracket",
            "switch_tab(-1)",
            "Tab",
            "Show the previous tab (overview, managers, criteria, trend)",
            group="Tab",
            key_display="[",
        ),
        Action(
            "dashboard.next-tab",
            "dashboard",
            "right_square_bracket",
            "switch_tab(1)",
            "Tab",
            "Show the next tab (overview, managers, criteria, trend)",
            group="Tab",
            key_display="]",
        ),
        Action("dashboard.filter", "dashboard", "f", "filter", "Filter", "Filter by team or dates"),
        Action(
            "dashboard.period",
            "dashboard",
            "p",
            "toggle_period",
            "Month/Quarter",
            "Switch the trend between months and quarters",
        ),
        Action(
            "dashboard.export",
            "dashboard",
            "e",
            "export",
            "Export",
            "Export the report as HTML, Excel, Markdown, CSV or JSON",
        ),
        Action(
            "dashboard.next", "dashboard", "j", "move(1)", "Next", "Next row (or ↓)", show=False
        ),
        Action(
            "dashboard.prev",
            "dashboard",
            "k",
            "move(-1)",
            "Previous",
            "Previous row (or ↑)",
            show=False,
        ),
        Action(
            "dashboard.refresh",
            "dashboard",
            "f5",
            "refresh_report",
            "Refresh",
            "Read the audits again and rebuild the report",
            show=False,
        ),
        Action(
            "dashboard.back",
            "dashboard",
            "escape",
            "back",
            "Back",
            "Leave the filters, or go back to the audit list",
        ),
        Action(
            "drift-audits.open",
            "drift-audits",
            "enter",
            "open_audit",
            "Open",
            "Open the selected audit (read-only)",
            priority=True,
        ),
        Action(
            "drift-audits.next",
            "drift-audits",
            "j",
            "move(1)",
            "Next",
            "Next audit (or ↓)",
            show=False,
        ),
        Action(
            "drift-audits.prev",
            "drift-audits",
            "k",
            "move(-1)",
            "Previous",
            "Previous audit (or ↑)",
            show=False,
        ),
        Action(
            "drift-audits.back",
            "drift-audits",
            "escape",
            "back",
            "Back",
            "Go back to the dashboard",
        ),
    ]


ACTIONS: tuple[Action, ...] = (
    # -- everywhere ----------------------------------------------------------------
    Action("app.help", "app", "question_mark", "help", "Help", "Show every key and what it does"),
    Action("app.theme", "app", "ctrl+t", "toggle_theme", "Theme", "Switch between dark and light"),
    Action("app.import", "app", "ctrl+o", "import_cases", "Import", "Import cases", show=False),
    Action(
        "app.quit",
        "app",
        "ctrl+q",
        "quit",
        "Quit",
        "Save everything and quit",
        priority=True,
    ),
    Action(
        "app.palette",
        "app",
        "ctrl+p",
        "command_palette",
        "Commands",
        "Search every command",
        show=False,
        palette=False,
    ),
    # -- my audits -------------------------------------------------------------------
    Action(
        "home.open",
        "home",
        "enter",
        "open_audit",
        "Open",
        "Open the selected audit",
        priority=True,  # above the table's own Enter, so the footer shows it
    ),
    Action(
        "home.search",
        "home",
        "slash",
        "search",
        "Search",
        "Search by case, team, service area, rubric or manager",
    ),
    Action(
        "home.clear-search",
        "home",
        "escape",
        "clear_search",
        "Clear",
        "Clear the search and go back to the list",
        show=False,
    ),
    Action(
        "home.prev-state",
        "home",
        "left_square_bracket",
        "switch_state(-1)",
        "State",
        "Show the previous state tab (to do, drafts, submitted, all)",
        group="State",
        key_display="[",
    ),
    Action(
        "home.next-state",
        "home",
        "right_square_bracket",
        "switch_state(1)",
        "State",
        "Show the next state tab (to do, drafts, submitted, all)",
        group="State",
        key_display="]",
    ),
    Action("home.next", "home", "j", "move(1)", "Next", "Next audit (or ↓)", show=False),
    Action("home.prev", "home", "k", "move(-1)", "Previous", "Previous audit (or ↑)", show=False),
    Action("home.sort", "home", "s", "sort_next", "Sort", "Sort by the next column"),
    Action("home.reverse", "home", "r", "sort_reverse", "Reverse", "Reverse the sort order"),
    Action(
        "home.assign",
        "home",
        "a",
        "assign_programme",
        "Assign",
        "Assign a monthly audit programme to every manager (lead)",
    ),
    Action(
        "home.sample",
        "home",
        "m",
        "draw_sample",
        "Sample",
        "Draw a moderation sample of submitted audits (lead)",
    ),
    Action(
        "home.refresh",
        "home",
        "f5",
        "refresh_list",
        "Refresh",
        "Reload the list from the database",
        show=False,
    ),
    Action("home.switch-user", "home", "u", "switch_user", "User", "Work as someone else"),
    Action(
        "home.dashboard",
        "home",
        "d",
        "open_dashboard",
        "Drift",
        "Open the drift dashboard (leads: every manager; managers: your own drift)",
    ),
    # -- grading ----------------------------------------------------------------------
    *_grade_actions(),
    Action(
        "grading.clear-grade",
        "grading",
        "x",
        "grade(0)",
        "Clear",
        "Clear the criterion's grade",
        show=False,
    ),
    Action("grading.next", "grading", "j", "move(1)", "Next", "Next criterion (or ↓)", show=False),
    Action(
        "grading.prev",
        "grading",
        "k",
        "move(-1)",
        "Previous",
        "Previous criterion (or ↑)",
        show=False,
    ),
    Action(
        "grading.descriptors-down",
        "grading",
        "pagedown",
        "scroll_descriptors(1)",
        "More",
        "Scroll the grade descriptors down",
        show=False,
    ),
    Action(
        "grading.descriptors-up",
        "grading",
        "pageup",
        "scroll_descriptors(-1)",
        "Back up",
        "Scroll the grade descriptors up",
        show=False,
    ),
    Action(
        "grading.note",
        "grading",
        "n",
        "edit_note",
        "Note",
        "Write the evidence note for this criterion (or Enter)",
    ),
    Action(
        "grading.next-missing",
        "grading",
        "m",
        "next_missing",
        "Next to do",
        "Jump to the next criterion still missing a grade or a note",
    ),
    Action(
        "grading.override",
        "grading",
        "o",
        "override",
        "Override",
        "Override the derived overall grade (needs a written reason)",
    ),
    Action(
        "grading.submit",
        "grading",
        "ctrl+s",
        "submit",
        "Submit",
        "Check completeness and submit; the work becomes read-only",
    ),
    Action("grading.case", "grading", "c", "toggle_case", "Case", "Show or hide the case text"),
    Action(
        "grading.back",
        "grading",
        "escape",
        "back",
        "Back",
        "Leave the note, or go back to the list (everything is saved)",
    ),
    # -- drift dashboard ------------------------------------------------------------------
    *_review_actions(),
    *_dashboard_actions(),
    # -- picker, help, dialogs ---------------------------------------------------------
    Action("picker.choose", "picker", "enter", "choose", "Choose", "Work as the selected user"),
    Action("help.close", "help", "escape,q", "close", "Close", "Close the help", palette=False),
    Action(
        "dialog.cancel",
        "dialog",
        "escape",
        "cancel",
        "Cancel",
        "Close without changing anything",
        palette=False,
    ),
    Action("dialog.confirm", "dialog", "ctrl+s", "confirm", "OK", "Confirm", palette=False),
    # -- import: the redactor's doubts, one at a time ------------------------------------
    Action("import.redact", "import", "r", "decide('redact')", "Redact", "Confirm: redact it"),
    Action("import.keep", "import", "k", "decide('keep')", "Keep", "Reject: keep the words"),
    Action("import.skip", "import", "s", "skip", "Skip", "Leave it undecided for now"),
    Action("import.run", "import", "i", "run_import", "Import", "Import the file now"),
    Action("import.back", "import", "escape", "back", "Back", "Leave the import screen"),
)


def actions_for(scope: Scope) -> list[Action]:
    """The registry entries of one scope, in registry order."""
    return [a for a in ACTIONS if a.scope == scope]


def bindings_for(scope: Scope) -> list[BindingType]:
    """The Textual bindings of one scope (for a screen's ``BINDINGS``)."""
    return [a.binding() for a in actions_for(scope)]


def action_by_id(action_id: str) -> Action:
    """The registry entry with this id (KeyError if absent)."""
    for a in ACTIONS:
        if a.id == action_id:
            return a
    raise KeyError(action_id)


def display_keys(action: Action) -> str:
    """The keys of an action as a person reads them (``ctrl+s`` → ``Ctrl+S``)."""
    if action.key_display:
        return action.key_display
    names = {
        "question_mark": "?",
        "slash": "/",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
        "escape": "Esc",
        "enter": "Enter",
    }
    parts = []
    for key in action.keys.split(","):
        key = key.strip()
        if key in names:
            parts.append(names[key])
        elif "+" in key:
            parts.append(
                "+".join(p.capitalize() if len(p) > 1 else p.upper() for p in key.split("+"))
            )
        else:
            parts.append(key.upper() if key.startswith("f") and key[1:].isdigit() else key)
    return " / ".join(parts)
