"""Inline SVG charts for the HTML report, drawn from the numbers (no libraries, no scripts).

Each function returns one ``<svg>`` element as text, sized in CSS pixels, with a
``<title>`` for screen readers. Inline SVG in HTML needs no namespace
declaration, so the report holds no external reference of any kind.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

from moderator.analysis.report import GroupStats, ManagerStats, Stats
from moderator.reports.formatting import GRADE_LABELS, GRADE_SHORT, fmt

FONT = 'font-family="system-ui, sans-serif" font-size="12"'
INK = "#1f2933"
MUTED = "#616e7c"
GRID = "#d9dee3"
AGREE = (46, 125, 50)  # green: same grade
DOWN = (191, 54, 12)  # red-orange: downgraded (manager optimistic)
UP = (21, 101, 192)  # blue: upgraded
OPTIMISTIC = "#bf360c"
UP_INK = "#1565c0"  # interventions
NEUTRAL = "#37474f"

MAX_MANAGERS = 60
"""The leniency chart shows at most this many managers (the most lenient first)."""


def _mix(rgb: tuple[int, int, int], strength: float) -> str:
    """``rgb`` blended with white: strength 0 = white, 1 = the full colour."""
    s = max(0.0, min(1.0, strength))
    r, g, b = (round(255 + (c - 255) * s) for c in rgb)
    return f"#{r:02x}{g:02x}{b:02x}"


def _text(
    x: float, y: float, text: str, *, anchor: str = "start", fill: str = INK, extra: str = ""
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" {extra}>'
        f"{escape(text)}</text>"
    )


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" {FONT}><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def confusion_svg(stats: Stats, title: str) -> str:
    """A heat map of the 4×4 table: green diagonal (agreement), red above (downgrades),
    blue below (upgrades); darker = more pairs."""
    cell, left, top = 64, 110, 58
    width, height = left + 4 * cell + 40, top + 4 * cell + 40
    peak = max((max(r) for r in stats.confusion), default=0) or 1
    body = [
        _text(left + 2 * cell, 16, "Moderated grade", anchor="middle", extra='font-weight="600"'),
        _text(
            14,
            top + 2 * cell,
            "Manager's grade",
            anchor="middle",
            extra=f'font-weight="600" transform="rotate(-90 14 {top + 2 * cell})"',
        ),
    ]
    for j, label in enumerate(GRADE_SHORT):
        body.append(_text(left + j * cell + cell / 2, top - 10, label, anchor="middle", fill=MUTED))
    for i, label in enumerate(GRADE_SHORT):
        body.append(_text(left - 8, top + i * cell + cell / 2 + 4, label, anchor="end", fill=MUTED))
        for j in range(4):
            count = stats.confusion[i][j]
            base = AGREE if i == j else DOWN if j > i else UP
            strength = 0.08 + 0.92 * math.sqrt(count / peak) if count else 0.0
            fill = _mix(base, strength) if count else "#ffffff"
            x, y = left + j * cell, top + i * cell
            body.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{fill}" '
                f'stroke="{GRID}"><title>{escape(GRADE_LABELS[i])} → '
                f"{escape(GRADE_LABELS[j])}: {count}</title></rect>"
            )
            ink = "#ffffff" if strength > 0.6 else INK
            body.append(
                _text(x + cell / 2, y + cell / 2 + 4, f"{count:,}", anchor="middle", fill=ink)
            )
    body.append(
        _text(
            left - 70,
            height - 12,
            "Above the diagonal: downgraded; below: upgraded.",
            fill=MUTED,
        )
    )
    return _svg(width, height, title, body)


class _Scale:
    """Linear map from data values to x pixels, with 'nice' round ticks."""

    def __init__(self, low: float, high: float, x0: float, x1: float) -> None:
        if high - low < 1e-9:
            low, high = low - 1, high + 1
        step = _nice_step((high - low) / 6)
        self.low = math.floor(low / step) * step
        self.high = math.ceil(high / step) * step
        self.step = step
        self.x0, self.x1 = x0, x1

    def __call__(self, v: float) -> float:
        return self.x0 + (v - self.low) / (self.high - self.low) * (self.x1 - self.x0)

    def ticks(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [self.low + k * self.step for k in range(count + 1)]


def _nice_step(raw: float) -> float:
    exp = math.floor(math.log10(raw)) if raw > 0 else 0
    for m in (1, 2, 2.5, 5, 10):
        if m * 10**exp >= raw:
            return float(m * 10**exp)
    return float(10 ** (exp + 1))


def _tick(value: float) -> str:
    """A tick label: signed, as few decimals as needed (+0.25, +0.5, -1, 0)."""
    if abs(value) < 1e-12:
        return "0"
    return f"{value:+.2f}".rstrip("0").rstrip(".")


def _axis(scale: _Scale, top: float, bottom: float, label: str) -> list[str]:
    body = []
    for t in scale.ticks():
        x = scale(t)
        colour = INK if abs(t) < 1e-12 else GRID
        body.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="{colour}"/>')
        body.append(_text(x, bottom + 14, _tick(t), anchor="middle", fill=MUTED))
    body.append(_text((scale.x0 + scale.x1) / 2, bottom + 30, label, anchor="middle", fill=MUTED))
    return body


def _interval_rows(
    rows: Sequence[tuple[str, float | None, tuple[float, float] | None, bool, str]],
    title: str,
    axis_label: str,
    note: str = "",
) -> str:
    """A forest plot: one row per item with a point and an interval."""
    left, right, top, row_h = 190, 70, 24, 22
    width = 720
    height = top + row_h * max(len(rows), 1) + 48 + (16 if note else 0)
    values: list[float] = [0.0]
    for _, point, ci, _, _ in rows:
        if point is not None:
            values.append(point)
        if ci is not None:
            values.extend(ci)
    scale = _Scale(min(values), max(values), left, width - right)
    bottom = top + row_h * max(len(rows), 1)
    body = _axis(scale, top - 6, bottom, axis_label)
    for k, (label, point, ci, flagged, right_text) in enumerate(rows):
        y = top + k * row_h + row_h / 2
        colour = OPTIMISTIC if flagged else NEUTRAL
        short = label if len(label) <= 28 else label[:27] + "…"
        body.append(_text(left - 10, y + 4, short, anchor="end", fill=INK))
        if ci is not None:
            body.append(
                f'<line x1="{scale(ci[0]):.1f}" y1="{y}" x2="{scale(ci[1]):.1f}" y2="{y}" '
                f'stroke="{colour}" stroke-width="2"/>'
            )
        if point is not None:
            body.append(
                f'<circle cx="{scale(point):.1f}" cy="{y}" r="4.5" fill="{colour}">'
                f"<title>{escape(label)}: {fmt(point, 'signed')}"
                f"{' (' + fmt(ci, 'ci') + ')' if ci else ''}</title></circle>"
            )
        body.append(_text(width - right + 8, y + 4, right_text, fill=MUTED))
    if note:
        body.append(_text(left, height - 8, note, fill=MUTED))
    return _svg(width, height, title, body)


def leniency_svg(managers: Sequence[ManagerStats]) -> str:
    """Per-manager leniency with its interval; optimistic managers in red."""
    shown = [m for m in managers if m.leniency is not None][:MAX_MANAGERS]
    hidden = sum(1 for m in managers if m.leniency is not None) - len(shown)
    rows = [(m.key, m.leniency, m.leniency_ci, m.optimistic, f"n={m.n}") for m in shown]
    note = f"{hidden} more managers in the table below." if hidden else ""
    return _interval_rows(
        rows,
        "Leniency per manager (mean drift after shrinkage, 90% interval)",
        "drift in grade steps (positive = manager more optimistic than moderator)",
        note,
    )


def drift_bars_svg(groups: Sequence[GroupStats], title: str) -> str:
    """Mean drift with its 95% interval for each group (criteria, domains, teams)."""
    rows = [
        (
            g.key,
            g.mean_drift,
            g.mean_drift_ci,
            bool(g.mean_drift_ci and g.mean_drift_ci[0] > 0),
            f"n={g.n:,}",
        )
        for g in groups
        if g.n
    ]
    return _interval_rows(rows, title, "mean drift in grade steps, 95% interval")


def _period_index(key: str) -> int | None:
    """``2020-Q4`` or ``2020-11`` as a running count, so neighbours differ by one."""
    year, _, part = key.partition("-")
    if not year.isdigit():
        return None
    if part.startswith("Q") and part[1:].isdigit():
        return int(year) * 4 + int(part[1:])
    return int(year) * 12 + int(part) if part.isdigit() else None


def _segments(periods: Sequence[GroupStats]) -> list[list[int]]:
    """Runs of consecutive periods that have moderated pairs: the line is drawn within a
    run only, so a period with nothing moderated, or a jump of years between two periods,
    shows as a gap rather than as a slope through numbers nobody measured."""
    runs: list[list[int]] = []
    previous: int | None = None
    for k, p in enumerate(periods):
        index = _period_index(p.key)
        joined = previous is not None and index is not None and index == previous + 1
        if p.mean_drift is None:
            previous = None
            continue
        if runs and joined and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
        previous = index
    return runs


def trend_svg(
    periods: Sequence[GroupStats],
    title: str,
    markers: Sequence[tuple[str, str]] = (),
    min_n: int = 5,
) -> str:
    """Mean drift per period: a line with a shaded 95% band (from ``min_n`` pairs on) and
    the count under each period; periods with nothing moderated are gaps. ``markers`` are
    (period key, label) pairs drawn as dashed lines (interventions)."""
    width, height, left, right, top, bottom = 720, 260, 64, 44, 20, 200
    if not any(p.mean_drift is not None for p in periods):
        return _svg(width, 60, title, [_text(left, 30, "No moderated audits to plot.", fill=MUTED)])
    lo, hi = -1.0, 1.0
    for p in periods:
        for v in (p.mean_drift, *(p.mean_drift_ci or ())):
            if v is not None:
                lo, hi = min(lo, v), max(hi, v)
    step = _nice_step((hi - lo) / 5)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step

    def y(v: float) -> float:
        return bottom - (v - lo) / (hi - lo) * (bottom - top)

    span = max(len(periods) - 1, 1)

    def x(k: float) -> float:
        return left + (width - left - right) * (k / span if len(periods) > 1 else 0.5)

    body: list[str] = []
    for tick in [lo + k * step for k in range(round((hi - lo) / step) + 1)]:
        body.append(
            f'<line x1="{left}" y1="{y(tick):.1f}" x2="{width - right}" y2="{y(tick):.1f}" '
            f'stroke="{GRID}"/>'
        )
        body.append(_text(left - 6, y(tick) + 4, _tick(tick), anchor="end", fill=MUTED))
    runs = _segments(periods)
    for run in runs:
        banded = [k for k in run if periods[k].mean_drift_ci and periods[k].n >= min_n]
        if len(banded) >= 2 and banded == run:
            upper = [(x(k), y(periods[k].mean_drift_ci[1])) for k in run]  # type: ignore[index]
            lower = [(x(k), y(periods[k].mean_drift_ci[0])) for k in run]  # type: ignore[index]
            poly = " ".join(f"{a:.1f},{b:.1f}" for a, b in upper + lower[::-1])
            body.append(f'<polygon points="{poly}" fill="{_mix(DOWN, 0.15)}" stroke="none"/>')
        else:
            for k in banded:
                low, high = periods[k].mean_drift_ci or (0.0, 0.0)
                body.append(
                    f'<line x1="{x(k):.1f}" y1="{y(low):.1f}" x2="{x(k):.1f}" y2="{y(high):.1f}" '
                    f'stroke="{_mix(DOWN, 0.4)}" stroke-width="6"/>'
                )
    if lo <= 0 <= hi:  # no drift: drawn over the band so it stays visible
        body.append(
            f'<line x1="{left}" y1="{y(0):.1f}" x2="{width - right}" y2="{y(0):.1f}" '
            f'stroke="{INK}"/>'
        )
    for run in runs:
        if len(run) > 1:
            line = " ".join(f"{x(k):.1f},{y(periods[k].mean_drift or 0.0):.1f}" for k in run)
            body.append(
                f'<polyline points="{line}" fill="none" stroke="{OPTIMISTIC}" stroke-width="2"/>'
            )
    body += _markers(periods, markers, x, top, bottom)
    every = max(1, math.ceil(len(periods) / 12))
    for k, p in enumerate(periods):
        if p.mean_drift is not None:
            body.append(
                f'<circle cx="{x(k):.1f}" cy="{y(p.mean_drift):.1f}" r="3.5" fill="{OPTIMISTIC}">'
                f"<title>{escape(p.key)}: {fmt(p.mean_drift, 'signed')} (n={p.n})</title></circle>"
            )
        if k % every == 0:
            body.append(_text(x(k), bottom + 16, p.key, anchor="middle", fill=MUTED))
            body.append(_text(x(k), bottom + 30, f"n={p.n:,}", anchor="middle", fill=MUTED))
    body.append(
        _text(
            left,
            height - 6,
            f"Mean drift (positive = manager more optimistic); shaded: 95% interval (n ≥ {min_n}); "
            "gaps: nothing moderated.",
            fill=MUTED,
        )
    )
    return _svg(width, height, title, body)


def _markers(
    periods: Sequence[GroupStats],
    markers: Sequence[tuple[str, str]],
    x: Callable[[float], float],
    top: float,
    bottom: float,
) -> list[str]:
    """Dashed vertical lines at the periods of the markers (between periods when the
    marker's own period has no audits; left out when it falls outside the chart)."""
    keys = [p.key for p in periods]
    body: list[str] = []
    for key, label in markers:
        after = next((k for k, p in enumerate(keys) if p >= key), None)
        if after is None or (after == 0 and keys[0] != key):
            continue
        at = float(after) if keys[after] == key else after - 0.5
        short = label if len(label) <= 24 else label[:23] + "…"
        body.append(
            f'<g class="intervention"><line x1="{x(at):.1f}" y1="{top}" x2="{x(at):.1f}" '
            f'y2="{bottom}" stroke="{UP_INK}" stroke-dasharray="4 3"/>'
            + _text(x(at) + 3, top + 10, short, fill=UP_INK)
            + f"<title>{escape(key)}: {escape(label)}</title></g>"
        )
    return body
