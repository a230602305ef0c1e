"""Leave one batch out: does the learned layer carry over to a writer it never read?

    .venv/bin/python benchmarks/learned_lobo.py                 # batches K, L and M
    .venv/bin/python benchmarks/learned_lobo.py --batches k,l,m --bands

For each named batch, trains the learned layer on every OTHER batch of
``tests/data/redaction_corpus*.jsonl`` and scores that batch with the rules alone and with the
rules and the learned layer (recall, leakage, over-redaction, review items, from
:mod:`moderator.anonymise.evaluate`). ``--bands`` also prints, over the leave-one-out
probabilities of every batch, how many candidates and identifiers fall in each probability band
(what the thresholds are chosen on).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from moderator.anonymise.evaluate import LabelledCase, load_corpus, score
from moderator.anonymise.learned import LearnedModel, Thresholds, using_model
from moderator.anonymise.train_learned import KEEP_WEIGHT, L2, Example, examples, fit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "data").glob("redaction_corpus*.jsonl"))


def _name(path: Path) -> str:
    stem = path.stem.removeprefix("redaction_corpus")
    return stem.removeprefix("_") or "a"


def _figures(corpus: list[LabelledCase], model: LearnedModel | None) -> dict[str, float]:
    with using_model(model):
        tallies, _ = score(corpus)
    s = tallies["all"].summary()
    return {
        "recall": s["overall"]["recall"] or 0.0,
        "leakage": s["leakage"] or 0.0,
        "over": s["protected"]["over_redaction"] or 0.0,
        "review": s["review"]["items"],
    }


def _bands(held: dict[str, list[tuple[float, bool]]]) -> None:
    edges = [0.0, 0.2, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01]
    print("\nleave-one-out probability bands over every batch: candidates, identifiers, share")
    pairs = [pq for rows in held.values() for pq in rows]
    for lo, hi in zip(edges, edges[1:], strict=False):
        inside = [y for p, y in pairs if lo <= p < hi]
        share = sum(inside) / len(inside) if inside else 0.0
        print(f"  {lo:.2f}-{min(hi, 1.0):.2f}: {len(inside):6d} {sum(inside):6d}  {share:6.1%}")


def main(argv: list[str] | None = None) -> int:
    """Print the leave-one-batch-out table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", default="k,l,m", help="batches to hold out, by letter")
    parser.add_argument("--bands", action="store_true", help="probability bands over all batches")
    parser.add_argument("--sure", type=float)
    parser.add_argument("--ask", type=float)
    parser.add_argument("--keep", type=float)
    parser.add_argument("--keep-weight", type=float, default=KEEP_WEIGHT)
    parser.add_argument("--l2", type=float, default=L2)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpora = {_name(p): load_corpus(p) for p in CORPUS}
    rows: dict[str, list[Example]] = {name: examples(c) for name, c in corpora.items()}
    print(f"candidates collected in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    held = [b.strip() for b in args.batches.split(",") if b.strip()]
    if args.bands:
        probs = {}
        for name in corpora:
            model = fit(
                [r for other, rs in rows.items() if other != name for r in rs],
                l2=args.l2,
                keep_weight=args.keep_weight,
            )
            probs[name] = [(model.probability(r.features), r.label) for r in rows[name]]
        _bands(probs)
    print("\n| batch | rules: recall / leakage / over | rules + learned | review items |")
    print("|---|---|---|---|")
    sums = [0.0] * 6
    for name in held:
        model = fit(
            [r for other, rs in rows.items() if other != name for r in rs],
            l2=args.l2,
            keep_weight=args.keep_weight,
        )
        th = model.thresholds
        model.thresholds = Thresholds(
            sure=args.sure if args.sure is not None else th.sure,
            ask=args.ask if args.ask is not None else th.ask,
            keep=args.keep if args.keep is not None else th.keep,
        )
        before = _figures(corpora[name], None)
        after = _figures(corpora[name], model)
        keys = ("recall", "leakage", "over")
        for i, k in enumerate(keys):
            sums[i] += before[k]
            sums[3 + i] += after[k]
        print(
            f"| {name.upper()} | "
            + " / ".join(f"{before[k]:.1%}" for k in keys)
            + " | "
            + " / ".join(f"{after[k]:.1%}" for k in keys)
            + f" | {before['review']:.0f} → {after['review']:.0f} |"
        )
    n = len(held)
    print(
        "| mean | "
        + " / ".join(f"{v / n:.1%}" for v in sums[:3])
        + " | "
        + " / ".join(f"{v / n:.1%}" for v in sums[3:])
        + " | |"
    )
    print(f"\n{time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
