"""The report a lead puts in front of an inspector, on the demo: words not ids, the
authority and no path, interventions, the summary first, at most 12 printed pages, and
the evidence pack."""

from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.cli import cli
from moderator.demo import build_demo_db
from moderator.services.rubrics import rubric_by_hash
from moderator.store import open_store
from moderator.store.chain import chain_head

pytest.importorskip("moderator.anonymise.pipeline")

LEAD = "Kenneth Obi"
AUTHORITY = "Westmere City Council"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

SUMMARY_OUTLINE = [
    "h1",
    "caption",
    "headline",
    "heatmap: Manager's grade against moderated grade",
    "optimistic: Consistently optimistic managers",
    "criteria: Criteria that drift most",
    "coverage: Coverage",
    "compliance: Compliance",
    "overrides: Overrides",
    "interventions: Interventions: before and after",
]
"""The summary's parts, in the order an inspector reads them."""


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with one intervention on its training date (2020-03-02)."""
    folder = tmp_path_factory.mktemp("inspector")
    path = folder / "demo.db"
    build_demo_db(path, key_path=folder / "demo.key")
    added = run("intervention", "add", "--date", "2020-03-02", "--title", "Audit training", db=path)
    assert added.exit_code == 0, added.output
    return path


def run(*args: str, db: Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, [*args, "--db", str(db), "--as", LEAD])


def report(db: Path, fmt: str, out: Path | None = None) -> str:
    extra = ["--out", str(out)] if out else []
    result = run("report", "--format", fmt, *extra, db=db)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8") if out and fmt != "pack" else result.stdout


class _Visible(HTMLParser):
    """The text a reader sees (not styles, not tooltips) and the summary's outline."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.outline: list[str] = []
        self._skip = 0
        self._section = ""
        self._in_summary = False
        self._heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("style", "title"):
            self._skip += 1
        classes = (a.get("class") or "").split()
        if "summary" in classes:
            self._in_summary = True
        if "appendix" in classes:
            self._in_summary = False
        if not self._in_summary:
            return
        if tag == "h1":
            self.outline.append("h1")
        elif tag == "p" and ({"caption", "headline"} & set(classes)):
            self.outline.append(classes[0])
        elif tag == "section":
            self._section = a.get("id") or ""
        elif tag == "h2":
            self._heading = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1
        if tag == "h2":
            self._heading = False

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        if self._heading and self._in_summary:
            self.outline.append(f"{self._section}: {data}")


def visible(html: str) -> _Visible:
    parser = _Visible()
    parser.feed(html)
    return parser


def test_the_html_names_the_authority_in_words_and_shows_no_path_or_id(
    demo_db: Path, tmp_path: Path
) -> None:
    html = report(demo_db, "html", tmp_path / "report.html")
    nodes = [t.strip() for t in visible(html).text if t.strip()]
    text = " ".join(nodes)
    assert AUTHORITY in text
    assert str(demo_db.parent) not in html and "demo.db" not in html
    with open_store(demo_db) as store:
        hashes = [r["rubric_hash"] for r in store.rows("SELECT DISTINCT rubric_hash FROM audits")]
        rubrics = [rubric_by_hash(store, h) for h in hashes]
    ids = {c.id for r in rubrics for c in r.criteria} | {d.id for r in rubrics for d in r.domains}
    ids |= {r.id for r in rubrics} | {"help_and_protection", "children_in_care", "care_leavers"}
    # An id of one word ("supervision") is also a word of prose: it must not stand alone.
    joined = {i for i in ids if "-" in i or "_" in i}
    shown = sorted(i for i in joined if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text))
    shown += sorted(i for i in ids - joined if i in nodes)
    assert shown == []
    titles = [c.title for r in rubrics for c in r.criteria]
    assert any(t in text for t in titles)
    assert "Care leavers" in text


