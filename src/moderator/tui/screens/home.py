"""My audits (managers and leads): what to do, what is in draft, what is submitted.

Managers see their own audits, with audits whose moderation review is complete
marked as new feedback until they open them; leads see every audit and also
assign programmes, draw moderation samples and open the sample view. A
moderator's home is the moderation queue (:mod:`moderator.tui.screens.queue`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.message import Message

from moderator.services.audits import AuditSummary
from moderator.tui.actions import IMPORT_ON_SERVER, action_by_id, bindings_for
from moderator.tui.screens.listing import Column, ListScreen
from moderator.tui.text import grade_label, service_area_label, status_label
from moderator.tui.widgets.tables import cut

if TYPE_CHECKING:
    from moderator.services.users import User
    from moderator.tui.screens.dialogs import ProgrammeRequest

STATUS_ORDER = {"draft": 0, "todo": 1, "submitted": 2}
OUTCOMES = ("agreed", "downgraded", "upgraded")


def _due_key(a: AuditSummary) -> tuple[bool, date]:
    return (a.due is None, a.due or date.max)


COLUMNS: tuple[Column[AuditSummary], ...] = (
    Column("case", "Case", lambda a: a.case_ref.lower()),
    Column("manager", "Manager", lambda a: a.manager.lower(), leads_only=True),
    Column("state", "State", lambda a: (STATUS_ORDER.get(a.status, 9), _due_key(a))),
    Column("progress", "Progress", lambda a: (a.graded / a.total if a.total else 0, a.graded)),
    Column("due", "Due", _due_key),
    Column("team", "Team", lambda a: a.team.lower()),
    Column("area", "Service area", lambda a: a.service_area),
    Column("rubric", "Rubric", lambda a: a.rubric_title.lower()),
)


def search_text(a: AuditSummary) -> str:
    """What a search looks in: every visible field of the audit, lower-cased."""
    return " ".join(
        [
            a.case_ref,
            a.team,
            service_area_label(a.service_area),
            a.rubric_id,
            a.rubric_title,
            a.manager,
            status_label(a.status),
            a.moderation or "",
        ]
    ).lower()


class HomeScreen(ListScreen[AuditSummary]):
    """The user's audits with counts per state, search as you type and sortable columns."""

    SCOPE = "home"
    TITLE = "My audits"  # the header says where the user is (the app's sub-title: who)
    # and a browser tab's Ctrl+O, which says where the import runs (check_action: which one)
    BINDINGS = [*bindings_for("home"), action_by_id("home.import-server").binding()]  # noqa: RUF012
    STATES = ("all", "todo", "draft", "submitted")
    STATE_TITLES = {"all": "All", "todo": "To do", "draft": "Drafts", "submitted": "Submitted"}  # noqa: RUF012
    SHRINK = (("rubric", 20), ("area", 12), ("team", 12), ("manager", 12), ("rubric", 8))
    """A rubric's title gives up room first (the audit shows it in full), then the service
    area, the team and the manager's name; the case, its state and dates stay whole."""
    EMPTY_STATES = {  # noqa: RUF012 - a ClassVar of ListScreen
        "todo": "No audits to do: every audit has been started.",
        "draft": "No drafts: no audit is started and not yet submitted.",
        "submitted": "No audits submitted yet.",
    }

    class ProgrammeAssigned(Message):
        """A programme was assigned."""

        def __init__(self, count: int, due: date, text: str) -> None:
            super().__init__()
            self.count = count
            self.due = due
            self.text = text
            """What was assigned, and why fewer than asked if so (for the lead)."""

    def __init__(self, user: User) -> None:
        super().__init__()
        self.user = user
        self.managers = 0
        self.unread: set[int] = set()
        """Audits with moderation feedback the manager has not opened yet."""

    @property
    def audits(self) -> list[AuditSummary]:
        """The rows: this user's audits."""
        return self.items

    @property
    def is_lead(self) -> bool:
        return self.user.role.value == "lead"

    # -- the list --------------------------------------------------------------------------
    def columns(self) -> list[Column[AuditSummary]]:
        """The columns this user sees (leads also see the manager)."""
        return [c for c in COLUMNS if self.is_lead or not c.leads_only]

    def row_key(self, item: AuditSummary) -> str:
        return str(item.id)

    def state_of(self, item: AuditSummary) -> str:
        return item.status

    def search_text(self, item: AuditSummary) -> str:
        return search_text(item) + (" new feedback" if item.id in self.unread else "")

    def read_rows(self) -> tuple[list[AuditSummary], dict[str, Any]]:
        """This user's audits, the unread feedback, the number of managers (worker thread)."""
        from moderator.services.audits import list_audits
        from moderator.services.feedback import unread_feedback
        from moderator.services.users import Role, list_users

        store = self.workbench.require_store()
        audits = list_audits(store, self.user)
        extra: dict[str, Any] = {"unread": unread_feedback(store, self.user), "managers": 0}
        if self.is_lead:
            extra["managers"] = sum(u.role is Role.MANAGER for u in list_users(store))
        return audits, extra

    def load_audits(self) -> None:
        """Read the list again."""
        self.load_rows()

    def rows_loaded(self, extra: dict[str, Any]) -> None:
        self.unread = set(extra["unread"])
        self.managers = int(extra["managers"])

    def summary(self, counts: dict[str, int]) -> str:
        today = self.workbench.today()
        overdue = counts.get("overdue")
        if overdue is None:
            overdue = sum(
                a.due is not None and a.due < today and a.status != "submitted" for a in self.items
            )
        who = f"{self.user.name} ({self.user.role.value})"
        parts = [
            f"{counts['todo']} to do",
            f"{counts['draft']} in draft",
            f"{counts['submitted']} submitted",
        ]
        if overdue:
            parts.append(f"{overdue} overdue")
        if self.unread:
            parts.append(f"{len(self.unread)} with new moderation feedback")
        scope = "All audits" if self.is_lead else "Your audits"
        return f"{scope}, {who}: " + " · ".join(parts)

    def nothing_here(self) -> str:
        if self.is_lead:
            return "No audits yet. Press a to assign a monthly programme to the managers."
        return "No audits assigned to you yet. Your lead assigns them (moderator audit programme)."

    def cell(self, key: str, item: AuditSummary) -> Text:
        """One cell, ending in ``…`` where its column is narrowed to fit (:attr:`SHRINK`)."""
        return cut(self.cell_text(key, item), self.narrowed.get(key))

    def cell_text(self, key: str, item: AuditSummary) -> Text:
        a = item
        if key == "case":
            return Text(a.case_ref, style="bold")
        if key == "manager":
            return Text(a.manager)
        if key == "state":
            return self.state_cell(a)
        if key == "progress":
            return Text(f"{a.graded}/{a.total}")
        if key == "due":
            if a.due is None:
                return Text("—")
            return Text(a.due.isoformat(), style="bold" if self.overdue(a) else "")
        if key == "team":
            return Text(a.team)
        if key == "area":
            return Text(service_area_label(a.service_area))
        if key == "rubric":
            return Text(a.rubric_title)
        raise KeyError(key)

    def state_cell(self, a: AuditSummary) -> Text:
        """The audit's state; once moderated, the outcome, and ● while the feedback is unread."""
        label = status_label(a.status)
        if a.status == "submitted" and a.overall is not None:
            label += f" · {grade_label(a.overall, short=True)}"
        style = {"todo": "", "draft": "italic", "submitted": "dim"}.get(a.status, "")
        text = Text(label, style=style)
        if self.overdue(
            a
        ):  # in the state, which stays in view at 80 columns, not after the due day
            text.append(" · overdue", style="bold")
        if a.moderation in OUTCOMES:
            text.append(f" · {a.moderation}", style="bold" if a.id in self.unread else style)
        if a.id in self.unread:
            text = Text.assemble(("● new ", "bold"), text)
        return text

    def overdue(self, a: AuditSummary) -> bool:
        """Not submitted by its due day."""
        return a.due is not None and a.due < self.workbench.today() and a.status != "submitted"

    def current_audit(self) -> AuditSummary | None:
        """The audit under the cursor."""
        return self.current()

    # -- actions ------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "import_cases":  # a browser tab imports nothing (its footer says none)
            return self.is_lead and not self.workbench.served
        if action == "import_on_server":  # Ctrl+O in a browser tab: says where it is done
            return self.is_lead and self.workbench.served
        if action in ("assign_programme", "draw_sample", "open_samples"):
            return self.is_lead
        if action in ("open_audit", "jump"):
            if self.searching():
                return False
            return True if action == "jump" or self.current() is not None else None
        if action == "open_dashboard":
            return self.user.role.value in ("lead", "manager")
        return True

    async def action_import_cases(self) -> None:
        """Ctrl+O on the lead's list, where its key bar shows it: the app's import."""
        await self.run_action("app.import_cases")

    def action_import_on_server(self) -> None:
        """Ctrl+O on the lead's list in a browser tab, which reads no file on the server."""
        self.notify(IMPORT_ON_SERVER, title="Import", severity="warning", timeout=10)

    def action_open_audit(self) -> None:
        audit = self.current()
        if audit is None:
            return
        from textual.widgets import DataTable

        self.query_one("#audits", DataTable).focus()  # where the user lands on coming back
        self.workbench.open_audit(audit.id)

    def action_open_dashboard(self) -> None:
        from moderator.tui.screens.dashboard import DashboardScreen

        self.app.push_screen(DashboardScreen(self.user))

    def action_open_samples(self) -> None:
        from moderator.tui.screens.samples import SamplesScreen

        self.app.push_screen(SamplesScreen(self.user))

    def action_draw_sample(self) -> None:
        from moderator.tui.screens.sample_dialog import open_sample_dialog

        open_sample_dialog(self)

    def action_assign_programme(self) -> None:
        from moderator.tui.screens.dialogs import ProgrammeDialog

        def chosen(request: ProgrammeRequest | None) -> None:
            if request is not None:
                self.assign_programme(request)

        self.app.push_screen(ProgrammeDialog(self.workbench.today(), self.managers), chosen)

    @work(thread=True, exclusive=True, group="db-write", exit_on_error=False)
    def assign_programme(self, request: ProgrammeRequest) -> None:
        """Assign the programme (worker thread).

        Its own group: a list reload (group ``db``) must never cancel a write.
        """
        from moderator.services.audits import assign_programme

        store = self.workbench.require_store()
        ids = assign_programme(
            store,
            self.user,
            per_manager=request.per_manager,
            due=request.due,
            exclude_own_team=request.peer,
        )
        from moderator.services.assignment import programme_outcome

        text = programme_outcome(store, ids, per_manager=request.per_manager, due=request.due)
        self.post_message(self.ProgrammeAssigned(len(ids), request.due, text))

    def on_home_screen_programme_assigned(self, message: ProgrammeAssigned) -> None:
        if message.count:
            self.notify(message.text)
        else:
            self.notify(
                "No unaudited cases were left to assign.",
                severity="warning",
                title="Nothing assigned",
            )
        self.load_rows()
