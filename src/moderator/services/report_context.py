"""What a report needs from the database beyond the grade counts: the authority's name,
words for the ids the figures are keyed by, and each intervention's before and after."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from moderator.analysis.inputs import ReportFilters
from moderator.analysis.report import InterventionEffect, Labels, Report
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User, get_user
from moderator.store import Store, open_store

DEFAULT_WINDOW_DAYS = 180
"""Days compared on each side of an intervention's date."""


def authority_name(store: Store, configured: str | None = None) -> str | None:
    """The configured authority, else the one the leads (then anyone) belong to."""
    if configured and configured.strip():
        return configured.strip()
    rows = store.rows("SELECT role, authority FROM users WHERE authority IS NOT NULL")
    for wanted in ("lead", None):
        names: Counter[str] = Counter(
            str(r["authority"]).strip()
            for r in rows
            if str(r["authority"]).strip() and (wanted is None or r["role"] == wanted)
        )
        if names:
            return names.most_common(1)[0][0]
    return None


def report_labels(store: Store) -> Labels:
    """Titles of every rubric audited, its criteria and domains, and service-area words."""
    from moderator.domain.service_areas import SERVICE_AREAS

    criteria: dict[str, str] = {}
    domains: dict[str, str] = {}
    rubrics: dict[str, str] = {}
    for r in store.rows("SELECT DISTINCT rubric_hash FROM audits WHERE status = 'submitted'"):
        rubric = rubric_by_hash(store, r["rubric_hash"])
        rubrics[rubric.id] = rubric.title
        for domain in rubric.domains:
            domains.setdefault(domain.id, domain.title)
            for criterion in domain.criteria:
                criteria.setdefault(criterion.id, criterion.title)
                criteria[f"{rubric.id}/{criterion.id}"] = criterion.title
    return Labels(
        criteria=criteria, domains=domains, service_areas=dict(SERVICE_AREAS), rubrics=rubrics
    )


def _shift(day: date, days: int) -> date:
    """``day`` moved by ``days``, stopping at the calendar's ends (an old database's 9999-12-31)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def intervention_effects(
    store: Store, user: User, filters: ReportFilters | None, window_days: int
) -> list[InterventionEffect]:
    """Each intervention's drift before and after, within the report's filters.

    The windows are cut by submission date like the report's own since/until; an
    intervention aimed at a team is measured on that team.
    """
    from moderator.analysis.build import overall_stats
    from moderator.analysis.interventions import drift_difference
    from moderator.services.interventions import list_interventions
    from moderator.services.reporting import report_counts

    base = filters or ReportFilters()
    out: list[InterventionEffect] = []
    for item in list_interventions(store):
        team = item.team or base.team
        if item.team and base.team and item.team.casefold() != base.team.casefold():
            continue  # aimed at another team than the one reported on
        windows = []
        for start, end in (
            (_shift(item.on_date, -window_days), _shift(item.on_date, -1)),
            (item.on_date, _shift(item.on_date, window_days - 1)),
        ):
            since = max(start, base.since) if base.since else start
            until = min(end, base.until) if base.until else end
            window = replace(base, since=since, until=until, team=team)
            windows.append(overall_stats(report_counts(store, user, window)[0]))
        before, after = windows
        diff = drift_difference(np.asarray(before.confusion), np.asarray(after.confusion))
        out.append(
            InterventionEffect(
                date=item.on_date,
                title=item.title,
                team=item.team,
                window_days=window_days,
                before=before,
                after=after,
                drift_difference=diff.difference,
                drift_difference_ci=diff.ci,
            )
        )
    return out


def covers(user: User) -> str | None:
    """Whose audits this user's report covers, when not the whole authority's (None: a lead's)."""
    if user.role is Role.MANAGER:
        return f"{user.name}'s audits only"
    if user.role is Role.MODERATOR:
        return f"only the audits {user.name} moderated"
    return None


def context_of(
    store: Store,
    user: User,
    filters: ReportFilters | None = None,
    *,
    authority: str | None = None,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> dict[str, Any]:
    """The report fields the database adds (``Report.model_copy(update=...)``): the
    authority, the labels and the interventions."""
    return {
        "authority": authority_name(store, authority),
        "covers": covers(user),
        "labels": report_labels(store),
        "interventions": intervention_effects(store, user, filters, window_days),
    }


def with_context(
    report: Report,
    db_path: Path,
    user_name: str | None,
    *,
    filters: ReportFilters | None = None,
    authority: str | None = None,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> Report:
    """``report`` with the authority, the labels and the interventions from the database."""
    with open_store(db_path, create=False) as store:
        user = get_user(store, user_name)
        update = context_of(store, user, filters, authority=authority, window_days=window_days)
    return report.model_copy(update=update)
