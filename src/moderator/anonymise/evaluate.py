"""Measure the redactor on a labelled corpus: ``python -m moderator.anonymise.evaluate FILE``.

The corpus is the import format (JSONL) with two extra fields per case:

* ``labels``: ``{"identifiers": [["Kayden", "child"], ["07700 900123", "phone"], …],
  "keep": ["Child Protection Conference", …]}``. Every occurrence of each
  identifier string in the text (whole words, exact case; a longer label wins
  over a shorter one inside it) must be redacted; every occurrence of a
  ``keep`` phrase must survive untouched, unless it is part of an identifier.
  Labels of the type ``public_body`` (a public service named by a place: a
  hospital, a court, a council's hub) are counted apart, outside recall,
  leakage and over-redaction: the redactor keeps them by design, and the line
  shows how many it redacted anyway. An ``address`` label that ends in a real town
  (``12 Mill Lane, Bolsover``) is scored without the town, which the redactor keeps by
  design (``evaluate_towns``); the table says how many such labels there were.
* ``split`` (optional): ``"dev"`` (default), ``"heldout"`` or any other name
  (``"heldout-b"``): held-out cases were written after the redactor and are not
  used to tune it; every split is reported, and ``all`` over them.

Reported per identifier type and per **provenance** (``record``: a form of the
record's own people and fields; ``text``: only the text names it): **recall**
(share of labelled occurrences whose every character was redacted), and per
kind of redaction: **precision** (share of redactions that overlap a labelled
identifier). **Leakage** is the share of identifier characters left in the
text. **Over-redaction** is the share of protected phrases that lost any
character. **Review** counts what the import would ask a person about (redactions below
the confidence threshold and candidates the redactor kept), how many of those are
identifiers, and the figures if the person confirmed every kept candidate: the gain and the
cost of the review. Output is a plain-text table, or JSON with ``--format json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moderator.anonymise.case_formats import Problems
from moderator.anonymise.evaluate_table import ordered, render_table
from moderator.anonymise.evaluate_towns import address_core, place_core
from moderator.anonymise.records import RawCase, validate_case
from moderator.anonymise.redact import Redaction, redact_case_text
from moderator.errors import BadInput


@dataclass
class LabelledCase:
    """A corpus case, its labelled identifier occurrences and protected phrases."""

    case: RawCase
    line: int
    split: str
    identifiers: list[tuple[int, int, str]]
    keep: list[tuple[int, int, str]]
    public: list[tuple[int, int]] = field(default_factory=list)
    """Where the ``public_body`` labels are (kept by design; counted apart)."""
    address_towns: list[tuple[int, int]] = field(default_factory=list)
    """Address labels that end in a town, town included (scored without it; see
    ``evaluate_towns``)."""


_PLACED = frozenset({"org", "school", "gp_practice"})  # labels a town may end after a comma
PUBLIC_BODY = "public_body"


@dataclass
class Tally:
    """Counts for one split."""

    cases: int = 0
    labelled: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    redacted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    keep: int = 0
    keep_damaged: int = 0
    chars: int = 0
    chars_left: int = 0
    by_provenance: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    review_items: int = 0
    review_true: int = 0
    found_reviewed: int = 0
    chars_left_reviewed: int = 0
    keep_damaged_reviewed: int = 0
    public: int = 0
    public_redacted: int = 0
    address_towns: int = 0
    address_towns_whole: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """Figures as plain data (fractions 0-1; None where there is nothing to measure)."""
        types = sorted(set(self.labelled) | set(self.redacted))
        rows = {}
        for t in types:
            rows[t] = {
                "labelled": self.labelled.get(t, 0),
                "found": self.found.get(t, 0),
                "recall": _ratio(self.found.get(t, 0), self.labelled.get(t, 0)),
                "redacted": self.redacted.get(t, 0),
                "correct": self.correct.get(t, 0),
                "precision": _ratio(self.correct.get(t, 0), self.redacted.get(t, 0)),
            }
        labelled, found = sum(self.labelled.values()), sum(self.found.values())
        redacted, correct = sum(self.redacted.values()), sum(self.correct.values())
        return {
            "cases": self.cases,
            "by_type": rows,
            "overall": {
                "labelled": labelled,
                "found": found,
                "recall": _ratio(found, labelled),
                "redacted": redacted,
                "correct": correct,
                "precision": _ratio(correct, redacted),
            },
            "leakage": _ratio(self.chars_left, self.chars),
            "by_provenance": {
                name: {"labelled": n, "found": f, "recall": _ratio(f, n)}
                for name, (n, f) in sorted(self.by_provenance.items())
            },
            "protected": {
                "phrases": self.keep,
                "damaged": self.keep_damaged,
                "over_redaction": _ratio(self.keep_damaged, self.keep),
            },
            "review": {
                "items": self.review_items,
                "per_case": round(self.review_items / self.cases, 2) if self.cases else None,
                "identifiers": self.review_true,
                "precision": _ratio(self.review_true, self.review_items),
                "recall_if_all_confirmed": _ratio(self.found_reviewed, labelled),
                "leakage_if_all_confirmed": _ratio(self.chars_left_reviewed, self.chars),
                "over_redaction_if_all_confirmed": _ratio(self.keep_damaged_reviewed, self.keep),
            },
            "public_services": {"labelled": self.public, "redacted": self.public_redacted},
            "address_towns": {
                "labelled": self.address_towns,
                "redacted_with_town": self.address_towns_whole,
            },
        }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out = []
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        left_ok = not needle[0].isalnum() or start == 0 or not text[start - 1].isalnum()
        right_ok = not needle[-1].isalnum() or end == len(text) or not text[end].isalnum()
        if left_ok and right_ok:
            out.append((start, end))
        start = text.find(needle, start + 1)
    return out


def load_corpus(path: Path) -> list[LabelledCase]:
    """Read and check a labelled corpus; every label must occur in its text.

    Raises:
        BadInput: listing every problem as ``file:line: field: message``.
    """
    problems = Problems(str(path))
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path}: cannot read the corpus: {exc}") from None
    out: list[LabelledCase] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.add(number, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(data, dict):
            problems.add(number, "expected a JSON object")
            continue
        labels = data.pop("labels", None) or {}
        split = str(data.pop("split", "dev"))
        case = validate_case(data, number, problems)
        if case is None:
            continue
        text = case.text
        claimed = bytearray(len(text))
        identifiers: list[tuple[int, int, str]] = []
        public: list[tuple[int, int]] = []
        towns: list[tuple[int, int]] = []
        pairs = [(str(s), str(t)) for s, t in labels.get("identifiers", [])]
        for needle, kind in sorted(pairs, key=lambda p: -len(p[0])):
            spots = _occurrences(text, needle)
            if not spots:
                problems.add(number, f"{needle!r} does not occur in the text", "labels.identifiers")
            if kind == "address":
                core = len(address_core(needle))
            elif kind in _PLACED:
                core = len(place_core(needle))
            else:
                core = len(needle)
            for start, end in spots:
                if not any(claimed[start:end]):
                    claimed[start:end] = b"\x01" * (end - start)
                    if kind == PUBLIC_BODY:
                        public.append((start, end))
                    else:
                        identifiers.append((start, start + core, kind))
                    if core < len(needle):
                        towns.append((start, end))
        keep: list[tuple[int, int, str]] = []
        for phrase in labels.get("keep", []):
            spots = _occurrences(text, str(phrase))
            if not spots:
                problems.add(number, f"{phrase!r} does not occur in the text", "labels.keep")
            # a protected word inside a labelled identifier ("Werrington" in a practice's name)
            keep += [(s, e, str(phrase)) for s, e in spots if not any(claimed[s:e])]
        out.append(LabelledCase(case, number, split, sorted(identifiers), keep, public, towns))
    problems.raise_if_any()
    return out


def score(corpus: list[LabelledCase]) -> tuple[dict[str, Tally], float]:
    """Redact every case and tally by split (``dev``, ``heldout``, ``all``); also cases/second."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    started = time.perf_counter()
    results = [redact_case_text(item.case) for item in corpus]
    elapsed = time.perf_counter() - started
    for item, redaction in zip(corpus, results, strict=True):
        for split in (item.split, "all"):
            _tally(tallies[split], item, redaction)
    speed = len(corpus) / elapsed if elapsed > 0 else float("inf")
    return dict(tallies), speed


