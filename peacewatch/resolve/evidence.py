"""What shows that two compatible event reports tell of one real-world event, and how strongly.

Not contradicting each other (``reports.incompatibility`` is None) is no evidence of one event, so
a report joins another only with ``evidence``:

- in one document: the same clause (overlapping spans), the same wording repeated (a caption
  repeating the text), or, for different sentences, strong evidence: a shared actor and a shared
  recipient (named: an entity, not just a country code), or a shared actor and the same two or more
  countries among all parties, the same count, or the same explicit date (a writer mentions one
  happening once per sentence unless repeating it);
- a report whose actors are unknown: both dates stated and agreeing, and the same count or a shared
  recipient;
- across documents: a shared actor and both dates stated, unless one date is coarser than a day (a
  month, a year) and each report names another coded party the other does not (the DRC "agreeing to
  negotiations" with the M23 in April is not its signing with Rwanda on 25 April:
  ``reports._counterparts_differ``), when it needs what an undated one needs; or, when one of them
  is undated (placed by its publication date), a shared actor plus a shared recipient (an entity or
  a country code), the same count, the same set of two or more actors, or (the undated one having
  happened, the other stating a day among the last ``undated_joins_days`` up to its publication)
  the same mode (for two joint acts, a shared country instead of a shared actor);
- a report of the other type of a strong-only kind (COERCE/seize with ASSAULT, ``_STRONG``): the
  same clause, or the same stated day and a shared actor named by entity, whatever the documents.

``strength`` ranks the ties of reports that give evidence, to choose between the clusters a report
could join.
"""

from __future__ import annotations

import datetime as dt

from ..config import LedgerSettings
from .reports import (
    Report,
    _counterparts_differ,
    _same_day,
    _shared,
    joint_act,
    quantities_agree,
    side_parties,
    status_class,
)

# The pairs of ``_KINDS`` that join a report of the other type only when both state the same day and
# name a shared actor by entity: a seizure is an attack's part only when the same group did both.
_STRONG = frozenset({("COERCE", "seize")})


def evidence(a: Report, b: Report, settings: LedgerSettings) -> str | None:
    """What shows that two compatible reports tell of one event (see the module docstring), or None."""
    if a.event.type != b.event.type and _strong_only(a, b):
        if a.doc == b.doc and a.event.span[0] < b.event.span[1] and b.event.span[0] < a.event.span[1]:
            return "same clause"
        actor = _shared_named(a.actors, b.actors, "actor")
        return f"{actor}, same stated day" if actor and _same_day(a, b, settings.date_slack_days) else None
    return _evidence(a, b, settings)


def strength(a: Report, b: Report, settings: LedgerSettings) -> tuple[int, int, int]:
    """How strongly two reports that give ``evidence`` of one event are tied, to choose between the
    clusters a report could join (higher is stronger, compared in order): both sides shared (an
    actor and a recipient, 2), an actor (1) or neither (0); then the same stated day; then the same
    count. A recipient that ``a`` also names among its actors is no shared side: a party on both
    sides of an act is a misreading, not who it was done to."""
    actor = _shared(a.actors, b.actors)
    recipient = bool((side_parties(a.recipients) - side_parties(a.actors)) & side_parties(b.recipients))
    sides = 2 if actor and recipient else int(actor)
    return (sides, int(_same_day(a, b, settings.date_slack_days)), int(_same_count(a, b, settings) is not None))


def shared_actor(a: Report, b: Report) -> bool:
    """Whether the two reports name a shared actor (an entity or a country code)."""
    return _shared(a.actors, b.actors)


def _strong_only(a: Report, b: Report) -> bool:
    return (a.event.type, a.event.mode or "") in _STRONG or (b.event.type, b.event.mode or "") in _STRONG


def _evidence(a: Report, b: Report, settings: LedgerSettings) -> str | None:
    if a.doc == b.doc:
        if a.event.span[0] < b.event.span[1] and b.event.span[0] < a.event.span[1]:
            return "same clause"
        if _similar(a.wording, b.wording, settings.repeat_similarity):
            return "repeated wording"
    if not a.actors or not b.actors:
        if not (a.stated and b.stated):
            return None
        found = _same_count(a, b, settings) or _shared_named(a.recipients, b.recipients, "recipient") or (
            _same_mode_day(a, b, settings) if a.doc != b.doc else None)
        return f"actor unknown, stated dates agree, {found}" if found else None
    if a.doc == b.doc:
        return _same_sides(a, b) or _same_count(a, b, settings) or _same_date(a, b)
    if a.stated and b.stated:
        if not _shared(a.actors, b.actors):
            return f"joint act of {', '.join(sorted(a.countries & b.countries))}, stated dates agree"
        if (a.stated.days == 1 and b.stated.days == 1) or not _counterparts_differ(a.actors, b.actors):
            return "shared actor, stated dates agree"
    found = (_shared_party(a.recipients, b.recipients, "recipient") or _same_count(a, b, settings)
             or _same_actor_set(a, b) or _undated_in_week(a, b, settings))
    return f"shared actor, {found}" if found else None


