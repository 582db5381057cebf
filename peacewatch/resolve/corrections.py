"""Analyst corrections applied while the ledger is built: records in, records out.

A correction never names a ledger row id (a rebuild renumbers them). It names what a rebuild keeps:
the document (its id and content hash) and the evidence span of each report it is about
(``Mention``: trigger and sentence span, with the sentence's text). ``Corrector`` finds each anchor
again among the reports of the current extraction and acts at three points of the stage:

1. ``reports``: per-document events before clustering (``event``: change type, mode, status,
   actor, recipient, date or quantity; ``reject``: drop the report; ``add``: a report the coder
   missed; ``actor``: the code and sector of an actor named so);
2. ``clusters``: merged clusters before they become events (``merge``: put the clusters of two
   events together; ``split``: take some reports out into an event of their own);
3. ``commitment``: a decided commitment (``commitment``: status, level, deciding event).

An anchor is found by overlap, not equality: in a document with the same content hash, the report
whose trigger overlaps the anchor's most, else, in an overlapping sentence, the one whose trigger
lies nearest, at most ``NEAR`` characters away (so a re-extraction that moves the trigger by a word
still finds it); in a new version of the document (another hash), a report whose sentence has exactly the
anchor's text, with the trigger at an overlapping place inside it. A correction none of whose
anchors is found is *orphaned*: reported in ``outcomes``, never dropped in silence and never applied
to another report.

A later correction may supersede an earlier one (``supersedes``); ``withdraw`` supersedes and does
nothing else. Corrections of one report apply in id order, so the latest one's value stands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..types import Argument, Event, Result
from .clusters import Cluster
from .entities import normalize_name
from .records import LedgerCommitment

KINDS = ("event", "reject", "add", "merge", "split", "commitment", "actor", "withdraw")
EVENT_FIELDS = ("type", "mode", "status", "actor", "recipient", "date", "quantity")
Where = tuple[str, str]  # (document id, per-document event id)
Find = Callable[[str, str], "int | None"]  # (document, text) → where the text occurs once in it
NEAR = 16  # characters between an anchor's trigger and a report's that is still "moved by a word"


@dataclass(frozen=True)
class Mention:
    """The stable anchor of one report: document, content hash, trigger and sentence spans, and the
    sentence's text (to find it again in another version of the document)."""

    doc: str
    hash: str | None
    trigger: tuple[int, int]
    span: tuple[int, int]
    text: str = ""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Mention:
        return cls(str(d["doc"]), d.get("hash"), _pair(d["trigger"]), _pair(d.get("span") or d["trigger"]),
                   str(d.get("text") or ""))

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "hash": self.hash, "trigger": list(self.trigger), "span": list(self.span),
                "text": self.text}


def _pair(value: Any) -> tuple[int, int]:
    return int(value[0]), int(value[1])


@dataclass
class Correction:
    """One row of the log. ``anchor`` holds lists of mention dictionaries under ``mentions`` (and
    ``groups`` for a merge, ``deciding`` for a commitment) or ``name`` for an actor; ``change`` the
    analyst's values."""

    id: int
    kind: str
    anchor: dict[str, Any]
    change: dict[str, Any]
    by: str = ""
    at: str = ""
    note: str = ""
    supersedes: int | None = None
    fault: str | None = None  # why the rebuild cannot apply this row (malformed: ``store.corrections.stored``)

    def mentions(self, key: str = "mentions") -> list[Mention]:
        return [Mention.from_dict(m) for m in self.anchor.get(key) or []]

    def groups(self) -> list[list[Mention]]:
        return [[Mention.from_dict(m) for m in group] for group in self.anchor.get("groups") or []]


@dataclass
class Outcome:
    """What became of one active correction in a build: ``applied`` or ``orphaned``, the reports it
    acted on, the machine's values it replaced, and the ledger commitment it decided."""

    correction: int
    kind: str
    state: str = "orphaned"
    reports: list[Where] = field(default_factory=list)
    machine: dict[str, Any] = field(default_factory=dict)
    commitment: str | None = None
    analyst: dict[str, Any] = field(default_factory=dict)
    missing: list[dict[str, Any]] = field(default_factory=list)  # anchors not found (an applied one: partly)
    why: str = ""  # what keeps a ``skipped`` correction from being applied