def _tally(tally: Tally, item: LabelledCase, redaction: Redaction) -> None:
    text = item.case.text
    covered = bytearray(len(text))
    for span in redaction.spans:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    tally.cases += 1
    reviewed = bytearray(covered)  # as if a person confirmed every candidate the redactor kept
    for doubt in redaction.kept:
        reviewed[doubt.start : doubt.end] = b"\x01" * (doubt.end - doubt.start)
    record = _record_values(item.case)
    for start, end, kind in item.identifiers:
        tally.labelled[kind] += 1
        left = sum(1 for i in range(start, end) if not covered[i] and not text[i].isspace())
        tally.chars += sum(1 for i in range(start, end) if not text[i].isspace())
        tally.chars_left += left
        left_reviewed = sum(
            1 for i in range(start, end) if not reviewed[i] and not text[i].isspace()
        )
        tally.chars_left_reviewed += left_reviewed
        tally.found_reviewed += not left_reviewed
        origin = _provenance(kind, text[start:end], record)
        tally.by_provenance[origin][0] += 1
        if not left:
            tally.found[kind] += 1
            tally.by_provenance[origin][1] += 1
        else:
            tally.misses.append(f"line {item.line}: {kind}: {_context(text, start, end)}")
    labelled = bytearray(len(text))
    for start, end, _ in item.identifiers:
        labelled[start:end] = b"\x01" * (end - start)
    for span in redaction.spans:
        tally.redacted[span.kind] += 1
        if any(labelled[span.start : span.end]):
            tally.correct[span.kind] += 1
        else:
            tally.false_positives.append(
                f"line {item.line}: {span.kind}: {_context(text, span.start, span.end)}"
            )
    for doubt in redaction.uncertain():
        tally.review_items += 1
        tally.review_true += any(labelled[doubt.start : doubt.end])
    tally.public += len(item.public)
    tally.public_redacted += sum(any(covered[s:e]) for s, e in item.public)
    tally.address_towns += len(item.address_towns)
    tally.address_towns_whole += sum(
        all(covered[i] or text[i].isspace() for i in range(s, e)) for s, e in item.address_towns
    )
    for start, end, phrase in item.keep:
        tally.keep += 1
        tally.keep_damaged_reviewed += any(reviewed[start:end])
        if any(covered[start:end]):
            tally.keep_damaged += 1
            tally.damaged.append(f"line {item.line}: {phrase!r}")


