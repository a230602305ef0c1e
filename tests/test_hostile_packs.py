"""Names that arrive through a signed return pack are text too, at the authority that imports it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.cli import cli
from moderator.errors import BadInput
from moderator.exchange.packs import import_return
from moderator.exchange.seal import canonical_file_bytes, seal_return
from tests.moderation_helpers import dump
from tests.test_packs import Exchange, _round_trip, exchange  # noqa: F401

pytestmark = pytest.mark.usefixtures("mini_rubrics")

LINK = "Kim [link=https://evil.example]x[/link]"


def _resealed_with_moderator(ex: Exchange, tmp_path: Path, name: str) -> Path:
    """A genuine return, its moderator renamed, sealed again with the request's token.

    Whoever holds the request holds the token (a bearer secret), so this is
    what a hostile moderating authority can send.
    """
    good = _round_trip(ex, tmp_path / "return.json")
    token = json.loads(ex.request.read_bytes())["return_token"]
    doc = json.loads(good.read_bytes())
    for moderation in doc["moderations"]:
        moderation["moderator"] = name
    doc.pop("seal")
    doc["seal"] = seal_return(doc, token)
    path = tmp_path / "renamed.json"
    path.write_bytes(canonical_file_bytes(doc))
    return path


def test_a_return_naming_its_moderator_with_escape_codes_is_refused(
    exchange: Exchange,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = _resealed_with_moderator(exchange, tmp_path, "Kim \x1b]0;PWNED\x07")
    before = dump(exchange.a.store)
    with pytest.raises(BadInput, match=r"moderations\.0\.moderator: .*U\+001B \(ESC\)"):
        import_return(exchange.a.store, exchange.a.users["lee"], path, key_path=exchange.a.key)
    assert dump(exchange.a.store) == before


def test_a_name_with_markup_from_a_return_shows_as_typed(
    exchange: Exchange,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    path = _resealed_with_moderator(exchange, tmp_path, LINK)
    result = import_return(exchange.a.store, exchange.a.users["lee"], path, key_path=exchange.a.key)
    db = exchange.a.folder / "moderator.db"
    runner = CliRunner()
    listed = runner.invoke(cli, ["moderation", "list", "--db", str(db), "--as", "lee"])
    assert listed.exit_code == 0, listed.output
    assert f"{LINK} (Cheshire East)" in listed.output, listed.output
    review = runner.invoke(
        cli,
        ["moderation", "review", str(result.moderation_ids[0]), "--db", str(db), "--as", "lee"],
    )
    assert review.exit_code == 0, review.output
    assert LINK in review.output
