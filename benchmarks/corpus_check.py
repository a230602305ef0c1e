"""Check a labelled batch of synthetic notes before it is scored, without redacting anything.

A writer of a held-out batch (docs/redaction-corpus.md) runs this after every few notes: it
checks the import format, the labels' types, that every label and protected phrase occurs in
the text as whole words, that NHS numbers pass their check digit, and that the project's own
loader (``moderator.anonymise.evaluate.load_corpus``) accepts the file. It never runs the
redactor, so a writer can use it without learning how the redactor reads the notes.

usage: .venv/bin/python benchmarks/corpus_check.py FILE [--expect N]

Prints problems (file:line: field: message) and a count of labels per type.
Exit 0 when the file is well formed. It never runs the redactor.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

from moderator.anonymise.evaluate import load_corpus
from moderator.errors import BadInput

TYPES = {
    "child",
    "family",
    "worker",
    "professional",
    "person",
    "date",
    "dob",
    "address",
    "postcode",
    "phone",
    "email",
    "username",
    "vehicle_reg",
    "ni_number",
    "nhs_number",
    "upn",
    "case_number",
    "school",
    "gp_practice",
    "org",
    "public_body",
}
AREAS = {"help_and_protection", "children_in_care", "care_leavers"}
REL = re.compile(r"^[a-z][a-z' ()-]*[a-z)]$")


def whole(text: str, s: str) -> bool:
    for m in re.finditer(re.escape(s), text):
        a, b = m.start(), m.end()
        left = a == 0 or not (text[a - 1].isalnum()) or not s[0].isalnum()
        right = b == len(text) or not (text[b].isalnum()) or not s[-1].isalnum()
        if left and right:
            return True
    return False


def nhs_ok(digits: str) -> bool:
    d = [int(c) for c in digits]
    if len(d) != 10:
        return False
    total = sum(v * (10 - i) for i, v in enumerate(d[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == d[9]


def main() -> int:
    path = Path(sys.argv[1])
    expect = int(sys.argv[sys.argv.index("--expect") + 1]) if "--expect" in sys.argv else None
    problems: list[str] = []
    counts: collections.Counter[str] = collections.Counter()
    ids: set[str] = set()
    n = 0
    splits = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        n += 1
        where = f"{path}:{number}"
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not JSON: {e}")
            continue
        for key in (
            "case_id",
            "team",
            "service_area",
            "opened",
            "worker",
            "child",
            "family",
            "text",
            "labels",
            "split",
        ):
            if key not in r:
                problems.append(f"{where}: {key}: missing")
        if any(k not in r for k in ("case_id", "text", "labels", "child", "family")):
            continue
        if r["case_id"] in ids:
            problems.append(f"{where}: case_id: {r['case_id']} used twice")
        ids.add(r["case_id"])
        splits.add(r.get("split"))
        if r.get("service_area") not in AREAS:
            problems.append(
                f"{where}: service_area: {r.get('service_area')!r} not one of {sorted(AREAS)}"
            )
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(r.get("opened", ""))):
            problems.append(f"{where}: opened: not YYYY-MM-DD")
        child = r["child"]
        for key in ("name", "dob", "address", "postcode", "nhs_number", "upn"):
            if key not in child:
                problems.append(f"{where}: child.{key}: missing")
        if "nhs_number" in child and not nhs_ok(str(child["nhs_number"])):
            problems.append(f"{where}: child.nhs_number: 10 digits failing the modulus 11 check")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(child.get("dob", ""))):
            problems.append(f"{where}: child.dob: not YYYY-MM-DD")
        for i, m in enumerate(r["family"]):
            if set(m) != {"name", "relationship"}:
                problems.append(f"{where}: family[{i}]: needs exactly name and relationship")
        text = r["text"]
        if not 1200 <= len(text) <= 3200:
            problems.append(f"{where}: text: {len(text)} characters; write 1,400-2,600")
        labels = r["labels"]
        idents = labels.get("identifiers", [])
        if len(idents) < 25:
            problems.append(
                f"{where}: labels.identifiers: only {len(idents)}; label every identifier"
            )
        seen: dict[str, str] = {}
        for j, pair in enumerate(idents):
            if not (
                isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)
            ):
                problems.append(f"{where}: labels.identifiers[{j}]: must be [string, type]")
                continue
            s, t = pair
            if t not in TYPES:
                problems.append(f"{where}: labels.identifiers[{j}]: type {t!r} unknown")
            if s != s.strip() or not s:
                problems.append(
                    f"{where}: labels.identifiers[{j}]: {s!r} has outer spaces or is empty"
                )
            if not whole(text, s):
                problems.append(
                    f"{where}: labels.identifiers[{j}]: {s!r} does not occur in the text as whole words, exact case"
                )
            if s in seen and seen[s] != t:
                problems.append(
                    f"{where}: labels.identifiers[{j}]: {s!r} labelled both {seen[s]} and {t}"
                )
            if s in seen and seen[s] == t:
                problems.append(
                    f"{where}: labels.identifiers[{j}]: {s!r} listed twice (list each string once)"
                )
            seen[s] = t
            counts[t] += 1
        for j, k in enumerate(labels.get("keep", [])):
            if not isinstance(k, str) or not whole(text, k):
                problems.append(
                    f"{where}: labels.keep[{j}]: {k!r} does not occur in the text as whole words, exact case"
                )
            elif k in seen:
                problems.append(f"{where}: labels.keep[{j}]: {k!r} is also an identifier label")
        if len(labels.get("keep", [])) < 6:
            problems.append(
                f"{where}: labels.keep: only {len(labels.get('keep', []))}; list 8-14 protected phrases"
            )
    for p in problems:
        print(p)
    print(
        f"{n} cases, splits {sorted(map(str, splits))}, {sum(counts.values())} identifier labels:"
    )
    print("  " + ", ".join(f"{t} {c}" for t, c in counts.most_common()))
    if expect is not None and n != expect:
        print(f"expected {expect} cases, found {n}")
        return 1
    if len(splits) > 1:
        print("every case must carry the same split")
        return 1
    # the project's own loader, which scores nothing but checks the labels the same way
    try:
        load_corpus(path)
    except BadInput as e:
        print(f"the project's loader refused the file: {e}")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
