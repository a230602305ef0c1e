"""Grade-drift analysis: paired grades in, statistics and a report model out.

Pure computation (numpy, scipy, pydantic); never imports textual or rich.
``pairs`` reads and writes the paired-grades table, ``stats`` computes the
agreement statistics of docs/statistics.md, ``leniency`` the per-manager estimate
and flag, and ``report`` assembles the report that the renderers in
:mod:`moderator.reports` print.
"""

from __future__ import annotations
