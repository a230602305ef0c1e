"""The committed sample_audits/ are what the generator makes, and read back cleanly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderator.demo import sample_audits_dir
from moderator.errors import BadInput
from moderator.synth.file_lines import AUDITS, CASES, MODERATIONS, SAMPLES, USERS
from moderator.synth.files import read_plan
from moderator.synth.sample import main


def test_committed_sample_matches_the_generator(tmp_path: Path) -> None:
    """If this fails, regenerate: python -m moderator.synth.sample --out sample_audits."""
    assert main(["--out", str(tmp_path)]) == 0
    for name in (USERS, SAMPLES, CASES, AUDITS, MODERATIONS):
        committed = (sample_audits_dir() / name).read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == committed, name


def test_sample_reads_back_with_the_story_shape() -> None:
    chunk = read_plan(sample_audits_dir()).merged()
    assert len(chunk.audits) == 153
    # December's import brought five cases no programme has taken: the lead can assign them
    audited = {a.case_key for a in chunk.audits}
    assert len(chunk.cases) == 158
    assert len([c for c in chunk.cases if c.key not in audited]) == 5
    assert {a.manager for a in chunk.audits} == {
        "Gillian Hargreaves",
        "Colin Ashworth",
        "Naomi Okonkwo",
        "Rupert Pemberton",
        "Sunita Sandhu",
        "Desmond Yardley",
        "Fiona Blackwood",
        "Imogen Venables",
        "Howard Lockwood",
    }
    visit = next(s for s in chunk.samples if s.hand_picked)
    outcomes = [m.outcome for m in chunk.moderations if m.sample_key == visit.key]
    assert outcomes.count("downgraded") >= 0.75 * len(outcomes)  # "the vast majority"
    # every disagreement in a reviewed moderation carries a rationale
    audits = {a.key: a for a in chunk.audits}
    for m in chunk.moderations:
        if m.status == "reviewed":
            for criterion, entry in m.grades.items():
                if entry.grade != audits[m.audit_key].grades[criterion].grade:
                    assert m.review[criterion].rationale


def test_broken_sample_files_name_file_line_and_field(tmp_path: Path) -> None:
    for name in (USERS, SAMPLES, CASES, AUDITS, MODERATIONS):
        (tmp_path / name).write_text(
            (sample_audits_dir() / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    lines = (tmp_path / AUDITS).read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[2])
    broken["grades"][next(iter(broken["grades"]))]["grade"] = "Brilliant"
    lines[2] = json.dumps(broken)
    (tmp_path / AUDITS).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        read_plan(tmp_path)
    text = str(caught.value)
    assert f"{tmp_path / AUDITS}:3: grades." in text and "not a grade: 'Brilliant'" in text


def test_a_key_given_twice_in_a_sample_file_is_refused_with_its_line(tmp_path: Path) -> None:
    """``users.yaml`` with a second ``name:`` in one person once kept the last one silently,
    where the config file refuses it; the sample files now say which line."""
    for name in (USERS, SAMPLES, CASES, AUDITS, MODERATIONS):
        (tmp_path / name).write_text(
            (sample_audits_dir() / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    lines = (tmp_path / USERS).read_text(encoding="utf-8").splitlines()
    first = lines.index("- name: Valerie Sutcliffe")
    lines.insert(first + 1, "  name: Valerie Someone")
    (tmp_path / USERS).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        read_plan(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / USERS}:{first + 2}: cannot read sample file:"
        f" duplicate key 'name' (first at line {first + 1})"
    )
