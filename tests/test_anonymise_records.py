"""Reading case-system exports: every row validated, every problem named by file, line, field."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from moderator.anonymise.records import RawCase, read_cases
from moderator.errors import BadInput

CASE: dict[str, Any] = {
    "case_id": "MOS-100234",
    "team": "Safeguarding North",
    "service_area": "help_and_protection",
    "opened": "2019-04-02",
    "worker": "Jane Doe",
    "child": {
        "name": "Kayden Smith",
        "dob": "2012-03-04",
        "address": "12 Fenton Road, Hanley",
        "postcode": "ST1 2AB",
        "nhs_number": "943 476 5919",
        "upn": None,
    },
    "family": [{"name": "Leanne Smith", "relationship": "mother"}],
    "text": "Free text: case summary or extracts from the record.",
}
HEADER = (
    "case_id,team,service_area,opened,worker,child_name,child_dob,child_address,"
    "child_postcode,child_nhs_number,child_upn,family,text"
)


def case(**changes: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(CASE))
    for key, value in changes.items():
        if "__" in key:
            outer, inner = key.split("__")
            data[outer][inner] = value
        else:
            data[key] = value
    return data


def write_jsonl(path: Path, *rows: Any) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(BadInput) as info:
        read_cases(path)
    return info.value.details


def test_reads_the_contract_example(tmp_path: Path) -> None:
    [c] = read_cases(write_jsonl(tmp_path / "cases.jsonl", CASE))
    assert c.case_id == "MOS-100234"
    assert c.opened == date(2019, 4, 2)
    assert c.child.dob == date(2012, 3, 4)
    assert c.child.postcode == "ST1 2AB"
    assert c.family[0].relationship == "mother"
    assert c.source_line == 1


def test_blank_lines_are_skipped_and_lines_are_physical(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    bad = case(case_id="B-2", opened="31/02/2012")
    path.write_text(f"\n{json.dumps(CASE)}\n\n\n{json.dumps(bad)}\n", encoding="utf-8")
    assert problems(path) == [f'{path}:5: opened: not a date: "31/02/2012"']


def test_accepts_uk_date_forms_and_tidies_identifiers(tmp_path: Path) -> None:
    rows = [
        case(case_id="A1", opened="04/03/2019", child__dob="4 March 2012"),
        case(case_id="A2", opened="4th March 2019", child__dob="04-03-2012"),
        case(
            case_id=100235,
            opened="2019-03-04",
            child__dob="04.03.2012",
            child__postcode="st12ab",
            child__nhs_number=9434765919,
        ),
    ]
    cases = read_cases(write_jsonl(tmp_path / "cases.jsonl", *rows))
    assert {c.opened for c in cases} == {date(2019, 3, 4)}
    assert {c.child.dob for c in cases} == {date(2012, 3, 4)}
    assert cases[2].case_id == "100235"
    assert cases[2].child.postcode == "ST1 2AB"
    assert cases[2].child.nhs_number == "943 476 5919"


def test_service_area_spellings(tmp_path: Path) -> None:
    rows = [
        case(case_id="A1", service_area="Help and protection"),
        case(case_id="A2", service_area="children in care"),
        case(case_id="A3", service_area="Care leavers"),
    ]
    areas = [c.service_area for c in read_cases(write_jsonl(tmp_path / "c.jsonl", *rows))]
    assert areas == ["help_and_protection", "children_in_care", "care_leavers"]


def test_every_problem_in_the_file_is_listed_at_once(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "cases.jsonl",
        CASE,
        case(service_area="early help", child__dob="31/02/2012", team=""),
        {k: v for k, v in CASE.items() if k not in ("team", "text")} | {"case_id": "X9"},
    )
    found = problems(path)
    assert f'{path}:2: case_id: duplicate "MOS-100234" (first on line 1)' in found
    assert any(
        p.startswith(f'{path}:2: service_area: unknown service area "early help"') for p in found
    )
    assert f'{path}:2: child.dob: not a date: "31/02/2012"' in found
    assert f"{path}:2: team: must not be empty" in found
    assert f"{path}:3: team: required field is missing" in found
    assert f"{path}:3: text: required field is missing" in found


def test_unknown_and_nested_fields_are_named(tmp_path: Path) -> None:
    row = case(child__nhs="943 476 5919")
    row["family"] = [{"name": "Leanne Smith"}]
    found = problems(write_jsonl(tmp_path / "c.jsonl", row))
    assert any(p.endswith("child.nhs: unknown field") for p in found)
    assert any(p.endswith("family[1].relationship: required field is missing") for p in found)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(BadInput, match="empty file"):
        read_cases(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="file not found"):
        read_cases(tmp_path / "nope.csv")


def test_non_utf8_bytes_name_the_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    good = HEADER + "\n"
    path.write_bytes(good.encode() + b"A1,Team,cic,2019-01-01,,Zo\xeb,,,,,,,text\n")
    [problem] = problems(path)
    assert problem.startswith(f"{path}:2: not UTF-8: byte 0xEB at column ")


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(CASE) + "\n{not json\n[1, 2]\n", encoding="utf-8")
    found = problems(path)
    assert found[0].startswith(f"{path}:2: invalid JSON:")
    assert found[1] == f"{path}:3: expected a JSON object, got list"


def test_a_json_array_is_read_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    path.write_text(
        json.dumps([CASE, case(case_id="B2", opened="soon")], indent=2), encoding="utf-8"
    )
    [problem] = problems(path)
    assert problem.startswith(f"{path}:")
    line = int(problem.split(":")[1])
    assert path.read_text().splitlines()[line - 1].strip() == "{"
    assert 'opened: not a date: "soon"' in problem


def csv_text(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def test_reads_csv_with_flattened_fields_and_family(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(
        csv_text(
            "MOS-1,Safeguarding North,help_and_protection,02/04/2019,Jane Doe,Kayden Smith,"
            '04/03/2012,"12 Fenton Road, Hanley",ST1 2AB,943 476 5919,,'
            '"Leanne Smith (mother); Gary Holt (mum\'s partner)","Line one,\nline two"'
        ),
        encoding="utf-8",
    )
    [c] = read_cases(path)
    assert c.child.address == "12 Fenton Road, Hanley"
    assert [(m.name, m.relationship) for m in c.family] == [
        ("Leanne Smith", "mother"),
        ("Gary Holt", "mum's partner"),
    ]
    assert c.text == "Line one,\nline two"
    assert c.child.upn is None


def test_csv_lines_are_physical_when_text_spans_lines(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    first = 'A1,T,cic,2019-01-01,,Kay Smith,,,,,,,"two\nlines"'
    second = "A2,T,cic,2019-01-01,,Kay Smith,31/02/2012,,,,,,text"
    path.write_text(csv_text(first, second), encoding="utf-8")
    assert problems(path) == [f'{path}:4: child.dob: not a date: "31/02/2012"']


def test_csv_missing_and_unknown_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text("case_id,team,childname,opened\nA1,T,Kay,2019-01-01\n", encoding="utf-8")
    found = problems(path)
    assert f"{path}:1: missing column(s): service_area, child_name, text" in found
    assert any(p.startswith(f"{path}:1: unknown column(s): 'childname'") for p in found)


def test_csv_bad_family_and_row_length(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(
        csv_text(
            "A1,T,cic,2019-01-01,,Kay Smith,,,,,,Leanne Smith mother,text",
            "A2,T,cic,2019-01-01,,Kay Smith",
        ),
        encoding="utf-8",
    )
    found = problems(path)
    assert found[0].startswith(f'{path}:2: family: cannot read "Leanne Smith mother"')
    assert found[1] == f"{path}:3: 6 values but the header (line 1) has 13 columns"


def test_csv_with_excel_bom_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    text = csv_text("A1;T;cic;2019-01-01;;Kay Smith;;;;;;;text", header=HEADER.replace(",", ";"))
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    [c] = read_cases(path)
    assert c.service_area == "children_in_care"


def test_format_is_sniffed_without_a_known_extension(tmp_path: Path) -> None:
    as_json = write_jsonl(tmp_path / "export.txt", CASE)
    as_csv = tmp_path / "export.dat"
    as_csv.write_text(csv_text("A1,T,cic,2019-01-01,,Kay Smith,,,,,,,text"), encoding="utf-8")
    assert read_cases(as_json)[0].case_id == "MOS-100234"
    assert read_cases(as_csv)[0].case_id == "A1"


def test_closed_before_opened_and_future_dob(tmp_path: Path) -> None:
    found = problems(
        write_jsonl(tmp_path / "c.jsonl", case(closed="2019-01-01", child__dob="2099-01-01"))
    )
    assert any("closed: closed 2019-01-01 is before opened 2019-04-02" in p for p in found)
    assert any("child.dob: date of birth is in the future" in p for p in found)


def test_bad_identifiers_in_structured_fields(tmp_path: Path) -> None:
    found = problems(
        write_jsonl(
            tmp_path / "c.jsonl",
            case(child__postcode="Hanley", child__nhs_number="12345", child__upn="123"),
        )
    )
    assert any('child.postcode: not a UK postcode: "Hanley"' in p for p in found)
    assert any("child.nhs_number: not an NHS number" in p for p in found)
    assert any("child.upn: not a UPN" in p for p in found)


def test_raw_case_validates_directly() -> None:
    c = RawCase.model_validate(case(key_dates={"icpc": "12/05/2019"}))
    assert c.key_dates == {"icpc": date(2019, 5, 12)}
    assert c.source_line is None
