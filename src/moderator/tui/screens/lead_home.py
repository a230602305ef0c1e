"""A lead's home: every audit of the authority, read a page at a time.

The same list as a manager's home (:class:`~moderator.tui.screens.home.HomeScreen`:
columns, states, search, sorting, the lead's actions), but the database
searches, sorts and counts, and only the rows in view (and a margin) are read:
a lead with 100,000 audits sees the first screen as soon as a manager does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from moderator.services.audits import AuditSummary
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.paged import PagedListScreen, View

if TYPE_CHECKING:
    from moderator.services.audit_pages import AuditQuery
    from moderator.services.users import User


class LeadHomeScreen(PagedListScreen[AuditSummary], HomeScreen):
    """Every audit, a page at a time, with counts per state from the database."""

    NOUN = "Audits"
    TITLE = "Every audit"

    def __init__(self, user: User, *, page_size: int | None = None) -> None:
        super().__init__(user, page_size=page_size)

    def query_for(self, view: View) -> AuditQuery:
        """The service's query for what the screen shows."""
        from moderator.services.audit_pages import AuditQuery

        state = None if view.state == "all" else view.state
        return AuditQuery(status=state, words=view.words, sort=view.sort, reverse=view.reverse)

    def read_counts(self) -> tuple[dict[str, int], dict[str, Any]]:
        """Audits per state and overdue (one GROUP BY); the number of managers (worker thread)."""
        from moderator.services.audit_pages import count_audits
        from moderator.services.users import Role, list_users

        store = self.workbench.require_store()
        counts = count_audits(store, self.user, today=self.workbench.today())
        per_state = {"all": counts.total, **counts.model_dump()}
        managers = sum(u.role is Role.MANAGER for u in list_users(store))
        return per_state, {"unread": set(), "managers": managers}

    def read_total(self, view: View) -> int:
        """How many audits match the search in the chosen state (worker thread)."""
        from moderator.services.audit_pages import count_audits

        store = self.workbench.require_store()
        return count_audits(store, self.user, self.query_for(view)).of(view.state)

    def read_matches(self, view: View) -> dict[str, int]:
        """How many audits the search leaves in each state (one GROUP BY; worker thread)."""
        from moderator.services.audit_pages import count_audits

        store = self.workbench.require_store()
        counts = count_audits(store, self.user, self.query_for(view))
        return {
            "all": counts.total,
            "todo": counts.todo,
            "draft": counts.draft,
            "submitted": counts.submitted,
        }

    def read_page(self, view: View, offset: int, limit: int) -> Sequence[AuditSummary]:
        """One page of the list as the screen filters and sorts it (worker thread)."""
        from moderator.services.audit_pages import page_audits

        store = self.workbench.require_store()
        return page_audits(store, self.user, self.query_for(view), offset=offset, limit=limit)
