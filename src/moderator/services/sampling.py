"""Drawing the moderation sample: reproducible, stratified by manager, recorded.

A lead draws a random share (the *rate*) of the submitted audits that are not
yet moderated, stratified so that every manager is represented (at least
``min_per_manager`` of their audits when they have that many), and excluding
cases moderated in the last few months (so moderators do not see the same
family twice in quick succession). The draw is reproducible: the same seed,
parameters and database give the same sample. Who drew it, when, with which
seed and parameters is stored in ``samples`` and in the event log; audits the
lead adds by hand are stored as hand-picked, so a report can tell a random
sample from a chosen one.

Each sampled audit gets a ``moderations`` row (status ``todo``), assigned to
the named moderator or left unassigned for any moderator to claim.
"""

from __future__ import annotations

import calendar
import json
import random
import secrets
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from pydantic import BaseModel

from moderator.domain.dates import parse_day
from moderator.domain.limits import MAX_EXCLUDE_MONTHS
from moderator.errors import BadInput, NotFound
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User, get_user, require_role
from moderator.store.db import Store

DEFAULT_MIN_PER_MANAGER = 1
DEFAULT_EXCLUDE_MONTHS = 6


class SampleItem(BaseModel):
    """One audit in a sample."""

    audit_id: int
    moderation_id: int | None
    """None in a dry run (nothing is stored)."""
    case_ref: str
    team: str
    service_area: str
    manager: str
    rubric_id: str
    submitted_at: str | None
    hand_picked: bool


class SampleResult(BaseModel):
    """A drawn sample: what was chosen, how, by whom."""

    id: int | None
    """None for a dry run."""
    drawn_by: str
    drawn_at: str
    seed: int
    rate: float
    params: dict[str, Any]
    eligible: int | None
    """How many submitted audits could have been drawn at random; None for a sample
    planned with the sample data (``moderator synth``, the demo), which records none."""
    items: list[SampleItem]
    unrepresented: list[str]
    """Managers with no audit in the sample (they had none eligible)."""
    moderator: str | None


BY_HAND = "by hand"
"""How a sample of hand-picked audits alone, none drawn at random, gives its rate."""


def is_by_hand(rate: float, audits: int, hand_picked: int) -> bool:
    """Whether a sample of ``audits`` audits, ``hand_picked`` of them chosen by the lead, was
    chosen by hand alone: none drawn at random (its rate is 0), as for an inspector's
    monitoring visit."""
    return rate == 0 and audits > 0 and hand_picked == audits


def rate_text(rate: float, audits: int, hand_picked: int) -> str:
    """A sample's rate as people read it, in the workbench and the command line alike: the
    share of the eligible audits drawn at random as a percentage ("50%"), or "by hand" for
    a sample of hand-picked audits alone (see :func:`is_by_hand`), whose rate of 0 would
    read as an empty sample."""
    return BY_HAND if is_by_hand(rate, audits, hand_picked) else f"{rate * 100:g}%"


def months_before(stamp: str, months: int) -> str:
    """The ISO date ``months`` calendar months before ``stamp`` (day clamped to the month)."""
    try:
        when = datetime.fromisoformat(stamp).date()
    except ValueError:
        when = date.fromisoformat(stamp[:10])
    index = when.year * 12 + (when.month - 1) - months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(when.day, last_day)).isoformat()


def _parse_hand_picked(values: Iterable[int | str]) -> list[int]:
    out: list[int] = []
    for value in values:
        parts = str(value).replace(",", " ").split()
        for part in parts:
            try:
                out.append(int(part))
            except ValueError:
                raise BadInput(f"--add: not an audit id: {part!r}") from None
    return sorted(set(out))


