"""Round nine of the redactor (issue #14): organisations and addresses taken whole, with the
words at their edges that belong to them; on invented names."""

from __future__ import annotations

import pytest

from moderator.anonymise.orgs_placed import place_guessed_names
from moderator.anonymise.redact import redact_case_text
from moderator.anonymise.state import UNSURE, State
from tests.test_anonymise_redact import make_case, redact

_FAMILY = dict(
    child_name="Tamsin Quarrendell",
    family=[{"name": "Orla Quarrendell", "relationship": "mother"}],
)


def _out(sentence: str) -> str:
    return redact(sentence, **_FAMILY)


@pytest.mark.parametrize(
    ("sentence", "gone", "stays"),
    [
        # a name guessed for a person, a county after it: no one's name ends in a county
        ("Orla's family are members of Quorvash Menduk Berkshire now.", "Berkshire", "now"),
        # after a comma: the street where the group meets goes with it; a town the gazetteer
        # knows stays beside it (round fifteen)
        ("Orla attends Zbor Quellan Vradej, Tipton; she goes weekly.", "Quellan", ", Tipton;"),
        ("Tamsin went to Sri Pelvan Oralam, Crowthorne Road. She liked it.", "Crowthorne", "liked"),
    ],
)
def test_a_name_guessed_for_a_person_with_a_place_after_it_is_an_organisation(
    sentence: str, gone: str, stays: str
) -> None:
    out = _out(sentence)
    assert gone not in out and "ORGANISATION" in out, out
    assert stays in out


def test_a_person_named_before_a_town_stays_a_person_and_the_town_stays() -> None:
    out = _out("Orla met Mehmet Quorlu, Leeds based, at the shops.")
    assert "Leeds" in out, out
    out = _out("Orla stays with Radomila Quenzik, 19, at her flat.")
    assert "19" in out and "ORGANISATION" not in out, out


@pytest.mark.parametrize(
    ("sentence", "gone", "stays"),
    [
        ("Orla drinks at The Quellby Inn most nights.", "The", "most nights"),
        ("Tamsin goes to Callowick Forest Crafts CIC on Fridays.", "CIC", "Fridays"),
        ("Orla works for Tarvanish Maritime Crewing Inc. now.", "Inc", "now"),
        ("Orla's tenancy is with Quenby Housing & Co-op this year.", "-op", "this year"),
        (
            "Orla works nights at Tarvell Care Homes - Orchardmere. Tamsin is fine.",
            "Orchardmere",
            "fine",
        ),
        ("Tamsin went to Mountain of Quellfire Ministry, Bykerley twice.", "Bykerley", "twice"),
        (
            "Orla works at Quenby Grill & Kebab, High Street Kirkby where she cooks.",
            "High",
            "cooks",
        ),
        ("Tamsin goes to Quellan Peninsula Scouts (1st Varrowick) on Fridays.", "1st", "Fridays"),
        ("Orla prays at Quellby Masjid and Community Hall; Tamsin goes too.", "Hall", "goes"),
        (
            "Tamsin loves horses and goes to Ottervale Road Riding for All with Orla.",
            "Riding",
            "horses",
        ),
        ("Orla is at work (Quenby Road Salvage) most days.", "Salvage", "most days"),
        ("Orla was at work at Quellcrest Hotel, La Quellente at the time.", "La", "the time"),
        ("Tamsin joined Quellby Scouts 3rd Varrowick Troop last week.", "Troop", "last week"),
        ("Orla gets mentoring from Quenby Support Group East worker Ann.", "East", "worker"),
    ],
)
def test_the_words_at_an_organisations_edges_go_with_it(
    sentence: str, gone: str, stays: str
) -> None:
    out = _out(sentence)
    assert gone not in out and "ORGANISATION" in out, out
    assert stays in out


def test_a_sentence_opening_the_and_a_public_service_keep_their_words() -> None:
    out = _out("The Quellby Inn closed. Orla was referred to Leeds City Council - Housing.")
    assert out.startswith("The "), out
    assert "Leeds City Council - Housing" in out, out


