"""What a person decided about the redactor's doubts, remembered per authority as keyed hashes.

The redactor gives each redaction, and each candidate it left in the text, a
confidence; those it is unsure of are shown to the person importing, who
confirms (redact) or rejects (keep) each. The decisions apply to this import
and to later ones, and are kept beside the pseudonym key in a file only its
owner can read (mode 0600). The file holds no names: each decided value is
stored as an HMAC-SHA256 of its normalised form under the pseudonym key, so it
can be recognised again but not read back.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from moderator.anonymise.pseudonym import normalise_name
from moderator.errors import BadInput

Decision = Literal["redact", "keep"]
_FORMAT = "moderator-redaction-decisions/1"


def decisions_path(key_path: Path) -> Path:
    """The decisions file that goes with a pseudonym key: beside it, same stem."""
    return key_path.with_name(key_path.name + ".decisions.json")


class Doubtful(BaseModel):
    """One doubt shown to a person: where, what, how sure, and the words around it.

    ``value`` and the context are the original text: shown on screen for the
    decision, never stored (only its keyed hash is).
    """

    line: int
    case_ref: str
    kind: str
    placeholder: str
    confidence: float
    redacted: bool
    before: str
    value: str
    after: str

    def context(self) -> str:
        """The doubt in its sentence, the value marked: ``…at ⟦Westport⟧ Lake…``."""
        return f"…{self.before}⟦{self.value}⟧{self.after}…"


class Decisions:
    """Remembered decisions for one authority (one pseudonym key)."""

    def __init__(self, key: bytes, path: Path | None = None) -> None:
        self._key = key
        self.path = path
        self._table: dict[str, Decision] = {}

    @classmethod
    def load(cls, key: bytes, path: Path) -> Decisions:
        """Read the decisions at ``path`` (none yet if it does not exist).

        Raises:
            BadInput: if the file is open to other users or is not a decisions file.
        """
        found = cls(key, path)
        if not path.exists():
            return found
        try:
            info = path.stat()
            if os.name == "posix" and info.st_mode & 0o077:
                raise BadInput(
                    f"{path}: the redaction decisions are open to other users "
                    f"(mode {stat.S_IMODE(info.st_mode):04o}); run `chmod 600 {path}`"
                )
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BadInput(f"{path}: cannot read the redaction decisions: {exc}") from None
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise BadInput(f"{path}: not a redaction decisions file (format {_FORMAT!r})")
        table = data.get("decisions", {})
        if not isinstance(table, dict) or any(v not in ("redact", "keep") for v in table.values()):
            raise BadInput(f'{path}: decisions: each must be "redact" or "keep"')
        found._table = dict(table)
        return found

    def digest(self, value: str) -> str:
        """The keyed hash a value is remembered by (case, accents and spacing ignored)."""
        message = f"moderator/redaction-decision/v1\x1f{normalise_name(value)}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def lookup(self, value: str) -> str | None:
        """``"redact"``, ``"keep"``, or None when nobody has decided about ``value``."""
        return self._table.get(self.digest(value))

    def record(self, value: str, decision: Decision) -> None:
        """Remember a decision about ``value`` (not saved until :meth:`save`)."""
        self._table[self.digest(value)] = decision

    def __len__(self) -> int:
        return len(self._table)

    def save(self) -> None:
        """Write the decisions (mode 0600, replaced atomically)."""
        if self.path is None:
            return
        data = {"format": _FORMAT, "decisions": dict(sorted(self._table.items()))}
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=0)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except OSError as exc:
            raise BadInput(
                f"{self.path}: cannot save the redaction decisions: {exc.strerror}"
            ) from None
