"""What the import screen says: about the path typed, each doubt, and the decisions made.

Plain functions of the doubts (no Textual), so that the words are tested on their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from moderator.anonymise.review import Doubtful

ALL_SEEN_HINT = (
    "All doubts are seen: press ↑ (or p) to go back to one and change its decision, or i to import."
)
"""r, k or s once every doubt is seen: they did nothing, and said nothing."""


def path_problem(typed: str, cwd: Path | None = None) -> str | None:
    """Why the path typed names no case file to read, in plain words; None if it may."""
    if not typed.strip():
        return "Type the path of a JSONL or CSV case file."
    path = Path(typed.strip()).expanduser()
    if path.is_dir():
        return f"{path} is a folder: type the path of a JSONL or CSV case file."
    if path.exists():
        return None
    for parent in reversed(path.parents):
        if parent != Path(".") and parent.exists() and not parent.is_dir():
            return f"{parent} is a file, not a folder: type the path of the case file itself."
    if path.is_absolute():
        return f"File not found: {path}"
    folder = cwd or Path.cwd()
    return (
        f"File not found: {path} was looked for in {folder} (the folder the workbench was "
        "started in). Type the full path, starting with / or ~."
    )


def _places(doubts: Sequence[Doubtful], value: str) -> list[int]:
    """The doubts (numbered from 1) where ``value`` is written."""
    return [n for n, d in enumerate(doubts, 1) if d.value == value]


def _numbers(places: list[int]) -> str:
    said = [str(n) for n in places]
    return ", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else said[0]


def decision_said(doubts: Sequence[Doubtful], value: str, decision: str) -> str:
    """What one decision did: every place the same words are written is decided at once."""
    verb = "Redact" if decision == "redact" else "Keep"
    places = _places(doubts, value)
    if len(places) < 2:
        return f"{verb} '{value}'."
    return (
        f"{verb} '{value}': applies to all {len(places)} places '{value}' is written "
        f"(doubts {_numbers(places)})."
    )


def doubt_text(doubts: Sequence[Doubtful], index: int, decided: Callable[[str], str | None]) -> str:
    """The doubt at ``index`` in its sentence with its decision, or the summary after the
    last; ``decided`` gives the decision taken about a value (None: not decided)."""
    if not doubts:
        return ""
    if index >= len(doubts):
        return summary(doubts, decided)
    d = doubts[index]
    now = f"redacted as {d.placeholder}" if d.redacted else f"kept (would be {d.placeholder})"
    places = _places(doubts, d.value)
    choice = decided(d.value)
    if choice is not None:
        said = f"Decided: {choice}"
        if len(places) > 1:
            said += f", in all {len(places)} places '{d.value}' is written"
        said += ". r or k changes it."
    elif len(places) > 1:
        said = (
            f"'{d.value}' is written in {len(places)} places (doubts {_numbers(places)}): "
            "r or k decides them all."
        )
    else:
        said = "Not decided yet."
    back = "   ↑ back" if index else ""
    return (
        f"Doubt {index + 1} of {len(doubts)} · line {d.line} · {d.kind} · "
        f"confidence {d.confidence:.2f} · {now}\n\n{d.context()}\n\n{said}\n\n"
        f"r redact   k keep   s skip{back}   i import"
    )


def summary(doubts: Sequence[Doubtful], decided: Callable[[str], str | None]) -> str:
    """Once every doubt is seen: how many are decided, counted as the doubts are (places)."""
    choices = [decided(d.value) for d in doubts]
    redact, keep = choices.count("redact"), choices.count("keep")
    left = len(doubts) - redact - keep
    undecided = f"; {left} left as the redactor chose" if left else ""
    return (
        f"All doubts seen: {redact + keep} of {len(doubts)} decided "
        f"({redact} redact, {keep} keep){undecided}.\n"
        "Press i to import, or ↑ (or p) to go back to a doubt and change its decision."
    )
