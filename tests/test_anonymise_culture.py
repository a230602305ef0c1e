"""Public culture quoted in a note (``anonymise/data/vocabulary.txt``, the section on musicians,
sports people, online creators, programmes, games and channels): the names a child or a parent
quotes ("I like Taylor Swift", "we watched Numberblocks") identify no one in the family and
stay, while the record's own people, a person or a local organisation written beside such a
name, and a workplace at an attraction are still redacted."""

from __future__ import annotations

import re

from tests.helpers import redact_for, survives

_CHILD = "Jayden Penhaligon"
_FAMILY = (("Ngozi Penhaligon", "mother"),)
_WORKER = "Carys Mountjoy"


def _redact(text: str) -> str:
    return redact_for(text, _CHILD, _FAMILY, _WORKER)


def test_a_note_quoting_public_culture_keeps_it() -> None:
    out = _redact(
        "Jayden said he is obsessed with Stormzy and MrBeast and watches Paw Patrol and Numberblocks "
        "with his sister. He plays Grand Theft Auto and Blox Fruits, wants to be like Marcus "
        "Rashford and Bukayo Saka, and loves Harry Potter. Ngozi said they watch Strictly Come "
        "Dancing on BBC One together."
    )
    for kept in (
        "Stormzy",
        "MrBeast",
        "Paw Patrol",
        "Numberblocks",
        "Grand Theft Auto",
        "Blox Fruits",
        "Marcus Rashford",
        "Bukayo Saka",
        "Harry Potter",
        "Strictly Come Dancing",
        "BBC One",
    ):
        assert survives(out, kept), (kept, out)
    assert "Jayden" not in out and "Ngozi" not in out, out


def test_a_teenager_s_online_culture_stays() -> None:
    out = _redact(
        "He said he watches Kai Cenat and IShowSpeed streams, follows Andrew Tate on TikTok and "
        "plays Valorant with friends online until late."
    )
    for kept in ("Kai Cenat", "IShowSpeed", "Andrew Tate", "Valorant"):
        assert survives(out, kept), (kept, out)


def test_the_record_s_child_is_redacted_beside_a_singer_of_her_name() -> None:
    # the child's own mentions are redacted; the singer who shares her given name stays
    out = redact_for(
        "Taylor said she likes Taylor Swift and sings her songs with her mum Kelly.",
        "Taylor Jones",
        (("Kelly Jones", "mother"),),
        _WORKER,
    )
    assert out.startswith("[CHILD] said"), out
    assert survives(out, "Taylor Swift"), out
    assert "Taylor" not in out.replace("Taylor Swift", ""), out
    assert "Kelly" not in out and "Jones" not in out, out


def test_a_record_person_named_as_a_listed_footballer_is_still_redacted() -> None:
    out = redact_for(
        "Harry Kane was seen at home. Harry said he wants to play like Harry Kane when he is "
        "older; his mum Lisa Kane agreed.",
        "Harry Kane",
        (("Lisa Kane", "mother"),),
        _WORKER,
    )
    assert not re.search(r"\bHarry\b|\bKane\b|\bLisa\b", out), out


def test_a_person_beside_a_listed_name_is_still_redacted() -> None:
    out = _redact("Kelly Marsh took him to see Stormzy at half term.")
    assert "Kelly" not in out and "Marsh" not in out, out
    assert survives(out, "Stormzy"), out
    out = _redact("Jayden said his uncle Dean Sheeran likes Ed Sheeran.")
    assert "Dean" not in out and "Dean Sheeran" not in out, out
    assert survives(out, "Ed Sheeran"), out
    out = _redact("Andrew Tate videos were found on his phone; his friend Callum Tate sent them.")
    assert "Callum" not in out and "Callum Tate" not in out, out


def test_a_local_organisation_named_with_a_listed_phrase_is_still_redacted() -> None:
    out = _redact("Jayden goes to Thorpe Park Academy and plays for Chester Zoo Rangers FC.")
    assert "Academy" not in out and "Rangers" not in out, out
    out = _redact("He goes to Bluey Club at Oakfield Primary after school.")
    assert "Oakfield" not in out, out


def test_a_workplace_at_an_attraction_is_redacted() -> None:
    out = _redact("Kai works weekends at Drayton Manor and Sandcastle Waterpark.")
    assert "Drayton Manor" not in out and "Sandcastle" not in out, out
