"""The evaluator's figures as a plain-text table (``python -m moderator.anonymise.evaluate``)."""

from __future__ import annotations

from typing import Any


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{value * 100:5.1f}%"


def ordered(splits: Any) -> list[str]:
    """Split names in a stable order: dev, then held-out ones by name, then ``all``."""
    names = [n for n in splits if n != "all"]
    names.sort(key=lambda n: (n != "dev", n))
    return names + (["all"] if "all" in splits else [])


def render_table(summaries: dict[str, dict[str, Any]], speed: float) -> str:
    """The figures as a plain-text table, one block per split."""
    lines: list[str] = []
    for split in ordered(summaries):
        s = summaries[split]
        lines.append(f"{split} ({s['cases']} cases)")
        lines.append(
            f"  {'type':<14}{'labelled':>9}{'found':>7}{'recall':>9}"
            f"{'redacted':>10}{'correct':>9}{'precision':>11}"
        )
        for kind, row in s["by_type"].items():
            lines.append(
                f"  {kind:<14}{row['labelled']:>9}{row['found']:>7}{_pct(row['recall']):>9}"
                f"{row['redacted']:>10}{row['correct']:>9}{_pct(row['precision']):>11}"
            )
        o = s["overall"]
        lines.append(
            f"  {'ALL':<14}{o['labelled']:>9}{o['found']:>7}{_pct(o['recall']):>9}"
            f"{o['redacted']:>10}{o['correct']:>9}{_pct(o['precision']):>11}"
        )
        for name, row in s["by_provenance"].items():
            lines.append(
                f"  provenance {name:<8}{row['labelled']:>6} labelled, {row['found']:>4} found, "
                f"recall {_pct(row['recall']).strip()}"
            )
        lines.append(f"  leakage: {_pct(s['leakage']).strip()} of identifier characters left")
        p = s["protected"]
        lines.append(
            f"  protected vocabulary: {p['damaged']} of {p['phrases']} phrases damaged "
            f"(over-redaction {_pct(p['over_redaction']).strip()})"
        )
        if s["public_services"]["labelled"]:
            lines.append(
                "  public services named by a place (kept by design, outside the figures above): "
                f"{s['public_services']['labelled']} labelled, "
                f"{s['public_services']['redacted']} redacted in whole or part"
            )
        towns = s["address_towns"]
        if towns["labelled"]:
            lines.append(
                f"  addresses labelled with the town after the street: {towns['labelled']}; "
                "scored without the town, which the redactor keeps (issue #14); "
                f"{towns['redacted_with_town']} of them redacted town and all"
            )
        r = s["review"]
        lines.append(
            f"  review: {r['items']} uncertain items ({r['per_case']} a case), "
            f"{_pct(r['precision']).strip()} of them identifiers; if a person confirmed every "
            f"kept candidate: recall {_pct(r['recall_if_all_confirmed']).strip()}, leakage "
            f"{_pct(r['leakage_if_all_confirmed']).strip()}, over-redaction "
            f"{_pct(r['over_redaction_if_all_confirmed']).strip()}"
        )
        lines.append("")
    lines.append(f"speed: {speed:,.0f} cases/second on this corpus")
    return "\n".join(lines)
