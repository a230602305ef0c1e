"""Every reader, fed mutated and random input: success or exit 1, never a traceback, nothing changed.

Runs under the suite's Hypothesis profile: ``ci`` (derandomized, the same
examples on every run) by default, ``HYPOTHESIS_PROFILE=explore`` to hunt with
fresh examples; keep anything found as an ``@example``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from moderator.cli import cli
from moderator.store import open_store
from tests.moderation_helpers import dump
from tests.test_packs import Exchange, _round_trip, exchange  # noqa: F401

pytestmark = pytest.mark.usefixtures("mini_rubrics")

# Each example runs a whole command on a real database: fewer than the default 100.
CHECK = settings(
    max_examples=25,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HOSTILE_CHUNKS = [
    b"\x00",
    b"\x1b]0;PWNED\x07",
    b"\xff\xfe",
    b"\xc2\x9b",
    b"[" * 3000,
    b"{" * 3000,
    b"9" * 5000,
    b'"',
    b"\n",
    b"\r\n",
    b",",
    b"&a [*a]",
    b"!!python/object:os.system ls",
    b'=HYPERLINK("x")',
    b"- " * 200,
]

MUTATION = st.tuples(
    st.floats(min_value=0, max_value=1),
    st.sampled_from(["insert", "replace", "delete", "truncate"]),
    st.one_of(st.sampled_from(HOSTILE_CHUNKS), st.binary(min_size=1, max_size=40)),
)


def mutate(data: bytes, mutations: list[tuple[float, str, bytes]]) -> bytes:
    """Apply each mutation at a relative position in the data."""
    out = bytearray(data)
    for where, kind, chunk in mutations:
        pos = int(where * len(out))
        if kind == "insert":
            out[pos:pos] = chunk
        elif kind == "replace":
            out[pos : pos + len(chunk)] = chunk
        elif kind == "delete":
            del out[pos : pos + len(chunk)]
        else:
            del out[pos:]
    return bytes(out)


INPUTS = st.one_of(
    st.lists(MUTATION, min_size=1, max_size=4).map(lambda m: ("mutate", m)),
    st.binary(max_size=2000).map(lambda b: ("random", b)),
)


def _bytes_for(valid: bytes, drawn: tuple[str, object]) -> bytes:
    kind, value = drawn
    if kind == "random":
        assert isinstance(value, bytes)
        return value
    assert isinstance(value, list)
    return mutate(valid, value)


def no_traceback(result: Result) -> None:
    """Exit 0 or 1, and when 1, a message rather than a crash."""
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output


def unchanged_unless_ok(db: Path, command: Callable[[], Result]) -> None:
    with open_store(db) as store:
        before = dump(store)
    result = command()
    no_traceback(result)
    if result.exit_code == 1:
        with open_store(db) as store:
            assert dump(store) == before


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


VALID_JSONL = (
    json.dumps(
        {
            "case_id": "MOS-1",
            "team": "North",
            "service_area": "help_and_protection",
            "opened": "2021-02-11",
            "child": {"name": "Kayden Smith", "dob": "2014-03-04"},
            "family": [{"name": "Leanne Smith", "relationship": "mother"}],
            "text": "Kayden was seen alone; Leanne was at work.",
        }
    )
    + "\n"
).encode()
VALID_CSV = (
    b"case_id,team,service_area,opened,child_name,family,text\n"
    b'MOS-2,North,cic,2021-02-11,Kay Holt,Gary Holt (father),"Seen, alone ""today"""\n'
)


@pytest.mark.parametrize(
    ("suffix", "valid"), [(".jsonl", VALID_JSONL), (".csv", VALID_CSV)], ids=["jsonl", "csv"]
)
def test_case_import_survives_any_input(tmp_path: Path, suffix: str, valid: bytes) -> None:
    db = tmp_path / "m.db"
    assert run("user", "add", "lee", "--role", "lead", "--db", db).exit_code == 0
    path = tmp_path / f"cases{suffix}"

    @CHECK
    @given(INPUTS)
    @example(("mutate", [(0.5, "insert", b"[" * 3000)]))
    @example(("mutate", [(0.3, "insert", b"9" * 5000)]))
    @example(("mutate", [(0.9, "insert", b"\x00\x1b")]))
    def check(drawn: tuple[str, object]) -> None:
        path.write_bytes(_bytes_for(valid, drawn))
        unchanged_unless_ok(
            db,
            lambda: run(
                "import", "cases", path, "--db", db, "--as", "lee", "--key-file", tmp_path / "k"
            ),
        )

    check()


def test_rubric_validation_survives_any_input(tmp_path: Path) -> None:
    rubrics = Path(__file__).parent / "data" / "rubrics"
    shutil.copy(rubrics / "sources.yaml", tmp_path)
    valid = (rubrics / "mini.yaml").read_bytes()
    path = tmp_path / "mini.yaml"

    @CHECK
    @given(INPUTS)
    @example(("mutate", [(0.5, "insert", b"[" * 3000)]))
    @example(("mutate", [(0.2, "replace", b"\x1b")]))
    def check(drawn: tuple[str, object]) -> None:
        path.write_bytes(_bytes_for(valid, drawn))
        no_traceback(run("rubric", "validate", path))

    check()


def test_pack_import_and_open_survive_any_input(
    exchange: Exchange,  # noqa: F811
    tmp_path: Path,
) -> None:
    good = _round_trip(exchange, tmp_path / "return.json").read_bytes()
    request = exchange.request.read_bytes()
    a_db = exchange.a.folder / "moderator.db"
    b_db = exchange.b.folder / "moderator.db"
    exchange.a.store.close()
    exchange.b.store.close()
    path = tmp_path / "pack.json"

    @CHECK
    @given(INPUTS, st.booleans())
    @example(("mutate", [(0.5, "insert", b"[" * 3000)]), True)
    @example(("mutate", [(0.4, "insert", b"7" * 5000)]), False)
    def check(drawn: tuple[str, object], is_return: bool) -> None:
        path.write_bytes(_bytes_for(good if is_return else request, drawn))
        unchanged_unless_ok(
            a_db,
            lambda: run(
                "pack", "import", path, "--db", a_db, "--as", "lee", "--key-file", exchange.a.key
            ),
        )
        unchanged_unless_ok(b_db, lambda: run("pack", "open", path, "--db", b_db, "--as", "kim"))

    check()