def test_markdown_and_xlsx_name_the_authority_too(demo_db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    md = report(demo_db, "md", tmp_path / "report.md")
    assert md.startswith(f"# {AUTHORITY}") and "demo.db" not in md
    run("report", "--format", "xlsx", "--out", str(tmp_path / "r.xlsx"), db=demo_db)
    sheet = load_workbook(tmp_path / "r.xlsx")["Summary"]
    assert AUTHORITY in str(sheet["A1"].value)
    assert "demo.db" not in str(sheet["A2"].value)


def test_an_intervention_added_by_cli_is_in_the_json_and_marked_on_the_trend(
    demo_db: Path, tmp_path: Path
) -> None:
    data = json.loads(report(demo_db, "json"))
    [effect] = data["interventions"]
    assert effect["title"] == "Audit training" and effect["date"] == "2020-03-02"
    assert effect["before"]["n"] > 0 and effect["after"]["n"] > 0
    # The demo's managers were trained on that day and became less optimistic.
    assert effect["drift_difference"] < 0
    low, high = effect["drift_difference_ci"]
    assert low <= effect["drift_difference"] <= high
    html = report(demo_db, "html", tmp_path / "report.html")
    trend = html[html.index("Mean drift by quarter") :]
    assert 'class="intervention"' in trend and "Audit training" in trend


def test_a_shorter_window_compares_fewer_audits(demo_db: Path) -> None:
    wide = json.loads(report(demo_db, "json"))["interventions"][0]
    result = run("report", "--format", "json", "--intervention-window", "30", db=demo_db)
    narrow = json.loads(result.stdout)["interventions"][0]
    assert narrow["window_days"] == 30
    assert narrow["before"]["n"] < wide["before"]["n"]


def test_the_summary_comes_first_in_a_fixed_order(demo_db: Path, tmp_path: Path) -> None:
    html = report(demo_db, "html", tmp_path / "report.html")
    parsed = visible(html)
    assert parsed.outline == SUMMARY_OUTLINE
    assert html.index('class="summary"') < html.index('class="appendix"')
    assert "@page { size: A4" in html and "break-before: page" in html


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium here: apt-get install chromium")
def test_the_printed_demo_report_is_at_most_12_pages(demo_db: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    report(demo_db, "html", page)
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))
    assert 2 <= pages <= 12, pages


def test_the_evidence_pack_holds_everything_an_inspector_asks_for(
    demo_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pack.zip"
    report(demo_db, "pack", out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        assert names == {
            "README.txt",
            "report.html",
            "report.xlsx",
            "report.json",
            "coverage.csv",
            "sampling.json",
            "chain.txt",
        }
        assert all((i.external_attr >> 16) & 0o777 == 0o600 for i in archive.infolist())
        readme = archive.read("README.txt").decode()
        sampling = json.loads(archive.read("sampling.json"))
        chain = archive.read("chain.txt").decode()
        data = json.loads(archive.read("report.json"))
    assert AUTHORITY in readme and "How each number was made" in readme
    assert sampling["samples"] and all("seed" in s for s in sampling["samples"])
    with open_store(demo_db) as store:
        head = chain_head(store)
    assert head.hash in chain and f"event {head.event_id}" in chain
    assert data["authority"] == AUTHORITY and data["interventions"]


def test_a_pack_into_a_folder_is_named_by_date(demo_db: Path, tmp_path: Path) -> None:
    result = run("report", "--format", "pack", "--out", str(tmp_path), db=demo_db)
    assert result.exit_code == 0, result.output
    [written] = tmp_path.glob("evidence-pack-*.zip")
    assert f"Wrote {written}" in result.stderr


def test_the_csv_from_the_database_has_words_beside_the_ids_and_reads_back(
    demo_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pairs.csv"
    assert run("report", "--format", "csv", "--out", str(out), db=demo_db).exit_code == 0
    header, first = out.read_text(encoding="utf-8").splitlines()[:2]
    assert header.endswith(",criterion_title,service_area_label")
    assert "Help and protection" in first or "Children in care" in first or "Care leavers" in first
    again = CliRunner().invoke(cli, ["report", "--from-csv", str(out), "--format", "json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["overall"]["n"] > 0
