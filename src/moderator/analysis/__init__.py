"""Grade-drift analysis: paired grades in, count tables, statistics and the report model out.

Pure computation (numpy, scipy.special, pydantic; pyarrow to read files); never
imports textual or rich. Where each idea lives, in the order data flows:

- ``paired_csv`` reads paired-grades CSV and Parquet files (checked by
  ``pairs_check``) into ``pairs``' table, which is also written back as CSV;
- ``counts`` holds the two count tables every statistic is computed from (the
  database fills them with GROUP BY, in :mod:`moderator.services.reporting`);
- ``stats`` computes the agreement statistics from 4×4 count tables,
  ``leniency`` the per-manager estimate and flag;
- ``build`` rolls the count tables up into the report, with ``coverage`` (and
  compliance) and ``headline``; ``report`` is the report's model, which the
  renderers in :mod:`moderator.reports` print;
- ``drilldown`` picks the audits behind a number.

Definitions: ``docs/statistics.md``; the file formats: ``docs/formats.md``.
"""

from __future__ import annotations
