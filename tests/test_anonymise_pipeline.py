"""Anonymised cases: pseudonyms and redacted text, nothing that identifies anyone."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from moderator.anonymise.evaluate import load_corpus
from moderator.anonymise.lexicon import lexicon, phrase_key
from moderator.anonymise.pipeline import AnonymisedCase, anonymise_case, anonymise_cases
from moderator.anonymise.pseudonym import Pseudonymiser
from moderator.anonymise.records import RawCase

KEY = b"\x01" * 32
CORPUS = Path(__file__).parent / "data" / "redaction_corpus.jsonl"


def raw_case(**changes: object) -> RawCase:
    data: dict[str, object] = {
        "case_id": "MOS-100234",
        "team": "Safeguarding North",
        "service_area": "help_and_protection",
        "opened": "2019-04-02",
        "closed": "2020-01-31",
        "key_dates": {"icpc": "2019-05-12"},
        "worker": "Jane Doe",
        "child": {
            "name": "Kayden Smith",
            "dob": "2012-03-04",
            "address": "12 Fenton Road, Hanley",
            "postcode": "ST1 2AB",
            "nhs_number": "943 476 5919",
            "upn": "A123456789012",
        },
        "family": [{"name": "Leanne Smith", "relationship": "mother"}],
        "text": "Kayden (UPN A123456789012) lives with Leanne at 12 Fenton Road. Jane Doe visited.",
    }
    data.update(changes)
    return RawCase.model_validate(data)


def identifiers_of(case: RawCase) -> list[str]:
    """The record's identifying values: each word of each name, and whole address lines."""
    child = case.child
    names = [case.worker or "", child.name, *(m.name for m in case.family)]
    generic = {"Snr", "Jnr", "Unknown", "Unborn", "Baby", "Father"}
    words = [w for n in names for w in n.split() if len(w) > 2 and w not in generic]
    # a town is kept unless written as part of the address (docs/formats.md: place names stay)
    lines = [p.strip() for p in (child.address or "").split(",")]
    lines = [p for p in lines if p and phrase_key(p) not in lexicon().places]
    streets = [" ".join(p.split()[1:]) for p in lines if p[:1].isdigit()]
    values = [case.case_id, *lines, *streets, child.postcode or "", child.nhs_number or ""]
    values += [child.upn or "", child.dob.isoformat() if child.dob else ""]
    return [v for v in words + values if v]


def test_anonymised_case_fields() -> None:
    anonymised, redaction = anonymise_case(raw_case(), Pseudonymiser(KEY))
    assert isinstance(anonymised, AnonymisedCase)
    assert anonymised.case_ref.startswith("C-")
    assert anonymised.child_ref.startswith("P-")
    assert anonymised.worker_ref and anonymised.worker_ref.startswith("W-")
    assert (anonymised.team, anonymised.service_area) == (
        "Safeguarding North",
        "help_and_protection",
    )
    assert anonymised.opened == date(2019, 4, 2)
    assert anonymised.closed == date(2020, 1, 31)
    assert anonymised.key_dates == {"icpc": date(2019, 5, 12)}
    assert (
        anonymised.text == "[CHILD] (UPN [UPN]) lives with [MOTHER] at [ADDRESS]. [WORKER] visited."
    )
    assert anonymised.redaction_counts == {
        "child": 1,
        "upn": 1,
        "family": 1,
        "address": 1,
        "worker": 1,
    }
    assert redaction.text == anonymised.text


def test_nothing_identifying_reaches_the_anonymised_case() -> None:
    case = raw_case()
    blob = json.dumps(anonymise_case(case, Pseudonymiser(KEY))[0].model_dump(mode="json"))
    for value in identifiers_of(case):
        assert value not in blob, value


def test_nothing_identifying_in_any_corpus_case() -> None:
    """Over the whole labelled corpus, the record's own identifiers never reach the output."""
    pseudonymiser = Pseudonymiser(KEY)
    for item in load_corpus(CORPUS):
        blob = json.dumps(anonymise_case(item.case, pseudonymiser)[0].model_dump(mode="json"))
        for value in identifiers_of(item.case):
            assert value not in blob, (item.line, value)


def test_same_key_same_refs_and_other_key_other_refs() -> None:
    case = raw_case()
    a = anonymise_case(case, Pseudonymiser(KEY))[0]
    b = anonymise_case(case, Pseudonymiser(KEY))[0]
    c = anonymise_case(case, Pseudonymiser(b"\x02" * 32))[0]
    assert (a.case_ref, a.child_ref, a.worker_ref) == (b.case_ref, b.child_ref, b.worker_ref)
    assert a.case_ref != c.case_ref and a.child_ref != c.child_ref and a.worker_ref != c.worker_ref


def test_anonymise_cases_keeps_order_and_allows_no_worker() -> None:
    cases = [raw_case(case_id=f"MOS-{i}", worker=None) for i in range(3)]
    out = [a for a, _ in anonymise_cases(cases, Pseudonymiser(KEY))]
    assert [a.case_ref for a in out] == [Pseudonymiser(KEY).case_ref(f"MOS-{i}") for i in range(3)]
    assert all(a.worker_ref is None for a in out)


def test_the_core_never_imports_textual_or_rich() -> None:
    code = (
        "import sys\n"
        "import moderator.anonymise.pipeline, moderator.anonymise.evaluate\n"
        "from moderator.anonymise.redact import redact_case_text\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
