"""Leave one batch out: does the learned layer carry over to a writer it never read?

    .venv/bin/python benchmarks/learned_lobo.py                      # batches K, L and M
    .venv/bin/python benchmarks/learned_lobo.py --asks 0.5,0.65,0.8  # the trade-off by threshold
    .venv/bin/python benchmarks/learned_lobo.py --batches n,o,p,q    # the newest writers

For each named batch, trains the learned layer (:mod:`moderator.anonymise.train_learned`) on
every OTHER batch of ``tests/data/redaction_corpus*.jsonl`` and scores that batch with the
rules alone and with the rules and the learned layer: recall, leakage, over-redaction and the
items the import would ask a person about (:mod:`moderator.anonymise.evaluate`), and the public
services named by a place (labelled ``public_body``, kept by design) redacted in whole or part,
for the batches that label them. ``--asks``
adds the mean over the batches at other redaction thresholds (what the thresholds are chosen
on). A few minutes on the shared machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from moderator.anonymise.evaluate import LabelledCase, load_corpus, score
from moderator.anonymise.learned import LearnedModel, Thresholds, using_model
from moderator.anonymise.train_learned import Example, examples, fit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "data").glob("redaction_corpus*.jsonl"))
KEYS = ("recall", "leakage", "over")


def _name(path: Path) -> str:
    return path.stem.removeprefix("redaction_corpus").removeprefix("_") or "a"


def _figures(corpus: list[LabelledCase], model: LearnedModel | None) -> dict[str, float]:
    with using_model(model):
        tallies, _ = score(corpus)
    s = tallies["all"].summary()
    return {
        "recall": s["overall"]["recall"] or 0.0,
        "leakage": s["leakage"] or 0.0,
        "over": s["protected"]["over_redaction"] or 0.0,
        "review": s["review"]["items"],
        "public": s["public_services"]["redacted"],
        "public_labelled": s["public_services"]["labelled"],
    }


def _cells(figures: dict[str, float]) -> str:
    return " / ".join(f"{figures[k]:.2%}" for k in KEYS)


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: sum(r[k] for r in rows) / len(rows) for k in (*KEYS, "review", "public")}


def _public(b: dict[str, float], a: dict[str, float]) -> str:
    """Public services redacted in whole or part, rules alone → with the layer, of those labelled."""
    if not b["public_labelled"]:
        return "–"
    return f"{b['public']:.0f} → {a['public']:.0f} of {b['public_labelled']:.0f}"


def main(argv: list[str] | None = None) -> int:
    """Print the leave-one-batch-out table (Markdown)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", default="k,l,m", help="batches to hold out, by letter")
    parser.add_argument("--asks", default="", help="other redaction thresholds to compare")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpora = {_name(p): load_corpus(p) for p in CORPUS}
    rows: dict[str, list[Example]] = {name: examples(c) for name, c in corpora.items()}
    held = [b.strip() for b in args.batches.split(",") if b.strip()]
    models = {n: fit([r for o, rs in rows.items() if o != n for r in rs]) for n in held}
    print(
        "| batch | rules alone: recall / leakage / over-redaction | rules + learned | review items "
        "| public services redacted |"
    )
    print("|---|---|---|---|---|")
    before, after = [], []
    for name in held:
        before.append(_figures(corpora[name], None))
        after.append(_figures(corpora[name], models[name]))
        b, a = before[-1], after[-1]
        print(
            f"| {name.upper()} | {_cells(b)} | {_cells(a)} | {b['review']:.0f} → {a['review']:.0f} "
            f"| {_public(b, a)} |"
        )
    b, a = _mean(before), _mean(after)
    total_b = sum(r["public"] for r in before)
    total_a = sum(r["public"] for r in after)
    print(
        f"| mean | {_cells(b)} | {_cells(a)} | {b['review']:.0f} → {a['review']:.0f} "
        f"| {total_b:.0f} → {total_a:.0f} in all |"
    )
    print(
        f"\nchange in the mean: recall {a['recall'] - b['recall']:+.2%}, leakage "
        f"{a['leakage'] - b['leakage']:+.2%}, over-redaction {a['over'] - b['over']:+.2%}; "
        f"public services redacted {total_a - total_b:+.0f} in all"
    )
    for ask in [float(x) for x in args.asks.split(",") if x.strip()]:
        tried = []
        for name in held:
            model = models[name].model_copy()
            model.thresholds = Thresholds(sure=max(ask, 0.85), ask=ask, keep=min(0.4, ask))
            tried.append(_figures(corpora[name], model))
        m = _mean(tried)
        print(
            f"ask {ask:.2f}: {_cells(m)} (recall {m['recall'] - b['recall']:+.2%}, "
            f"leakage {m['leakage'] - b['leakage']:+.2%}, "
            f"over-redaction {m['over'] - b['over']:+.2%}, public services redacted "
            f"{sum(r['public'] for r in tried) - total_b:+.0f})"
        )
    print(f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
