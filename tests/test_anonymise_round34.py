"""Issue #14, round thirty-four: invented sentences for the mechanisms read from batch BK."""

from __future__ import annotations

import pytest

from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Sat: football with Faversham Colts U11s, he scored twice.", "U11s"),
        ("He plays for Borough Eagles Under 9s on Sundays.", "Under 9s"),
    ],
)
def test_a_teams_squad_by_its_age_goes_with_the_team(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out and "[ORGANISATION]" in out, out


def test_an_age_group_alone_stays() -> None:
    text = "He plays for the under 12s on Saturdays."
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Your ref: 25-018832   Our ref: DrN/SG/0714", "DrN/SG"),
        ("Callum, 19, who she met on Snapchat (callumr1der); he drives a Golf.", "callumr1der"),
        ("The gas fire was fitted by Ullswater Gas last week.", "Ullswater"),
        ("The family applied to Faversham Forget-Me-Not Fund for beds.", "Forget-Me-Not"),
        ("It happens when mama does the late shift at the Kingfisher.", "Kingfisher"),
        ("She works nights on Anchorage Business Park near the docks.", "Anchorage"),
        ("Nan rang from her house at 14 Brookside, Raffles, to offer help.", "Brookside"),
        ("The girls move to 14 Brookside next week.", "Brookside"),
    ],
)
def test_references_handles_firms_pubs_parks_and_houses_are_redacted(text: str, gone: str) -> None:
    out = redact(text)
    assert not left(out, gone), out


@pytest.mark.parametrize(
    "text",
    [
        "She was told about the Hardship Fund and the Social Fund.",
        "We went to the Leeds Shopping Centre and Leeds Retail Park.",
        "She has moved to 14 March for the hearing date, she lives at 12 Hours away.",
    ],
)
def test_funds_of_everyday_words_town_parks_and_dates_stay(text: str) -> None:
    assert "[ORGANISATION]" not in redact(text) and "[ADDRESS]" not in redact(text)


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("She says it is Lily Sterling from her form.", "Sterling"),
        ("IRO Paula Messenger informed. Summer to be reminded.", "Messenger"),
        ("Gary Fielding rang the office.", "Fielding"),
    ],
)
def test_surnames_that_end_like_words_or_are_words_go_with_the_given_name(
    text: str, surname: str
) -> None:
    out = redact(text)
    assert not left(out, surname), out


def test_the_words_those_surnames_are_stay_words() -> None:
    text = "A messenger came; the building was sterling work."
    assert redact(text) == text
