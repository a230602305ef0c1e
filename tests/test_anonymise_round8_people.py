"""Round eight of the redactor's mechanisms (issue #14), on general cases with invented
names: people's initials, professionals by title, the family's names in other forms,
dates as people say them and references by their shape."""

from __future__ import annotations

import pytest

from tests.test_anonymise_redact import redact

_FAMILY = dict(
    child_name="Tamsin Quarrendell",
    family=[{"name": "Orla Quarrendell", "relationship": "mother"}],
)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Orla said they moved to Fenwick in 2018 from the coast.", "2018"),
        ("School history: 2015-16 Larchfield Infants, then home.", "2015-16"),
        ("Orla left her job in the summer of 2022 with Tamsin unwell.", "the summer of 2022"),
        ("Next review summer term 2026. Tamsin to attend.", "summer term 2026"),
        ("autumn half-term 2022  Tamsin stayed with Orla.", "autumn half-term 2022"),
        ("Review the plan Nov half term with Orla.", "Nov half term"),
        ("Review w/c 14th. Tamsin to be seen.", "w/c 14th"),
        ("EWO note w/e 16/3 Tamsin absent two days.", "w/e 16/3"),
        ("Texts 07/03-08/03 between Orla and Tamsin.", "07/03-08/03"),
        ("Orla was hit on Easter Monday in front of Tamsin.", "Easter Monday"),
        ("SHE ATTENDED THE GROUP ON SATURDAY 9TH WITH TAMSIN.", "SATURDAY 9TH"),
        ("Dated: the twelfth of June 2024. Signed by Orla.", "the twelfth of June 2024"),
    ],
)
def test_dates_said_in_words_and_short_forms_are_redacted(text: str, date: str) -> None:
    out = redact(text, **_FAMILY)
    assert date not in out
    assert "[DATE]" in out


@pytest.mark.parametrize(
    "text",
    [
        "The order was made under the Children Act 1989 and Orla agreed.",
        "Tamsin has been unsettled since half term and since Easter.",
        "Orla pays £2000 a year and scored 1995 points.",
        "Tamsin walks 2019.5 metres a day.",
    ],
)
def test_numbers_and_loose_seasons_that_are_no_dates_stay(text: str) -> None:
    out = redact(text, **_FAMILY)
    assert "[DATE]" not in out
