"""Issue #14, round forty-four: invented sentences for a record person's initial standing
alone, and for a name that is also a word opening a sentence about the person."""

from __future__ import annotations

from tests.helpers import redact_for
from tests.helpers import survives as left

FAMILY = (("Ruth Okafor", "mother"), ("Dayo Okafor", "brother"))


def test_the_childs_initial_after_a_comma_is_the_child() -> None:
    text = "Contact went well. Mum cried at the end, B held it together till the car."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Lena Hart")
    assert not left(out, "B") and "held it together" in out, out


def test_a_letter_after_a_comma_in_a_list_or_a_broken_word_stays() -> None:
    text = "Predicted grades A, B in science. Lives at Mill Farm, Dodford, B romsgrove."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Lena Hart")
    assert "A, B in science" in out and "B romsgrove" in out, out


def test_the_childs_initial_owning_an_action_in_minutes() -> None:
    text = "Actions\n- Y: attend GP re sleep by 21/03\n- RT/Y: talk through the Staying Close offer"
    out = redact_for(text, "Yusuf Haddad", (("Amal Haddad", "mother"),), "Rhian Thomas")
    assert "Y:" not in out and "/Y" not in out, out
    assert "attend GP re sleep" in out, out


def test_a_role_letter_in_a_police_form_stays() -> None:
    text = "OFFENCE: ASSAULT\nV: SEE BELOW\nS: KARWAN MAHMOUD DOB 19JUL85"
    out = redact_for(text, "Sana Haddad", (("Amal Haddad", "mother"),), "Rhian Thomas")
    assert "S: " in out and "KARWAN" not in out, out


def test_a_name_word_opening_a_sentence_about_the_persons_state() -> None:
    text = (
        "Nicola dropped them back at five. Summer in a good mood and asked about nails. "
        "Summer is the youngest of three. Grace is a devout Christian and takes her to church."
    )
    out = redact_for(text, "Summer Lindley", (("Grace Adebayo", "foster carer"),), "Lena Hart")
    assert not left(out, "Summer") and not left(out, "Grace"), out


def test_a_name_word_opening_a_sentence_as_the_word_stays() -> None:
    text = "Joy at the news was plain to see. Hope for the future is what they lack."
    out = redact_for(text, "Summer Lindley", (("Joy Lindley", "mother"),), "Hope Marsh")
    assert "Joy at the news" in out and "Hope for the future" in out, out
