"""The evidence pack: one zip an inspector can take away, holding the report in every
form a reader needs and what shows how each number was made (the sampling method and
seeds, the coverage, and the head of the event log the figures were read at)."""

from __future__ import annotations

import csv
import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from moderator.analysis.report import Report
from moderator.domain.text import spreadsheet_cell
from moderator.files import open_private
from moderator.services.users import Role, get_user
from moderator.store import open_store
from moderator.store.chain import chain_head

README = """\
Evidence pack: {title}
{caption}

What is here
  report.html     the drift report (open in any browser; the first pages are the summary,
                  the detail follows as an appendix)
  report.xlsx     the same figures as an Excel workbook, one sheet per breakdown
  report.json     every figure, with the definitions of each statistic
  coverage.csv    submitted and moderated audits per manager and per team
  sampling.json   every moderation sample drawn: who, when, the rate, the seed, how many
                  audits (hand-picked ones counted apart)
  chain.txt       the head of the event log the figures were read at

How each number was made
  Every figure is computed from the submitted audits' grades as the manager gave them and
  as the moderator settled them after reviewing each disagreement. Drift is the moderated
  grade minus the manager's grade in grade steps (Outstanding 1 ... Inadequate 4):
  positive means the manager was more optimistic. Means carry 95% Student-t intervals,
  clipped to the scale; a manager is flagged optimistic only when the whole 90% interval of
  their own audits' drift is above zero (a one-sided 5% test), and their leniency is
  shrunk towards the overall mean so few audits do not rank anyone. Coverage is moderated
  audits over submitted audits; compliance is audits submitted by their due date over
  audits assigned. Each intervention is compared on overall grades in a window of days
  before and after its date (Welch 95% interval of the change). report.json's
  "definitions" holds the exact wording for every statistic.

  The moderation samples are drawn at random from the submitted audits with the seed shown
  in sampling.json: drawing again with the same seed and the same audits gives the same
  sample. The event log is hash-chained: each event's hash covers the one before, so the
  head in chain.txt pins every grade and review the figures were built on; running
  `moderator verify` on the database later shows whether anything before it has changed.
"""

SAMPLING_METHOD = (
    "Simple random sample of submitted audits at the stated rate, per manager, drawn with "
    "the stated seed; audits a lead added by hand are counted under hand_picked."
)


def write_pack(report: Report, db_path: Path, user_name: str | None, out: Path) -> Path:
    """Write the evidence pack as one zip (mode 0600) and return its path.

    ``out`` is the zip itself when it ends in ``.zip``, else a folder the zip is
    written into as ``evidence-pack-YYYY-MM-DD.zip``.
    """
    from moderator.reports import render_html, render_json
    from moderator.reports.formatting import caption, title
    from moderator.reports.xlsx import write_xlsx

    path = out if out.suffix.lower() == ".zip" else out / _name(report)
    with open_store(db_path, create=False) as store:
        user = get_user(store, user_name)
        head = chain_head(store)
        samples = _samples(store, user) if user.role is Role.LEAD else None
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / "report.xlsx"
        write_xlsx(report, xlsx)
        files: dict[str, bytes] = {
            "README.txt": README.format(title=title(report), caption=caption(report)).encode(),
            "report.html": render_html(report).encode(),
            "report.xlsx": xlsx.read_bytes(),
            "report.json": (render_json(report) + "\n").encode(),
            "coverage.csv": _coverage_csv(report).encode(),
            "sampling.json": json.dumps(
                {
                    "method": SAMPLING_METHOD,
                    "samples": samples,
                    "note": None if samples is not None else "samples are listed for leads only",
                },
                indent=2,
                default=str,
            ).encode(),
            "chain.txt": (
                f"event log head: event {head.event_id}\nhash: {head.hash}\n"
                f"figures generated: {report.generated_at.isoformat()}\n"
            ).encode(),
        }
    with open_private(path, "wb") as handle, zipfile.ZipFile(handle, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=report.generated_at.timetuple()[:6])
            info.external_attr = 0o600 << 16  # the files stay private when unpacked
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path


def _name(report: Report) -> str:
    return f"evidence-pack-{report.generated_at.date().isoformat()}.zip"


def _samples(store: Any, user: Any) -> list[dict[str, Any]]:
    from moderator.services.sampling import list_samples

    return [dict(r) for r in list_samples(store, user)]


def _coverage_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["level", "name", "submitted", "moderated", "coverage", "meets_target"])
    cov = report.coverage
    writer.writerow(["all", "", cov.submitted, cov.moderated, cov.rate, cov.meets_target])
    for level, rows in (("manager", cov.by_manager), ("team", cov.by_team)):
        for r in rows:
            name = spreadsheet_cell(r.key)  # a name starting "=" stays text in a spreadsheet
            writer.writerow([level, name, r.submitted, r.moderated, r.rate, r.meets_target])
    return buffer.getvalue()
