"""Keyed pseudonyms: stable with one key, unrelated with another, key kept private."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from moderator.anonymise.pseudonym import Pseudonymiser, load_or_create_key
from moderator.errors import BadInput

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@posix_only
def test_key_is_created_once_with_owner_only_permissions(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "config" / "pseudonym.key"
    key = load_or_create_key(path)
    assert len(key) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_or_create_key(path) == key


def test_two_new_keys_differ(tmp_path: Path) -> None:
    assert load_or_create_key(tmp_path / "a.key") != load_or_create_key(tmp_path / "b.key")


@posix_only
def test_a_key_others_can_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pseudonym.key"
    load_or_create_key(path)
    path.chmod(0o644)
    with pytest.raises(BadInput, match=r"open to other users \(mode 0644\); run `chmod 600"):
        load_or_create_key(path)


@posix_only
def test_a_key_of_the_wrong_length_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pseudonym.key"
    path.write_bytes(b"short")
    path.chmod(0o600)
    with pytest.raises(BadInput, match="5 bytes, expected 32"):
        load_or_create_key(path)


def test_pseudonyms_are_stable_for_one_key_and_differ_across_keys() -> None:
    one, again, other = Pseudonymiser(b"k" * 32), Pseudonymiser(b"k" * 32), Pseudonymiser(b"x" * 32)
    assert one.case_ref("MOS-100234") == again.case_ref("MOS-100234")
    assert one.case_ref("MOS-100234") != other.case_ref("MOS-100234")
    assert one.worker_ref("Jane Doe") == again.worker_ref("Jane Doe")
    assert one.worker_ref("Jane Doe") != other.worker_ref("Jane Doe")
    assert one.person_ref("child", "Kayden Smith") != other.person_ref("child", "Kayden Smith")


def test_pseudonym_shapes() -> None:
    p = Pseudonymiser(b"k" * 32)
    assert p.case_ref("MOS-1").startswith("C-") and len(p.case_ref("MOS-1")) == 12
    assert p.person_ref("child", "Kayden Smith").startswith("P-")
    assert p.worker_ref("Jane Doe").startswith("W-")
    assert "Kayden" not in p.person_ref("child", "Kayden Smith")


def test_names_are_compared_after_normalising() -> None:
    p = Pseudonymiser(b"k" * 32)
    assert p.person_ref("child", "Niamh O'Neill") == p.person_ref("child", "  NIAMH  o’neill ")
    assert p.person_ref("child", "Zoë Smith") == p.person_ref("child", "Zoe Smith")
    assert p.worker_ref("Jane Doe") == p.worker_ref("jane  DOE")
    assert p.case_ref("mos-100234 ") == p.case_ref("MOS-100234")


def test_date_of_birth_and_role_separate_people() -> None:
    p = Pseudonymiser(b"k" * 32)
    born_2012 = p.person_ref("child", "Kayden Smith", date(2012, 3, 4))
    assert born_2012 == p.person_ref("child", "Kayden Smith", "2012-03-04")
    assert born_2012 != p.person_ref("child", "Kayden Smith", date(2014, 1, 1))
    assert p.person_ref("child", "Kayden Smith") != p.person_ref("family", "Kayden Smith")


def test_a_key_must_be_32_bytes() -> None:
    with pytest.raises(BadInput):
        Pseudonymiser(b"short")
