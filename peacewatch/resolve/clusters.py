"""Clustering event reports into real-world events, independent of the order documents arrived in.

Reports are taken in a canonical order (sorted by content: type, status, mode, most precise date
first, then document id and span). A cluster can take a report when no member contradicts it
(complete linkage: a year-level date cannot chain two different days) and some member gives
evidence that it is the same event (single linkage for evidence, see ``evidence.evidence``). Of the
clusters that can take it, the report joins the one whose evidence is strongest
(``evidence.strength``: a shared actor and a shared recipient, then a shared actor, then the same
stated day, then the same count), the earliest made on a tie. A report told less precisely than a
day that no cluster takes on evidence joins the one cluster in which another document tells the act
of one of its actors on a day within its date, or, the report undated, tells it undated in days that
overlap its own, when no second cluster that could hold the report does (``Cluster._lone``, the lone
fit; an act the report could not be is not a second one); else it starts a new cluster. A
cluster's index follows the canonical order, so shuffling the input gives the same clusters. Each
member after the first keeps the strongest evidence that let it join (for ``why``).

Clusters are indexed by the weeks their date windows cover and the parties of their members
(``report_keys``), so a report is only tested against the clusters it could overlap and agree
with (give or take ``reports.reach_days``: the date slack, and in the bucket of acts to come the days
an announcement may precede its due day); a report that names no actor and states no date, whose
evidence can only be a member of its own document, by the clauses and wordings of that document's
members (``own_keys``); one that names an
actor and states no date, by those and its sides among the clusters holding a member of its document,
by (week, key) among the others (``near_keys``). The result is the same as
testing every cluster. Within a cluster, a report is compared only with the members that could
contradict it or give it evidence (``Members``), the same result as comparing it with every member.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from ..config import LedgerSettings
from .evidence import evidence, shared_actor, strength
from .reports import Report, incompatibility, joint_act, merge_kind, reach_days, side_parties, status_class


@dataclass
class Cluster:
    """Reports merged so far, with the latest start and earliest end of their date windows: a report
    overlaps every member's window exactly when it overlaps both of those (a quick first test)."""

    index: int
    members: list[Report] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    latest_start: dt.date = dt.date.min
    earliest_end: dt.date = dt.date.max
    dated: bool = False
    # where ``fit`` looks among the members (``Members``), made when first asked; members are only appended
    seen: Members | None = field(default=None, repr=False, compare=False)

    def add(self, rep: Report, link: str) -> None:
        self.members.append(rep)
        self.links.append(link)
        if rep.window is not None:
            self.dated = True
            self.latest_start = max(self.latest_start, rep.window.start)
            self.earliest_end = min(self.earliest_end, rep.window.end)

    def may_take(self, rep: Report, slack: dt.timedelta) -> bool:
        if rep.window is None:
            return True
        return rep.window.start <= plus(self.earliest_end, slack) and self.latest_start <= plus(
            rep.window.end, slack)

    def link(self, rep: Report, settings: LedgerSettings) -> str | None:
        """Why the report joins: no member contradicts it and the member giving the strongest
        evidence names it; None when it cannot join."""
        found = self.fit(rep, settings)
        return found.link if found is not None and found.rank != LONE else None

    def fit(self, rep: Report, settings: LedgerSettings) -> Fit | None:
        """How well the report fits: no member contradicts it, and the strongest evidence a member
        gives (the first member in joining order of that strength names it); None when it cannot join.
        Without evidence, a fit of rank ``LONE`` when the cluster could hold it as the only one
        (``_lone``): ``place`` takes that only when no other cluster could."""
        seen = self.members_seen(settings.repeat_similarity)
        if seen.contradicts(rep, settings):
            return None
        best: Fit | None = None
        top = seen.strongest(rep)
        for m in seen.may_tell(rep):
            if found := evidence(rep, m, settings):
                rank = strength(rep, m, settings)
                if best is None or rank > best.rank:
                    best = Fit(rank, f"{_name(rep)} joined {_name(m)}: {found}")
                    if rank == top:
                        break  # no later member can be stronger, and the first of equals names it
        return best or self._lone(rep)

    def _lone(self, rep: Report) -> Fit | None:
        """A report told less precisely (undated, or a coarser date than a day) that no member
        contradicts may be this cluster's when a member of another document tells the act of one of its
        actors at a time its date can be (``telling``: on a day, or both undated in overlapping days),
        and no member is of its own document (whose writer told that act apart from it)."""
        seen = self.members_seen()
        if rep.doc in seen.by_doc:
            return None
        for m in self.members:
            if how := telling(m, rep):
                return Fit(LONE, f"{_name(rep)} joined {_name(m)}: the only {merge_kind(rep.event)} of a shared "
                                 f"actor {how}")
        return None

    def tells(self, rep: Report) -> bool:
        """Whether a member of another document tells the act of one of the report's actors at a time
        its date can be (``telling``), whether or not on evidence: ``place`` asks it of the clusters that
        could hold the report, to count the acts the report could tell."""
        seen = self.members_seen()
        return any(telling(m, rep) for m in seen.of_other_documents(rep.doc))

    def members_seen(self, similarity: float | None = None) -> Members:
        """The members' index (``Members``) at this ``repeat_similarity`` (None: any, for what does not
        read wordings), brought up to the members added since it was last asked for."""
        if similarity is None:
            similarity = self.seen.similarity if self.seen is not None else 0.0
        if self.seen is None or self.seen.similarity != similarity or self.seen.count > len(self.members):
            self.seen = Members(similarity)
        self.seen.catch_up(self.members)
        return self.seen


