"""``moderator verify``: is the database what moderator wrote, and nothing else?

Four checks, each naming the first thing that does not agree:

0. **The file**: SQLite's own ``PRAGMA integrity_check`` of every page, index and
   constraint (a page overwritten on disk is found here, though the rows read may
   still chain and replay).
1. **The chain**: every event's hash recomputed (:mod:`moderator.store.chain`).
2. **The guards**: every trigger the schema defines is present and unchanged
   (compared with a freshly migrated database), and no other trigger exists.
3. **The replay**: the log replayed against the stored rows. What the log
   says last about an audit or moderation must be what is stored: each
   criterion grade and the length of its note, overrides, the submitted
   overall grade and status, the moderated grades, overall and outcome.
   Databases written in bulk (``moderator synth``) log submissions and
   reviews but not every grade change; a grade is checked only where the log
   records grade changes for that audit or moderation.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from moderator.domain.grades import Grade
from moderator.store.chain import GENESIS, ChainHead, chain_head, check_chain
from moderator.store.db import Store, open_store

_GRADE_BY_LABEL = {g.label: int(g) for g in Grade}


class Verification(BaseModel):
    """What ``moderator verify`` found."""

    ok: bool
    events: int
    chain_head: ChainHead
    triggers: int
    audits: int
    moderations: int
    problem: str | None = None
    """The first thing that does not agree (None when all agree)."""
    problems: int = 0
    """How many things do not agree (the replay counts them all)."""


def trigger_problem(store: Store) -> str | None:
    """The first schema trigger missing, changed or unexpected; None when all are as built."""
    with open_store(None) as fresh:
        expected = _triggers(fresh)
    found = _triggers(store)
    for name, sql in expected.items():
        if name not in found:
            return f"trigger {name} is missing (a guard of the database was dropped)"
        if found[name] != sql:
            return f"trigger {name} has been changed"
    for name in found:
        if name not in expected:
            return f"trigger {name} is not part of moderator's schema"
    return None


def _triggers(store: Store) -> dict[str, str]:
    rows = store.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    return {name: " ".join(sql.split()) for name, sql in rows}


@dataclass
class _Said:
    """What the log says last about one audit or moderation (value, event id)."""

    exists: int | None = None
    grades: dict[str, tuple[int | None, int]] = field(default_factory=dict)
    notes: dict[str, tuple[int, int]] = field(default_factory=dict)
    override: tuple[int | None, int] | None = None
    submitted: tuple[int | None, int] | None = None
    moderated: dict[str, tuple[int | None, int]] = field(default_factory=dict)
    moderated_override: tuple[int | None, int] | None = None
    reviewed: tuple[int | None, str | None, int] | None = None


def _grade(label: str | None) -> int | None:
    return None if label is None else _GRADE_BY_LABEL.get(label, -1)


def _chars(text: str | None) -> int:
    """The length a note event records ("12 chars"); -1 if it says something else."""
    first = (text or "0").split(" ", 1)[0]
    return int(first) if first.isdigit() else -1


def _replay(store: Store) -> tuple[dict[int, _Said], dict[int, _Said]]:
    audits: dict[int, _Said] = {}
    moderations: dict[int, _Said] = {}
    sql = (
        "SELECT id, kind, entity_id, field, after, detail FROM events"
        " WHERE entity IN ('audit', 'moderation') ORDER BY id"
    )
    for chunk in store.stream(sql):
        for event_id, kind, entity_id, crit, after, detail in chunk:
            entity, _, verb = kind.partition(".")
            book = audits if entity == "audit" else moderations
            said = book.setdefault(int(entity_id), _Said())
            if verb in ("assign", "create"):
                said.exists = event_id
            elif verb == "grade":
                said.grades[crit] = (_grade(after), event_id)
            elif verb == "note":
                said.notes[crit] = (_chars(after), event_id)
            elif verb == "override":
                said.override = (_grade(after), event_id)
            elif verb == "submit":
                said.submitted = (_grade(after), event_id)
            elif verb == "review":
                said.moderated[crit] = (_grade(after), event_id)
            elif verb == "review_override":
                said.moderated_override = (_grade(after), event_id)
            elif verb == "reviewed":
                outcome = json.loads(detail or "{}").get("outcome")
                said.reviewed = (_grade(after), outcome, event_id)
    return audits, moderations


def _compare(
    what: str, stored: Any, said: tuple[Any, int] | None, default: Any = None
) -> str | None:
    """None when the stored value is what the log says; else a message naming the row and event.

    The message names no grade: whoever runs verify may be bound by moderation's blindness.
    """
    value, event = (default, None) if said is None else said
    if stored == value:
        return None
    where = "no event records it" if event is None else f"event {event}"
    return f"{what} in the database differs from the log ({where})"


def _sheet_problems(
    name: str, said: _Said, grades: dict[str, tuple[int | None, int]]
) -> Iterator[str | None]:
    """The criterion grades and note lengths of one audit or moderation against the log."""
    if said.grades:
        for crit in sorted(set(grades) | set(said.grades)):
            stored = grades.get(crit, (None, 0))[0]
            yield _compare(f"{name}, criterion {crit}: the grade", stored, said.grades.get(crit))
    if said.notes:
        for crit in sorted(set(grades) | set(said.notes)):
            chars = grades.get(crit, (None, 0))[1]
            yield _compare(
                f"{name}, criterion {crit}: the evidence note", chars, said.notes.get(crit), 0
            )


def _audit_problems(store: Store, audits: dict[int, _Said]) -> Iterator[str | None]:
    grades: dict[int, dict[str, tuple[int | None, int]]] = {}
    for audit_id, crit, grade, chars in store.execute(
        "SELECT audit_id, criterion, grade, length(note) FROM criterion_grades"
    ):
        grades.setdefault(audit_id, {})[crit] = (grade, chars)
    rows = store.execute(
        "SELECT id, status, overall_grade, overall_override FROM audits ORDER BY id"
    )
    for audit_id, status, overall, override in rows:
        said = audits.pop(audit_id, _Said())
        name = f"audit {audit_id}"
        if said.exists is None:
            yield f"{name}: in the database but never assigned in the log"
        yield from _sheet_problems(name, said, grades.get(audit_id, {}))
        yield _compare(f"{name}: the overall override", override, said.override)
        submitted = said.submitted is not None
        if (status == "submitted") != submitted:
            where = f"event {said.submitted[1]}" if said.submitted else "no submit event"
            yield f"{name}: status {status} in the database differs from the log ({where})"
        elif submitted:
            yield _compare(f"{name}: the submitted overall grade", overall, said.submitted)
    for audit_id, said in sorted(audits.items()):
        if said.exists is not None:
            yield f"audit {audit_id}: in the log (event {said.exists}) but not in the database"


def _moderation_problems(store: Store, moderations: dict[int, _Said]) -> Iterator[str | None]:
    grades: dict[int, dict[str, tuple[int | None, int]]] = {}
    moderated: dict[int, dict[str, int | None]] = {}
    for mid, crit, grade, chars, moderated_grade in store.execute(
        "SELECT moderation_id, criterion, grade, length(note), moderated_grade FROM moderation_grades"
    ):
        grades.setdefault(mid, {})[crit] = (grade, chars)
        moderated.setdefault(mid, {})[crit] = moderated_grade
    rows = store.execute(
        "SELECT id, status, overall_grade, overall_override, moderated_overall,"
        " moderated_override, outcome FROM moderations ORDER BY id"
    )
    for mid, status, overall, override, m_overall, m_override, outcome in rows:
        said = moderations.pop(mid, _Said())
        name = f"moderation {mid}"
        if said.exists is None:
            yield f"{name}: in the database but never created in the log"
        yield from _sheet_problems(name, said, grades.get(mid, {}))
        yield _compare(f"{name}: the overall override", override, said.override)
        locked = status in ("submitted", "reviewed")
        if locked != (said.submitted is not None) or (status == "reviewed") != bool(said.reviewed):
            yield f"{name}: status {status} in the database does not follow from the log"
            continue
        if said.submitted is not None:
            yield _compare(f"{name}: the submitted overall grade", overall, said.submitted)
        for crit, value in sorted(said.moderated.items()):
            stored = moderated.get(mid, {}).get(crit)
            yield _compare(f"{name}, criterion {crit}: the moderated grade", stored, value)
        yield _compare(f"{name}: the moderated override", m_override, said.moderated_override)
        if said.reviewed is not None:
            final, logged_outcome, event = said.reviewed
            yield _compare(f"{name}: the moderated overall grade", m_overall, (final, event))
            yield _compare(f"{name}: the outcome", outcome, (logged_outcome, event))
    for mid, said in sorted(moderations.items()):
        if said.exists is not None:
            yield f"moderation {mid}: in the log (event {said.exists}) but not in the database"


def file_problem(store: Store) -> str | None:
    """SQLite's own check of the file (every page, index and constraint); None when sound."""
    try:
        found = [str(r[0]) for r in store.conn.execute("PRAGMA integrity_check(3)").fetchall()]
    except sqlite3.DatabaseError as exc:
        return f"the file is damaged ({exc})"
    if found == ["ok"]:
        return None
    return "the file is damaged (SQLite's integrity check: " + "; ".join(found) + ")"


