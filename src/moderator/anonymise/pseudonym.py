"""Stable pseudonyms from a secret key kept outside the database (docs/formats.md).

A pseudonym is a keyed hash (HMAC-SHA256) of the identifier, so:

* the same key gives the same pseudonym for the same case, person or worker on
  every import, which is what lets a case imported twice be recognised, and a
  manager's audits be grouped without storing their name;
* without the key, a pseudonym cannot be reversed, nor confirmed by hashing a
  list of likely names (which a plain, unkeyed hash would allow);
* a different key gives unrelated pseudonyms.

**Losing the key corrupts nothing.** Everything already stored keeps its
pseudonyms and stays consistent. Imports made with a new key simply get new
pseudonyms, so a case imported before and after the loss is not recognised as
the same case (it arrives as a new case). Keep the key file backed up with the
same care as the case system's own exports; never put it in the database or
in a moderation pack.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import stat
import unicodedata
from pathlib import Path

from moderator.errors import BadInput

KEY_BYTES = 32
_LETTERS_AND_DIGITS = re.compile(r"[^\W_]+")  # normalise_name's words (compiled once)
_REF_CHARS = 10  # 50 bits: a collision is unlikely below tens of millions of identifiers


def load_or_create_key(path: Path) -> bytes:
    """Read the pseudonymisation key at ``path``, creating it on first use.

    A new key is 32 random bytes in a file only its owner can read or write
    (mode 0600); missing parent directories are created (mode 0700).

    Raises:
        BadInput: if the file is readable or writable by others (fix with
            ``chmod 600``), is not exactly 32 bytes, or cannot be read.
    """
    try:
        fd = _create_exclusive(path)
    except FileExistsError:
        return _read_key(path)
    key = secrets.token_bytes(KEY_BYTES)
    with os.fdopen(fd, "wb") as f:
        f.write(key)
        f.flush()
        os.fsync(f.fileno())
    return key


def _create_exclusive(path: Path) -> int:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise
    except OSError as exc:
        if _is_there(path):  # an existing key in a folder one may not enter: say why it's unread
            raise FileExistsError(path) from None
        raise BadInput(f"cannot create the pseudonym key {path}: {exc.strerror}") from None


def _is_there(path: Path) -> bool:
    """Whether ``path`` exists, as far as can be told: looked up, else in its folder's listing
    (a folder one may list but not enter refuses both the lookup and a new file)."""
    try:
        os.lstat(path)
        return True
    except FileNotFoundError:
        return False
    except OSError:
        pass
    try:
        return path.name in os.listdir(path.parent)
    except OSError:
        return False


def _read_key(path: Path) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise BadInput(f"{path}: the pseudonym key must be a regular file")
        if os.name == "posix" and info.st_mode & 0o077:
            raise BadInput(
                f"{path}: the pseudonym key is open to other users "
                f"(mode {stat.S_IMODE(info.st_mode):04o}); run `chmod 600 {path}`"
            )
        key = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read the pseudonym key {path}: {exc.strerror}") from None
    if len(key) != KEY_BYTES:
        raise BadInput(
            f"{path}: not a pseudonym key: {len(key)} bytes, expected {KEY_BYTES} "
            "(is this the right file?)"
        )
    return key


def normalise_name(name: str) -> str:
    """A name reduced to what identifies it: no accents, case, punctuation or spacing.

    ``"O'Neill"``, ``"o neill"`` and ``"O’NEILL"`` all become ``"o neill"``.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_LETTERS_AND_DIGITS.findall(plain.casefold()))


class Pseudonymiser:
    """Turns identifiers into stable pseudonyms with a keyed hash (see the module docstring)."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise BadInput(f"a pseudonym key is {KEY_BYTES} bytes, not {len(key)}")
        self._key = key

    def _ref(self, prefix: str, namespace: str, value: str) -> str:
        message = f"moderator/v1\x1f{namespace}\x1f{value}".encode()
        digest = hmac.new(self._key, message, hashlib.sha256).digest()
        return f"{prefix}-{base64.b32encode(digest).decode('ascii')[:_REF_CHARS]}"

    def case_ref(self, case_id: str) -> str:
        """The case's pseudonym, e.g. ``C-7QK2M4XW9A``; ignores surrounding spaces and case."""
        return self._ref("C", "case", case_id.strip().upper())

    def person_ref(self, kind: str, name: str, dob: object = None) -> str:
        """A person's pseudonym, e.g. ``P-…``; stable for the same normalised name (and dob).

        ``kind`` is the role the pseudonym is for (``"child"``, ``"family"``, …)
        and keeps roles apart: the same name as a child and as a parent gives
        different pseudonyms. ``dob`` (a date or its ISO text), when known,
        separates two people with the same name.
        """
        born = dob.isoformat() if hasattr(dob, "isoformat") else (str(dob) if dob else "")
        return self._ref("P", f"person:{kind.strip().lower()}", f"{normalise_name(name)}|{born}")

    def worker_ref(self, name: str) -> str:
        """A worker's pseudonym, e.g. ``W-…``; stable for the same normalised name."""
        return self._ref("W", "worker", normalise_name(name))
