"""Inline SVG charts for the HTML report, drawn from the numbers (no libraries, no scripts).

Each function returns one ``<svg>`` element as text, sized in CSS pixels, with a
``<title>`` for screen readers. Inline SVG in HTML needs no namespace
declaration, so the report holds no external reference of any kind.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
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


def trend_svg(periods: Sequence[GroupStats], title: str) -> str:
    """Mean drift per period: a line with a shaded 95% band and the count under each point."""
    width, height, left, right, top, bottom = 720, 260, 64, 44, 20, 200
    points = [p for p in periods if p.mean_drift is not None]
    if not points:
        return _svg(width, 60, title, [_text(left, 30, "No moderated audits to plot.", fill=MUTED)])
    values = [0.0]
    for p in points:
        values.append(p.mean_drift or 0.0)
        if p.mean_drift_ci:
            values.extend(p.mean_drift_ci)
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    step = _nice_step((hi - lo) / 5)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step

    def y(v: float) -> float:
        return bottom - (v - lo) / (hi - lo) * (bottom - top)

    span = max(len(points) - 1, 1)

    def x(k: int) -> float:
        return left + (width - left - right) * (k / span if len(points) > 1 else 0.5)

    body: list[str] = []
    ticks = [lo + k * step for k in range(round((hi - lo) / step) + 1)]
    for tick in ticks:
        body.append(
            f'<line x1="{left}" y1="{y(tick):.1f}" x2="{width - right}" y2="{y(tick):.1f}" '
            f'stroke="{GRID}"/>'
        )
        body.append(_text(left - 6, y(tick) + 4, _tick(tick), anchor="end", fill=MUTED))
    band_top = [(x(k), y(p.mean_drift_ci[1])) for k, p in enumerate(points) if p.mean_drift_ci]
    band_bottom = [(x(k), y(p.mean_drift_ci[0])) for k, p in enumerate(points) if p.mean_drift_ci]
    if len(band_top) >= 2:
        poly = " ".join(f"{a:.1f},{b:.1f}" for a, b in band_top + band_bottom[::-1])
        body.append(f'<polygon points="{poly}" fill="{_mix(DOWN, 0.15)}" stroke="none"/>')
    if lo <= 0 <= hi:  # no drift: drawn over the band so it stays visible
        body.append(
            f'<line x1="{left}" y1="{y(0):.1f}" x2="{width - right}" y2="{y(0):.1f}" '
            f'stroke="{INK}"/>'
        )
    line = " ".join(f"{x(k):.1f},{y(p.mean_drift or 0.0):.1f}" for k, p in enumerate(points))
    body.append(f'<polyline points="{line}" fill="none" stroke="{OPTIMISTIC}" stroke-width="2"/>')
    every = max(1, math.ceil(len(points) / 12))
    for k, p in enumerate(points):
        drift = p.mean_drift or 0.0
        body.append(
            f'<circle cx="{x(k):.1f}" cy="{y(drift):.1f}" r="3.5" fill="{OPTIMISTIC}">'
            f"<title>{escape(p.key)}: {fmt(drift, 'signed')} (n={p.n})</title></circle>"
        )
        if k % every == 0:
            body.append(_text(x(k), bottom + 16, p.key, anchor="middle", fill=MUTED))
            body.append(_text(x(k), bottom + 30, f"n={p.n:,}", anchor="middle", fill=MUTED))
    body.append(
        _text(
            left,
            height - 6,
            "Mean drift (positive = manager more optimistic); shaded: 95% interval.",
            fill=MUTED,
        )
    )
    return _svg(width, height, title, body)
