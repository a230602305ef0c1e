"""Issue #14, round thirty-five: invented sentences for the mechanisms read from batch BL."""

from __future__ import annotations

import pytest

from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("The family attend the chapel; Pastor Grant has offered to help.", "Grant"),
        ("HE HAD TWO PINTS AT THE PRINCE OF WALES WHILE THE KIDS WATCHED.", "PRINCE OF WALES"),
        ("Dad drinks at the Vine most nights.", "Vine"),
        ("Shauna (Year 2, Frenchay campus) has told us about her loan.", "Frenchay"),
        ("Neighbours rang police re shouting, log 4471. Officers attended.", "log"),
        ("He rang 999 (incident 0187) and officers came.", "incident"),
    ],
)
def test_titled_surnames_pubs_campuses_and_logs_are_redacted(text: str, gone: str) -> None:
    out = redact(text)
    assert not left(out, gone), out


@pytest.mark.parametrize(
    "text",
    [
        "Pastor Training is on Monday at the hall.",
        "The Prince of Wales visited the town; the Main campus is closed.",
        "HEARD AT THE CROWN COURT ON MONDAY.",
        "Police log 1234 was checked by the MASH.",
    ],
)
def test_words_titles_courts_and_the_police_log_phrase_stay(text: str) -> None:
    out = redact(text)
    assert (
        "Training" in out
        or "Prince of Wales" in out
        or "CROWN COURT" in out
        or ("Police log" in out)
    ), out
    assert "[PROFESSIONAL]" not in out and "[ORGANISATION]" not in out, out
