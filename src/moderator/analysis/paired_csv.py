"""Reading paired-grades files: CSV (and Parquet), one or several, checked, then counted.

The columns are read by Apache Arrow (``pyarrow``): its CSV reader parses in
parallel blocks, insists that every record has as many fields as the header
(a truncated record is an error, not a row with the last grades missing), checks
UTF-8, and dictionary-encodes each column into codes and distinct values, which
is exactly what the checks (:mod:`moderator.analysis.pairs_check`) and the
count tables need. When Arrow finds anything irregular, a careful pass with
:mod:`csv` names every problem as ``file:line: column: message``.

Reading is bounded: only regular files are read (not ``/dev/zero``, a pipe or
a directory), the header line has a length limit, a field longer than
:data:`MAX_FIELD` characters is refused by the careful pass, and a huge value
is cut in messages rather than echoed.
"""

from __future__ import annotations

import csv
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from moderator.analysis.counts import GradeCounts, counts_from_pairs, merge_counts
from moderator.analysis.inputs import ReportFilters
from moderator.analysis.pairs import HEADER, OPTIONAL_COLUMNS, PairedGrades
from moderator.analysis.pairs_check import Interned, bad_rows, build_table
from moderator.errors import BadInput

MAX_HEADER = 64 * 1024
"""The longest header line read, in characters."""

MAX_FIELD = 128 * 1024
"""The longest field accepted, in characters (``csv``'s default limit, enforced here)."""

PARQUET_SUFFIXES = (".parquet", ".pq")


class _Irregular(Exception):
    """Arrow met a record it would not take as is: the careful pass names the problems."""


def read_paired_csv(path: Path | str) -> PairedGrades:
    """Read a paired-grades CSV (header as :data:`HEADER`; extra columns allowed).

    Raises:
        BadInput: naming ``file:line: column: message`` for every bad row (the
            first few, then a count); nothing partial is returned.
    """
    path = _regular_file(Path(path))
    header = _read_header(path)
    wanted = [*HEADER, *(c for c in OPTIONAL_COLUMNS if c in header)]
    try:
        interned, n = _read_arrow(path, header, wanted)
    except _Irregular:
        interned, n = _read_careful(path, [header.index(c) for c in wanted], len(header))
    lines: list[list[int]] = []

    def where(row: int) -> str:
        if not lines:
            lines.append(_data_lines(path))
        return f"{path}:{lines[0][row]}"

    return build_table(dict(zip(wanted, interned, strict=True)), n, where, str(path))