def telling(m: Report, rep: Report) -> str | None:
    """How ``m``, of another document than the less precise ``rep`` (undated, or dated coarser than a
    day), of its type and naming one of its actors, tells that act at a time ``rep``'s date can be: on
    a day within it, or, both undated, in days that overlap (each placed in the days up to its
    article: two outlets of one week telling the act of one actor without a date); None when it does
    not."""
    if not (m.doc != rep.doc and rep.window is not None and (rep.stated is None or rep.stated.days > 1)
            and m.event.type == rep.event.type and shared_actor(rep, m)):
        return None
    if m.stated is not None and m.stated.days == 1:
        return "on a day its date can be" if rep.window.start <= m.stated.start <= rep.window.end else None
    if m.stated is None and rep.stated is None and m.window is not None \
            and m.window.start <= rep.window.end and rep.window.start <= m.window.end:
        return "told undated in the same days"
    return None


# The rank of a fit without evidence (``Cluster._lone``), below every rank of ``evidence.strength``.
LONE: tuple[int, ...] = (-1,)


@dataclass(frozen=True, slots=True)
class Fit:
    """Why a report may join a cluster (``link``, for ``why``) and how strong that evidence is
    (``rank``, compared between the clusters that could take it)."""

    rank: tuple[int, ...]
    link: str


# Members a cluster may have for ``Members.may_tell`` to ask every one (cheaper than making the report's keys).
FEW = 32


class Members:
    """Where ``Cluster.fit`` looks among a cluster's members, so that a report is not compared with each
    member of a cluster of thousands (a list of "The army detained X." lines joined by their shared
    wording, a week of releases by their shared country code) when the result cannot change:

    - **contradiction** (``contradicts``): members that agree in everything ``reports.incompatibility``
      reads but their recipients form a group; when the report's recipients share a party with every
      member of the group that names recipients (the parties all of them name, ``Group.common``), the
      recipients agree with each (``reports._recipients_agree``) and the group's first member answers
      for all; else each member is asked, as before;
    - **evidence** (``may_tell``): a report stating no date whose document's members can give it
      evidence only by the keys ``own_keys`` or ``near_keys`` give (their proofs) needs of its own
      document only the members with such a key (``said_keys``); every member of another document is
      asked, as before, in joining order, so the strongest and first member naming it is the same.

    ``tests/resolve/test_template_lists.py`` checks the ledger against asking every member of every
    cluster (``test_clusters_index.every_member_fit``), and the lists of ``test_long_lists.py``,
    ``test_named_lists.py`` and the random archives of ``test_clusters_index.py`` do too."""

    def __init__(self, similarity: float) -> None:
        self.similarity = similarity
        self.count = 0
        self.members: list[Report] = []
        self.groups: dict[tuple[object, ...], Group] = {}
        self.by_doc: dict[str, list[int]] = defaultdict(list)
        self.said: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.parties: set[str] = set()  # every recipient party a member names (``strongest``)

    def catch_up(self, members: list[Report]) -> None:
        for position in range(self.count, len(members)):
            m = members[position]
            self.members.append(m)
            self.by_doc[m.doc].append(position)
            self.parties.update(side_parties(m.recipients))
            for key in said_keys(m, self.similarity):
                self.said[(m.doc, key)].append(position)
            group = self.groups.get(profile := _profile(m))
            if group is None:
                group = self.groups[profile] = Group(m)
            group.add(position, m)
        self.count = len(members)

    def contradicts(self, rep: Report, settings: LedgerSettings) -> bool:
        """Whether a member contradicts the report (``reports.incompatibility``)."""
        for group in self.groups.values():
            if group.agrees(rep):
                if incompatibility(rep, group.first, settings) is not None:
                    return True
            elif any(incompatibility(rep, self.members[p], settings) is not None for p in group.positions):
                return True
        return False

    def may_tell(self, rep: Report) -> Iterator[Report]:
        """The members that may give the report evidence, in joining order (more is fine, never fewer)."""
        if len(self.members) <= FEW:
            yield from self.members
            return
        keys = own_keys(rep, self.similarity)
        if keys is None:
            keys = near_keys(rep, self.similarity)
        if keys is None or keys == ANY_OF_DOC:
            yield from self.members
            return
        own = sorted({p for key in keys for p in self.said.get((rep.doc, key), ())})
        others = (found for doc, found in self.by_doc.items() if doc != rep.doc)  # each in joining order
        for p in heapq.merge(own, *others):
            yield self.members[p]

    def strongest(self, rep: Report) -> tuple[int, int, int]:
        """The strongest ``evidence.strength`` a member could have with the report: both sides only when a
        member names one of the recipients it does not also name among its actors, a day only when it
        states one, a count only when it states one."""
        done_to = side_parties(rep.recipients) - side_parties(rep.actors)
        recipient = any(party in self.parties for party in done_to)
        day_ = rep.stated is not None and rep.stated.days == 1
        return 2 if rep.actors and recipient else int(bool(rep.actors)), int(day_), int(_counted(rep))

    def of_other_documents(self, doc: str) -> Iterator[Report]:
        for other, found in self.by_doc.items():
            if other != doc:
                yield from (self.members[p] for p in found)


