"""Terminal renderings of query results (rich renderables; the CLI prints them)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from parley.errors import LexiconError
from parley.events.codebook import Codebook
from parley.store.aggregates import DyadCount, DyadSeries, QuadCounts
from parley.store.export import flat_row
from parley.store.queries import EventDetail, EventSummary

_HIGHLIGHT_STYLES = {
    "source": "bold cyan",
    "target": "bold magenta",
    "trigger": "bold yellow underline",
    "place": "green",
}
SHORT_ID = 12  # `parley show` accepts a unique prefix
_QUAD_NAMES = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}


def _actor(actor: dict | None) -> str:
    if not actor:
        return "-"
    return actor.get("code") or actor.get("name") or actor.get("text") or "?"


def cameo_label(code: str, width: int = 22) -> str:
    """ "042 Make a visit": the code with its codebook name, cut to `width` characters."""
    name = _cameo_name(code)
    label = f"{code} {name}" if name else code
    return label if len(label) <= width else label[:width - 1] + "…"


@lru_cache(maxsize=1)
def _codebook() -> Codebook:
    return Codebook.load()


def _cameo_name(code: str) -> str:
    try:
        return _codebook().get(code).name
    except LexiconError:
        return ""


def events_table(items: Iterable[EventSummary], title: str | None = None) -> Table:
    """A compact table of events: id, date, source, code, target, counts and evidence."""
    # No box: on an 80-column terminal every character goes to the evidence.
    table = Table(title=title, box=None, padding=(0, 1), expand=True, header_style="bold")
    for name, kw in (
        ("event", {"no_wrap": True}),
        ("date", {"no_wrap": True}),
        ("source", {}),
        ("cameo", {}),
        ("target", {}),
        ("src", {"justify": "right"}),
        ("evidence", {"ratio": 1, "min_width": 24}),
    ):
        table.add_column(name, **kw)  # type: ignore[arg-type]
    for item in items:
        d = item.to_dict()
        table.add_row(
            d["event_id"][:SHORT_ID],
            d["date"] or "",
            _actor(d["source"]),
            cameo_label(d["cameo"]),
            _actor(d["target"]),
            str(d["num_sources"]),
            d["text"] if len(d["text"]) <= 160 else d["text"][:157] + "...",
        )
    return table


def highlighted(text: str, highlights: Iterable) -> Text:
    """Evidence text with source, target, trigger and place spans styled."""
    out = Text(text)
    for h in highlights:
        out.stylize(_HIGHLIGHT_STYLES.get(h.kind, "bold"), h.start, h.end)
    return out


def event_panel(detail: EventDetail) -> Group:
    """Every field of an event, then each evidence sentence with its spans highlighted."""
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold")
    fields.add_column()
    for key, value in flat_row(detail.summary.to_dict()).items():
        if value not in (None, "", [], {}):
            fields.add_row(key, cameo_label(value, width=80) if key == "cameo" else str(value))
    panels = [Panel(fields, title=f"event {detail.summary.event.event_id}")]
    legend = Text("  ").join(Text(kind, style=style) for kind, style in _HIGHLIGHT_STYLES.items())
    for n, ev in enumerate(detail.evidence, 1):
        head = " · ".join(str(x) for x in (ev.outlet, ev.published, ev.title, ev.url) if x)
        body = Group(Text(head, style="dim"), highlighted(ev.text, ev.highlights))
        panels.append(
            Panel(body, title=f"evidence {n}: {ev.article_id} sentence {ev.sentence_index}")
        )
    panels.append(legend)
    return Group(*panels)


def _bar(counts: QuadCounts, scale: float) -> Text:
    out = Text()
    for quad, style in ((1, "green"), (2, "bright_green"), (3, "yellow"), (4, "red")):
        n = getattr(counts, f"q{quad}")
        out.append("█" * max(1 if n else 0, round(n * scale)), style=style)
    out.append(f" {counts.total}")
    return out


def dyad_chart(series: DyadSeries) -> Table:
    """Per period: a bar per direction coloured by QuadClass, and mean Goldstein."""
    peak = max((max(p.a_to_b.total, p.b_to_a.total) for p in series.periods), default=0)
    scale = 30 / peak if peak > 30 else 1.0
    table = Table(
        title=f"{series.a} ↔ {series.b} by {series.by}  (green: cooperation, yellow/red: conflict)",
    )
    table.add_column("period", no_wrap=True)
    table.add_column(f"{series.a} → {series.b}")
    table.add_column("gold.", justify="right")
    table.add_column(f"{series.b} → {series.a}")
    table.add_column("gold.", justify="right")
    for p in series.periods:
        table.add_row(
            p.period,
            _bar(p.a_to_b, scale),
            "" if p.a_to_b.goldstein is None else f"{p.a_to_b.goldstein:+.1f}",
            _bar(p.b_to_a, scale),
            "" if p.b_to_a.goldstein is None else f"{p.b_to_a.goldstein:+.1f}",
        )
    return table


def dyads_table(dyads: Iterable[DyadCount]) -> Table:
    """The busiest pairs with counts per QuadClass."""
    table = Table(title="Top dyads (both directions)")
    for name in ("a", "b", "events", *(_QUAD_NAMES[q] for q in (1, 2, 3, 4))):
        table.add_column(name, justify="right" if name not in ("a", "b") else "left")
    for d in dyads:
        table.add_row(
            f"{d.a_label} ({d.a})",
            f"{d.b_label} ({d.b})",
            str(d.events),
            str(d.q1),
            str(d.q2),
            str(d.q3),
            str(d.q4),
        )
    return table


def _records(numbers: list[int], count: int) -> str:
    """ " (record 2)", " (records 2, 5, 9, …)": where the skipped records are."""
    if not numbers:
        return ""
    listed = ", ".join(str(n) for n in numbers) + (", …" if count > len(numbers) else "")
    return f" (record{'s' if count > 1 else ''} {listed})"


def summary_table(rows: Iterable[dict]) -> Table:
    """The per-file ingest summary."""
    table = Table(title="Ingest summary")
    for name in ("file", "stored", "unchanged", "replaced", "skipped", "events", "skip reasons"):
        left = name in ("file", "skip reasons")
        table.add_column(name, justify="left" if left else "right", overflow="fold")
    for r in rows:
        where = r.get("skip_records", {})
        reasons = ", ".join(f"{k} ×{v}{_records(where.get(k, []), v)}"
                            for k, v in r["skip_reasons"].items())
        table.add_row(
            r["path"],
            str(r["stored"]),
            str(r["unchanged"]),
            str(r["replaced"]),
            str(r["skipped"]),
            str(r["events"]),
            reasons,
        )
    return table