def read_paired_parquet(path: Path | str) -> PairedGrades:
    """Read a paired-grades Parquet file (the same columns as the CSV, any simple types).

    Problems are named ``file: row N: column: message``.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = _regular_file(Path(path))
    try:
        schema = pq.read_schema(path)
    except (OSError, pa.ArrowException) as exc:
        raise BadInput(f"{path}: not a readable Parquet file ({exc})") from exc
    header = [name.strip().lower() for name in schema.names]
    _check_header(path, header)
    wanted = [*HEADER, *(c for c in OPTIONAL_COLUMNS if c in header)]
    table = pq.read_table(path, columns=[schema.names[header.index(c)] for c in wanted])
    interned = [_encode(table.column(i)) for i in range(len(wanted))]
    return build_table(
        dict(zip(wanted, interned, strict=True)),
        table.num_rows,
        lambda row: f"{path}: row {row + 1}",
        str(path),
    )


def read_paired_file(path: Path | str) -> PairedGrades:
    """Read a paired-grades CSV, or Parquet when the name ends ``.parquet`` or ``.pq``."""
    if Path(path).suffix.lower() in PARQUET_SUFFIXES:
        return read_paired_parquet(path)
    return read_paired_csv(path)


def read_paired_files(paths: Sequence[Path | str]) -> PairedGrades:
    """Read several paired-grades files into one table (for ``--format csv``).

    Each file is checked on its own; the tables are then put one after another.
    """
    from moderator.analysis.pairs import concat

    return concat([read_paired_file(p) for p in paths])


def count_paired_files(
    paths: Sequence[Path | str], filters: ReportFilters | None = None
) -> GradeCounts:
    """Read, check, filter and count paired-grades files (a region pooling its authorities).

    Each file is counted on its own and the count tables are added, so an audit
    id used by two authorities stays two audits. There is no override
    information in these files: the counts' ``overrides`` is None.
    """
    from moderator.analysis.build import apply_filters

    return merge_counts(
        [counts_from_pairs(apply_filters(read_paired_file(p), filters)) for p in paths]
    )


# ----------------------------------------------------------------------------- internals


def _regular_file(path: Path) -> Path:
    try:
        if not path.exists():
            raise BadInput(f"{path}: cannot read the file: No such file or directory")
        if not path.is_file():
            raise BadInput(f"{path}: cannot read the file: not a regular file")
    except OSError as exc:
        raise BadInput(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    return path


def _read_header(path: Path) -> list[str]:
    """The header's column names, normalised; read with a length limit."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            line = handle.readline(MAX_HEADER + 1)
    except OSError as exc:
        raise BadInput(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: not UTF-8 text ({exc.reason})") from exc
    if len(line) > MAX_HEADER:
        raise BadInput(f"{path}:1: header: longer than {MAX_HEADER:,} characters")
    if not line.strip():
        raise BadInput(
            f"{path}:1: header: the file is empty; expected the columns {','.join(HEADER)}"
        )
    try:
        header = [h.strip().lower() for h in next(csv.reader([line]))]
    except csv.Error as exc:
        raise BadInput(f"{path}:1: header: {exc}") from exc
    _check_header(path, header)
    return header


def _check_header(path: Path, header: list[str]) -> None:
    missing = [name for name in HEADER if name not in header]
    if missing:
        raise BadInput(
            f"{path}:1: header: missing column(s) {', '.join(missing)}; expected {','.join(HEADER)}"
        )
    duplicated = sorted({h for h in header if h and header.count(h) > 1})
    if duplicated:
        raise BadInput(f"{path}:1: header: duplicated column(s) {', '.join(duplicated)}")


def _read_arrow(path: Path, header: list[str], wanted: list[str]) -> tuple[list[Interned], int]:
    """Read the wanted columns with Arrow. Raises :class:`_Irregular` on any doubt."""
    import pyarrow as pa
    import pyarrow.csv as pc

    names = [h if h in wanted else f"_column_{i}" for i, h in enumerate(header)]
    irregular: list[object] = []

    def skip(row: object) -> str:
        irregular.append(row)
        return "skip"

    try:
        table = pc.read_csv(
            path,
            read_options=pc.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pc.ParseOptions(newlines_in_values=True, invalid_row_handler=skip),
            convert_options=pc.ConvertOptions(
                include_columns=wanted,
                column_types=dict.fromkeys(wanted, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as exc:
        if "UTF8" in str(exc) or "utf8" in str(exc).lower():
            raise BadInput(f"{path}: not UTF-8 text (invalid UTF-8 data)") from exc
        raise _Irregular from exc
    except OSError as exc:
        raise BadInput(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    if irregular:
        raise _Irregular
    interned = [_encode(table.column(name)) for name in wanted]
    if any(not str(v).strip() for v in interned[0][1]):
        # A blank audit id: maybe a line of spaces, which the careful pass skips as
        # blank. Let it decide, so that line numbers in messages stay right.
        raise _Irregular
    if any(len(v) > MAX_FIELD for _, levels in interned for v in levels):
        raise _Irregular  # the careful pass names the line of the huge field
    return interned, table.num_rows


def _encode(column: Any) -> Interned:
    """An Arrow column as codes into its distinct values (as text; nulls as "")."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not pa.types.is_string(column.type) and not pa.types.is_large_string(column.type):
        if pa.types.is_date(column.type) or pa.types.is_timestamp(column.type):
            column = pc.strftime(column, format="%Y-%m-%d")
        column = column.cast(pa.string())
    encoded = pc.fill_null(column, "").combine_chunks().dictionary_encode()
    codes = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int32)
    return codes, encoded.dictionary.to_pylist()


def _read_careful(path: Path, indices: list[int], width: int) -> tuple[list[Interned], int]:
    """The careful pass: skips blank lines and names every record of the wrong width."""
    ds: list[dict[str, int]] = [{} for _ in indices]
    outs = [array("i") for _ in indices]
    problems: list[str] = []
    n = 0
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        try:
            next(reader)  # the header, already checked
            start = reader.line_num + 1
            for row in reader:
                if not row or all(not cell.strip() for cell in row):
                    start = reader.line_num + 1
                    continue
                if len(row) != width:
                    problems.append(
                        f"{path}:{start}: row: expected {width} fields as in the header, "
                        f"found {len(row)}"
                    )
                elif max(map(len, row)) > MAX_FIELD:
                    # csv's own limit is process-wide and others may raise it: this is ours.
                    raise BadInput(
                        f"{path}:{start}: row: a field is longer than {MAX_FIELD:,} characters"
                    )
                else:
                    for i, d, out in zip(indices, ds, outs, strict=True):
                        out.append(d.setdefault(row[i], len(d)))
                    n += 1
                start = reader.line_num + 1
        except csv.Error as exc:
            raise BadInput(f"{path}:{reader.line_num}: row: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise BadInput(f"{path}: not UTF-8 text ({exc.reason})") from exc
    if problems:
        raise bad_rows(path, problems)
    return [
        (np.frombuffer(o, dtype=np.int32).copy(), list(d)) for o, d in zip(outs, ds, strict=True)
    ], n


def _data_lines(path: Path) -> list[int]:
    """The line on which each data record starts (blank lines skipped), for messages."""
    lines: list[int] = []
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        next(reader)
        start = reader.line_num + 1
        for row in reader:
            if row and any(cell.strip() for cell in row):
                lines.append(start)
            start = reader.line_num + 1
    return lines