@dataclass
class Group:
    """Members that agree in everything ``reports.incompatibility`` reads of them but their recipients
    (``_profile``): ``common`` holds the parties every one naming recipients names (None while none
    does)."""

    first: Report
    positions: list[int] = field(default_factory=list)
    common: frozenset[str] | None = None

    def add(self, position: int, m: Report) -> None:
        self.positions.append(position)
        if m.recipients:
            parties = side_parties(m.recipients)
            self.common = parties if self.common is None else self.common & parties

    def agrees(self, rep: Report) -> bool:
        """Whether the report's recipients agree with every member's (``reports._sides_agree``): it names
        none, no member names any, or it shares a party every member naming recipients names."""
        return not rep.recipients or self.common is None or bool(self.common & side_parties(rep.recipients))


def _profile(m: Report) -> tuple[object, ...]:
    """Everything ``reports.incompatibility`` (with ``merge_kind`` and ``status_class``) reads of a
    member but its recipients: two members equal in it are contradicted by the same reports, once the
    report's recipients agree with both."""
    ev = m.event
    quantity = None if ev.quantity is None else repr(sorted(ev.quantity.items()))
    return (m.doc, ev.type, ev.status, ev.mode, ev.cameo, len(ev.actor), m.actors, m.countries, m.window,
            m.stated, quantity)


def _name(rep: Report) -> str:
    return f"{rep.doc}#{rep.event.id}"


class Bucket(Protocol):
    """Where the clusters of one (type, status class) are kept while reports are placed: in memory
    (``MemoryBucket``) or, for a ledger of any size, in the database (``peacewatch.store.space``)."""

    def candidates(self, rep: Report, slack: dt.timedelta, similarity: float = 0.0) -> Iterable[Cluster]:
        """The clusters that could take the report (more is fine, never fewer), in any order: ``place``
        tries them all. ``similarity`` is the settings' ``repeat_similarity`` (``own_keys``)."""

    def open(self) -> Cluster:
        """A new empty cluster, after every existing one."""

    def grew(self, cluster: Cluster, was_dated: bool, similarity: float = 0.0) -> None:
        """Note that the report last added to ``cluster`` changed it (``similarity`` as in
        ``candidates``)."""

    def clusters(self) -> Iterable[Cluster]:
        """Every cluster, in creation order."""


