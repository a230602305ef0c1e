"""The grading verbs, built once for ``moderator audit`` and ``moderator moderation``.

``grade``, ``override`` and ``submit`` work on a grade sheet whatever it is:
a manager's audit or a moderator's blind grading. Each group describes its
sheet with a :class:`SheetVerbs` and gets the three commands from
:func:`add_grading_verbs`; the rules are in the services.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from moderator.cli.common import acting_user, common_options, open_for
from moderator.errors import BadInput


def _no_more(store: Any, actor: Any, sheet_id: int) -> list[str]:
    return []


@dataclass(frozen=True)
class SheetVerbs:
    """How one command group names its sheet and what its verbs say."""

    noun: str
    """``audit`` or ``moderation``: the start of every message."""
    overall: str
    """How the overall grade is named in messages (``overall`` or ``your overall``)."""
    target: Callable[[Any, Any, int], Any]
    """Opens the sheet (``store, actor, id``) as a :class:`~moderator.services.grading.GradingTarget`."""
    grade_help: str
    override_help: str
    submit_help: str
    after_submit: Callable[[Any, Any, int], list[str]] = _no_more
    """Lines printed after a submission (``store, actor, id``), such as what to do next."""

    @property
    def metavar(self) -> str:
        """The id argument as usage shows it (``AUDIT_ID``)."""
        return f"{self.noun.upper()}_ID"


def expect_version_option(noun: str, doing: str) -> Callable[[Any], Any]:
    """``--expect-version N``: ``doing`` (``Submit``, ``Save``) only while the sheet is at
    version N, as ``show`` gave it; the same guard and message for every grading verb."""
    return click.option(
        "--expect-version",
        type=int,
        default=None,
        help=f"{doing} only if the {noun} is still at this version (as `show` gave it):"
        " refused, nothing written, if it changed since.",
    )


@contextmanager
def what_next_if_changed(noun: str, sheet_id: int, verb: str = "show") -> Iterator[None]:
    """A refused ``--expect-version`` says how to get the version to try again with
    (``moderator NOUN VERB ID``)."""
    from moderator.errors import SheetChanged

    try:
        yield
    except SheetChanged as exc:
        raise SheetChanged(
            f"{exc.message}; run `moderator {noun} {verb} {sheet_id}` for its current version",
            details=exc.details,
        ) from exc


def _incomplete(noun: str, sheet_id: int, target: Any) -> list[str]:
    """What a sheet still needs, each criterion by its id (what ``grade`` takes) and title,
    and the command that does it."""
    from moderator.domain.grade_sheet import incomplete_items

    sheet = target.load()
    items = incomplete_items(sheet.rubric, sheet.entries, sheet.override, sheet.override_reason)
    titles = {c.id: c.title for c in sheet.rubric.criteria}
    lines = [f"  - {crit} ({titles[crit]}): {why}" if crit else f"  - {why}" for crit, why in items]
    if any(crit for crit, _ in items):
        lines.append(
            f"next: moderator {noun} grade {sheet_id} CRITERION GRADE --note TEXT"
            " (CRITERION: an id above)"
        )
    return lines


def add_grading_verbs(group: click.Group, verbs: SheetVerbs) -> None:
    """Add ``grade``, ``override`` and ``submit`` for ``verbs``' sheet to ``group``."""

    @group.command("grade", help=verbs.grade_help)
    @click.argument("sheet_id", metavar=verbs.metavar, type=int)
    @click.argument("criterion")
    @click.argument("grade")
    @click.option("--note", default=None, help="Evidence note (required before submitting).")
    @expect_version_option(verbs.noun, "Save")
    @common_options
    @click.pass_context
    def grade(
        ctx: click.Context,
        sheet_id: int,
        criterion: str,
        grade: str,
        note: str | None,
        expect_version: int | None,
        db: Path | None,
        user: str | None,
    ) -> None:
        from moderator.domain.grades import Grade

        parsed = Grade.parse(grade)
        store, who = open_for(ctx, db, user)
        with store:
            target = verbs.target(store, acting_user(store, who), sheet_id)
            with what_next_if_changed(verbs.noun, sheet_id):
                version = target.save(criterion, grade=parsed, note=note, expected=expect_version)
            sheet = target.load()
        graded = sum(e.grade is not None for e in sheet.entries)
        overall = target.overall(sheet.entries, sheet.override, sheet.override_reason)
        click.echo(
            f"{verbs.noun} {sheet_id}: {criterion} = {parsed.label};"
            f" {graded}/{len(sheet.rubric.criteria)} graded;"
            f" {verbs.overall} {overall.explanation}"
        )
        click.echo(f"saved (version {version})")

    @group.command("override", help=verbs.override_help)
    @click.argument("sheet_id", metavar=verbs.metavar, type=int)
    @click.argument("grade", required=False)
    @click.option(
        "--reason", default=None, help="Why the derived overall grade is wrong (required)."
    )
    @click.option("--clear", is_flag=True, help="Remove the override.")
    @expect_version_option(verbs.noun, "Save")
    @common_options
    @click.pass_context
    def override(
        ctx: click.Context,
        sheet_id: int,
        grade: str | None,
        reason: str | None,
        clear: bool,
        expect_version: int | None,
        db: Path | None,
        user: str | None,
    ) -> None:
        from moderator.domain.grades import Grade

        if not clear and grade is None:
            raise click.UsageError("give a GRADE (or --clear)")
        parsed = None if clear else Grade.parse(grade)
        store, who = open_for(ctx, db, user)
        with store:
            target = verbs.target(store, acting_user(store, who), sheet_id)
            with what_next_if_changed(verbs.noun, sheet_id):
                version = target.set_override(parsed, reason, expected=expect_version)
        click.echo(
            f"{verbs.noun} {sheet_id}: overall "
            + ("override cleared" if parsed is None else f"overridden to {parsed.label}")
            + f"; saved (version {version})"
        )

    @group.command("submit", help=verbs.submit_help)
    @click.argument("sheet_id", metavar=verbs.metavar, type=int)
    @expect_version_option(verbs.noun, "Submit")
    @common_options
    @click.pass_context
    def submit(
        ctx: click.Context,
        sheet_id: int,
        expect_version: int | None,
        db: Path | None,
        user: str | None,
    ) -> None:
        store, who = open_for(ctx, db, user)
        with store:
            actor = acting_user(store, who)
            target = verbs.target(store, actor, sheet_id)
            try:
                with what_next_if_changed(verbs.noun, sheet_id):
                    sheet = target.submit(expected=expect_version)
            except BadInput as exc:  # not complete: list by id, and say what to run
                if not exc.details:
                    raise
                raise BadInput(
                    exc.message, details=_incomplete(verbs.noun, sheet_id, target)
                ) from exc
            more = verbs.after_submit(store, actor, sheet_id)
        final = target.overall(sheet.entries, sheet.override, sheet.override_reason).final
        click.echo(
            f"{verbs.noun} {sheet_id} submitted: {verbs.overall}"
            f" {'' if final is None else final.label} (now read-only)"
        )
        for line in more:
            click.echo(line)
