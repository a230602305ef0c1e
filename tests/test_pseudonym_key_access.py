"""A pseudonym key that is there but cannot be read is reported as such, not as one that
could not be created."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from moderator.anonymise.pseudonym import load_or_create_key
from moderator.errors import BadInput


def test_an_existing_key_in_a_folder_one_may_not_enter_is_said_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key is in a folder its user may list but not enter (mode 0600): opening it, even
    to create it, and looking it up are refused. The message once said "cannot create the
    pseudonym key: Permission denied" for a key that was there. (The tests run as root, who
    enters every folder, so the refusals are the operating system's, played here.)"""
    folder = tmp_path / "keys"
    path = folder / "pseudonym.key"
    load_or_create_key(path)

    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    real_stat = os.stat

    def stat(target: object, *args: object, **kwargs: object) -> os.stat_result:
        if Path(str(target)).parent == folder:
            refused()
        return real_stat(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refused)
    monkeypatch.setattr(os, "lstat", refused)
    monkeypatch.setattr(os, "stat", stat)
    with pytest.raises(BadInput) as caught:
        load_or_create_key(path)
    assert str(caught.value) == f"cannot read the pseudonym key {path}: Permission denied"


def test_a_key_that_cannot_be_created_still_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "pseudonym.key"

    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(BadInput, match=r"cannot create the pseudonym key .*: Permission denied"):
        load_or_create_key(path)
    assert not path.exists()