def place(bucket: Bucket, rep: Report, settings: LedgerSettings, slack: dt.timedelta) -> None:
    """Put the report into the candidate cluster that takes it on the strongest evidence (the
    earliest made of equals), else into the one cluster that could hold it without evidence
    (``Cluster._lone``) when no other cluster that could hold it tells an act of its type and actor at a
    time its date can be (``telling``; with two such acts it is not known which the report tells, but an
    act it could not be, one a member contradicts by another count, parties or mode, or one its own
    article told apart, is no second act), else into a new one. Every candidate is tried, so the
    order the bucket offers them in does not matter, only that it offers every cluster that could take
    the report."""
    chosen: tuple[Cluster, Fit] | None = None
    lone: list[tuple[Cluster, Fit]] = []
    days = 0  # clusters that could hold it telling the act of one of its actors at a time its date can be
    for c in bucket.candidates(rep, slack, settings.repeat_similarity):
        if not c.may_take(rep, slack):
            continue
        if (found := c.fit(rep, settings)) is None:
            continue
        days += c.tells(rep)
        if found.rank == LONE:
            lone.append((c, found))
        elif chosen is None or (found.rank, -c.index) > (chosen[1].rank, -chosen[0].index):
            chosen = (c, found)
    if chosen is None and len(lone) == 1 and days == 1:
        chosen = lone[0]
    home, link = (chosen[0], chosen[1].link) if chosen else (bucket.open(), "first report")
    was_dated = home.dated
    home.add(rep, link)
    bucket.grew(home, was_dated, settings.repeat_similarity)


