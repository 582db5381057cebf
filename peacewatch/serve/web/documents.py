"""A document's text with every annotation marked: the text is cut at every span's start and end,
each piece carrying the kinds of annotation that cover it; the annotations are listed beside it
with their spans, so each highlight can be read back to its record."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...types import Result


@dataclass
class Annotation:
    """One record's span in the text: its kind, its label (type, value, speaker) and an anchor."""

    kind: str
    start: int
    end: int
    label: str
    anchor: str
    text: str = ""


@dataclass
class Segment:
    """A stretch of the text and the annotations that cover it."""

    text: str
    kinds: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def classes(self) -> str:
        return " ".join(f"a-{k}" for k in sorted(set(self.kinds)))


def spans_of(result: Result) -> list[Annotation]:
    """Every span of the document's records: time expressions, mentions, quotes and event triggers."""
    out = [Annotation("timex", t.start, t.end, f"{t.type} {t.value}", f"t{i}") for i, t in enumerate(result.timexes)]
    out += [Annotation("mention", m.start, m.end, f"{m.label}{' → ' + m.entity if m.entity else ''}", f"m{i}")
            for i, m in enumerate(result.mentions)]
    out += [Annotation("quote", q.content_span[0], q.content_span[1],
                       f"{'direct' if q.direct else 'indirect'} quote{', speaker ' + q.speaker if q.speaker else ''}",
                       f"q{i}") for i, q in enumerate(result.quotes)]
    out += [Annotation("event", e.trigger_span[0], e.trigger_span[1],
                       f"{e.type}{'/' + e.mode if e.mode else ''} ({e.status})", f"e{i}")
            for i, e in enumerate(result.events)]
    return sorted(out, key=lambda a: (a.start, -a.end, a.kind))


def annotated_text(text: str, result: Result) -> tuple[list[Segment], list[Annotation]]:
    """The text cut into segments at every span boundary, and the annotations (with their text)."""
    listed = [a for a in spans_of(result) if 0 <= a.start < a.end <= len(text)]
    for a in listed:
        a.text = text[a.start:a.end]
    cuts = sorted({0, len(text), *(a.start for a in listed), *(a.end for a in listed)})
    segments = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [a for a in listed if a.start <= start and end <= a.end]
        segments.append(Segment(text[start:end], [a.kind for a in covering], [a.anchor for a in covering]))
    return segments, listed