@pytest.mark.parametrize(
    ("sentence", "gone"),
    [
        ("Orla's previous address was Flat C, 15 Quenby Road West, Jarrow.", "West"),
        ("Orla's aunt lives at Flat 7, Quellan Wharf Lofts, Reading.", "Lofts"),
        ("Orla met him at his flat, 2F1, 16 Quenby Street, Innerleithen.", "2F1"),
        ("Orla moved contact to his flat, 12 Rue des Quellans, St Peter Port.", "Rue"),
        ("Orla stays at 7 Clos de Quenvais, Gorey, most weeks.", "Clos"),
        ("Orla's uncle offered to care, address ul. Quorlowa 14, Rzeszów.", "Quorlowa"),
        ("Orla lives at 19 Rhes y Quellan, Aberystwyth.", "19"),
        ("Orla stays with Mr Quenby of The Old Dairy, Quellan Lane, Kington.", "Dairy"),
    ],
)
def test_addresses_take_their_prefixes_suffixes_and_streets_abroad(
    sentence: str, gone: str
) -> None:
    out = _out(sentence)
    assert gone not in out and "[ADDRESS]" in out, out


def test_the_town_after_an_address_and_a_town_alone_stay() -> None:
    out = _out("Orla lives at 14 Quenby Road, Quernfleet. She moved to Thirsk in May.")
    assert "Quernfleet" in out and "Thirsk" in out, out


@pytest.mark.parametrize(
    "name",
    [
        "Quellmoor Lakeside Youth Hut",
        "Varrowick Talking Therapies",
        "Quenby Tarn Language Line",
        "Berkshire Young Carers Hub",  # "Hub" taken after "carers"; the county it serves joins
    ],
)
def test_a_name_guessed_for_a_person_inside_an_organisations_run_gives_way_to_it(
    name: str,
) -> None:
    out = _out(f"Tamsin goes to {name} on Tuesdays.")
    assert "[ORGANISATION] on Tuesdays" in out, out


def test_a_street_before_a_town_or_a_weekday_stays_an_address() -> None:
    out = _out("Orla lives on Quenby Road Leeds side. Tamsin saw her on Quellan Road Monday.")
    assert "Leeds" in out and "Monday" in out, out


@pytest.mark.parametrize(
    ("sentence", "gone"),
    [
        ("Orla walks Tamsin to the bus stop on Half Quellan Lane each morning.", "Half"),
        ("Orla now lives at 2 Aird Quellanish.", "Aird"),
        ("Orla (hse: flt 2, 61 Quellanby Road) is very cold.", "flt"),
    ],
)
def test_a_name_guessed_for_a_person_that_is_a_street_is_an_address(
    sentence: str, gone: str
) -> None:
    out = _out(sentence)
    assert gone not in out and "[ADDRESS]" in out, out


def test_a_voluntary_group_named_with_its_place_is_redacted_for_review() -> None:
    text = "Orla was referred to Kenyan Community Isle of Man for coffee mornings."
    red = redact_case_text(make_case(text, **_FAMILY))
    [org] = [s for s in red.spans if s.kind == "org"]
    assert text[org.start : org.end] == "Kenyan Community Isle of Man"
    assert org.confidence < UNSURE  # the person importing confirms it


@pytest.mark.parametrize(
    "sentence",
    [
        "Orla was referred to Leeds Community Housing Team last week.",
        "Orla spoke to Youth Justice Service Isle of Man about it.",
    ],
)
def test_a_public_service_named_with_its_place_stays(sentence: str) -> None:
    assert "ORGANISATION" not in _out(sentence)


def test_a_town_of_three_words_after_a_practice_stays_whole() -> None:
    """Round nine took the town with the practice; round fifteen leaves a town the gazetteer
    knows after a comma, all three words of it."""
    out = _out("Orla's GP at Quenby Road Medical Practice, St Peter Port says it is asthma.")
    assert "Quenby" not in out and ", St Peter Port says it is asthma" in out, out


def test_a_colleges_campus_written_after_it_is_one_redaction() -> None:
    out = _out("Orla studies ESOL at Quellmouth College Varrow Campus on Mondays.")
    assert "Campus" not in out and out.count("[") == 2, out


def test_an_organisation_guessed_from_unknown_words_takes_the_place_after_it() -> None:
    text = "The temple committee (Thurvak Ammolan Aalorum Worcester, secretary Orla)."
    st = State(make_case(text, **_FAMILY), text)
    start = text.index("Thurvak")
    st.take(start, text.index(" Worcester"), "org", "guess", 45, 0.6)
    place_guessed_names(st)
    [c] = st.cands
    assert text[c.start : c.end] == "Thurvak Ammolan Aalorum Worcester"
