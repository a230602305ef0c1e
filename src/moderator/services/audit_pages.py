"""Audit lists a page at a time: filters, search and sorting in SQL, counts by GROUP BY.

A lead's list can hold every audit of an authority (100,000 and more); a screen
shows a few dozen. :func:`page_audits` returns one page of the list in a stable
order (the same order :func:`list_audits` gives, or sorted by a column), and
:func:`count_audits` says how many audits the list holds in each state without
reading them. The search looks in the same words the list shows (case, team,
service area, rubric, manager, state, moderation outcome): every word must
appear, as the workbench's search as you type does.

Blindness is the same as :func:`moderator.services.audits.list_audits`: a
moderator lists only the audits they moderate, with the manager's progress,
overall grade and moderation state hidden until their own moderation is
submitted; so a moderator cannot sort or search by them either.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from moderator.domain.service_areas import SERVICE_AREAS
from moderator.errors import BadInput
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User
from moderator.store.db import Store

STATUSES = ("todo", "draft", "submitted")
STATUS_LABELS = {"todo": "To do", "draft": "Draft", "submitted": "Submitted"}
"""The audit states as people say them (the list shows and searches these words)."""

_STATE_ORDER = "CASE a.status WHEN 'draft' THEN 0 WHEN 'todo' THEN 1 ELSE 2 END"
DEFAULT_ORDER = f"{_STATE_ORDER}, a.due IS NULL, a.due, a.id"
"""Drafts first, then to do, then submitted; soonest due first; then by id (stable)."""

_GRADED = (
    "(SELECT count(*) FROM criterion_grades g WHERE g.audit_id = a.id AND g.grade IS NOT NULL)"
)
_MODERATION = "(SELECT coalesce(m.outcome, m.status) FROM moderations m WHERE m.audit_id = a.id)"
_FROM = "FROM audits a JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.manager_id"
_COLUMNS = (
    "a.id, a.rubric_hash, a.status, a.due, a.submitted_at, a.overall_grade,"
    " a.manager_id, c.case_ref, c.team, c.service_area, u.name AS manager,"
    f" {_GRADED} AS graded, {_MODERATION} AS moderation"
)


class AuditQuery(BaseModel):
    """Which audits a list holds and in what order."""

    model_config = ConfigDict(frozen=True)

    status: str | None = None
    """One state (todo, draft, submitted), or every state."""
    words: str = ""
    """Every word must appear in what the list shows of the audit (case-insensitive)."""
    search: str | None = None
    """A piece of the case reference, team or service area (the command line's ``--search``)."""
    manager: str | None = None
    """Only this manager's audits (ignored for a manager, who lists their own)."""
    sort: str | None = None
    """A column: case, manager, state, progress, due, team, area or rubric; None: the default."""
    reverse: bool = False


class AuditCounts(BaseModel):
    """How many audits a list holds, per state; and how many are overdue."""

    model_config = ConfigDict(frozen=True)

    todo: int = 0
    draft: int = 0
    submitted: int = 0
    overdue: int = 0
    """Not submitted and due before the day given (0 when no day was given)."""

    @property
    def total(self) -> int:
        """Every audit of the list, whatever its state."""
        return self.todo + self.draft + self.submitted

    def of(self, state: str | None) -> int:
        """How many in one state (``None`` or ``all``: every state)."""
        if state in (None, "all"):
            return self.total
        return int(getattr(self, str(state)))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _marks(values: list[str]) -> str:
    return ",".join("?" * len(values))


def _rubric_totals(store: Store) -> str:
    """An SQL expression: the number of criteria of each audit's rubric."""
    hashes = [str(r["hash"]) for r in store.rows("SELECT hash FROM rubrics ORDER BY hash")]
    totals = {h: str(len(rubric_by_hash(store, h).criteria)) for h in hashes}
    whens = " ".join(f"WHEN {_literal(h)} THEN {n}" for h, n in totals.items())
    return f"(CASE a.rubric_hash {whens} ELSE 0 END)" if whens else "0"


MODERATION_STATES = ("todo", "draft", "submitted", "reviewed", "agreed", "downgraded", "upgraded")


def _word_matches(store: Store, user: User, word: str) -> tuple[str, list[Any]]:
    """An SQL condition: ``word`` appears in what the list shows of an audit.

    The fields with a few known values (service area, rubric, state, moderation)
    are matched here in Python and asked for by value, so the database compares
    three short texts per audit instead of building the whole line for each.
    """
    terms = ["instr(lower(c.case_ref), ?)", "instr(lower(c.team), ?)", "instr(lower(u.name), ?)"]
    params: list[Any] = [word, word, word]

    def among(column: str, values: list[str]) -> None:
        if values:
            terms.append(f"{column} IN ({_marks(values)})")
            params.extend(values)

    known = list(SERVICE_AREAS)
    among("c.service_area", [k for k, label in SERVICE_AREAS.items() if word in label.lower()])
    terms.append(
        f"(c.service_area NOT IN ({_marks(known)})"
        " AND instr(lower(replace(c.service_area, '_', ' ')), ?))"
    )
    params.extend([*known, word])
    rubrics = store.rows("SELECT hash, id, title FROM rubrics")
    among(
        "a.rubric_hash", [r["hash"] for r in rubrics if word in f"{r['id']} {r['title']}".lower()]
    )
    among("a.status", [k for k, label in STATUS_LABELS.items() if word in label.lower()])
    if user.role is not Role.MODERATOR:  # a moderator does not see the moderation state
        states = [m for m in MODERATION_STATES if word in m]
        if states:
            terms.append(
                "EXISTS (SELECT 1 FROM moderations m WHERE m.audit_id = a.id"
                f" AND coalesce(m.outcome, m.status) IN ({_marks(states)}))"
            )
            params.extend(states)
    return "(" + " OR ".join(terms) + ")", params


def _filters(
    store: Store, user: User, query: AuditQuery, *, with_status: bool
) -> tuple[list[str], list[Any]]:
    """The WHERE clauses (and their parameters) of a user's list."""
    where: list[str] = []
    params: list[Any] = []
    if user.role is Role.MANAGER:
        where.append("a.manager_id = ?")
        params.append(user.id)
    elif user.role is Role.MODERATOR:
        where.append("a.id IN (SELECT audit_id FROM moderations WHERE moderator_id = ?)")
        params.append(user.id)
    if query.manager and user.role is not Role.MANAGER:
        where.append("u.name = ?")
        params.append(query.manager)
    if with_status and query.status and query.status != "all":
        if query.status not in STATUSES:
            raise BadInput(f"unknown status {query.status!r}; use todo, draft or submitted")
        # The unary + keeps SQLite on the list's order index rather than the status index.
        where.append("+a.status = ?")
        params.append(query.status)
    if query.search:
        where.append("(c.case_ref LIKE ? OR c.team LIKE ? OR c.service_area LIKE ?)")
        like = f"%{query.search}%"
        params.extend([like, like, like])
    for word in query.words.lower().split():
        condition, values = _word_matches(store, user, word)
        where.append(condition)
        params.extend(values)
    return where, params


def _order(store: Store, user: User, query: AuditQuery) -> str:
    """ORDER BY for a list: the chosen column, then the default order (stable, as a sort is)."""
    if query.sort is None:
        return DEFAULT_ORDER
    progress = ["NULL"]
    if user.role is not Role.MODERATOR:  # the manager's progress is hidden from a moderator
        share = f"{_GRADED} * 1.0 / nullif({_rubric_totals(store)}, 0)"
        progress = [f"coalesce({share}, 0)", _GRADED]
    keys = {
        "case": ["lower(c.case_ref)"],
        "manager": ["lower(u.name)"],
        "state": [_STATE_ORDER, "a.due IS NULL", "a.due"],
        "progress": progress,
        "due": ["a.due IS NULL", "a.due"],
        "team": ["lower(c.team)"],
        "area": ["c.service_area"],
        "rubric": ["(SELECT lower(r.title) FROM rubrics r WHERE r.hash = a.rubric_hash)"],
    }
    if query.sort not in keys:
        raise BadInput(f"cannot sort by {query.sort!r}; use one of {', '.join(keys)}")
    direction = " DESC" if query.reverse else ""
    key = ", ".join(part + direction for part in keys[query.sort])
    return f"{key}, {DEFAULT_ORDER}"


def _source(query: AuditQuery) -> str:
    """FROM for a query: audits alone when nothing filters or sorts by the case or the manager.

    (A join per audit is most of the cost of reading the last page of 100,000.)
    """
    joined = query.words or query.search or query.manager
    if joined or query.sort in ("case", "manager", "team", "area"):
        return _FROM
    return "FROM audits a"


def _where_sql(where: list[str]) -> str:
    return " WHERE " + " AND ".join(where) if where else ""


def select_audits(
    store: Store, user: User, query: AuditQuery, *, offset: int = 0, limit: int | None = None
) -> list[dict[str, Any]]:
    """The rows of one page of a user's list (every row when ``limit`` is None)."""
    where, params = _filters(store, user, query, with_status=True)
    order = _order(store, user, query)
    if limit is None:
        sql = f"SELECT {_COLUMNS} {_FROM}{_where_sql(where)} ORDER BY {order}"
        return store.rows(sql, params)
    # Sort the ids only, then read the page's rows: the per-row subqueries run for the
    # page, not for every audit the sort looks at.
    ids = [
        int(r["id"])
        for r in store.rows(
            f"SELECT a.id {_source(query)}{_where_sql(where)} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, max(0, limit), max(0, offset)],
        )
    ]
    if not ids:
        return []
    sql = f"SELECT {_COLUMNS} {_FROM} WHERE a.id IN ({_marks([str(i) for i in ids])})"
    rows = {r["id"]: r for r in store.rows(sql, ids)}
    return [rows[i] for i in ids if i in rows]


def page_audits(
    store: Store, user: User, query: AuditQuery, *, offset: int = 0, limit: int = 50
) -> list[Any]:
    """One page of the audits this user may list (``AuditSummary`` rows), in a stable order.

    ``offset`` counts from the first audit of the list as ``query`` filters and
    sorts it; the rows are what :func:`~moderator.services.audits.list_audits`
    returns for them, with the same blindness for moderators.
    """
    from moderator.services.audits import summaries

    return summaries(store, user, select_audits(store, user, query, offset=offset, limit=limit))


def count_audits(
    store: Store, user: User, query: AuditQuery | None = None, *, today: date | None = None
) -> AuditCounts:
    """How many audits this user's list holds in each state (one GROUP BY, no rows read).

    The query's state is ignored (the counts are per state); its search and
    manager apply. With ``today``, also how many are overdue.
    """
    query = query or AuditQuery()
    where, params = _filters(store, user, query, with_status=False)
    overdue = "0"
    if today is not None:
        overdue = f"sum(a.due IS NOT NULL AND a.due < ? AND {_STATE_ORDER} != 2)"
        params = [today.isoformat(), *params]
    source = _source(query)
    # Grouped by the list order's first term: the list's index then covers the count.
    rows = store.rows(
        f"SELECT {_STATE_ORDER} AS state, count(*) AS n, {overdue} AS overdue"
        f" {source}{_where_sql(where)} GROUP BY {_STATE_ORDER}",
        params,
    )
    states = {0: "draft", 1: "todo", 2: "submitted"}
    counts = {states[int(r["state"])]: int(r["n"]) for r in rows}
    late = sum(int(r["overdue"] or 0) for r in rows)
    return AuditCounts(**{s: counts.get(s, 0) for s in STATUSES}, overdue=late)
