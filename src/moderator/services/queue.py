"""The moderator's queue, and a lead's view of each sample: one list of rows, each with a state.

The counts a screen shows (to do, claimable, in draft, to review, reviewed)
are computed here from the same rows the screen lists, so the two cannot
disagree. A row's state says what the viewer can do with it:

``claimable``  sampled, nobody has claimed it: any moderator may take it
``todo``       assigned to the moderator, not started
``draft``      blind grading started (progress = criteria graded so far)
``to_review``  blind grading submitted: the disagreements await review
``reviewed``   the review is complete (with its outcome)

Nothing here reads the manager's grading: the rows come from
:func:`moderator.services.moderation.moderation_queue`, which never carries it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from moderator.services.moderation import ModerationSummary, claim_moderation, moderation_queue
from moderator.services.sampling import get_sample, list_samples
from moderator.services.users import User
from moderator.store.db import Store

QueueState = Literal["todo", "claimable", "draft", "to_review", "reviewed"]
QUEUE_STATES: tuple[QueueState, ...] = ("todo", "claimable", "draft", "to_review", "reviewed")
STATE_TITLES: dict[str, str] = {
    "all": "All",
    "todo": "To do",
    "claimable": "Claimable",
    "draft": "Draft",
    "to_review": "To review",
    "reviewed": "Reviewed",
}


class QueueRow(BaseModel):
    """One moderation as a list shows it."""

    model_config = ConfigDict(frozen=True)

    moderation_id: int
    audit_id: int | None
    case_ref: str
    team: str
    service_area: str
    rubric_title: str
    state: QueueState
    moderator: str | None
    graded: int
    total: int
    outcome: str | None
    sample_id: int | None
    created_at: str
    submitted_at: str | None
    reviewed_at: str | None

    @property
    def progress(self) -> str:
        """Criteria graded blind so far, ``6/12``."""
        return f"{self.graded}/{self.total}"

    def why_not_claimable(self, viewer: str) -> str | None:
        """Why ``viewer`` cannot claim this row, in a sentence (None: they can)."""
        who = "you" if self.moderator in (None, viewer) else self.moderator
        mine = f"{self.case_ref} is already claimed by {who}"
        return {
            "claimable": None,
            "todo": f"{mine}: it is to moderate; Enter opens it.",
            "draft": f"{mine} and in draft ({self.progress} graded): Enter opens it.",
            "to_review": f"{mine} and its blind grading submitted: Enter opens the review.",
            "reviewed": f"{self.case_ref} is reviewed: there is nothing left to claim.",
        }[self.state]


class Queue(BaseModel):
    """The rows of a queue and the counts built from them."""

    rows: list[QueueRow]

    def counts(self) -> dict[str, int]:
        """How many rows are in each state (and ``all``)."""
        out: dict[str, int] = {"all": len(self.rows)} | {s: 0 for s in QUEUE_STATES}
        for row in self.rows:
            out[row.state] += 1
        return out


def state_of(summary: ModerationSummary) -> QueueState:
    """What a moderation's stored status and assignment mean for the person looking at it."""
    if summary.status == "reviewed":
        return "reviewed"
    if summary.status == "submitted":
        return "to_review"
    if summary.status == "draft":
        return "draft"
    return "claimable" if summary.moderator is None else "todo"


def _row(summary: ModerationSummary) -> QueueRow:
    return QueueRow(
        moderation_id=summary.id,
        audit_id=summary.audit_id,
        case_ref=summary.case_ref,
        team=summary.team,
        service_area=summary.service_area,
        rubric_title=summary.rubric_title,
        state=state_of(summary),
        moderator=summary.moderator,
        graded=summary.graded,
        total=summary.total,
        outcome=summary.outcome,
        sample_id=summary.sample_id,
        created_at=summary.created_at,
        submitted_at=summary.submitted_at,
        reviewed_at=summary.reviewed_at,
    )


def moderator_queue(store: Store, user: User) -> Queue:
    """A moderator's queue: their own moderations and the sampled ones nobody has claimed.

    A lead gets every moderation (the same rows the sample view reads).
    """
    return Queue(rows=[_row(s) for s in moderation_queue(store, user)])


