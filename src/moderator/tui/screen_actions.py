"""The registry entries of the screens with many keys: lists, grading, review, dashboard.

:mod:`moderator.tui.actions` puts them together with the app-wide keys.
"""

from __future__ import annotations

from moderator.tui.action import GRADE_LABELS, Action, Scope


def list_actions(scope: Scope, noun: str, states: str) -> list[Action]:
    """The keys every list of audits shares (home and the moderation queue)."""
    s = scope
    return [
        Action(
            f"{s}.open",
            s,
            "enter",
            "open_audit",
            "Open",
            f"Open the selected {noun}",
            # Not a priority binding: it would run before the moves typed ahead of it (the
            # table leaves Enter to the screen: widgets/row_table.py).
        ),
        Action(
            f"{s}.search",
            s,
            "slash",
            "search",
            "Search",
            "Search by case, team, service area, rubric or manager",
        ),
        Action(
            f"{s}.clear-search",
            s,
            "escape",
            "clear_search",
            "Clear",
            "Clear the search and go back to the list",
            show=False,
        ),
        Action(
            f"{s}.prev-state",
            s,
            "left_square_bracket",
            "switch_state(-1)",
            "State",
            f"Show the previous state tab ({states})",
            group="State",
            key_display="[",
        ),
        Action(
            f"{s}.next-state",
            s,
            "right_square_bracket",
            "switch_state(1)",
            "State",
            f"Show the next state tab ({states})",
            group="State",
            key_display="]",
        ),
        Action(f"{s}.next", s, "j", "move(1)", "Next", f"Next {noun} (or ↓)", show=False),
        Action(f"{s}.prev", s, "k", "move(-1)", "Previous", f"Previous {noun} (or ↑)", show=False),
        *jump_actions(s, noun),
        Action(f"{s}.sort", s, "s", "sort_next", "Sort", "Sort by the next column"),
        Action(
            f"{s}.reverse", s, "r", "sort_reverse", "Reverse", "Reverse the sort order", show=False
        ),
        Action(
            f"{s}.refresh",
            s,
            "f5",
            "refresh_list",
            "Refresh",
            "Reload the list from the database",
            show=False,
        ),
    ]


def jump_actions(scope: Scope, noun: str) -> list[Action]:
    """Home/End/PageUp/PageDown in a list.

    Ordinary bindings, so they act in turn with the moves typed around them: the
    list's table leaves these keys to its screen (``RowTable(jumps=True)``), and a
    text field with the focus keeps them (there they move the text cursor).
    """
    moves = [
        ("first", "home", "First", f"First {noun}"),
        ("last", "end", "Last", f"Last {noun}"),
        ("page-up", "pageup", "Page up", "One page up the list"),
        ("page-down", "pagedown", "Page down", "One page down the list"),
    ]
    return [
        Action(
            f"{scope}.{name}",
            scope,
            key,
            f"jump('{name}')",
            label,
            description,
            show=False,
        )
        for name, key, label, description in moves
    ]


def grade_actions() -> list[Action]:
    """``1``-``4`` on the grading screen."""
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
        for n, label in enumerate(GRADE_LABELS, start=1)
    ]


def review_actions() -> list[Action]:
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
        for n, label in enumerate(GRADE_LABELS, start=1)
    ]
    return [
        *grades,
        Action("review.next", "review", "j", "move(1)", "Next", "Next criterion", show=False),
        Action(
            "review.prev", "review", "k", "move(-1)", "Previous", "Previous criterion", show=False
        ),
        Action(
            "review.next-to-decide",
            "review",
            "m",
            "next_to_decide",
            "Next to decide",
            "Jump to the next disagreement still to decide (a grade and a rationale)",
            show=False,
        ),
        *jump_actions("review", "criterion"),
        Action(
            "review.rationale",
            "review",
            "r",
            "rationale",
            "Rationale",
            "Write the rationale for the moderated grade (Enter records it)",
        ),
        Action(
            "review.open-rationale",
            "review",
            "enter",
            "rationale",
            "Rationale",
            "Write the rationale for the moderated grade, as r does",
            show=False,
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
        Action(
            "review.undo",
            "review",
            "ctrl+z",
            "undo",
            "Undo",
            "Undo the last moderated grade or rationale (saved and logged like any change)",
            show=False,
        ),
        Action(
            "review.back",
            "review",
            "escape",
            "back",
            "Back",
            "Back to your queue (a decision with only a grade or only a rationale asks first)",
        ),
        # While the rationale field has focus the footer shows these instead of the keys
        # above, which type into the field there (ReviewScreen.check_action).
        Action(
            "review.record",
            "review-field",
            "enter",
            "record_rationale",
            "Record",
            "In the rationale field: record the rationale with the moderated grade",
            priority=True,
            palette=False,
        ),
        Action(
            "review.leave-field",
            "review-field",
            "escape",
            "leave_field",
            "Leave field",
            "In the rationale field: leave it, keeping what was typed (recorded with the grade)",
            palette=False,
        ),
    ]


def dashboard_actions() -> list[Action]:
    return [
        Action(
            "dashboard.open",
            "dashboard",
            "enter",
            "drill",
            "Audits",
            "Show the audits behind the selected manager, criterion or period",
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