def verify(store: Store) -> Verification:
    """Check the file, the chain, the guards and the replay; the first problem found is named."""
    damaged = file_problem(store)
    if damaged is not None:
        try:
            return _verify(store, damaged)
        except sqlite3.DatabaseError:  # the damage reaches the rows the other checks read
            return Verification(
                ok=False,
                events=0,
                chain_head=ChainHead(event_id=0, hash=GENESIS),
                triggers=0,
                audits=0,
                moderations=0,
                problem=damaged,
                problems=1,
            )
    return _verify(store, None)


def _verify(store: Store, damaged: str | None) -> Verification:
    with store.snapshot():
        events = int(store.scalar("SELECT count(*) FROM events"))
        head = chain_head(store)
        triggers = int(store.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"))
        audits_n = int(store.scalar("SELECT count(*) FROM audits"))
        moderations_n = int(store.scalar("SELECT count(*) FROM moderations"))
        problems = [damaged, check_chain(store), trigger_problem(store)]
        audits, moderations = _replay(store)
        problems += list(_audit_problems(store, audits))
        problems += list(_moderation_problems(store, moderations))
    found = [p for p in problems if p is not None]
    return Verification(
        ok=not found,
        events=events,
        chain_head=head,
        triggers=triggers,
        audits=audits_n,
        moderations=moderations_n,
        problem=found[0] if found else None,
        problems=len(found),
    )