def _quotas(
    sizes: dict[int, int],
    rate: Fraction,
    minimum: dict[int, int],
    rng: random.Random,
) -> dict[int, int]:
    """Proportional allocation (largest remainder), then each manager's minimum.

    The total is ``rate`` × the pool rounded half up; each manager gets the
    floor of their exact share, and the leftover places go to the largest
    remainders (ties broken by the seeded generator, so no manager is
    favoured by their position in the table).
    """
    exact = {m: rate * n for m, n in sizes.items()}
    target = int(rate * sum(sizes.values()) + Fraction(1, 2))
    quota = {m: int(e) for m, e in exact.items()}
    tie = {m: rng.random() for m in sorted(sizes)}
    order = sorted(sizes, key=lambda m: (-(exact[m] - quota[m]), tie[m]))
    for m in order[: max(0, target - sum(quota.values()))]:
        quota[m] += 1
    return {m: min(sizes[m], max(quota[m], minimum.get(m, 0))) for m in sizes}


def draw_sample(
    store: Store,
    actor: User,
    *,
    rate: float,
    seed: int | None = None,
    min_per_manager: int = DEFAULT_MIN_PER_MANAGER,
    exclude_months: int = DEFAULT_EXCLUDE_MONTHS,
    hand_picked: Iterable[int | str] = (),
    moderator: str | None = None,
    since: date | str | None = None,
    dry_run: bool = False,
) -> SampleResult:
    """Draw (and, unless ``dry_run``, store) a moderation sample of submitted audits.

    Args:
        rate: the share of eligible audits to draw at random, 0-1.
        seed: the random seed; a fresh one is chosen and recorded when None.
        min_per_manager: at least this many audits per manager (when they have them).
        exclude_months: leave out cases with a moderation in the last N months
            (or one still open).
        hand_picked: audit ids the lead adds by hand (stored as hand-picked;
            the exclusion window does not apply to them).
        moderator: assign every sampled audit to this moderator (else unassigned).
        since: only audits submitted on or after this date.
        dry_run: work out the sample but store nothing.

    Raises:
        Refused: the actor is not a lead.
        BadInput: bad parameters, an unknown or unsuitable hand-picked audit.
    """
    require_role(actor, Role.LEAD, doing="draw a moderation sample")
    if not 0 <= rate <= 1:
        raise BadInput(f"rate must be a fraction from 0 to 1 (0.1 = 10%), not {rate}")
    if min_per_manager < 0:
        raise BadInput("--min-per-manager cannot be negative")
    if exclude_months < 0:
        raise BadInput("--exclude-months cannot be negative")
    if exclude_months > MAX_EXCLUDE_MONTHS:
        raise BadInput(
            f"--exclude-months: at most {MAX_EXCLUDE_MONTHS} (a hundred years), not {exclude_months}"
        )
    since_text: str | None = None
    if since is not None:
        try:
            since_text = (since if isinstance(since, date) else parse_day(str(since))).isoformat()
        except BadInput as problem:
            raise BadInput(f"--since: {problem.message}") from None
    assignee: User | None = None
    if moderator:
        assignee = get_user(store, moderator)
        if assignee.role is not Role.MODERATOR:
            raise BadInput(f"{assignee.name} is a {assignee.role.value}, not a moderator")
    if seed is None:
        seed = secrets.randbelow(2**31)
    picked = _parse_hand_picked(hand_picked)
    stamp = store.now()
    cutoff = months_before(stamp, exclude_months) if exclude_months else None

    # What is eligible is read inside the write transaction (BEGIN IMMEDIATE): a
    # lead drawing at the same moment waits, then sees this draw's moderations and
    # cannot sample the same audit twice. A dry run reads one snapshot, writes nothing.
    with store.snapshot() if dry_run else store.transaction():
        base_sql = (
            "SELECT a.id AS audit_id, a.manager_id, u.name AS manager, a.case_id, a.rubric_hash,"
            " a.submitted_at, a.status, c.case_ref, c.team, c.service_area"
            " FROM audits a JOIN users u ON u.id = a.manager_id JOIN cases c ON c.id = a.case_id"
        )
        problems = []
        hand_rows: list[dict[str, Any]] = []
        for audit_id in picked:
            row = store.row(base_sql + " WHERE a.id = ?", [audit_id])
            if row is None:
                problems.append(f"  - audit {audit_id}: no such audit")
            elif row["status"] != "submitted":
                problems.append(f"  - audit {audit_id}: not submitted yet ({row['status']})")
            elif store.scalar("SELECT 1 FROM moderations WHERE audit_id = ?", [audit_id]):
                problems.append(f"  - audit {audit_id}: already sampled for moderation")
            else:
                hand_rows.append(row)
        if problems:
            raise BadInput("cannot add these audits by hand; nothing was drawn", details=problems)

        where = [
            "a.status = 'submitted'",
            "NOT EXISTS (SELECT 1 FROM moderations m WHERE m.audit_id = a.id)",
            # calibration audits have agreed grades already: they are never moderated
            "NOT EXISTS (SELECT 1 FROM calibration_audits k WHERE k.audit_id = a.id)",
        ]
        params: list[Any] = []
        if cutoff is not None:
            # A case counts as recently moderated from the day it was sampled to the
            # day its review was completed, and for exclude_months after that.
            where.append(
                "NOT EXISTS (SELECT 1 FROM moderations m WHERE m.case_id = a.case_id AND"
                " (m.status IN ('todo', 'draft') OR max(m.created_at, coalesce(m.submitted_at, ''),"
                " coalesce(m.reviewed_at, '')) >= ?))"
            )
            params.append(cutoff)
        if since_text is not None:
            where.append("a.submitted_at >= ?")
            params.append(since_text)
        if picked:
            where.append(f"a.id NOT IN ({', '.join('?' * len(picked))})")
            params.extend(picked)
        pool = store.rows(base_sql + " WHERE " + " AND ".join(where) + " ORDER BY a.id", params)

        by_manager: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in pool:
            by_manager[row["manager_id"]].append(row)
        hand_count: dict[int, int] = defaultdict(int)
        for row in hand_rows:
            hand_count[row["manager_id"]] += 1
        rng = random.Random(seed)
        quotas = _quotas(
            {m: len(rows) for m, rows in by_manager.items()},
            Fraction(str(rate)),
            {m: max(0, min_per_manager - hand_count[m]) for m in by_manager},
            rng,
        )
        chosen: list[tuple[dict[str, Any], bool]] = [(row, True) for row in hand_rows]
        for manager_id in sorted(by_manager):
            rows = by_manager[manager_id]
            for row in rng.sample(rows, quotas[manager_id]):
                chosen.append((row, False))
        chosen.sort(key=lambda pair: pair[0]["audit_id"])

        represented = {row["manager_id"] for row, _ in chosen}
        managers = store.rows("SELECT id, name FROM users WHERE role = 'manager' ORDER BY name")
        unrepresented = [m["name"] for m in managers if m["id"] not in represented]
        record: dict[str, Any] = {
            "rate": rate,
            "seed": seed,
            "min_per_manager": min_per_manager,
            "exclude_months": exclude_months,
            "excluded_since": cutoff,
            "since": since_text,
            "hand_picked": picked,
            "moderator": None if assignee is None else assignee.name,
            "eligible": len(pool),
        }
        sample_id: int | None = None
        moderation_ids: dict[int, int] = {}
        if not dry_run:
            if not chosen:
                raise BadInput(
                    "nothing to sample: no submitted audits are eligible"
                    + (f" (cases moderated since {cutoff} are excluded)" if cutoff else "")
                )
            cur = store.execute(
                "INSERT INTO samples (drawn_by, drawn_at, seed, rate, params)"
                " VALUES (?, ?, ?, ?, ?)",
                (actor.name, stamp, seed, rate, json.dumps(record, sort_keys=True)),
            )
            sample_id = int(cur.lastrowid or 0)
            for row, by_hand in chosen:
                store.execute(
                    "INSERT INTO sample_items (sample_id, audit_id, hand_picked) VALUES (?, ?, ?)",
                    (sample_id, row["audit_id"], int(by_hand)),
                )
                cur = store.execute(
                    "INSERT INTO moderations (audit_id, case_id, rubric_hash, sample_id,"
                    " moderator_id, moderator_name, status, source, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, 'todo', 'local', ?, ?)",
                    (
                        row["audit_id"],
                        row["case_id"],
                        row["rubric_hash"],
                        sample_id,
                        None if assignee is None else assignee.id,
                        None if assignee is None else assignee.name,
                        stamp,
                        stamp,
                    ),
                )
                moderation_id = int(cur.lastrowid or 0)
                moderation_ids[row["audit_id"]] = moderation_id
                store.record_event(
                    actor.name,
                    "moderation.create",
                    "moderation",
                    moderation_id,
                    after=None if assignee is None else assignee.name,
                    detail={
                        "audit_id": row["audit_id"],
                        "sample_id": sample_id,
                        "hand_picked": by_hand,
                    },
                    at=stamp,
                )
            store.record_event(
                actor.name,
                "sample.draw",
                "sample",
                sample_id,
                after=f"{len(chosen)} audits",
                detail={**record, "audit_ids": [row["audit_id"] for row, _ in chosen]},
                at=stamp,
            )
    items = [
        SampleItem(
            audit_id=row["audit_id"],
            moderation_id=moderation_ids.get(row["audit_id"]),
            case_ref=row["case_ref"],
            team=row["team"],
            service_area=row["service_area"],
            manager=row["manager"],
            rubric_id=rubric_by_hash(store, row["rubric_hash"]).id,
            submitted_at=row["submitted_at"],
            hand_picked=by_hand,
        )
        for row, by_hand in chosen
    ]
    return SampleResult(
        id=sample_id,
        drawn_by=actor.name,
        drawn_at=stamp,
        seed=seed,
        rate=rate,
        params=record,
        eligible=len(pool),
        items=items,
        unrepresented=unrepresented,
        moderator=record["moderator"],
    )


