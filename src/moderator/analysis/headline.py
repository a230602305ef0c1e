"""The drift report's headline: a plain-English summary in the inspectors' register."""

from __future__ import annotations

from moderator.analysis.report import Coverage, Stats


def _pct(x: float) -> str:
    return f"{int(x * 100 + 0.5)}%"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return one if n == 1 else (many or one + "s")


def compose_headline(
    overall: Stats,
    criteria: Stats,
    coverage: Coverage,
    audits: int,
    flagged: int = 0,
    measured: int = 0,
) -> str:
    """A plain-English summary in the inspectors' register, from the numbers only.

    e.g. "Moderators downgraded 19 of 24 audits (79%); 15 were rated inadequate.
    Only 48% of submitted audits were moderated (target 50%)."
    """
    if audits == 0:
        return "There are no submitted audits in this report."
    sentences: list[str] = []
    stats, noun = overall, "audit"
    if overall.n == 0 and criteria.n > 0:
        stats, noun = criteria, "criterion grade"
    n = stats.n
    if n == 0:
        sentences.append(
            f"None of the {audits} submitted {_plural(audits, 'audit')} "
            f"{'has' if audits == 1 else 'have'} been moderated, so grading drift cannot "
            "yet be measured."
        )
    else:
        sentences.append(_drift_sentence(stats, noun))
    if coverage.rate is not None and n > 0:
        share = f"{_pct(coverage.rate)} of submitted audits were moderated"
        target = f"(target {_pct(coverage.target)})"
        if coverage.rate < coverage.target:
            sentences.append(f"Only {share} {target}.")
        else:
            sentences.append(f"{share[0].upper()}{share[1:]} {target}.")
    if flagged:
        sentences.append(
            f"{flagged} of {measured} {_plural(measured, 'manager')}' grades are consistently "
            "more optimistic than the moderators'."
            if measured != 1
            else "The one manager with enough moderated audits grades consistently more "
            "optimistically than the moderators."
        )
    return " ".join(sentences)


def _drift_sentence(stats: Stats, noun: str) -> str:
    n = stats.n
    down, up, inadequate = stats.downgraded_count, stats.upgraded_count, stats.to_inadequate
    nouns = _plural(n, noun)
    if n == 1:
        if down:
            to = " to Inadequate" if inadequate else ""
            return f"The only moderated {noun} was downgraded{to} by the moderator."
        if up:
            return f"The only moderated {noun} was upgraded by the moderator."
        return f"The moderator agreed with the manager's grade on the only moderated {noun}."
    if down == 0 and up == 0:
        return f"Moderators agreed with the managers' grades on all {n} moderated {nouns}."
    if down == 0:
        return (
            f"Moderators downgraded none of the {n} moderated {nouns} and upgraded "
            f"{up} ({_pct(up / n)})."
        )
    text = f"Moderators downgraded {down} of {n} {nouns} ({_pct(down / n)})"
    if up:
        text += f" and upgraded {up} ({_pct(up / n)})"
    if inadequate:
        verb = "was" if inadequate == 1 else "were"
        if inadequate == down and down > 1:
            text += f"; all {down} {verb} rated inadequate"
        else:
            text += f"; {inadequate} {verb} rated inadequate"
    return text + "."