def _undated_in_week(a: Report, b: Report, settings: LedgerSettings) -> str | None:
    """One report that happened undated (placed on the days up to its publication), the other of
    the same mode stating a day among the last ``undated_joins_days`` up to that publication: an
    article telling of "the release" the day after another dated it. The days are few so that of two
    ceasefires in one week (agreed on Wednesday, in force on Sunday) a Monday paper's "the ceasefire"
    joins Sunday's. The two name a shared actor, or, both joint acts (a truce, talks: ``reports.joint_act``),
    a shared country, as two joint acts stating their days need (``_evidence``): "the ceasefire" told
    undated as Hamas's the day after another outlet dated Israel's and Hamas's."""
    dated, undated = (a, b) if a.stated is not None else (b, a)
    if undated.stated is not None or dated.stated is None or undated.window is None or dated.stated.days != 1:
        return None
    if not a.event.mode or a.event.mode != b.event.mode or status_class(undated.event.status) != "happened" \
            or not (_shared(a.actors, b.actors) or _joint_of_a_country(a, b)):
        return None
    placed, day_ = undated.window.end, dated.stated.start
    slack = dt.timedelta(days=settings.date_slack_days)
    if not placed - dt.timedelta(days=settings.undated_joins_days) < day_ <= placed + slack:
        return None
    return f"undated {a.event.mode} of {placed.isoformat()} after the one of {dated.event.date}"


def _joint_of_a_country(a: Report, b: Report) -> bool:
    """Both joint acts (``reports.joint_act``) naming a shared country on any side."""
    return joint_act(a.event) and joint_act(b.event) and bool(a.countries & b.countries)


def _same_mode_day(a: Report, b: Report, settings: LedgerSettings) -> str | None:
    """Two outlets telling of one specific act (a mode: a release, a signing, an abduction) on the
    same stated day: one names who did it, the other only to whom or not at all."""
    mode = a.event.mode or b.event.mode
    if mode and _same_day(a, b, settings.date_slack_days):
        return f"same {mode} on the same day"
    return None


def _same_sides(a: Report, b: Report) -> str | None:
    """In one document: a shared named actor, and a shared named recipient or the same two or more
    countries between them ("Armenia and Azerbaijan would exchange prisoners" / "Baku would free 32
    Armenians and Yerevan two Azerbaijanis")."""
    actor = _shared_named(a.actors, b.actors, "actor")
    if not actor:
        return None
    if recipient := _shared_named(a.recipients, b.recipients, "recipient"):
        return f"{actor} and {recipient}"
    if len(a.countries) >= 2 and a.countries == b.countries:
        return f"{actor}, same countries ({', '.join(sorted(a.countries))})"
    return None


def _similar(a: tuple[str, ...], b: tuple[str, ...], threshold: float) -> bool:
    if not (a and b):
        return False
    words = set(a)
    return len(words.intersection(b)) / len(words.union(b)) >= threshold


def _shared_named(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...], side: str) -> str | None:
    """A party both sides name by entity (a ledger id or a name, not a bare country code)."""
    shared = sorted(t for t in side_parties(a) & side_parties(b) if not t.startswith("code:"))
    return f"shared {side} {shared[0]}" if shared else None


def _shared_party(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...], side: str) -> str | None:
    """A party both sides name, by entity or by country code."""
    shared = sorted(side_parties(a) & side_parties(b))
    return f"shared {side} {shared[0]}" if shared else None


def _same_count(a: Report, b: Report, settings: LedgerSettings) -> str | None:
    qa, qb = a.event.quantity, b.event.quantity
    if not qa or not qb or qa.get("value") is None or qb.get("value") is None:
        return None
    if not quantities_agree(qa, qb, settings.quantity_tolerance):
        return None
    return f"same count ({qa.get('value')} {qa.get('unit')})"


def _same_date(a: Report, b: Report) -> str | None:
    """The same explicit date, no coarser than a month (two mentions of "2023" are no evidence)."""
    if a.stated and a.stated == b.stated and a.stated.days <= 31:
        return f"same date ({a.event.date})"
    return None


def _same_actor_set(a: Report, b: Report) -> str | None:
    """Both name the same two or more actors (a joint act of one dyad)."""
    parties = set(a.actors)
    return "same actors" if len(parties) >= 2 and parties == set(b.actors) else None
