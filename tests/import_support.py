"""A synthetic case-system export built from the labelled redaction corpus (no real data)."""

from __future__ import annotations

import json
from pathlib import Path

# in the order the batches were written ("…_z" before "…_aa"), so that adding a batch
# leaves the records before it where they were
CORPUS = sorted(
    (Path(__file__).parent / "data").glob("redaction_corpus*.jsonl"),
    key=lambda p: (len(p.stem), p.stem),
)


def corpus_records() -> list[dict[str, object]]:
    """Every record of the synthetic redaction corpus, without its labels."""
    out = []
    for path in CORPUS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                data = json.loads(line)
                data.pop("labels", None)
                data.pop("split", None)
                out.append(data)
    return out


def write_export(path: Path, cases: int, *, note_chars: int = 0) -> Path:
    """Write ``cases`` corpus records as a JSONL export, each with its own case id.

    With ``note_chars`` each note is its own text repeated to about that length.
    """
    records = corpus_records()
    with path.open("w", encoding="utf-8") as out:
        for n in range(cases):
            data = dict(records[n % len(records)])
            data["case_id"] = f"{data['case_id']}-{n // len(records)}"
            text = str(data["text"])
            if note_chars:
                data["text"] = " ".join([text] * (1 + note_chars // max(1, len(text))))
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
    return path
