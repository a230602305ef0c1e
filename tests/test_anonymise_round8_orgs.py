"""Round eight of the redactor (issue #14): organisations and runs of capitalised words that
hold a word no English list knows, on invented names."""

from __future__ import annotations

import pytest

from moderator.anonymise.orgs_unknown import find_unknown_runs
from moderator.anonymise.redact import redact_case_text
from moderator.anonymise.state import UNSURE, State
from moderator.anonymise.unknown_words import unknown
from tests.test_anonymise_redact import make_case, redact

_FAMILY = dict(
    child_name="Tamsin Quarrendell",
    family=[{"name": "Orla Quarrendell", "relationship": "mother"}],
)


def test_a_word_no_list_knows_is_unknown_and_everyday_words_are_not() -> None:
    assert unknown("Quorvalish")
    assert not unknown("Larder") and not unknown("Community") and not unknown("Leeds")
    assert not unknown("Inter-agency")  # each part a word
    assert not unknown("QUORVALISH")  # capitals are read elsewhere


@pytest.mark.parametrize(
    "name",
    [
        "Quorvalish Community Larder",
        "Brindlewick Street Dance Crew",
        "Trevannock Hindu Samaj",
        "Pellowick Equine Therapy CIC",
        "Ashvennow Interpreting",
        "Marrowick Abbey Community Rooms",
    ],
)
def test_a_run_with_an_unknown_word_and_an_unlisted_head_noun_is_redacted(name: str) -> None:
    out = redact(f"Orla goes to {name} on Tuesdays with Tamsin.", **_FAMILY)
    for word in name.split():
        if word[0].isupper() and word not in ("Community", "Street"):
            assert word not in out, out
    assert "on Tuesdays" in out


def _found(text: str) -> State:
    """The run layer alone on ``text`` (nothing else taken before it)."""
    st = State(make_case(text, **_FAMILY), text)
    find_unknown_runs(st)
    return st


def test_an_unknown_run_without_a_head_noun_is_redacted_for_review() -> None:
    st = _found("Orla said Tamsin saw Quillibrand Zentworth at the shops.")
    [c] = st.cands
    assert st.text[c.start : c.end] == "Quillibrand Zentworth"
    assert c.confidence < UNSURE


def test_a_run_with_a_head_noun_is_redacted_at_normal_confidence() -> None:
    st = _found("Tamsin goes to Quorvalish Larder.")
    [c] = st.cands
    assert st.text[c.start : c.end] == "Quorvalish Larder" and c.kind == "org"
    assert c.confidence >= UNSURE


def test_protected_words_at_the_edges_stay() -> None:
    out = redact("The IRO Quillibrand Zentworth chaired; Tamsin attended.", **_FAMILY)
    assert "IRO" in out and "Zentworth" not in out


@pytest.mark.parametrize(
    "text",
    [
        "Quorvalish Hospital admitted Tamsin.",  # a public service named by its place
        "Tamsin and Orla travel to Quorvalish and Brindlewick in the season.",
    ],
)
def test_public_services_headings_and_places_joined_by_and_stay(text: str) -> None:
    out = redact(text, **_FAMILY)
    assert "Quorvalish" in out


def test_a_heading_stays() -> None:
    assert not _found("Notes\nQuorvalish Energy Advice:\nOrla attended.").cands
    assert not _found("Notes\nQuorvalish Energy Advice\nOrla attended.").cands


def test_a_prison_named_by_its_place_stays() -> None:
    st = _found("Orla visited Tamsin in HMP Quorvalish House last week.")
    assert not st.cands


def test_an_unknown_word_before_an_everyday_noun_is_kept_for_review() -> None:
    case = make_case("Orla was admitted to Quorvalish Unit with Tamsin.", **_FAMILY)
    red = redact_case_text(case)
    assert "Quorvalish Unit" in red.text
    assert any(not d.redacted and d.kind == "org" for d in red.uncertain())