def active(corrections: Iterable[Correction]) -> list[Correction]:
    """The corrections no later one supersedes, in id order (withdrawals themselves left out, and
    rows that cannot be applied: a malformed row supersedes nothing)."""
    rows = sorted((c for c in corrections if c.fault is None), key=lambda c: c.id)
    gone = {c.supersedes for c in rows if c.supersedes is not None}
    return [c for c in rows if c.id not in gone and c.kind != "withdraw"]


class Corrector:
    """Applies the active corrections during one build and records their ``outcomes``."""

    def __init__(self, corrections: Iterable[Correction]) -> None:
        every = list(corrections)
        self.corrections = active(every)
        self.skipped = [c for c in every if c.fault is not None]
        self.found: dict[tuple[int, Mention], Where] = {}
        self._outcomes = {c.id: Outcome(c.id, c.kind, analyst=dict(c.change)) for c in self.corrections}
        self._by_doc: dict[str, list[tuple[Correction, Mention]]] = {}
        for c in self.corrections:
            for m in _anchors(c):
                self._by_doc.setdefault(m.doc, []).append((c, m))
        self._actors = {normalize_name(str(c.anchor.get("name", ""))): c for c in self.corrections
                        if c.kind == "actor"}

    def __bool__(self) -> bool:
        return bool(self.corrections)

    # --- 1. per-document reports ------------------------------------------------------------------------
    def reports(self, results: list[Result], texts: Mapping[tuple[str, int, int], str],
                hashes: Mapping[str, str], find: Find | None = None) -> list[Result]:
        """The results with their events corrected (copies: the input is left as it was). ``find``
        gives where a text occurs once in a document (None: not once), to place an added event in a
        new version of its document."""
        if not self:
            return results
        return [self._result(r, texts, hashes.get(r.id), find) for r in results]

    def _result(self, r: Result, texts: Mapping[tuple[str, int, int], str], digest: str | None,
                find: Find | None) -> Result:
        anchors = self._by_doc.get(r.id, [])
        events = list(r.events)
        for c, m in anchors:
            if c.kind == "add" and (added := self._added(c, m, digest, find)) is not None:
                events.append(added)
        for c, m in anchors:
            if c.kind != "add" and (ev := locate(m, events, texts, digest, r.id)) is not None:
                self.found[(c.id, m)] = (r.id, ev.id)
        by_event: dict[str, list[Correction]] = {}
        for (cid, _), (doc, ev_id) in sorted(self.found.items(), key=lambda item: item[0][0]):
            c = self._correction(cid)
            if c.kind in ("event", "reject") and doc == r.id:
                by_event.setdefault(ev_id, []).append(c)
        out = []
        for ev in events:
            ev = self._actor_codes(ev)
            for c in _unique(by_event.get(ev.id, [])):
                ev = self._edit(c, r.id, ev)
                if ev is None:
                    break
            if ev is not None:
                out.append(ev)
        return replace(r, events=out)

    def _correction(self, cid: int) -> Correction:
        return next(c for c in self.corrections if c.id == cid)

    def _added(self, c: Correction, m: Mention, digest: str | None, find: Find | None) -> Event | None:
        """The report the coder missed, where its evidence is: at its offsets in the text it was added
        to, or where its evidence text occurs once in a new version (else None: orphaned)."""
        span = m.span
        if m.hash is not None and digest is not None and m.hash != digest:
            start = find(m.doc, m.text) if find is not None and m.text else None
            if start is None:
                return None
            span = (start, start + len(m.text))
        trigger = (m.trigger[0] - m.span[0] + span[0], m.trigger[1] - m.span[0] + span[0])
        ev_id = f"corr{c.id}"
        self._note(c, (m.doc, ev_id))
        values = {"type": "", **_event_values(c.change)}
        return Event(id=ev_id, trigger_span=trigger, span=span, **values, why=f"added by correction {c.id}")

    def _edit(self, c: Correction, doc: str, ev: Event) -> Event | None:
        outcome = self._note(c, (doc, ev.id))
        if c.kind == "reject":
            outcome.machine.setdefault("type", ev.type)
            return None
        values = _event_values(c.change)
        for name in values:
            outcome.machine.setdefault(name, _plain(getattr(ev, name)))
        return replace(ev, **values)

    def _actor_codes(self, ev: Event) -> Event:
        if not self._actors:
            return ev
        actor, recipient = self._arguments(ev.actor), self._arguments(ev.recipient)
        return ev if (actor, recipient) == (ev.actor, ev.recipient) else replace(ev, actor=actor, recipient=recipient)

    def _arguments(self, args: list[Argument]) -> list[Argument]:
        out = []
        for a in args:
            c = self._actors.get(normalize_name(a.text)) if a.text else None
            if c is not None:
                self._outcomes[c.id].state = "applied"
                a = replace(a, code=c.change.get("code", a.code), sector=c.change.get("sector", a.sector))
            out.append(a)
        return out

    def _note(self, c: Correction, where: Where) -> Outcome:
        outcome = self._outcomes[c.id]
        outcome.state = "applied"
        if where not in outcome.reports:
            outcome.reports.append(where)
        return outcome

    # --- 2. clusters ------------------------------------------------------------------------------------
    def clusters(self, found: Iterable[Cluster]) -> Iterator[Cluster]:
        """The clusters with the splits and merges applied; clusters a merge joins are held back until
        every part has come (or the stream ends), the rest pass straight through."""
        merges = [c for c in self.corrections if c.kind == "merge"]
        splits = [c for c in self.corrections if c.kind == "split"]
        if not merges and not splits:
            yield from found
            return
        held: dict[int, list[Cluster]] = {}
        for cluster in found:
            for part in self._split(cluster, splits):
                merge = next((c for c in merges if self._merge_hits(c, part)), None)
                if merge is None:
                    yield part
                    continue
                held.setdefault(merge.id, []).append(part)
                if self._merge_complete(merge, held[merge.id]):
                    yield self._joined(merge, held.pop(merge.id))
        for cid, parts in sorted(held.items()):
            yield self._joined(self._correction(cid), parts) if len(parts) > 1 else parts[0]

    def _located(self, c: Correction, mentions: list[Mention]) -> set[Where]:
        return {w for m in mentions if (w := self.found.get((c.id, m))) is not None}

    def _split(self, cluster: Cluster, splits: list[Correction]) -> list[Cluster]:
        for c in splits:
            taken = self._located(c, c.mentions())
            out = [i for i, m in enumerate(cluster.members) if (m.doc, m.event.id) in taken]
            if out and len(out) < len(cluster.members):
                for i in out:
                    self._note(c, (cluster.members[i].doc, cluster.members[i].event.id))
                kept = [i for i in range(len(cluster.members)) if i not in out]
                return [_cluster(cluster, kept, f"split by correction {c.id}"),
                        _cluster(cluster, out, f"split off by correction {c.id}")]
        return [cluster]

    def _merge_hits(self, c: Correction, cluster: Cluster) -> bool:
        every = set().union(*(self._located(c, g) for g in c.groups()))
        return any((m.doc, m.event.id) in every for m in cluster.members)

    def _merge_complete(self, c: Correction, parts: list[Cluster]) -> bool:
        have = {(m.doc, m.event.id) for p in parts for m in p.members}
        groups = [self._located(c, g) for g in c.groups()]
        return all(g and g & have for g in groups)

    def _joined(self, c: Correction, parts: list[Cluster]) -> Cluster:
        groups = [self._located(c, g) for g in c.groups()]
        if not all(groups):  # one side's anchor is gone: the merge is orphaned, the clusters stay apart
            self._outcomes[c.id].state = "orphaned"
            self._outcomes[c.id].reports.clear()
            return parts[0] if len(parts) == 1 else _concat(parts, f"merged by correction {c.id}")
        joined = _concat(parts, f"merged by correction {c.id}")
        for m in joined.members:
            self._note(c, (m.doc, m.event.id))
        return joined

    # --- 3. commitments ---------------------------------------------------------------------------------
    def commitment(self, c: LedgerCommitment, origin: Mapping[Where, str]) -> None:
        """Set the status (and deciding event) the analyst gave to this commitment, if any."""
        for k in self.corrections:
            if k.kind != "commitment" or c.event is None:
                continue
            if not any(origin.get(w) == c.event for w in self._located(k, k.mentions())):
                continue
            deciding = sorted({e for w in self._located(k, k.mentions("deciding")) if (e := origin.get(w))})
            outcome = self._outcomes[k.id]
            outcome.state, outcome.commitment = "applied", c.id
            outcome.machine = {"status": c.status, "fulfilled_by": list(c.fulfilled_by),
                               "broken_by": list(c.broken_by)}
            status = str(k.change.get("status", c.status))
            c.status = status
            if deciding or k.anchor.get("deciding"):
                c.fulfilled_by = deciding if status == "fulfilled" else []
                c.broken_by = deciding if status == "broken" else []
            c.why = f"set by correction {k.id}: {status}" + (f"; {c.why}" if c.why else "")

    # --- outcomes ---------------------------------------------------------------------------------------
    def outcomes(self) -> list[Outcome]:
        """One outcome per active correction, in id order, each with the anchors not found again, and
        one ``skipped`` per row that cannot be applied, with why."""
        for c in self.corrections:
            if c.kind not in ("add", "actor"):
                self._outcomes[c.id].missing = [{"doc": m.doc, "trigger": list(m.trigger), "text": m.text}
                                                for m in _anchors(c) if (c.id, m) not in self.found]
        skipped = [Outcome(c.id, c.kind, state="skipped", why=c.fault or "") for c in self.skipped]
        return sorted([self._outcomes[c.id] for c in self.corrections] + skipped, key=lambda o: o.correction)