def queue_version(store: Store) -> int:
    """Which change the database is at (the last event logged; 0: none): a queue read at
    one version shows what is saved until it moves on. Every change a queue shows (a sample
    drawn, a claim, a grade, a submission, a review) is logged, so one query on the log's
    key says whether anything may have changed (:func:`queue_changed_since` says whether it
    did)."""
    return int(store.scalar("SELECT COALESCE(MAX(id), 0) FROM events"))


QUEUE_ENTITIES = ("moderation", "sample", "pack")
"""What the events that can change a queue are about: a moderation (created, claimed,
graded, submitted, reviewed), a sample drawn (with its moderator), a pack (its
moderations leave the queue). A manager's audit grades, sign-ins and imports cannot."""


def queue_changed_since(store: Store, version: int) -> tuple[bool, int]:
    """Whether an event that can change a queue was logged after ``version``, and the
    :func:`queue_version` now. Cheap: the log's last key, then, only if it moved, the
    events since ``version`` (by key, stopping at the first that counts)."""
    now = queue_version(store)
    if now == version:
        return False, now
    marks = ", ".join("?" for _ in QUEUE_ENTITIES)
    hit = store.scalar(
        f"SELECT 1 FROM events WHERE id > ? AND id <= ? AND entity IN ({marks}) LIMIT 1",
        [version, now, *QUEUE_ENTITIES],
    )
    return hit is not None, now


def claim(store: Store, user: User, moderation_id: int) -> QueueRow:
    """Take an unassigned moderation from the queue; it is then the moderator's to do.

    Raises:
        Refused: not a moderator, or someone else has it.
    """
    detail = claim_moderation(store, user, moderation_id)
    return _row(detail.summary)


class SampleLine(BaseModel):
    """One audit of a sample, with where its moderation has got to."""

    audit_id: int
    moderation_id: int | None
    case_ref: str
    manager: str
    team: str
    hand_picked: bool
    state: QueueState | None
    moderator: str | None
    outcome: str | None

    @property
    def state_text(self) -> str:
        """``unclaimed``, ``claimed by X``, ``in draft (X)``, ``submitted (X)``, ``reviewed: …``."""
        who = self.moderator or "—"
        if self.state is None or self.state == "claimable":
            return "unclaimed"
        if self.state == "todo":
            return f"claimed by {who}"
        if self.state == "draft":
            return f"in draft ({who})"
        if self.state == "to_review":
            return f"submitted ({who})"
        return f"reviewed: {self.outcome or '—'} ({who})"


class SampleView(BaseModel):
    """A drawn sample as a lead reviews it: who drew it, when, how, and each audit's state."""

    id: int
    drawn_by: str
    drawn_at: str
    seed: int
    rate: float
    moderator: str | None
    """Who the sample was assigned to (None: any moderator may claim)."""
    lines: list[SampleLine]

    def counts(self) -> dict[str, int]:
        """How many audits are unclaimed, claimed, in draft, submitted and reviewed."""
        out = {"unclaimed": 0, "claimed": 0, "draft": 0, "submitted": 0, "reviewed": 0}
        names = {
            None: "unclaimed",
            "claimable": "unclaimed",
            "todo": "claimed",
            "draft": "draft",
            "to_review": "submitted",
            "reviewed": "reviewed",
        }
        for line in self.lines:
            out[names[line.state]] += 1
        return out


def sample_views(store: Store, lead: User) -> list[SampleView]:
    """Every sample drawn, newest first, each audit with its moderation's state (lead only)."""
    by_id = {row.moderation_id: row for row in moderator_queue(store, lead).rows}
    out = []
    for entry in list_samples(store, lead):
        sample = get_sample(store, lead, int(entry["id"]))
        lines = []
        for item in sample.items:
            row = None if item.moderation_id is None else by_id.get(item.moderation_id)
            lines.append(
                SampleLine(
                    audit_id=item.audit_id,
                    moderation_id=item.moderation_id,
                    case_ref=item.case_ref,
                    manager=item.manager,
                    team=item.team,
                    hand_picked=item.hand_picked,
                    state=None if row is None else row.state,
                    moderator=None if row is None else row.moderator,
                    outcome=None if row is None else row.outcome,
                )
            )
        out.append(
            SampleView(
                id=int(entry["id"]),
                drawn_by=sample.drawn_by,
                drawn_at=sample.drawn_at,
                seed=sample.seed,
                rate=sample.rate,
                moderator=sample.moderator,
                lines=lines,
            )
        )
    return out