def test_a_person_of_a_firm_keeps_the_firm_apart() -> None:
    out = redact("Solicitor: Ms Quorvalish of Quorvalish & Co. Tamsin agreed.", **_FAMILY)
    assert " of " in out and "Quorvalish" not in out


def test_a_town_after_a_comma_stays_apart_from_the_organisation() -> None:
    """Round eight took the town with the organisation; round fifteen leaves it (a town alone
    identifies no one, and issue #14 counts it swallowed as damage)."""
    out = redact(
        "Orla attends Brindlewick Methodist Fellowship, Shrewsbury with Tamsin monthly.",
        **_FAMILY,
    )
    assert "Brindlewick" not in out
    assert "[ORGANISATION], Shrewsbury with [CHILD] monthly" in out


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ('Orla wrote "flat 4 quorvale court upper brindley" on the form.', "quorvale"),
        ("Tamsin gave flat 2b marrowick granaries as her address.", "granaries"),
        ("Location: flat 3b 8 pellow wynd close new trevannock IV30 6BU", "trevannock"),
    ],
)
def test_an_address_in_lower_case_from_its_flat_to_the_phrase_end(text: str, address: str) -> None:
    out = redact(text, **_FAMILY)
    assert address not in out and "[ADDRESS]" in out


def test_a_flat_in_a_sentence_is_no_address() -> None:
    out = redact("Orla cleaned the flat 3 times a week with Tamsin.", **_FAMILY)
    assert "flat 3 times a week" in out


@pytest.mark.parametrize(
    "name",
    [
        "Pellow Youth Counselling",
        "Wickham Accordion Band",
        "Brindle Street Dance Crew",
        "Quorvale Grange Nursing Home",
        "Pellow Flyers JFC",
        "Marrow Rock Bar",
    ],
)
def test_organisations_by_their_newly_listed_nouns(name: str) -> None:
    out = redact(f"Tamsin was referred to {name} by Orla.", **_FAMILY)
    assert name not in out and "[ORGANISATION]" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Nursery: Little Wrens at Quorvale Community Centre - Orla drops Tamsin.", "Wrens"),
        ("Clubs: Brindle Girls' Club at Quorvale Community Centre (Tamsin)", "Girls"),
        ("Nursery: Little Wrens at Leek. Orla collects Tamsin.", "Leek"),
    ],
)
def test_a_group_named_with_its_venue_after_at_is_one_organisation(text: str, gone: str) -> None:
    out = redact(text, **_FAMILY)
    # (a nursery named in a form's "Nursery:" field is redacted as the school it is)
    assert gone not in out and out.count("[ORGANISATION]") + out.count("[SCHOOL]") == 1


def test_a_person_at_a_place_is_not_joined() -> None:
    out = redact("Orla at Quorvale Community Centre with Tamsin.", **_FAMILY)
    assert out.startswith("[MOTHER] at ")


def test_a_street_after_a_comma_goes_whole_with_the_organisation() -> None:
    out = redact("Orla works at Quorvale Cantonese Kitchen, Brindle Row. Tamsin helps.", **_FAMILY)
    assert "Row" not in out and "Brindle" not in out


def test_a_flat_in_a_named_building_and_a_numbered_street_leave_their_town() -> None:
    """Round eight took the town with a flat in a named building; round fifteen leaves it, as
    after a numbered street."""
    named = redact(
        "Orla now lives at Flat 9, Quorvale Tower, Scunthorpe. Tamsin visits.", **_FAMILY
    )
    assert "Quorvale" not in named and "[ADDRESS], Scunthorpe" in named
    numbered = redact("Orla lives at Flat 9, 31 Brindle Court, Scunthorpe, with Tamsin.", **_FAMILY)
    assert "Scunthorpe" in numbered


@pytest.mark.parametrize(
    "school",
    [
        "Quorvale Inspire Alternative Provision",
        "Brindle Tye Green Sixth",
        "Pellow School & Sixth Form",
    ],
)
def test_schools_by_sixth_form_and_alternative_provision(school: str) -> None:
    out = redact(f"Tamsin attends {school} three days a week; Orla agrees.", **_FAMILY)
    assert "[SCHOOL]" in out and "Sixth" not in out and "Alternative" not in out