NO_CORRECTIONS = Corrector(())


def _anchors(c: Correction) -> list[Mention]:
    found = c.mentions() + c.mentions("deciding")
    for group in c.groups():
        found.extend(group)
    return found


def locate(m: Mention, events: list[Event], texts: Mapping[tuple[str, int, int], str], digest: str | None,
           doc: str) -> Event | None:
    """The report an anchor names among one document's events, or None (see the module docstring)."""
    if m.hash is None or digest is None or m.hash == digest:
        return _nearest(m.trigger, m.span, [(e, e.trigger_span, e.span) for e in events])
    if not m.text:
        return None
    relative = (m.trigger[0] - m.span[0], m.trigger[1] - m.span[0])
    same = [(e, (e.trigger_span[0] - e.span[0], e.trigger_span[1] - e.span[0]), (0, len(m.text)))
            for e in events if texts.get((doc, e.span[0], e.span[1])) == m.text]
    return _nearest(relative, (0, len(m.text)), same)


def _nearest(trigger: tuple[int, int], span: tuple[int, int],
             found: list[tuple[Event, tuple[int, int], tuple[int, int]]]) -> Event | None:
    """The event whose trigger overlaps the anchor's most; else, in an overlapping sentence, the one
    whose trigger lies nearest, no more than ``NEAR`` characters away (a trigger moved by a word)."""
    best = max(found, key=lambda f: (_overlap(trigger, f[1]), -f[1][0]), default=None)
    if best is not None and _overlap(trigger, best[1]) > 0:
        return best[0]
    near = [(_gap(trigger, t), t[0], e) for e, t, s in found if _overlap(span, s) > 0 and _gap(trigger, t) <= NEAR]
    return min(near, key=lambda n: (n[0], n[1]))[2] if near else None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _event_values(change: Mapping[str, Any]) -> dict[str, Any]:
    """The event fields a correction sets, as an ``Event`` holds them."""
    out: dict[str, Any] = {}
    for name in EVENT_FIELDS:
        if name not in change:
            continue
        value = change[name]
        if name in ("actor", "recipient"):
            value = [Argument(entity=None, code=code, sector=None, text=code) for code in value or []]
        out[name] = value
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [a.code or a.text if isinstance(a, Argument) else a for a in value]
    return value


def _unique(found: list[Correction]) -> list[Correction]:
    seen: set[int] = set()
    return [c for c in found if not (c.id in seen or seen.add(c.id))]  # type: ignore[func-returns-value]


def _cluster(cluster: Cluster, indexes: list[int], why: str) -> Cluster:
    out = Cluster(cluster.index)
    for n, i in enumerate(indexes):
        out.add(cluster.members[i], why if n else "first report")
    return out


def _concat(parts: list[Cluster], why: str) -> Cluster:
    """The parts as one cluster: each keeps its own links, but the first report of every part after
    the first joins by the correction."""
    out = Cluster(parts[0].index)
    for n, p in enumerate(parts):
        for k, (m, link) in enumerate(zip(p.members, p.links, strict=True)):
            out.add(m, f"{m.doc}#{m.event.id} {why}" if n and not k else link)
    return out
