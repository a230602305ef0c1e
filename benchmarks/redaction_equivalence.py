"""Redaction outputs, saved once and checked after a change meant not to alter behaviour.

    .venv/bin/python benchmarks/redaction_equivalence.py --save /tmp/redaction_ref.jsonl
    ... change the redactor (e.g. for speed) ...
    .venv/bin/python benchmarks/redaction_equivalence.py --check /tmp/redaction_ref.jsonl

Every note of ``tests/data/redaction_corpus*.jsonl`` is redacted as written, made about
1 KB long (as ``redaction_speed.py`` does), in capitals, in lower case, under the next
note's record (so the record's people are absent from the text), and with remembered
decisions (every other doubt kept, the rest redacted). One JSON line per redaction holds
the redacted text, every span with its confidence, and the candidates kept. ``--check``
exits 1 at the first line that differs, naming the note and variant. The file holds
redactions of synthetic notes only; keep it outside the repository (it goes stale as
soon as the redactor's behaviour is changed on purpose).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from moderator.anonymise.evaluate import load_corpus  # noqa: E402
from moderator.anonymise.records import RawCase  # noqa: E402
from moderator.anonymise.redact import redact_case_text  # noqa: E402


class _EveryOther:
    """Remembered decisions that depend only on the value: keep or redact by its hash."""

    def lookup(self, value: str) -> str | None:
        """``"keep"``, ``"redact"`` or None, fixed for each value."""
        return ("keep", "redact", None)[hashlib.sha256(value.encode()).digest()[0] % 3]


def _variants(cases: list[RawCase]) -> Iterator[tuple[str, RawCase, bool]]:
    for i, case in enumerate(cases):
        text = case.text
        other = cases[(i + 1) % len(cases)]
        long = " ".join([text] * (1 + 1000 // max(1, len(text))))
        yield "as written", case, False
        yield "1 KB", case.model_copy(update={"text": long}), False
        yield "capitals", case.model_copy(update={"text": text.upper()}), False
        yield "lower case", case.model_copy(update={"text": text.lower()}), False
        yield "next record", other.model_copy(update={"text": text}), False
        yield "decisions", case, True


def _lines(every: int = 1) -> Iterator[tuple[str, str]]:
    paths = sorted((ROOT / "tests" / "data").glob("redaction_corpus*.jsonl"))
    cases = [c.case for p in paths for c in load_corpus(p)]
    for n, (variant, case, decide) in enumerate(_variants(cases)):
        if (n // 6) % every:
            continue  # (--every N: only every Nth note, all its variants)
        r = redact_case_text(case, decisions=_EveryOther() if decide else None)
        record = {
            "text": r.text,
            "spans": [list(s) for s in r.spans],
            "kept": [list(k) for k in r.kept],
            "counts": r.counts(),
        }
        yield f"{case.case_id} ({variant})", json.dumps(record, sort_keys=True)


def main() -> int:
    """Save or check the outputs; 0 when they match (or were saved), 1 otherwise."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, metavar="FILE")
    group.add_argument("--check", type=Path, metavar="FILE")
    parser.add_argument(
        "--every", type=int, default=1, metavar="N", help="only every Nth note (a quick check)"
    )
    args = parser.parse_args()
    if args.save:
        with args.save.open("w", encoding="utf-8") as out:
            count = sum(out.write(line + "\n") > 0 for _, line in _lines(args.every))
        print(f"saved {count} redactions to {args.save}")
        return 0
    saved = args.check.read_text(encoding="utf-8").splitlines()
    count = 0
    for count, ((name, line), old) in enumerate(zip(_lines(args.every), saved, strict=False), 1):
        if line != old:
            print(f"{args.check}:{count}: {name} differs\n  was: {old}\n  now: {line}")
            return 1
    if count != len(saved):
        print(f"{args.check}: {len(saved)} redactions saved, {count} made now")
        return 1
    print(f"all {count} redactions identical to {args.check}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
