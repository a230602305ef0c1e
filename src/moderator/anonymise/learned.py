"""The learned layer: a token classifier for the capitalised words the rules left free.

The rules find names by lists and cues; a name with neither (an unknown surname opening a
sentence, a small firm with an unlisted noun) is left. This layer reads the words the rules left
free (:func:`.learned_features.candidates`) and scores each with a logistic regression over
general features (shape, position, the lists a word is in, the cue words around it), trained by
``python -m moderator.anonymise.train_learned`` on the labelled batches and stored in
``data/learned_model.json``. A run of such words is decided whole, by its words' mean
probability: redacted with a confidence a person need not confirm, redacted for a person to
confirm, or kept and shown for review. Not used by redaction unless :data:`WIRED`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr

from moderator.anonymise.learned_features import FEATURE_VERSION, Candidate, Run, candidates
from moderator.anonymise.state import UNSURE, Cand, State, Tok

MODEL_FILE = "learned_model.json"
_PRIORITY = 30  # below every rule: the layer only reads what the rules left free
_MAX_SUMS = 1 << 16


class Thresholds(BaseModel):
    """Probability bands: redact surely, redact for a person to confirm, keep for review."""

    # chosen on the leave-one-batch-out figures (benchmarks/learned_lobo.py --asks)
    sure: float = 0.85
    ask: float = 0.65
    keep: float = 0.4


class LearnedModel(BaseModel):
    """A trained model as stored: weights by feature name, and what it was trained on."""

    feature_version: int
    trained_on: list[str] = Field(default_factory=list)
    thresholds: Thresholds = Field(default_factory=Thresholds)
    bias: float = 0.0
    weights: dict[str, float] = Field(default_factory=dict)

    _sums: dict[tuple[str, ...], float] = PrivateAttr(default_factory=dict)

    def probability(self, features: tuple[str, ...]) -> float:
        """How likely a candidate with these features is an identifier (0-1)."""
        return self.grouped((features,))

    def grouped(self, parts: tuple[tuple[str, ...], ...]) -> float:
        """:meth:`probability` of features given in groups; each group's weight is summed
        once and remembered (most groups recur: a word where it stands, a neighbour)."""
        sums = self._sums
        w = self.weights
        z = self.bias
        for part in parts:
            value = sums.get(part)
            if value is None:
                if len(sums) > _MAX_SUMS:
                    sums.clear()  # an import of a whole authority: stay bounded
                value = sums[part] = sum([w[f] for f in part if f in w])
            z += value
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def stored_model() -> LearnedModel | None:
    """The model shipped with the package (read once a process), or None if it is missing
    or was trained on other features than these."""
    path = resources.files("moderator.anonymise").joinpath("data", MODEL_FILE)
    if not path.is_file():
        return None
    model = LearnedModel.model_validate(json.loads(path.read_text("utf-8")))
    return model if model.feature_version == FEATURE_VERSION else None


# What the layer does this process: the stored model, another (a benchmark's or a test's), or
# nothing but collect the candidates (training). Lists: stacks of context managers.
_OVERRIDE: list[LearnedModel | None] = []
_COLLECTING: list[list[list[Candidate]]] = []


@contextmanager
def using_model(model: LearnedModel | None) -> Iterator[None]:
    """Redact with ``model`` (None: the rules alone) instead of the stored one, within the block."""
    _OVERRIDE.append(model)
    try:
        yield
    finally:
        _OVERRIDE.pop()


@contextmanager
def collecting() -> Iterator[list[list[Candidate]]]:
    """Within the block the layer decides nothing and appends each text's candidates to the
    list it yields (what training reads: the same candidates as at run time)."""
    found: list[list[Candidate]] = []
    _COLLECTING.append(found)
    try:
        yield found
    finally:
        _COLLECTING.pop()


WIRED = False
"""Whether redaction uses the stored model. Off: on batches N, O, P and Q, each held out of the
training (2 December 2026), the layer moved recall by +0.19 points for +0.27 points of
over-redaction and 3 more public services redacted, short of the +1.5 points asked for
(benchmarks/README.md). Training and the benchmark still run the layer, through
:func:`collecting` and :func:`using_model`."""


def _active() -> LearnedModel | None:
    if _OVERRIDE:
        return _OVERRIDE[-1]
    return stored_model() if WIRED else None


def find_learned(st: State, toks: list[Tok]) -> None:
    """Redact, or keep for review, the free capitalised words the model finds likely names."""
    if _COLLECTING:
        _COLLECTING[-1].append(candidates(st, toks)[0])
        return
    model = _active()
    if model is None:
        return
    cands, runs = candidates(st, toks)
    if not cands:
        return
    decide(st, model, cands, runs)


def decide(st: State, model: LearnedModel, cands: list[Candidate], runs: list[Run]) -> None:
    """Take, or keep for review, each run whole by the mean probability of its words.

    A run is decided whole: an identifier counts as found only when every word of it is
    redacted, and over the held-out batches the mean of a run beat word-by-word decisions.
    """
    scores: dict[int, list[float]] = {}
    for c in cands:
        scores.setdefault(c.run, []).append(model.grouped(c.parts))
    th = model.thresholds
    text = st.text
    for number, ps in scores.items():
        run = runs[number]
        p = sum(ps) / len(ps)
        if p < th.keep or not st.free(run.start, run.end):
            continue
        ident = "learned:" + text[run.start : run.end].lower()
        if p < th.ask:
            st.keep(run.start, run.end, run.kind, ident, round(0.3 + 0.2 * p, 2))
            continue
        if p >= th.sure:
            sure = UNSURE + (0.95 - UNSURE) * (p - th.sure) / max(1e-9, 1.0 - th.sure)
        else:
            # redacted, below the confidence a person need not confirm (0.4 up to UNSURE)
            sure = 0.4 + (UNSURE - 0.41) * (p - th.ask) / max(1e-9, th.sure - th.ask)
        if not _join(st, run, round(sure, 2)):
            st.take(run.start, run.end, run.kind, ident, _PRIORITY, round(sure, 2))


# what may lie between a redaction and a run that continues it: a comma ("[12 Mill Lane],
# Fishlake"; "Sivananda, [7 Pettypool Way]") or an opening bracket ("[Osyth] (Police)")
_AFTER_REDACTION = re.compile(r"[ \t]*(?:,|\()[ \t]*")
_BEFORE_REDACTION = re.compile(r"[ \t]*,[ \t]*")


def _join(st: State, run: Run, sure: float) -> bool:
    """Grow the redaction a run continues over the run, when only a comma or a bracket lies
    between them: an identifier counts as found only when its every character is redacted,
    and two placeholders either side of a comma would leave the comma and name one thing
    twice. The redaction keeps its kind and takes the lower confidence of the two."""
    text = st.text
    before: Cand | None = None
    after: Cand | None = None
    for c in st.cands:
        if c.end <= run.start and _AFTER_REDACTION.fullmatch(text, c.end, run.start):
            before = c
        elif c.start >= run.end and _BEFORE_REDACTION.fullmatch(text, run.end, c.start):
            after = c
    if before is not None:
        end = run.end
        if "(" in text[before.end : run.start] and text[end : end + 1] == ")":
            end += 1  # the bracket closes round the run: redacted with it
        st.taken[before.end : end] = b"\x01" * (end - before.end)
        before.end = end
        before.confidence = min(before.confidence, sure)
        return True
    if after is not None:
        st.taken[run.start : after.start] = b"\x01" * (after.start - run.start)
        after.start = run.start
        after.confidence = min(after.confidence, sure)
        return True
    return False


def model_json(model: LearnedModel) -> str:
    """The model as stored: sorted, one weight a line, so a retrained model diffs readably."""
    data: dict[str, Any] = model.model_dump()
    data["weights"] = dict(sorted(model.weights.items()))
    return json.dumps(data, indent=0, ensure_ascii=False) + "\n"
