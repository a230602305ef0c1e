"""How the workbench opens a piece of work: an audit, a moderation, its review.

A mixin of :class:`~moderator.tui.app.ModeratorApp`: each method reads what it needs on a
worker thread and pushes the screen the work opens on, so the app module stays about who
is working and which database is open.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.app import App

if TYPE_CHECKING:
    from moderator.services.grading import GradingTarget
    from moderator.services.users import User
    from moderator.store import Store

    _AppBase = App[None]
else:
    _AppBase = object


class OpensWork(_AppBase):
    """App mixin: open audits, moderations and reviews on the screens they belong on."""

    user: User | None

    if TYPE_CHECKING:  # the app provides it (``ModeratorApp.require_store``)

        def require_store(self) -> Store: ...

    def open_audit(self, audit_id: int) -> None:
        """Open an audit: its moderation feedback once reviewed, else the grading screen.

        The grading screen is read-only unless it is the user's own draft; a moderator
        opens their moderation of the audit instead.
        """
        from moderator.services.users import Role

        user = self.user
        if user is None:
            return
        if user.role is Role.MODERATOR:
            self.open_moderation_of(audit_id)
            return
        self.open_audit_for(audit_id)

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def open_audit_for(self, audit_id: int) -> None:
        """Read the audit (worker thread) and show the feedback or the grading screen."""
        from moderator.services.feedback import acknowledge_feedback
        from moderator.services.grading import AuditTarget

        store, user = self.require_store(), self.user
        assert user is not None
        target = AuditTarget.open(store, user, audit_id)
        sheet = target.load()
        if sheet.feedback is None:
            self.call_from_thread(self.open_grading, lambda: target)
            return
        acknowledge_feedback(store, user, audit_id)  # the manager has now seen it
        from moderator.tui.screens.feedback import FeedbackScreen

        self.call_from_thread(self.push_screen, FeedbackScreen(target, sheet))

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def open_moderation(self, moderation_id: int) -> None:
        """A moderation from the queue: blind grading until submitted, then its review."""
        from moderator.services.moderation import get_moderation

        store, user = self.require_store(), self.user
        assert user is not None
        status = get_moderation(store, user, moderation_id).summary.status
        self.call_from_thread(self.show_moderation, moderation_id, status)

    def show_moderation(self, moderation_id: int, status: str) -> None:
        """Push the screen a moderation in ``status`` opens on."""
        if status in ("submitted", "reviewed"):
            self.open_review(moderation_id)
            return
        from moderator.services.grading import ModerationTarget

        store, user = self.require_store(), self.user
        assert user is not None
        self.open_grading(partial(ModerationTarget.open, store, user, moderation_id))

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def open_moderation_of(self, audit_id: int) -> None:
        """A moderator opens their moderation of an audit: blind grading, or the review."""
        from moderator.services.moderation import moderation_of_audit

        store, user = self.require_store(), self.user
        assert user is not None
        moderation_id, status = moderation_of_audit(store, user, audit_id)
        self.call_from_thread(self.show_moderation, moderation_id, status)

    def open_review(self, moderation_id: int) -> None:
        """Open the disagreement review of a submitted moderation."""
        from moderator.services.review import ReviewSession
        from moderator.tui.screens.review import ReviewScreen

        store, user = self.require_store(), self.user
        assert user is not None
        self.push_screen(ReviewScreen(partial(ReviewSession.open, store, user, moderation_id)))

    def open_grading(self, open_target: Callable[[], GradingTarget]) -> None:
        """Open the grading screen on any target (an audit; a moderation, for moderators).

        ``open_target`` runs on a worker thread and may read the database.
        """
        from moderator.tui.screens.grading import GradingScreen

        self.push_screen(GradingScreen(open_target))