def test_a_branch_by_its_compass_point_and_of_the_place_go_with_the_organisation() -> None:
    out = redact("Tamsin is mentored by Quorvale Support Group East; Orla agrees.", **_FAMILY)
    assert "East" not in out
    out = redact("Orla is helped by Brindle Community Association of the Pellow Vale.", **_FAMILY)
    assert "Pellow" not in out and "of the" not in out


def test_a_health_services_trust_is_a_public_body_and_a_housing_trust_is_not() -> None:
    out = redact("Orla was seen by Northern HSC Trust; Tamsin too.", **_FAMILY)
    assert "Northern HSC Trust" in out
    out = redact("Orla rents from Quorvale Homes Trust with Tamsin.", **_FAMILY)
    assert "Quorvale Homes Trust" not in out


@pytest.mark.parametrize(
    ("line", "gone"),
    [
        ("SUSPECT RETURNED FROM QUORVALISH CAR WASH KEYHAM IN DRINK", "QUORVALISH CAR WASH KEYHAM"),
        ("CHILD 1 ATTENDS BRINDLEWICK COMMUNITY COLLEGE", "BRINDLEWICK COMMUNITY COLLEGE"),
        ("(TAMSIN AT PELLOWICK MARROWAY ACADEMY)", "PELLOWICK MARROWAY ACADEMY"),
    ],
)
def test_an_organisation_in_capitals_by_its_unknown_name_and_head_noun(
    line: str, gone: str
) -> None:
    out = redact(f"OCCURRENCE LOG\n{line}.\nORLA SPOKEN TO.", **_FAMILY)
    assert gone not in out


def test_welsh_and_gaelic_places_named_after_their_noun() -> None:
    out = redact("Meddygfa Pant y Quorwen\nDear Orla, Tamsin was seen today.", **_FAMILY)
    assert "[GP-PRACTICE]" in out and "Quorwen" not in out


def test_a_place_before_an_organisations_noun_is_kept_for_review_not_redacted() -> None:
    red = redact_case_text(
        make_case("Venue: Leek Green Family Hub. Orla and Tamsin came.", **_FAMILY)
    )
    assert "Leek Green Family Hub" in red.text
    [kept] = [d for d in red.uncertain() if not d.redacted]
    assert (
        red.text.startswith("Venue: Leek") and kept.kind == "org" and 0.3 <= kept.confidence < 0.5
    )


def test_an_unknown_word_left_beside_an_organisation_joins_it() -> None:
    out = redact(
        "Orla attends Pellow Community Church Quorvalish on Sundays with Tamsin.", **_FAMILY
    )
    assert "Quorvalish" not in out and out.count("[ORGANISATION]") == 1


@pytest.mark.parametrize(
    ("said", "name"),
    [("referral came from ysgol maes y dderwen on friday", "ysgol maes y dderwen"),
     ("he is on the list at cylch meithrin y fflint for september", "cylch meithrin y fflint"),
     ("he is on the motor vehicle course at coleg dyfrdwy northop campus tutor is",
      "coleg dyfrdwy northop campus"),
     ("she goes to Cylch Meithrin Cefn Coed on mornings", "Cylch Meithrin Cefn Coed"),
     ("he enrolled at Coleg Glannau Dyfrdwy last week", "Coleg Glannau Dyfrdwy")],
)  # fmt: skip
def test_a_welsh_school_college_or_nursery_named_after_its_noun_in_any_case(
    said: str, name: str
) -> None:
    from tests.helpers import redact_for

    out = redact_for(
        f"dictated note new paragraph {said} full stop", "Osian Roberts", (), "Jo Hale"
    )
    assert name not in out and "[SCHOOL]" in out, out


def test_a_welsh_schools_noun_alone_or_before_english_words_stays() -> None:
    from tests.helpers import redact_for

    text = "dictated note new paragraph she is at ysgol today and coleg is going well full stop"
    assert redact_for(text, "Osian Roberts", (), "Jo Hale") == text
