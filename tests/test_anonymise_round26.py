"""Round twenty-six: recall and precision from batches A-AW and the new batches AX and AY
(issue #14)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Dad works nights at Harbour Grill on the parade.", "Harbour"),
        ("She has a Saturday job at Willow Stores in the village.", "Willow"),
        ("A taxi from Victory Cars brought him back at midnight.", "Victory"),
        ("The family worship at Anchor Fellowship most Sundays.", "Anchor"),
        ("Mum was seen leaving Lucky Nails with her friend.", "Lucky"),
    ],
)
def test_one_everyday_word_before_a_trades_noun_is_a_name(text: str, gone: str) -> None:
    assert not left(redact(text), gone)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("He goes to the Youth Club on Fridays.", "Youth Club"),
        ("The Duty Team took the call at 5pm.", "Duty Team"),
        ("She was signposted to the Job Centre for advice.", "Job Centre"),
        ("Mum joined the Parenting Group in March.", "Parenting Group"),
    ],
)
def test_a_description_before_a_services_noun_is_kept(text: str, kept: str) -> None:
    assert kept in redact(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("She is on the books of Kelmscott Recruitment for warehouse shifts.", "Kelmscott"),
        ("He drives for Ashby Distribution on nights.", "Ashby"),
        ("Mum packs boxes at Fenwick Packaging three days a week.", "Fenwick"),
        ("Dad part-owns Hollis Auto Parts on the trading estate.", "Hollis"),
        ("The family attend Zion Baptist on Sundays.", "Zion"),
        ("Mrs Rai helps at the Tamworth Nepalese Society on Saturdays.", "Tamworth Nepalese"),
        ("The coordinator booked Bank Lane Methodist Hall for the meeting.", "Bank Lane"),
    ],
)
def test_firms_congregations_and_societies_are_named_by_their_noun(text: str, gone: str) -> None:
    out = redact(text)
    assert not any(left(out, w) for w in gone.split())


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("i play for hollinwood rovers on sundays n i scored", "hollinwood"),
        ("me n jay go training at oakfield vikings every tuesday", "oakfield"),
        ("i do boxing at the westcliff boxing club wiv my uncle", "westcliff"),
        ("my dad works at pellow tyres near the roundabout", "pellow"),
        ("the man from brinkley lettings came round for the rent", "brinkley"),
    ],
)
def test_a_club_or_a_trade_in_a_childs_lower_case_words_is_redacted(text: str, gone: str) -> None:
    assert not left(redact(text), gone)


def test_the_power_rangers_and_a_school_team_stay_in_a_childs_words() -> None:
    out = redact("i watched the power rangers then went to the school football club")
    assert "power rangers" in out
    assert "school football club" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("He plays for Thornley Rovers U16 on Sunday mornings.", "U16"),
        ("She has trials with Ashdown Lions U12 next week.", "Ashdown Lions U12"),
        ("keith takes me to marsden lions fc on saturdays", "marsden lions fc"),
    ],
)
def test_a_team_is_redacted_with_its_squad_and_its_fc(text: str, gone: str) -> None:
    out = redact(text)
    assert not any(left(out, w) for w in gone.split())


def test_an_age_group_that_says_how_old_the_players_are_is_kept() -> None:
    out = redact("i play for rossdale rovers under 12s on saturdays")
    assert "under 12s" in out
    assert not left(out, "rossdale")


def test_a_course_in_brackets_after_a_college_is_no_short_form_of_its_name() -> None:
    out = redact("Idris is enrolled at Brackenfield College (ESOL) but misses Mondays.")
    assert "(ESOL)" in out
    assert not left(out, "Brackenfield")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("SCHOOL: HOLLINS MOSS PRIMARY SCHOOL. MOTHER INFORMED.", "HOLLINS MOSS PRIMARY"),
        ("NURSERY: LITTLE ACORNS NURSERY, CHURCH ROW. NO CONCERNS.", "LITTLE ACORNS"),
    ],
)
def test_a_school_in_a_police_forms_capitals_is_redacted_whole(text: str, gone: str) -> None:
    out = redact(text)
    assert not any(left(out, w) for w in gone.split())
    assert "PRIMARY SCHOOL" not in out and "NURSERY," not in out


def test_a_street_named_grove_road_is_a_street() -> None:
    assert not left(redact("They attend the mosque on Grove Road on Fridays."), "Grove")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("DATE: 06/07/2025   LOG: 44 OF 06/07/25 REPORTING OFFICER PC 2291", "44 OF"),
        ("Norfolk Constabulary, incident 36 of 04/03/2025. Informed the DSL.", "36 of"),
    ],
)
def test_a_police_log_with_a_short_number_and_its_day_is_one_reference(
    text: str, number: str
) -> None:
    out = redact(text)
    assert number not in out
    assert "[CASE-NUMBER]" in out


def test_an_incident_of_a_date_stays_a_date() -> None:
    assert "incident of [DATE]" in redact("He said the incident of 04/03/2025 was his fault.")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Dad is employed by a contractor, Marrick Engineering, on nights.", "Marrick"),
        ("He drives for Wrenbury Freight out of the docks.", "Wrenbury"),
        ("She lives in the flat above Cloud Nine Vapes.", "Cloud Nine"),
        ("Police have intelligence on Star Cuts and the older males.", "Star"),
    ],
)
def test_more_trades_are_named_by_their_noun(text: str, gone: str) -> None:
    out = redact(text)
    assert not any(left(out, w) for w in gone.split())


@pytest.mark.parametrize(
    "text",
    [
        'The paternal grandmother, Mrs Lakshmi Raman ("Appamma"), came to the ward.',
        'Grandmother (Odile, "Granmer" to the kids) speaks Kreol and French.',
        'Grandmother "Hajurama" (Kamala Gurung, 71) lives with the family.',
    ],
)
def test_what_children_call_a_grandparent_in_their_language_is_kept(text: str) -> None:
    out = redact(text)
    word = next(w for w in ("Appamma", "Granmer", "Hajurama") if w in text)
    assert word in out
    assert "Lakshmi" not in out and "Odile" not in out and "Kamala" not in out


@pytest.mark.parametrize("kin", ["teta", "hooyo", "bunica", "appamma"])
def test_a_kin_word_of_another_language_before_a_name_marks_the_name(kin: str) -> None:
    out = redact(f"Denis said {kin} Laco shouts at mum when she is tired.")
    assert not left(out, "Laco")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("i dont like it when ella t says my hair is funny", "ella t"),
        ("my best mate ollie b from school is sound", "ollie b"),
        ("my frend at school is daria k, she is from kharkiv too", "daria k"),
    ],
)
def test_a_surnames_initial_after_a_name_in_lower_case_goes_with_it(text: str, gone: str) -> None:
    out = redact(text)
    assert not any(left(out, w) for w in gone.split())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("kerry u there. landlord came round again", "u there"),
        ("summer i am 10 nearly and i like art", "i am 10"),
        ("jay n kai went to the shop", " n "),
    ],
)
def test_the_letters_texts_write_words_with_stay_after_a_name(text: str, kept: str) -> None:
    out = redact(text, child="Summer Jay", family=(("Kerry Jay", "mother"), ("Kai Jay", "brother")))
    assert kept in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("RESPONSE TEAM. SUPERVISOR: SGT K BRIGHT. NO FURTHER ACTION.", "BRIGHT"),
        ("The custody sergeant, Sgt R Hope, authorised detention.", "Hope"),
    ],
)
def test_the_word_after_a_rank_and_an_initial_is_the_surname(text: str, gone: str) -> None:
    assert not left(redact(text), gone)


def test_a_sentences_word_after_a_title_and_an_initial_stays() -> None:
    assert "said she would call" in redact("Mrs J said she would call back on Friday.")
