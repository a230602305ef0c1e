"""Train the learned layer: ``python -m moderator.anonymise.train_learned [CORPUS…]``, or with
``--lower`` the layer for names written in lower case (:mod:`.learned_lower`).

Reads the labelled batches (default ``tests/data/redaction_corpus*.jsonl``), runs the rule
layers on every note to get the candidates the layer sees at run time, labels each candidate
word by the labelled identifiers (a word any character of which lies in one is an identifier),
fits a logistic regression with an L2 penalty (L-BFGS over a sparse design; deterministic: the
same batches give the same weights), and writes ``data/learned_model.json`` with the batches it
read and the feature version. Retrain whenever the rules change what they leave free.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy import optimize, sparse

from moderator.anonymise.evaluate import LabelledCase, load_corpus
from moderator.anonymise.learned import (
    MODEL_FILE,
    LearnedModel,
    Thresholds,
    collecting,
    model_json,
)
from moderator.anonymise.learned_features import FEATURE_VERSION
from moderator.anonymise.learned_lower import (
    LOWER_FEATURE_VERSION,
    LOWER_MODEL_FILE,
    LOWER_THRESHOLDS,
)
from moderator.anonymise.learned_lower import collecting as collecting_lower
from moderator.anonymise.redact import redact_case_text
from moderator.errors import BadInput

DEFAULT_CORPUS = "tests/data/redaction_corpus*.jsonl"
L2 = 5.0
"""The penalty on the weights' squares: enough that no rare feature carries a decision alone."""
MIN_COUNT = 3
"""A feature seen on fewer candidates than this is dropped (it would describe a few notes)."""
KEEP_WEIGHT = 4.0
"""How much more a word of a phrase labelled to survive counts among the non-identifiers."""
PRUNE = 0.005
"""Weights smaller than this are left out of the stored model (they move no decision)."""


class Example(NamedTuple):
    """One candidate word: its features and whether it lies in a labelled identifier."""

    features: tuple[str, ...]
    label: bool
    keep: bool = False
    """Whether it lies in a phrase labelled to survive (a wrong redaction there costs most)."""


def examples(corpus: list[LabelledCase], lower: bool = False) -> list[Example]:
    """The candidates of every note of ``corpus``, as the rules leave them, labelled (with
    ``lower``, those of the lower-case layer, as the rules and the capitalised layer leave
    them)."""
    out: list[Example] = []
    with collecting_lower() if lower else collecting() as found:
        for item in corpus:
            redact_case_text(item.case)
            gold = bytearray(len(item.case.text))
            for start, end, _ in item.identifiers:
                gold[start:end] = b"\x01" * (end - start)
            keep = bytearray(len(item.case.text))
            # a public service named by a place ("Doncaster Royal Infirmary") is kept by design:
            # a word of one counts among the phrases that must survive, not as a mere word
            for start, end in [(s, e) for s, e, _ in item.keep] + item.public:
                keep[start:end] = b"\x01" * (end - start)
            out += [
                Example(c.features, any(gold[c.start : c.end]), any(keep[c.start : c.end]))
                for c in found.pop()
            ]
    return out


def fit(
    rows: Sequence[Example],
    l2: float = L2,
    min_count: int = MIN_COUNT,
    keep_weight: float = KEEP_WEIGHT,
    lower: bool = False,
) -> LearnedModel:
    """The word model fitted on ``rows`` (deterministic), with the chosen thresholds."""
    bias, weights = _regression(rows, l2, min_count, keep_weight)
    version, bands = (
        (LOWER_FEATURE_VERSION, LOWER_THRESHOLDS) if lower else (FEATURE_VERSION, Thresholds())
    )
    return LearnedModel(feature_version=version, thresholds=bands, bias=bias, weights=weights)


def _regression(
    rows: Sequence[Example], l2: float, min_count: int, keep_weight: float
) -> tuple[float, dict[str, float]]:
    """A logistic regression on ``rows`` (deterministic), weights rounded and pruned."""
    counts = Counter(f for row in rows for f in set(row.features))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(names)}
    data, cols, ptr = [], [], [0]
    for row in rows:
        seen = sorted({index[f] for f in row.features if f in index})
        cols += seen
        data += [1.0] * len(seen)
        ptr.append(len(cols))
    x = sparse.csr_matrix((data, cols, ptr), shape=(len(rows), len(names)))
    y = np.array([1.0 if r.label else 0.0 for r in rows])
    weight = np.array([keep_weight if r.keep and not r.label else 1.0 for r in rows])

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        b, w = theta[0], theta[1:]
        z = x @ w + b
        # log(1 + e^z) - y z, written so large |z| does not overflow
        value = float(weight @ (np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * w @ w)
        g = weight * (1.0 / (1.0 + np.exp(-z)) - y)
        grad = np.concatenate(([g.sum()], x.T @ g + l2 * w))
        return value, grad

    result = optimize.minimize(
        loss, np.zeros(len(names) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 2000}
    )
    theta = result.x
    weights = {f: round(float(w), 4) for f, w in zip(names, theta[1:], strict=True)}
    return round(float(theta[0]), 4), {f: w for f, w in weights.items() if abs(w) >= PRUNE}


def corpus_files(patterns: Sequence[str]) -> list[Path]:
    """The corpus files named (globs allowed), sorted, each once."""
    paths: set[Path] = set()
    for pattern in patterns:
        found = (
            sorted(Path().glob(pattern)) if any(c in pattern for c in "*?[") else [Path(pattern)]
        )
        paths.update(found)
    return sorted(paths)


def main(argv: list[str] | None = None) -> int:
    """Train on the batches and write the model; one line of figures on stderr."""
    parser = argparse.ArgumentParser(prog="python -m moderator.anonymise.train_learned")
    parser.add_argument("corpus", nargs="*", default=[DEFAULT_CORPUS])
    parser.add_argument(
        "--lower", action="store_true", help="train the layer for names written in lower case"
    )
    parser.add_argument("--out", type=Path, help="model file (default: the shipped one)")
    args = parser.parse_args(argv)
    if args.out is None:
        args.out = Path(__file__).parent / "data" / (LOWER_MODEL_FILE if args.lower else MODEL_FILE)
    started = time.perf_counter()
    files = corpus_files(args.corpus)
    if not files:
        print(f"no corpus files match {' '.join(args.corpus)}", file=sys.stderr)
        return 1
    try:
        rows = [row for path in files for row in examples(load_corpus(path), args.lower)]
    except BadInput as exc:
        print(exc, file=sys.stderr)
        return 1
    model = fit(rows, lower=args.lower)
    model.trained_on = [p.name for p in files]
    args.out.write_text(model_json(model), encoding="utf-8")
    print(
        f"trained on {len(files)} batches, {len(rows)} candidates "
        f"({sum(r.label for r in rows)} identifiers): {len(model.weights)} weights, "
        f"{args.out.stat().st_size:,} bytes, {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
