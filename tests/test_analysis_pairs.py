"""Reading and writing the paired-grades CSV."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from moderator.analysis.paired_csv import read_paired_csv
from moderator.analysis.pairs import (
    HEADER,
    MAX_REPORTED_PROBLEMS,
    PairedGrades,
    write_paired_csv,
)
from moderator.errors import BadInput

HEAD = ",".join(HEADER)


def _write(tmp_path: Path, text: str, name: str = "pairs.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_reads_words_numbers_and_unmoderated_rows(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        f"{HEAD}\n"
        "A1,C1,ilacs,overall,Sam,North,help_and_protection,2020-01-10,Good,Inadequate\n"
        "A1,C1,ilacs,risk,Sam,North,help_and_protection,2020-01-10,2,4\n"
        'A2,C2,ilacs,overall,Kim,South,children_in_care,2020-02-01,"Requires improvement",\n'
        "A2,C2,ilacs,risk,Kim,South,children_in_care,2020-02-01,RI,  \n",
    )
    pairs = read_paired_csv(path)
    assert len(pairs) == 4
    assert pairs.manager_grade.tolist() == [2, 2, 3, 3]
    assert pairs.moderated_grade.tolist() == [4, 4, 0, 0]
    assert pairs.is_overall.tolist() == [True, False, True, False]
    assert pairs.is_moderated.tolist() == [True, True, False, False]
    assert pairs.manager.values().tolist() == ["Sam", "Sam", "Kim", "Kim"]
    assert pairs.audited_on[2] == np.datetime64("2020-02-01")
    assert pairs.domain is None


def test_columns_in_any_order_extra_columns_and_a_domain(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "Moderated_Grade,manager_grade,notes,domain,audited_on,service_area,team,manager,"
        "criterion,rubric,case_ref,audit_id\n"
        "Inadequate,Good,anything,Safety,2021-03-04,hp,North, Sam ,risk,ilacs,C1,A1\n",
    )
    pairs = read_paired_csv(path)
    assert pairs.manager.values().tolist() == ["Sam"]  # surrounding spaces dropped
    assert pairs.domain is not None and pairs.domain.values().tolist() == ["Safety"]
    assert pairs.moderated_grade.tolist() == [4]


def test_a_byte_order_mark_and_crlf_line_ends_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        ("\ufeff" + HEAD + "\r\n" + "A1,C1,r,overall,m,t,s,2020-01-01,1,2\r\n").encode()
    )
    assert read_paired_csv(path).moderated_grade.tolist() == [2]


def test_header_only_is_an_empty_table(tmp_path: Path) -> None:
    pairs = read_paired_csv(_write(tmp_path, HEAD + "\n"))
    assert len(pairs) == 0


def _problems(path: Path) -> list[str]:
    with pytest.raises(BadInput) as caught:
        read_paired_csv(path)
    return caught.value.details or [caught.value.message]


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "audit_id,manager,manager_grade\nA1,m,1\n")
    with pytest.raises(BadInput) as caught:
        read_paired_csv(path)
    message = str(caught.value)
    assert f"{path}:1: header:" in message
    for column in ("case_ref", "criterion", "audited_on", "moderated_grade"):
        assert column in message


def test_every_bad_row_is_named_with_file_line_and_column(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        f"{HEAD}\n"
        "A1,C1,r,overall,m1,t,s,2020-01-10,Good,Inadequate\n"
        "\n"  # a blank line: skipped, but line numbers still count it
        "A1,C1,r,risk,m1,t,s,2020-01-10,Excellent,\n"
        'A2,C2,r,overall,m2,t,s,2020-13-10,2,"Requires\nimprovement"\n'
        "A2,C2,r,risk,m2,t,s,2020-01-10,5,ri\n"
        "A3,C3,r,overall,,t,s,,,\n",
    )
    problems = _problems(path)
    assert problems == [
        f"{path}:4: manager_grade: not a grade: 'Excellent' (use 1-4, Outstanding, Good, "
        "RI / Requires improvement (to be good), or Inadequate)",
        f"{path}:5: audited_on: not a date: '2020-13-10' (use YYYY-MM-DD)",
        f"{path}:7: manager_grade: not a grade: '5' (use 1-4, Outstanding, Good, "
        "RI / Requires improvement (to be good), or Inadequate)",
        f"{path}:8: manager: empty",
        f"{path}:8: audited_on: missing date",
        f"{path}:8: manager_grade: missing (every row needs the manager's grade)",
    ]


def test_rows_with_the_wrong_number_of_fields(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        f"{HEAD}\nA1,C1,r,overall,m,t,s,2020-01-01,1,2\nA2,C2,r,overall,m,t,s,2020-01-01,1\n"
        "A3,C3,r,overall,m,t,s,2020-01-01,1,2,extra\n",
    )
    assert _problems(path) == [
        f"{path}:3: row: expected 10 fields as in the header, found 9",
        f"{path}:4: row: expected 10 fields as in the header, found 11",
    ]


def test_duplicates_and_inconsistent_audits_are_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        f"{HEAD}\n"
        "A1,C1,r,overall,m1,t,s,2020-01-01,1,2\n"
        "A1,C1,r,risk,m2,t,s,2020-01-01,1,2\n"
        "A1,C1,r,overall,m1,t,s,2020-01-01,1,2\n",
    )
    problems = _problems(path)
    assert any(p.startswith(f"{path}:3: manager: audit 'A1' has manager 'm2'") for p in problems)
    assert any(p.startswith(f"{path}:4: criterion: audit 'A1' already has") for p in problems)


def test_many_problems_are_summarised(tmp_path: Path) -> None:
    rows = "".join(f"A{i},C,r,overall,m,t,s,2020-01-01,bad,\n" for i in range(150))
    with pytest.raises(BadInput) as caught:
        read_paired_csv(_write(tmp_path, HEAD + "\n" + rows))
    assert caught.value.message.endswith("150 problem(s); nothing was read")
    assert len(caught.value.details) == MAX_REPORTED_PROBLEMS + 1
    assert caught.value.details[-1] == "... and 50 more problem(s)"


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="cannot read the file"):
        read_paired_csv(tmp_path / "missing.csv")
    with pytest.raises(BadInput, match="header: the file is empty"):
        read_paired_csv(_write(tmp_path, ""))
    latin = tmp_path / "latin.csv"
    latin.write_bytes((HEAD + "\nA1,C1,r,overall,Zoë,t,s,2020-01-01,1,2\n").encode("latin-1"))
    with pytest.raises(BadInput, match="not UTF-8"):
        read_paired_csv(latin)


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    rows = [
        ("A1", "C1", "ilacs", "overall", "Sam, Jr", "North", "hp", date(2020, 1, 10), 2, 4, None),
        ("A1", "C1", "ilacs", "risk", "Sam, Jr", "North", "hp", date(2020, 1, 10), 2, 3, "Safety"),
        ("A2", "C2", "ilacs", "overall", 'K "J"', "South", "cic", "2020-02-01", "RI", None, None),
    ]
    pairs = PairedGrades.from_rows(rows)
    out = tmp_path / "out.csv"
    write_paired_csv(pairs, out)
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEAD + ",domain"
    assert "Requires improvement to be good" in text
    back = read_paired_csv(out)
    for name in ("audit_id", "manager", "team", "criterion", "domain"):
        assert getattr(back, name).values().tolist() == getattr(pairs, name).values().tolist()
    assert back.manager_grade.tolist() == [2, 2, 3]
    assert back.moderated_grade.tolist() == [4, 3, 0]
    assert back.audited_on.tolist() == pairs.audited_on.tolist()


def test_from_rows_accepts_mappings_and_reports_bad_rows() -> None:
    good = {
        "audit_id": "A1",
        "case_ref": "C1",
        "rubric": "r",
        "criterion": "overall",
        "manager": "m",
        "team": "t",
        "service_area": "s",
        "audited_on": date(2020, 1, 1),
        "manager_grade": 1,
        "moderated_grade": None,
    }
    pairs = PairedGrades.from_rows([good])
    assert pairs.moderated_grade.tolist() == [0]
    with pytest.raises(BadInput) as caught:
        PairedGrades.from_rows([good, {**good, "audit_id": "A2", "manager_grade": 7}])
    assert caught.value.details == [
        "row 2: manager_grade: not a grade: 7 (use 1-4, Outstanding, Good, "
        "RI / Requires improvement (to be good), or Inadequate)"
    ]


def test_writes_to_a_text_stream() -> None:
    pairs = PairedGrades.from_rows(
        [("A1", "C1", "r", "overall", "m", "t", "s", "2020-01-01", 1, 2)]
    )
    buffer = io.StringIO()
    write_paired_csv(pairs, buffer)
    assert buffer.getvalue() == f"{HEAD}\nA1,C1,r,overall,m,t,s,2020-01-01,Outstanding,Good\n"


def test_select_keeps_columns_aligned() -> None:
    pairs = PairedGrades.from_rows(
        [
            ("A1", "C1", "r", "overall", "m1", "t", "s", "2020-01-01", 1, 2),
            ("A2", "C2", "r", "overall", "m2", "t", "s", "2020-06-01", 3, None),
        ]
    )
    later = pairs.select(pairs.audited_on > np.datetime64("2020-03-01"))
    assert later.manager.values().tolist() == ["m2"]
    assert later.manager_grade.tolist() == [3]
    assert later.drift.tolist() == [-3]  # meaningful only where moderated
    assert not later.is_moderated.any()
