"""The manager's moderation feedback: which reviewed audits they have not yet read.

When a moderator completes a review, the audit's manager has feedback waiting:
their grade beside the moderated grade per criterion, the drift and the
rationale. The workbench marks such audits as new until the manager opens
them; opening one is acknowledged by an event in the log (``audit.feedback_seen``),
so "new" is stored state, not a guess, and the log shows when the manager read it.

Blindness is not touched here: only reviewed moderations count, and only for
the audit's own manager.
"""

from __future__ import annotations

from moderator.services.users import Role, User
from moderator.store.db import Store

FEEDBACK_SEEN = "audit.feedback_seen"
"""The event kind that acknowledges a manager read the feedback on their audit."""

_UNREAD = (
    "SELECT a.id FROM audits a JOIN moderations m ON m.audit_id = a.id"
    " WHERE a.manager_id = ? AND m.status = 'reviewed'"
    " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.entity = 'audit'"
    "   AND e.entity_id = CAST(a.id AS TEXT) AND e.kind = ? AND e.actor = ?)"
)


def unread_feedback(store: Store, user: User) -> set[int]:
    """The ids of this manager's audits with a completed review they have not opened yet.

    Empty for anyone but a manager: leads and moderators have no feedback to read.
    """
    if user.role is not Role.MANAGER:
        return set()
    rows = store.rows(_UNREAD + " ORDER BY a.id", [user.id, FEEDBACK_SEEN, user.name])
    return {int(r["id"]) for r in rows}


def acknowledge_feedback(store: Store, user: User, audit_id: int) -> bool:
    """Record that the audit's manager has read its moderation feedback.

    Only the manager's own reading counts, once; returns True when this call
    recorded it (False when there was nothing new to acknowledge).
    """
    if user.role is not Role.MANAGER:
        return False
    with store.transaction():
        row = store.row(_UNREAD + " AND a.id = ?", [user.id, FEEDBACK_SEEN, user.name, audit_id])
        if row is None:
            return False
        store.record_event(user.name, FEEDBACK_SEEN, "audit", audit_id)
    return True
