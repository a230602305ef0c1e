"""The rest of a name: particles and their surname, and a surname that is also a place
(issue #14), on invented names."""

from __future__ import annotations

import pytest

from tests.test_anonymise_redact import redact

_FAMILY = dict(
    child_name="Tamsin Quarrendell",
    family=[{"name": "Orla Quarrendell", "relationship": "mother"}],
)


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Mr Tobiah van der Merwe visited Orla at home.", "Merwe"),
        ("Dr Inês dos Santos saw Tamsin in clinic.", "Santos"),
        ("The imam, Mr Hamid bin Yusof, knows Orla.", "Yusof"),
        ("Mrs Maribel de la Fuente is the childminder.", "Fuente"),
        ("Mr Karim al-Rashid drove Tamsin to school.", "Rashid"),
    ],
)
def test_particles_and_the_surname_after_them_go_with_the_name(text: str, surname: str) -> None:
    out = redact(text, **_FAMILY)
    assert surname not in out
    # nothing of the particles is left dangling between two placeholders
    assert " van der " not in out and " dos " not in out and " bin " not in out


def test_a_place_written_straight_after_a_name_is_the_surname() -> None:
    out = redact("The children's guardian is Bersaba Winsford (Cafcass).", **_FAMILY)
    assert "Winsford" not in out and "Bersaba" not in out


@pytest.mark.parametrize(
    "text",
    [
        "Mr Tobiah Penhallow moved Orla to Winsford last year.",
        "Mr Tobiah Penhallow, Winsford, rang about Tamsin.",
        "Mr Tobiah Penhallow took Tamsin to the Winsford Library.",
    ],
)
def test_a_place_after_a_preposition_or_comma_stays_a_place(text: str) -> None:
    out = redact(text, **_FAMILY)
    assert "Winsford" in out
    assert "Penhallow" not in out


@pytest.mark.parametrize(
    ("child", "text", "form"),
    [
        ("Dominykas Vaitkunas", 'Mum texted: "where is domis, he is late"', "domis"),
        ("Kayleigh Brannagh", "diary: kaylo up at 7, ate well", "kaylo"),
        ("Matilde Parracho", "On Sunday Tildinha went to church with her avó.", "Tildinha"),
        ("Babatunde Okarogwu", "Tundey says he likes the new school.", "Tundey"),
    ],
)
def test_pet_forms_no_table_lists_are_the_childs(child: str, text: str, form: str) -> None:
    out = redact(text, child_name=child)
    assert form not in out
    assert "[CHILD]" in out or "[PERSON]" in out  # an earlier layer may take it first


@pytest.mark.parametrize(
    ("child", "text", "word"),
    [
        ("Orelia Banwell", "the ore was loaded at the dock", "ore"),
        ("Skyla Banwell", "a clear sky over the estate", "sky"),
        ("Domenica Banwell", "we played dominoes after tea", "dominoes"),
    ],
)
def test_words_of_the_dictionary_stay_words(child: str, text: str, word: str) -> None:
    assert word in redact(text, child_name=child)
