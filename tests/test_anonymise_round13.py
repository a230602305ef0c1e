"""Round thirteen: what the batches before U still showed (written before U was read)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


def redact(
    text: str,
    child: str = "Tamsin Oakervee",
    family: tuple[tuple[str, str], ...] = (("Dorcas Oakervee", "mother"),),
    worker: str = "Ignatius Pellowe",
) -> str:
    """The text redacted for one synthetic record."""
    return redact_for(text, child, family, worker, "R13-1")


@pytest.mark.parametrize(
    ("text", "branch"),
    [
        ("Mum is being helped by Citizens Advice Rotherham with her debts.", "Rotherham"),
        ("Referred to Home-Start Barnsley for a volunteer.", "Barnsley"),
        ("She now sees a key worker at Change Grow Live Doncaster weekly.", "Doncaster"),
        ("Counselling through Mind in Mid Cheshire, six sessions.", "Mid Cheshire"),
        ("Support from Barnardo's Cheshire CSE Service was offered.", "Cheshire"),
        ("Outreach by Launceston & Tamar Women's Aid continues.", "Launceston"),
        ("Referral to Quarrendon Young Carers made.", "Quarrendon"),
        ("Mum went to Refuge Stafford last year.", "Stafford"),
    ],
)
def test_a_national_charity_written_with_its_local_branch_is_redacted_whole(
    text: str, branch: str
) -> None:
    out = redact(text)
    assert branch not in out
    assert "[ORGANISATION]" in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Mum is going to contact Citizens Advice about her debts.", "Citizens Advice"),
        ("Kerry's advocate from Women's Aid attended the conference.", "Women's Aid"),
        ("Mum's Women's Aid worker rang me.", "Women's Aid"),
        ("Refuge place offered in Stafford.", "Refuge place offered in Stafford"),
        ("Referral to Young Carers. Mind was discussed.", "Referral to Young Carers"),
    ],
)
def test_a_national_charity_named_alone_is_kept(text: str, kept: str) -> None:
    assert kept in redact(text)