@dataclass
class MemoryBucket:
    """The clusters of one (type, status class) in memory, found the way ``bucket_keys`` says: a
    dated cluster by (week, key) for each week its window covered when it was dated (windows only
    shrink, so the index may name too many clusters, never too few) and each key of its members,
    and by week alone for a report that names no actor, under the document of the member that brought
    the key; an undated cluster by its document; every cluster by (document, key) for each
    ``said_keys`` of its members of that document."""

    found: list[Cluster] = field(default_factory=list)
    by_key: dict[tuple[int, str], dict[str, list[int]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    by_week: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_doc: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    weeks_of: dict[int, range] = field(default_factory=dict)
    keys_of: dict[int, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    docs_of: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_said: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    said_of: dict[int, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))

    def candidates(self, rep: Report, slack: dt.timedelta, similarity: float = 0.0) -> Iterator[Cluster]:
        if rep.window is None or (own := own_keys(rep, similarity)) == ANY_OF_DOC:
            found = set(self.by_doc.get(rep.doc, ()))
        elif own is not None:
            found = {i for key in own for i in self.by_said.get((rep.doc, key), ())}
        else:
            keys, near = report_keys(rep), near_keys(rep, similarity)
            span = weeks(rep.window.start - slack, plus(rep.window.end, slack))
            if near is None or near == ANY_OF_DOC:
                near = None
                found = {i for i in self.by_doc.get(rep.doc, ()) if not self.found[i].dated}
            else:  # its own document's clusters by their members' keys, the others by (week, key)
                found = {i for key in near for i in self.by_said.get((rep.doc, key), ())}
            for week in span:
                if keys is None:
                    found.update(self.by_week.get(week, ()))
                    continue
                for key in keys:
                    for doc, indices in self.by_key.get((week, key), {}).items():
                        if near is None or doc != rep.doc:
                            found.update(indices)
        for index in sorted(found):
            yield self.found[index]

    def open(self) -> Cluster:
        home = Cluster(len(self.found))
        self.found.append(home)
        return home

    def grew(self, cluster: Cluster, was_dated: bool, similarity: float = 0.0) -> None:
        index, rep = cluster.index, cluster.members[-1]
        if rep.doc not in self.docs_of[index]:
            self.docs_of[index].add(rep.doc)
            self.by_doc[rep.doc].append(index)
        for said in said_keys(rep, similarity):
            if (rep.doc, said) not in self.said_of[index]:
                self.said_of[index].add((rep.doc, said))
                self.by_said[(rep.doc, said)].append(index)
        new = {(key, rep.doc) for key in member_keys(rep)} - self.keys_of[index]
        self.keys_of[index] |= new
        if cluster.dated and not was_dated:
            self.weeks_of[index] = weeks(cluster.latest_start, cluster.earliest_end)
            for week in self.weeks_of[index]:
                self.by_week[week].append(index)
            new = set(self.keys_of[index])
        for week in self.weeks_of.get(index, ()):
            for key, doc in sorted(new):
                self.by_key[(week, key)][doc].append(index)

    def clusters(self) -> list[Cluster]:
        return self.found


# The key of a member naming no actor token: a cluster holding one may take a report naming any.
WILD = ""


def member_keys(rep: Report) -> frozenset[str]:
    """The keys a cluster is found by once ``rep`` is one of its members (see ``report_keys``)."""
    tokens = side_parties(rep.actors)
    keys = tokens or frozenset({WILD})
    if joint_act(rep.event):
        keys |= _country_keys(rep)
    return keys


def report_keys(rep: Report) -> frozenset[str] | None:
    """The keys of the clusters that could take ``rep`` (a cluster is found when one of its members'
    keys is among them), None when any cluster could: it names no actor token.

    From ``reports.incompatibility``, which every member must pass: a member whose actors share no
    party with the report's contradicts it, unless one of the two names no actors, or they are a
    joint act of two documents sharing a country. So a compatible member has a key of the report:
    a shared actor token, ``WILD`` (it names none), or a shared country of a joint act.
    ``tests/resolve/test_clusters_index.py`` checks the ledger against every cluster tried."""
    tokens = side_parties(rep.actors)
    if not tokens:
        return None
    keys = tokens | {WILD}
    if joint_act(rep.event):
        keys |= _country_keys(rep)
    return keys


def near_keys(rep: Report, similarity: float) -> frozenset[str] | None:
    """For a report naming an actor and stating no date, the ``said_keys`` a member of its own
    document must have to give it evidence (``ANY_OF_DOC``: it could be any); None for any other
    report.

    From ``evidence.evidence``: in one document such a report has evidence from a member only by the
    same clause, the same wording repeated, the same sides (a shared named actor with a shared named
    recipient or the same two or more countries) or the same count (the same date needs its date
    stated); nor is it a lone fit of a cluster holding a member of its document (``Cluster._lone``).
    So a cluster holding a member of its document is found by those keys, and the clusters holding
    none by (week, key) in the other documents (``report_keys``). A list of thousands of lines naming
    an actor and a different person each ("Israel released X.") is no longer tried against every
    cluster of that actor and week (docs/reliability.md, "The list that named its actor")."""
    if not rep.actors or rep.stated is not None:
        return None
    words = _wording_keys(rep, similarity)
    return ANY_OF_DOC if words is None else _clause_keys(rep) | words | _side_keys(rep) | {EVERY}


def _side_keys(rep: Report) -> frozenset[str]:
    """Keys two reports of one document giving evidence by their sides or their count share
    (``evidence._same_sides``, ``evidence._same_count``): a named actor with a named recipient, a named
    actor with two or more countries, or ``COUNTED``."""
    actors = sorted(t for t in side_parties(rep.actors) if not t.startswith("code:"))
    recipients = sorted(t for t in side_parties(rep.recipients) if not t.startswith("code:"))
    keys = {f"sides {a} to {r}" for a in actors for r in recipients}
    if len(rep.countries) >= 2:
        keys |= {f"sides {a} among {' '.join(sorted(rep.countries))}" for a in actors}
    if _counted(rep):
        keys.add(COUNTED)
    return frozenset(keys)


def _counted(rep: Report) -> bool:
    """Whether the report states a count (``evidence._same_count`` can read it)."""
    quantity = rep.event.quantity
    return quantity is not None and quantity.get("value") is not None


# The ``_side_keys`` key of a report stating a count: any two such may be the same count.
COUNTED = "counted"


# ``own_keys`` when any cluster with a member of the report's document could take it.
ANY_OF_DOC: frozenset[str] = frozenset({"any of its document"})
# The ``said_keys`` of a member that every ``own_keys`` query finds (its wording too long to key).
EVERY = "*"
CLAUSE = 256  # characters of a document a "clause" key covers (spans overlapping share one)
PREFIX = 8  # words of a wording's head a key may name (``_wording_keys``); longer, and the sizes' key is ``*``
MOST = 256  # wording keys of one report at most; more, and it is keyed ``EVERY`` (or queries its document)


def own_keys(rep: Report, similarity: float) -> frozenset[str] | None:
    """For a report whose evidence can only be a member of its own document, the ``said_keys`` such a
    member has (``ANY_OF_DOC``: it could be any); None for any other report.

    From ``evidence.evidence``: a report that names no actor and states no date has evidence from a
    member only in its own document, the same clause (overlapping spans) or the same wording repeated
    (``_similar``: a share ``similarity`` of their words in common); nor is it a lone fit (``telling``
    needs a shared actor). So the cluster has a member of its document whose span shares a ``CLAUSE``
    block with it or whose wording shares a wording key (``_wording_keys``). A list of thousands of
    released names in one article is no longer tried against every cluster of its week
    (docs/reliability.md, "The list that rebuilt in minutes")."""
    if rep.actors or rep.stated is not None:
        return None
    words = _wording_keys(rep, similarity)
    return ANY_OF_DOC if words is None else _clause_keys(rep) | words | {EVERY}


def said_keys(rep: Report, similarity: float) -> frozenset[str]:
    """The keys a cluster is found by in ``rep``'s document once ``rep`` is one of its members (see
    ``own_keys`` and ``near_keys``): the ``CLAUSE`` blocks of its span, its ``_side_keys`` and its
    wording keys, or ``EVERY``."""
    words = _wording_keys(rep, similarity, asking=False)
    return _clause_keys(rep) | _side_keys(rep) | (frozenset({EVERY}) if words is None else words)


def _clause_keys(rep: Report) -> frozenset[str]:
    """The blocks of ``CLAUSE`` characters the report's span covers: two spans that overlap
    (``evidence``'s test: each starts before the other ends) share one."""
    first, last = rep.event.span
    return frozenset(f"clause {block}" for block in range(first // CLAUSE, max(first, last - 1) // CLAUSE + 1))


def _wording_keys(rep: Report, similarity: float, asking: bool = True) -> frozenset[str] | None:
    """Keys two wordings ``_similar`` at ``similarity`` share, one as ``asking`` (``own_keys``,
    ``near_keys``), the other as a member (``said_keys``); None when there would be more than ``MOST``
    (or any two wordings are similar).

    A report's ``wording`` lists its words in one order for its whole document, the rarest in the
    document first (``reports.reports_of``). Two wordings of ``k`` and ``j`` words with a share ``t``
    (intersection over union) in common have at least ``need = ceil(t·(k + j) / (1 + t))`` words in
    common, so the first of those in the document's order is among the first ``k - need + 1`` words of
    the one and the first ``j - need + 1`` of the other: the key names the two sizes (the asking one
    first) and that word. A list's template ("The army detained …"), in every line, comes last in
    that order, so its lines are found by the names they share, not by the template. Where either
    head would be longer than ``PREFIX`` words, the two sizes' key is ``*``: every member of that size
    is found by every report of this."""
    if similarity <= 0:
        return None
    words = rep.wording
    if not words:
        return frozenset()
    k, keys = len(words), set[str]()
    for j in range(1, int(k / similarity) + 2):
        need = _overlap(k, j, similarity)
        if need > min(k, j):
            continue  # no wordings of these sizes are that alike
        label = f"words {k} {j}" if asking else f"words {j} {k}"
        if max(k, j) - need + 1 > PREFIX:
            keys.add(f"{label} *")
        else:
            keys.update(f"{label} {word}" for word in words[:k - need + 1])
        if len(keys) > MOST:
            return None
    return frozenset(keys)


def _overlap(k: int, j: int, similarity: float) -> int:
    """The fewest words two wordings of ``k`` and ``j`` words have in common when their share is at
    least ``similarity``: ``i / (k + j - i) >= t`` is ``i >= t·(k + j) / (1 + t)``; one less where
    rounding could have pushed it over a whole number (a longer head is safe)."""
    return max(1, math.ceil(similarity * (k + j) / (1 + similarity) - 1e-9))


def _country_keys(rep: Report) -> frozenset[str]:
    return frozenset(f"country {code}" for code in rep.countries)


def weeks(first: dt.date, last: dt.date) -> range:
    return range(first.toordinal() // 7, last.toordinal() // 7 + 1)


def plus(day_: dt.date, delta: dt.timedelta) -> dt.date:
    return day_ + delta if day_ <= dt.date.max - delta else dt.date.max


def cluster_sorted(reports: Iterable[Report], settings: LedgerSettings,
                   bucket: Callable[[], Bucket] = MemoryBucket) -> Iterator[Cluster]:
    """Clusters of reports already in canonical order (see the module docstring), yielding the clusters of each (type,
    status class) once its last report is placed; ``bucket`` makes the place each one's clusters
    are kept in while it is filled (in memory by default)."""
    current: tuple[str, str] | None = None
    filling: Bucket | None = None
    for rep in reports:
        key = (merge_kind(rep.event), status_class(rep.event.status))
        if key != current:
            if filling is not None:
                yield from filling.clusters()
            current, filling = key, bucket()
            slack = dt.timedelta(days=reach_days(key[1], settings.date_slack_days))
        assert filling is not None
        place(filling, rep, settings, slack)
    if filling is not None:
        yield from filling.clusters()
