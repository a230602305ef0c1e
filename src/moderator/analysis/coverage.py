"""Coverage (how much is moderated) and compliance (audits done on time), from counts."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import numpy as np

from moderator.analysis.counts import AuditCounts, Key
from moderator.analysis.inputs import Assignment, ReportFilters
from moderator.analysis.report import Compliance, ComplianceRow, Coverage, CoverageRow
from moderator.analysis.sorting import natural_key


def coverage(audits: AuditCounts, target: float) -> Coverage:
    """Audits submitted vs moderated, overall, per manager and per team."""
    if len(audits) == 0:
        return Coverage(target=target, submitted=0, moderated=0, rate=None, meets_target=None)
    count = audits.count
    moderated = np.where(audits.moderated, count, 0)

    def rows(key: Key) -> list[CoverageRow]:
        k = len(key.labels)
        sub = np.bincount(key.codes, weights=count, minlength=k)[:k]
        mod = np.bincount(key.codes, weights=moderated, minlength=k)[:k]
        out = []
        for code in np.flatnonzero(sub > 0).tolist():
            rate = float(mod[code] / sub[code])
            out.append(
                CoverageRow(
                    key=key.labels[code] or "(none)",
                    submitted=int(sub[code]),
                    moderated=int(mod[code]),
                    rate=rate,
                    meets_target=rate >= target,
                )
            )
        return sorted(out, key=lambda r: natural_key(r.key))

    submitted = int(count.sum())
    moderated_count = int(moderated.sum())
    rate = moderated_count / submitted if submitted else None
    return Coverage(
        target=target,
        submitted=submitted,
        moderated=moderated_count,
        rate=rate,
        meets_target=None if rate is None else rate >= target,
        by_manager=rows(audits.manager),
        by_team=rows(audits.team),
    )


def compliance(
    assignments: list[Assignment] | None, filters: ReportFilters, as_of: date
) -> Compliance:
    """Assigned vs submitted on time, per manager (unavailable without assignments)."""
    if assignments is None:
        return Compliance(
            available=False,
            note="No assignment data in this source (a paired-grades CSV has none), "
            "so compliance cannot be measured.",
        )
    team = filters.team.strip().casefold() if filters.team else None
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for a in assignments:
        if team and a.team.strip().casefold() != team:
            continue
        if filters.since and a.due < filters.since:
            continue
        if filters.until and a.due > filters.until:
            continue
        c = counts[a.manager]
        c["assigned"] += a.count
        if a.submitted_on is not None:
            c["submitted"] += a.count
            c["on_time" if a.submitted_on <= a.due else "late"] += a.count
        elif a.due < as_of:
            c["overdue"] += a.count
        else:
            c["pending"] += a.count

    def rate(c: Counter[str]) -> float | None:
        judged = c["on_time"] + c["late"] + c["overdue"]
        return c["on_time"] / judged if judged else None

    rows = [
        ComplianceRow(
            key=manager,
            assigned=c["assigned"],
            submitted=c["submitted"],
            on_time=c["on_time"],
            late=c["late"],
            overdue=c["overdue"],
            pending=c["pending"],
            on_time_rate=rate(c),
        )
        for manager, c in counts.items()
    ]
    rows.sort(key=lambda r: natural_key(r.key))
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    return Compliance(
        available=True,
        as_of=as_of,
        assigned=total["assigned"],
        submitted=total["submitted"],
        on_time=total["on_time"],
        late=total["late"],
        overdue=total["overdue"],
        pending=total["pending"],
        on_time_rate=rate(total),
        by_manager=rows,
        note=None if rows else "No audits were assigned in this period.",
    )
