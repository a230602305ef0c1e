"""The one registry of user actions: it feeds key bindings, the footer, `?` help and the palette.

Every entry has a stable id (``scope.name``) so users can remap keys by id in
the config (``keys: {grading.submit: ctrl+enter}``). Screens take their
``BINDINGS`` from :func:`bindings_for`; the help screen and the command palette
read the same entries, so the three can never disagree.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingType

from moderator.tui.action import SCOPE_TITLES, Action, Scope, scope_title
from moderator.tui.modal_actions import import_actions, modal_actions
from moderator.tui.screen_actions import (
    dashboard_actions,
    grade_actions,
    jump_actions,
    list_actions,
    review_actions,
)

__all__ = [
    "ACTIONS",
    "SCOPE_TITLES",
    "Action",
    "Scope",
    "action_by_id",
    "actions_for",
    "bindings_for",
    "display_keys",
    "scope_title",
]


LEAD = frozenset({"lead"})

IMPORT_ON_SERVER = "Import runs on the server: moderator import cases FILE (README: Commands)"
"""What a browser tab says for Ctrl+O: it reads no file on the server (README, Commands)."""

ACTIONS: tuple[Action, ...] = (
    # -- everywhere ----------------------------------------------------------------
    Action(
        "app.help",
        "app",
        "question_mark,f1",
        "help",
        "Help",
        "Show every key and what it does (F1 while typing in a field)",
    ),
    Action(
        "app.theme",
        "app",
        "ctrl+t",
        "toggle_theme",
        "Theme",
        "Switch between dark and light",
        show=False,  # room in the footer for the keys of the screen
        # A browser tab: Ctrl+T is the browser's new tab, and the choice is saved in the
        # server's config, which a tab never writes (Textual's own Theme entry in the
        # palette changes the tab's colours only).
        where="terminal",
    ),
    Action(
        "app.import",
        "app",
        "ctrl+o",
        "import_cases",
        "Import",
        "Import cases, deciding what the redactor is unsure of (lead)",
        show=False,
        roles=LEAD,
        where="terminal",  # it reads a file named on the server: never from a browser tab
    ),
    Action(
        "app.quit",
        "app",
        "ctrl+q",
        "quit",
        "Quit",
        "Save everything and quit",
        priority=True,
        # A browser tab: Ctrl+Q quits Firefox, and a workbench that quits leaves a dead
        # "Session ended." page. There the way out is app.sign-out.
        where="terminal",
    ),
    Action(
        "app.sign-out",
        "app",
        "",  # no key: a browser keeps Ctrl+Q; the palette (Ctrl+P) offers it
        "sign_out",
        "Sign out",
        "Save everything and sign out",
        show=False,
        where="browser",
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
    *list_actions("home", "audit", "to do, drafts, submitted, all"),
    Action(
        "home.assign",
        "home",
        "a",
        "assign_programme",
        "Assign",
        "Assign a monthly audit programme to every manager (lead)",
        anywhere=True,
        roles=LEAD,
    ),
    Action(
        "home.sample",
        "home",
        "m",
        "draw_sample",
        "Sample",
        "Draw a moderation sample of submitted audits (lead)",
        anywhere=True,
        roles=LEAD,
    ),
    Action(
        "home.samples",
        "home",
        "v",
        "open_samples",
        "Samples",
        "See the moderation samples drawn and the state of each sampled audit (lead)",
        anywhere=True,
        roles=LEAD,
    ),
    Action(
        "home.import",
        "home",
        "ctrl+o",
        "import_cases",
        "Import",
        "Import cases, deciding what the redactor is unsure of (lead)",
        palette=False,  # the palette offers app.import, from every screen
        roles=LEAD,
        where="terminal",  # as app.import (the lead's list drops it: HomeScreen.check_action)
    ),  # on the lead's list's key bar: Ctrl+O (app.import) is shown on no bar
    Action(
        "home.import-server",
        "home",
        "ctrl+o",
        "import_on_server",
        "Import",
        IMPORT_ON_SERVER,
        show=False,  # a notice, not an action: nothing for the key bar
        palette=False,
        roles=LEAD,
        where="browser",  # a browser tab's Ctrl+O says where the import is, not nothing
    ),
    Action(
        "home.switch-user",
        "home",
        "u",
        "switch_user",
        "User",
        "Work as someone else",
        anywhere=True,
    ),
    Action(
        "home.dashboard",
        "home",
        "d",
        "open_dashboard",
        "Drift",
        "Open the drift dashboard (leads: every manager; managers: your own drift)",
        anywhere=True,
    ),
    # -- grading ----------------------------------------------------------------------
    *grade_actions(),
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
    Action(
        "grading.undo",
        "grading",
        "ctrl+z",
        "undo",
        "Undo",
        "Undo the last grade change (saved and logged like any change)",
        show=False,
    ),
    # -- moderation: the queue, the review, the manager's feedback, samples ----------
    *list_actions("queue", "moderation", "to do, claimable, drafts, to review, reviewed, all"),
    Action(
        "queue.claim",
        "queue",
        "c",
        "claim",
        "Claim",
        "Claim the selected unassigned moderation: it becomes yours to grade blind",
    ),
    Action(
        "queue.switch-user",
        "queue",
        "u",
        "switch_user",
        "User",
        "Work as someone else",
        anywhere=True,
    ),
    *review_actions(),
    Action(
        "feedback.case",
        "feedback",
        "g",
        "open_sheet",
        "Grading",
        "Open your grading of the case beside the rubric (read-only)",
    ),
    Action("feedback.next", "feedback", "j", "move(1)", "Next", "Next criterion", show=False),
    Action(
        "feedback.prev", "feedback", "k", "move(-1)", "Previous", "Previous criterion", show=False
    ),
    *jump_actions("feedback", "criterion"),
    Action("feedback.back", "feedback", "escape", "back", "Back", "Back to the list"),
    Action(
        "samples.open",
        "samples",
        "enter",
        "open_item",
        "Open",
        "Open the selected sampled audit (read-only; the feedback once reviewed)",
    ),
    Action(
        "samples.switch",
        "samples",
        "tab",
        "switch_pane",
        "Samples/Audits",
        "Move between the samples and the audits of the selected sample",
        show=False,
    ),
    *jump_actions("samples", "row"),
    Action("samples.draw", "samples", "m", "draw_sample", "Draw", "Draw another sample"),
    Action("samples.back", "samples", "escape", "back", "Back", "Back to the audit list"),
    # -- drift dashboard ------------------------------------------------------------------
    *dashboard_actions(),
    # -- picker, help, dialogs; the import screen's doubts ------------------------------
    *modal_actions(),
    *import_actions(),
)


def actions_for(scope: Scope) -> list[Action]:
    """The registry entries of one scope, in registry order."""
    return [a for a in ACTIONS if a.scope == scope]


def bindings_for(scope: Scope, *, served: bool = False) -> list[BindingType]:
    """The Textual bindings of one scope (for a screen's ``BINDINGS``).

    A screen's bindings start with the app's Help key, so the footer shows
    ``? Help`` first and a narrow terminal never cuts it off. A dialog's too: the app's
    keys stop at a dialog, so without its own Help key ``?`` would do nothing there (the
    export form takes the dialogs' bindings after its own: Help once, with them).
    ``served``: a browser tab's (``moderator serve``), without the terminal's own keys.
    """
    bindings: list[BindingType] = [
        a.binding() for a in actions_for(scope) if a.keys and a.offered(served=served)
    ]
    if scope not in ("app", "help", "export"):
        help_binding = replace(action_by_id("app.help").binding(), action="app.help")
        bindings.insert(0, help_binding)
    return bindings


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
        "home": "Home",
        "end": "End",
        "pageup": "PgUp",
        "pagedown": "PgDn",
        "tab": "Tab",
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