_RECORD_KINDS = frozenset({"child", "family", "worker"})


def _record_values(case: RawCase) -> set[str]:
    """The record's own structured values, folded: what an import knows before reading the text."""
    child = case.child
    values = [child.address, child.postcode, child.nhs_number, child.upn, case.case_id]
    folded = {"".join(v.split()).casefold() for v in values if v}
    if child.address:
        folded.update("".join(part.split()).casefold() for part in child.address.split(","))
    return folded


def _provenance(kind: str, value: str, record: set[str]) -> str:
    """``record`` for the record's own people and fields in any form; ``text`` for the rest."""
    if kind in _RECORD_KINDS or kind == "dob":
        return "record"
    return "record" if "".join(value.split()).casefold() in record else "text"


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 30) : start].replace("\n", " ")
    after = text[end : end + 30].replace("\n", " ")
    return f"…{before}⟦{text[start:end]}⟧{after}…"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m moderator.anonymise.evaluate",
        description="Precision and recall of the redactor on a labelled corpus.",
    )
    parser.add_argument("corpus", type=Path, nargs="+", help="one or more labelled JSONL files")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--show-misses",
        action="store_true",
        help="also list missed identifiers, false positives and damaged phrases (synthetic data only)",
    )
    args = parser.parse_args(argv)
    try:
        corpus = [case for path in args.corpus for case in load_corpus(path)]
    except BadInput as exc:
        print(str(exc), file=sys.stderr)
        return 1
    tallies, speed = score(corpus)
    summaries = {split: tally.summary() for split, tally in tallies.items()}
    if args.format == "json":
        print(json.dumps({**summaries, "cases_per_second": round(speed)}, indent=2))
    else:
        print(render_table(summaries, speed))
    if args.show_misses:
        for split in ordered(tallies):
            if split == "all":
                continue
            t = tallies[split]
            for title, items in (
                ("missed", t.misses),
                ("false positives", t.false_positives),
                ("damaged", t.damaged),
            ):
                if items:
                    print(f"\n{split}: {title}", file=sys.stderr)
                    for item in items:
                        print(f"  {item}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
