"""Issue #14, round thirty-eight: invented sentences for ranks, letters' references, schools
named by their context, and days written beside their month."""

from __future__ import annotations

import pytest

from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Unit welfare: WO2 Garrick Pellow rang about the move.", "Pellow"),
        ("SSgt Aldous Fenwick confirmed the quarter is ready.", "Fenwick"),
        ("Pte Corran Boswell is on exercise until the 20th.", "Boswell"),
        ("The family officer, WO1 Tressider, will attend.", "Tressider"),
    ],
)
def test_a_forces_short_rank_goes_with_the_name(text: str, name: str) -> None:
    out = redact(text)
    assert not left(out, name), out
    for rank in ("WO2", "SSgt", "Pte", "WO1"):
        assert not left(out, rank), out


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Our ref: KLM/PdW\n\nDear Ms Okafor,", "KLM/PdW"),
        ("Your ref: Tr/AJ. Our ref: JH/CAW/ss", "JH/CAW/ss"),
        ("Your Ref: SDK/RM", "SDK/RM"),
    ],
)
def test_a_letters_initials_reference_goes(text: str, ref: str) -> None:
    out = redact(text)
    assert ref not in out, out
    assert "[CASE-NUMBER]" in out, out


def test_a_reference_word_without_our_or_your_keeps_its_slash_words() -> None:
    out = redact("See the note re: contact and/or overnight stays.")
    assert "and/or" in out, out


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Seen with Kaden Lowry (14, Year 9, Pennant Ridge) after school.", "Pennant Ridge"),
        ("Her brother (Yr 7, Marrowfield) was spoken to.", "Marrowfield"),
        ("Spoke to Ashby Tors (Mrs Dina Kerrow, DSL) about attendance.", "Ashby Tors"),
        ("Called Fernleigh Grange (Mr Tom Irwin, Head of Year 10), no answer.", "Fernleigh"),
    ],
)
def test_a_school_named_by_the_year_or_the_lead_beside_it(text: str, school: str) -> None:
    out = redact(text)
    assert not left(out, school), out


@pytest.mark.parametrize(
    "text",
    [
        "Jess (Year 9, Looked After) is settled.",
        "Sam (Yr 4, Home Educated) was seen at home.",
        "Dee (Year 11, Not Attending) declined to speak.",
    ],
)
def test_a_state_after_the_year_is_no_school(text: str) -> None:
    out = redact(text)
    assert "[SCHOOL]" not in out, out


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("She is at Kessingford & Dunmere High School (Year 8).", "Kessingford"),
        ("He started at Brancaster & Holme Academy in September.", "Brancaster"),
        ("VICTIM: LUCAS, 8 YRS, SHAW RIDGE PRIMARY (RECEPTION)", "SHAW"),
        ("PUPIL AT MARSH FARM PRIMARY, NO CONCERNS RAISED", "MARSH"),
        ("ENROLLED SEPT AT HOLLY BANK SCHOOL", "HOLLY"),
    ],
)
def test_a_schools_first_word_stays_with_its_name(text: str, school: str) -> None:
    out = redact(text)
    assert not left(out, school), out
    assert "[SCHOOL]" in out, out


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Also Kingsway Academy rang back.", "Also"),
        ("Now Rosewell Primary, since the move.", "Now"),
        ("CHILD SEEN AT SCHOOL TODAY, NO MARKS.", "CHILD SEEN AT SCHOOL"),
    ],
)
def test_a_sentences_words_before_a_school_stay(text: str, word: str) -> None:
    out = redact(text)
    assert word in out, out


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Domestic incident overnight 1st/2nd Feb at the flat.", "1st/2nd"),
        ("Missing on the night of 14/15 March, found next day.", "14/15"),
        ("Two missing episodes in Feb (7th and 22nd), both short.", "22nd"),
        ("Contact in March (3rd, 9th & 20th) went ahead.", "9th"),
    ],
)
def test_days_written_beside_their_month_go(text: str, day: str) -> None:
    out = redact(text)
    for part in day.split("/"):
        assert not left(out, part), out
    assert "/" not in out.replace("[DATE]", ""), out


@pytest.mark.parametrize(
    "text",
    [
        "The flats (1st and 2nd floors) were searched.",
        "Her scores (45th and 50th) are within range.",
    ],
)
def test_ordinals_in_brackets_with_no_month_stay(text: str) -> None:
    assert "[DATE]" not in redact(text)


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Return interview by Amy Stamper, Larkspur Missing Service, on 24/02.", "Larkspur"),
        ("RHI completed by Jess Tovell (Waymark Missing Service) at school.", "Waymark"),
    ],
)
def test_a_providers_own_service_beside_a_person_goes(text: str, agency: str) -> None:
    out = redact(text)
    assert not left(out, agency), out
    assert "[ORGANISATION]" in out, out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Seen by Amy Lowe, Blackpool Missing Service, on 24/02.", "Blackpool Missing Service"),
        ("Kim Hale (Youth Justice Service) attended.", "Youth Justice Service"),
        ("Jo Ames (Troubled Families Service) rang.", "Troubled Families Service"),
        ("Kevin Rusk (Army Welfare Service) confirmed the move.", "Army Welfare Service"),
    ],
)
def test_a_public_service_beside_a_person_stays(text: str, kept: str) -> None:
    assert kept in redact(text)


def test_a_given_name_before_a_surname_ending_like_a_noun_is_a_name() -> None:
    out = redact("The visit was done by Chloe Vance and Ellie Ellison yesterday.")
    assert not left(out, "Vance") and not left(out, "Ellison"), out
    assert "Grace Provision" not in redact("He had Good Provision at school.")


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("Moved to Ridgemount House children's home last week.", "Ridgemount"),
        ("She was evicted from Cowfold House supported lodgings, Blyth.", "Cowfold"),
        ("Now living at Ashbrae supported housing in Langley.", "Ashbrae"),
    ],
)
def test_a_home_named_before_its_kind_of_care_goes(text: str, home: str) -> None:
    out = redact(text)
    assert not left(out, home), out
    for kind in ("children's home", "supported lodgings", "supported housing"):
        if kind in text:
            assert kind in out, out


@pytest.mark.parametrize(
    "text",
    [
        "She hides when Tatko comes home late.",
        "She got the Metro home after school.",
        "Went to Eritrean Orthodox service with his uncle.",
    ],
)
def test_words_before_home_or_a_faiths_service_stay(text: str) -> None:
    assert "[ORGANISATION]" not in redact(text)


def test_a_homes_own_name_in_a_childs_lower_case_goes() -> None:
    text = (
        "Placement: Oakhaven House children's home, Erdington.\n"
        'Push factors: "oakhaven staff treat me like a baby".'
    )
    out = redact(text)
    assert not left(out, "oakhaven"), out
