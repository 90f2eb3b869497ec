"""Plain-SVG geometry for the stance timeline: one mark per statement on a lane per stance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..positions import parse_day

WIDTH, HEIGHT = 760, 210
LEFT, RIGHT, TOP = 96, 24, 20
LANES = ("support", "neutral", "no_comment", "oppose")
LANE_GAP = 38


@dataclass(slots=True)
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    lanes: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    marks: list[dict[str, Any]] = field(default_factory=list)
    path: str = ""
    changes: set[int] = field(default_factory=set)  # timeline indexes where the stance changed
    undated: int = 0


def timeline_chart(timeline: list[dict[str, Any]], statements: dict[str, dict[str, Any]]
                   ) -> Chart:
    """Marks at (date, stance lane); a step line through them; changes flagged."""
    chart = Chart(lanes=[{"stance": s, "y": TOP + 10 + i * LANE_GAP} for i, s in enumerate(LANES)])
    lane_y = {lane["stance"]: lane["y"] for lane in chart.lanes}
    dated = [(i, t, parse_day(t.get("date"))) for i, t in enumerate(timeline)]
    days = [d for _, _, d in dated if d]
    chart.undated = len(timeline) - len(days)
    if not days:
        return chart
    lo, hi = min(days), max(days)
    if (hi - lo).days < 60:
        lo, hi = lo - timedelta(days=30), hi + timedelta(days=30)
    span = (hi - lo).days
    axis_y = TOP + 10 + len(LANES) * LANE_GAP - 12

    def x(day: date) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - lo).days / span, 1)

    chart.ticks = [{"x": x(d), "label": label, "y": axis_y} for d, label in _ticks(lo, hi)]
    points, previous = [], None
    for i, t, day in dated:
        stance = t.get("stance") or "neutral"
        if day is None or stance not in lane_y:
            continue
        if previous is not None and stance != previous:
            chart.changes.add(i)
        previous = stance
        s = statements.get(t.get("statement", ""), {})
        mark = {"x": x(day), "y": lane_y[stance], "stance": stance, "date": t.get("date"),
                "statement": t.get("statement"), "doc": s.get("doc"),
                "sentence": s.get("sentence", ""), "change": i in chart.changes}
        chart.marks.append(mark)
        points.append((mark["x"], mark["y"]))
    chart.path = _steps(points)
    return chart


def _steps(points: list[tuple[float, float]]) -> str:
    if not points:
        return ""
    out = [f"M{points[0][0]},{points[0][1]}"]
    for (_, y0), (x1, y1) in zip(points, points[1:], strict=False):
        out.append(f"H{x1}" if y0 == y1 else f"H{x1}V{y1}")
    return " ".join(out)


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    """Year ticks for long spans, else quarterly or monthly ticks."""
    years = hi.year - lo.year
    if years >= 3:
        step = max(1, years // 6)
        return [(date(y, 1, 1), str(y)) for y in range(lo.year + 1, hi.year + 1, step)]
    months = 1 if (hi - lo).days < 300 else 3
    out, y, m = [], lo.year, lo.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        d = date(y, m, 1)
        if d > hi:
            return out
        if (m - 1) % months == 0:
            out.append((d, d.strftime("%b %Y") if m == 1 or not out else d.strftime("%b")))
