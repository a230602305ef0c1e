"""Round twenty-one: identifiers by their shape and their cue, from the misses of batches A-AM
(issue #14)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for
from tests.helpers import survives as left


def redact(
    text: str,
    child: str = "Oluwadamilare Penhaligon",
    family: tuple[tuple[str, str], ...] = (("Ngozi Penhaligon", "mother"),),
    worker: str = "Carys Mountjoy",
) -> str:
    """The text redacted for one synthetic record."""
    return redact_for(text, child, family, worker, "R21-1")


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("She was sent it by her friend mira.qx on Sunday.", "mira.qx"),
        ("messages from dev.k2019 and i never replied", "dev.k2019"),
        ("[21:02] zed_rrb_: come to the park", "zed_rrb_"),
        ("a post by bolton_gossip_hub called her a snitch", "bolton_gossip_hub"),
        ("new contact drewbandz.x added on the phone", "drewbandz.x"),
        ("the account grimsby.exposed posted a photo of him.", "grimsby.exposed"),
    ],
)
def test_an_online_name_by_its_shape_without_a_cue(text: str, handle: str) -> None:
    out = redact(text)
    assert "[USERNAME]" in out and not left(out, handle)


@pytest.mark.parametrize(
    "text",
    [
        "ok.see u later",
        "She said no.then she left.",
        "Attached: visit_notes.docx, sent e.g. to school at 9 a.m. today.",
        "The dose is 2.5ml twice a day; see gov.uk for the guidance.",
    ],
)
def test_words_that_lost_their_space_files_and_initials_are_no_online_names(text: str) -> None:
    assert "[USERNAME]" not in redact(text)


def test_a_web_address_without_www_is_redacted_with_its_path() -> None:
    out = redact("She took a photo of the profile (facebook.com/kel.arn.2291). He is scared.")
    assert not left(out, "kel.arn.2291") and "facebook.com/" not in out
