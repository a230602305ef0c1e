"""Text is text: control characters never get in, and never get out to a terminal or a sheet.

A name, a note or a case that carries an escape sequence (ESC, BEL, C1 codes)
could retitle a terminal, plant a hyperlink or hide text when printed; a NUL
or another C0 code also breaks spreadsheets. So text entering the system
through a person (names, notes, rationales, reasons) is *refused* with a clear
message when it holds one, text arriving in bulk from a case system (case
import) is *cleaned*, and everything printed or exported is cleaned again, in
case it came from an older database.

Tab and newline are text; a carriage return is a line ending and becomes a
newline in multi-line text.
"""

from __future__ import annotations

import re

from moderator.errors import BadInput

# Invisible characters that change how the text around them looks: the bidirectional
# embeddings, overrides and isolates (a team "Team\u202eX" printed reversed, "Trojan
# Source"), the zero-width space and a stray byte-order mark (a name of nothing but them
# passed for a name). Joiners (U+200C, U+200D) and the marks U+200E/F belong to real scripts.
_INVISIBLE = "\u200b\u202a-\u202e\u2066-\u2069\ufeff"
# C0 except tab and newline, DEL, and C1 (which some terminals read as ESC sequences).
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_INVISIBLE}]")
# In a single-line value, tab and newline are control characters too.
_CONTROL_LINE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_INVISIBLE}]")
_LINE_ENDINGS = re.compile(r"\r\n?")


def _describe(char: str) -> str:
    names = {
        "\x00": "NUL",
        "\x07": "BEL",
        "\x1b": "ESC",
        "\x7f": "DEL",
        "\t": "tab",
        "\n": "newline",
        "\u200b": "zero-width space",
        "\u202e": "right-to-left override",
        "\ufeff": "byte-order mark",
    }
    code = f"U+{ord(char):04X}"
    return f"{code} ({names[char]})" if char in names else code


def control_character(value: str, *, multiline: bool = True) -> str | None:
    """The first control character in ``value``, described (``"U+001B (ESC)"``), or None."""
    found = (_CONTROL if multiline else _CONTROL_LINE).search(
        _LINE_ENDINGS.sub("\n", value) if multiline else value
    )
    return None if found is None else _describe(found.group())


def require_plain_text(value: str, what: str, *, multiline: bool = True) -> str:
    """``value`` with line endings made ``\\n``, or BadInput when it holds a control character.

    ``what`` names the field in the message (``"user name"``, ``"evidence note"``).
    Single-line values (names) refuse tab and newline as well.
    """
    bad = control_character(value, multiline=multiline)
    if bad is not None:
        raise BadInput(f"{what}: contains the control character {bad}; only plain text is allowed")
    return _LINE_ENDINGS.sub("\n", value) if multiline else value


def plain_field(
    value: str | None, what: str, limit: int, *, required: bool = True, multiline: bool = True
) -> str | None:
    """A stripped, plain-text field of at most ``limit`` characters; None when empty and optional.

    Raises:
        BadInput: empty when required, too long, or holding a control character.
    """
    text = (value or "").strip()
    if not text:
        if required:
            raise BadInput(f"{what}: must not be empty")
        return None
    if len(text) > limit:
        raise BadInput(f"{what}: at most {limit} characters ({len(text)} given)")
    return require_plain_text(text, what, multiline=multiline)


def strip_controls(value: str, *, multiline: bool = True) -> str:
    """``value`` without control characters (line endings become ``\\n``; in one line, a space)."""
    if multiline:
        return _CONTROL.sub("", _LINE_ENDINGS.sub("\n", value))
    return _CONTROL.sub("", _LINE_ENDINGS.sub(" ", value).replace("\n", " ").replace("\t", " "))


# Cells starting with these are read as formulas by spreadsheet programs (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: str) -> str:
    """A string made safe for a spreadsheet cell: no control characters, never a formula.

    A value that a spreadsheet would read as a formula gets a leading ``'``, the
    OWASP rule for CSV injection. Apply it to text cells only: a number such as
    -0.5 in a numeric column stays a number.
    """
    value = _CONTROL.sub("", value)  # first, so "\x00=cmd" cannot become a formula
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def spreadsheet_cell(value: object) -> object:
    """A cell value for CSV or a sheet: strings made safe (:func:`spreadsheet_text`), numbers kept."""
    return spreadsheet_text(value) if isinstance(value, str) else value