def get_sample(store: Store, actor: User, sample_id: int) -> SampleResult:
    """A stored sample as drawn (lead only)."""
    require_role(actor, Role.LEAD, doing="read moderation samples")
    row = store.row("SELECT * FROM samples WHERE id = ?", [sample_id])
    if row is None:
        raise NotFound(f"no sample {sample_id}")
    params: dict[str, Any] = json.loads(row["params"] or "{}")
    items = [
        SampleItem(
            audit_id=r["audit_id"],
            moderation_id=r["moderation_id"],
            case_ref=r["case_ref"],
            team=r["team"],
            service_area=r["service_area"],
            manager=r["manager"],
            rubric_id=rubric_by_hash(store, r["rubric_hash"]).id,
            submitted_at=r["submitted_at"],
            hand_picked=bool(r["hand_picked"]),
        )
        for r in store.rows(
            "SELECT i.audit_id, i.hand_picked, m.id AS moderation_id, c.case_ref, c.team,"
            " c.service_area, u.name AS manager, a.rubric_hash, a.submitted_at"
            " FROM sample_items i JOIN audits a ON a.id = i.audit_id"
            " JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.manager_id"
            " LEFT JOIN moderations m ON m.audit_id = i.audit_id"
            " WHERE i.sample_id = ? ORDER BY i.audit_id",
            [sample_id],
        )
    ]
    represented = {i.manager for i in items}
    managers = store.rows("SELECT name FROM users WHERE role = 'manager' ORDER BY name")
    return SampleResult(
        id=row["id"],
        drawn_by=row["drawn_by"],
        drawn_at=row["drawn_at"],
        seed=int(row["seed"]),
        rate=float(row["rate"]),
        params=params,
        eligible=None if params.get("eligible") is None else int(params["eligible"]),
        items=items,
        unrepresented=[m["name"] for m in managers if m["name"] not in represented],
        moderator=params.get("moderator"),
    )


def list_samples(store: Store, actor: User) -> list[dict[str, Any]]:
    """Every sample drawn, newest first, with its size (lead only)."""
    require_role(actor, Role.LEAD, doing="read moderation samples")
    return store.rows(
        "SELECT s.id, s.drawn_by, s.drawn_at, s.seed, s.rate,"
        " (SELECT count(*) FROM sample_items i WHERE i.sample_id = s.id) AS audits,"
        " (SELECT count(*) FROM sample_items i WHERE i.sample_id = s.id AND i.hand_picked)"
        "   AS hand_picked"
        " FROM samples s ORDER BY s.id DESC"
    )
