"""Build the protected phrases the labelled corpus keeps:
``python -m moderator.anonymise.kept_vocabulary [CORPUS…]``.

The writers of every labelled batch (``tests/data/redaction_corpus*.jsonl``) list, with each
note, the phrases a careless redactor might damage (``labels.keep``: terms of art, headings,
programmes). A phrase that writers of two batches or more chose to keep, that no writer
labelled as an identifier or part of one, is social care's vocabulary rather than one note's
wording, and is protected like the hand-written ``vocabulary.txt`` (README "Anonymisation").
Only phrases of two words or more, with a capital letter, are taken:

* a single word protected everywhere would stop the name layers reading it as a name at all
  (``Welfare``, ``Equestrian`` and ``Pavilion`` are words of local clubs' names);
* a phrase may bring no small word (``at``, ``with``, ``we``) the hand-written vocabulary does
  not hold already: every word of a protected phrase is read as a word of the note wherever it
  is written, and a small word read so changes how names next to it are joined.

The list is written to ``data/vocabulary_kept.txt``, one phrase a line, with the batches it was
built from; rebuild it when batches are added. Deterministic: the same batches give the same
file.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from moderator.anonymise.evaluate import load_corpus
from moderator.anonymise.lexicon import KEPT_FILE, phrase_key, written_vocabulary
from moderator.errors import BadInput

DEFAULT_CORPUS = "tests/data/redaction_corpus*.jsonl"
MIN_BATCHES = 2
"""How many batches' writers must keep a phrase for it to be vocabulary."""
_SMALL_WORDS = frozenset(
    {"at", "to", "the", "of", "and", "for", "in", "on", "a", "an", "with", "by", "from", "is"}
    | {"was", "not", "no", "my", "our", "your", "his", "her", "their", "me", "i", "you", "we"}
    | {"he", "she", "it", "they", "are", "were", "did", "do", "what", "who", "why", "where"}
    | {"when", "how", "all", "about", "as", "or", "if", "be", "been", "has", "have", "had"}
    | {"this", "that", "up", "out", "off", "into", "over", "after", "before"}
)


def kept_phrases(paths: list[Path]) -> list[str]:
    """The phrases to protect, as first written, most batches first, then alphabetically."""
    batches: dict[tuple[str, ...], set[str]] = defaultdict(set)
    written: dict[tuple[str, ...], str] = {}
    labelled: set[str] = set()  # every identifier's words, joined: " a b c "
    for path in paths:
        for item in load_corpus(path):
            text = item.case.text
            for start, end, _ in (*item.identifiers, *((s, e, "") for s, e in item.public)):
                labelled.add(" " + " ".join(phrase_key(text[start:end])) + " ")
            for _, _, phrase in item.keep:
                key = phrase_key(phrase)
                if "(" in phrase or ")" in phrase:
                    continue  # "Assistant Head (Safeguarding)": a heading's words, two phrases
                if len(key) > 1 and any(ch.isupper() for ch in phrase):
                    batches[key].add(path.name)
                    written.setdefault(key, phrase)
    hand = written_vocabulary()
    small = _SMALL_WORDS - {w for key in hand for w in key}
    out = []
    for key, names in batches.items():
        inside = " " + " ".join(key) + " "
        if (
            len(names) >= MIN_BATCHES
            and key not in hand
            and not small.intersection(key)
            and not any(inside in label for label in labelled)
        ):
            out.append((-len(names), written[key].casefold(), written[key]))
    return [phrase for *_, phrase in sorted(out)]


def main(argv: list[str] | None = None) -> int:
    """Write ``data/vocabulary_kept.txt`` from the labelled batches."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", help=f"labelled batches (default {DEFAULT_CORPUS})")
    args = parser.parse_args(argv)
    paths = [Path(p) for p in args.corpus] or sorted(Path().glob(DEFAULT_CORPUS))
    if not paths:
        print(f"no labelled batches: none match {DEFAULT_CORPUS}", file=sys.stderr)
        return 2
    try:
        phrases = kept_phrases(paths)
    except BadInput as exc:
        print(exc, file=sys.stderr)
        return 2
    target = Path(__file__).parent / "data" / KEPT_FILE
    head = (
        "# Protected phrases built from the labelled corpus's phrases to keep by\n"
        "# `python -m moderator.anonymise.kept_vocabulary` (do not edit: rebuild).\n"
        f"# {len(paths)} batches, {len(phrases)} phrases kept by the writers of "
        f"{MIN_BATCHES} batches or more.\n"
    )
    target.write_text(head + "".join(p + "\n" for p in phrases), encoding="utf-8")
    print(f"{target}: {len(phrases)} phrases from {len(paths)} batches")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
