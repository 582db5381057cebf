"""Why a gold commitment of ``eval process`` is missed or wrong, as classes the breakdowns count.

Each function takes one gold commitment (or one ledger promise) and what the ledger holds
(``process_ledger.Ledger``) and names its class: where the date of the nearest promise of a missed
commitment came from (``made_miss``), why no ledger commitment finds it (``commitment_miss``), the act
missed (``missed_act``), whether a sentence of its own articles states it (``stated_miss``), how its
articles tell the act (``act_told``), where the nearest promise of it lies (``nearest_promise``) and which
days its articles tell near the gold one (``made_days``), and whether they tell an act as done under an
agreement (``agreement_frame``);
for a wrong status, what decided the ledger's (``decided_by``) and, for a gold broken commitment left
unbroken, what stops its obligors' contrary acts (``breach_evidence``), and for a gold fulfilled one left
unfulfilled, why no act carries out the promise it is paired with (``unfulfilled``); for a wrong fulfilment day, how
the ledger's fulfilling act stands to the gold's (``day_miss``). The keys are the prefixes ``process``
prints them under.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .process_ledger import Ledger, codes, day_of

# The prefix of the counts of gold commitments missed, by why (``commitment_miss``).
COMMITMENT_MISS_KEY = "commitment missed:"


# The prefix of the counts of ``made`` misses by where the date of the nearest promise of the gold
# commitment's own articles came from (``made_miss``); NO_PROMISE when its articles hold none.
MADE_FROM_KEY = "made from:"


NO_PROMISE = "no promise"


def made_miss(g: dict[str, Any], ledger: Ledger, made_gap: Any, compatible: Any) -> tuple[str, list[str]]:
    """For a gold commitment missed as ``made``: where the date of the nearest promise of its act by a
    gold obligor in the gold's own articles came from (``made_source``), else ``NO_PROMISE``, and a
    line per such promise (article, ``made``, source, days off the gold ``made``)."""
    obligor, kind = codes(g.get("obligor")), g["action"]["type"]
    found = [(doc, p) for doc in sorted(g.get("docs") or []) for p in ledger.promises.get(doc, [])
             if p["type"] and compatible(p["type"], kind) and p["obligor"] & obligor]
    if not found:
        return NO_PROMISE, []
    nearest = min(found, key=lambda dp: (made_gap(dp[1]) is None, made_gap(dp[1]) or 0))
    lines = [f"{doc} made {p['made']} ({p['from']}, {made_gap(p)} days off)" for doc, p in found]
    return nearest[1]["from"], lines


# The prefix of the counts of wrong statuses, by what decided the ledger's (``decided_by``).
DECIDED_KEY = "status decided:"


def commitment_miss(g: dict[str, Any], commitments: list[dict[str, Any]], made_gap: Any, compatible: Any) -> str:
    """Why no ledger commitment finds a gold one, by the nearest thing the ledger has: ``made`` (a
    promise of a compatible act by a gold obligor, made more than seven days off or undated),
    ``obligor`` (a compatible act made within seven days, bound on other parties), ``type`` (a gold
    obligor's promise of that week, of another act), else ``none`` (no promise of that week and act
    by anyone). ``made_gap(commitment)`` is its distance in days from the gold ``made``, or None."""
    obligor, kind = codes(g.get("obligor")), g["action"]["type"]

    def near(p: dict[str, Any]) -> bool:
        gap = made_gap(p)
        return gap is not None and gap <= 7

    typed = [p for p in commitments if p["type"] and compatible(p["type"], kind)]
    if any(p["obligor"] & obligor and not near(p) for p in typed):
        return "made"
    if any(near(p) for p in typed):
        return "obligor"
    if any(p["obligor"] & obligor and near(p) for p in commitments):
        return "type"
    return "none"


# The prefix of the counts of misses not of ``made`` by the gold act and what the ledger promised instead,
# and by how the gold's own articles tell the act (``act_told``).
ACT_KEY = "missed act:"
ACT_TOLD_KEY = "missed act, told:"


def missed_act(g: dict[str, Any], commitments: list[dict[str, Any]], made_gap: Any) -> str:
    """A miss not of ``made`` as the gold act and the acts the ledger's promises of that week by a gold
    obligor name instead ("COOPERATE / ledger AGREE+RETREAT", "CONSULT / ledger none"): which act
    classes the promises a reader finds are read as, or not read at all."""
    obligor = codes(g.get("obligor"))
    near = sorted({p["type"] or "-" for p in commitments
                   if p["obligor"] & obligor and (gap := made_gap(p)) is not None and gap <= 7})
    return f"{g['action']['type']} / ledger {'+'.join(near) or 'none'}"


# The prefix of the counts of wrong fulfilment days (``day_miss``).
DAY_KEY = "day miss:"


def day_miss(p: dict[str, Any], gold_day: Any, linked: bool, events: dict[str, dict[str, Any]], interval: Any) -> str:
    """A wrong fulfilment day as whether the ledger's fulfilling act is the gold one, whether its day
    lies before or after the gold day, and whether the act's date is its first report's day (dated by
    publication, not by its text): "gold act, after, report's day"."""
    got, want = interval(p.get("fulfilled_on")), interval(gold_day)
    side = "undated" if got is None or want is None else ("before" if got[1] < want[0] else "after")
    acts = [events[f] for f in p.get("fulfilled_by") or [] if f in events]
    by_report = any(day_of(e.get("date")) and day_of(e.get("date")) == day_of(e.get("anchor")) for e in acts)
    return f"{'gold act' if linked else 'another act'}, {side}, {'report' if by_report else 'text'}'s day"


def decided_by(p: dict[str, Any], events: dict[str, dict[str, Any]]) -> str:
    """What decided a ledger commitment's status, as a class to count: the type/mode of the first
    event that broke or kept it (a kept promise of another mode than its own is told apart), or the
    status alone when no event decided it."""
    status = p["status"]
    deciding = p.get("broken_by") if status == "broken" else p.get("fulfilled_by") if status == "fulfilled" else None
    event = events.get((deciding or [""])[0])
    if event is None:
        return status
    same = "" if status == "broken" or event["mode"] == p["mode"] else " (other mode)"
    return f"{status} by {event['type']}/{event['mode'] or '-'}{same}"


# The prefix of the counts of gold commitments missed, by whether a sentence of their own articles
# states them (``stated_miss``) and the miss class (``commitment_miss``): "stated / type".
STATED_KEY = "missed, told:"


# Words of an undertaking (a promise, an agreed provision, an announced act, a joint statement's point)
UNDERTAKING = re.compile(
    r"\b(will|would|shall|agreed|agree to|agreement|deal|accord|declaration|pledg\w*|commit\w*|undert\w*"
    r"|promis\w*|vow\w*|(?:is|are|was|were) to|provisions?|terms|calls? for|provides? for|includ\w*"
    r"|plans? to|scheduled|invit\w*|guarantor\w*|mechanism)\b")


# Words of an agreement: a sentence of its terms may name no party ("under the deal, ... will be released")
AGREEMENT_WORDS = re.compile(r"\b(agreement|deal|accord|declaration|truce|ceasefire|cease-fire|terms|provisions?)\b")


# Words too common in a process's articles to tie a sentence to one promise
COMMON = frozenset("""about after also agreement agreed before being between both deal during from government have
into more other over said says since than that their them then there these they this those under until were what
when which while will with would within""".split())


SHARED_STEMS = 3  # content words a sentence must share with the gold description


def stems(text: str) -> frozenset[str]:
    """The content words of a text as five-letter stems ("released" and "release" alike)."""
    return frozenset(w[:5] for w in re.findall(r"[a-z][a-z-]{3,}", text.lower()) if w not in COMMON)


def stated_miss(g: dict[str, Any], ledger: Ledger) -> tuple[str, str | None]:
    """Whether a sentence of the gold commitment's own articles states it, as a reader could find it:
    words of an undertaking (``UNDERTAKING``), ``SHARED_STEMS`` content words of the gold description
    (the act and its object: "hand over the list of names"), and a gold obligor named or an agreement's
    words (a term naming no party). ``stated`` with the best such sentence, else ``unstated`` (what the
    gold coded from the process, no sentence telling it as an undertaking). A proxy by words, counted
    as aggregates: it finds what a reader could, not what the extraction reads."""
    obligor, wanted = codes(g.get("obligor")), stems(str(g.get("description") or ""))
    best: tuple[int, str] | None = None
    for doc in sorted(g.get("docs") or []):
        for text, named in ledger.sentences.get(doc, []):
            shared = len(stems(text) & wanted)
            party = named & obligor or AGREEMENT_WORDS.search(text)
            if shared >= SHARED_STEMS and UNDERTAKING.search(text) and party and (best is None or shared > best[0]):
                best = shared, f"{doc}: {' '.join(text.split())[:160]}"
    return ("stated", best[1]) if best is not None else ("unstated", None)


# The prefix of the counts of ``made`` misses by how the gold commitment's own articles tell its act
# (``act_told``), and by where the nearest ledger promise of it lies (``nearest_promise``).
TOLD_KEY = "made miss, act told:"


NEAREST_KEY = "made miss, nearest promise:"


HAPPENED_STATUSES = frozenset({"occurred", "historical"})
WEEK = dt.timedelta(days=7)


def act_told(g: dict[str, Any], ledger: Ledger, compatible: Any) -> str:
    """How the gold commitment's own articles tell its act by a gold obligor: ``promised`` (a promise
    of it read there), ``told done`` (reports of it, every one as having happened), ``told
    otherwise`` (a report of another status: future, requested, ...), ``not told``. A ``made`` miss
    whose act is told done and not promised is no promise dated wrong: no article tells it as one."""
    obligor, kind = codes(g.get("obligor")), g["action"]["type"]
    docs = sorted(g.get("docs") or [])
    if any(p["type"] and compatible(p["type"], kind) and p["obligor"] & obligor
           for d in docs for p in ledger.promises.get(d, [])):
        return "promised"
    told = [r for d in docs for r in ledger.reports.get(d, [])
            if r["type"] and compatible(r["type"], kind) and r["codes"] & obligor]
    if not told:
        return "not told"
    return "told done" if all(r["status"] in HAPPENED_STATUSES for r in told) else "told otherwise"


def nearest_promise(g: dict[str, Any], commitments: list[dict[str, Any]], compatible: Any, interval: Any) -> str:
    """Where the ledger promise of the gold act by a gold obligor nearest the gold ``made`` lies:
    ``before`` or ``after`` it, ``within a month`` or ``further``; ``undated`` when none is placed."""
    obligor, kind, made = codes(g.get("obligor")), g["action"]["type"], interval(g.get("made"))
    placed = [(p, got) for p in commitments if p["type"] and compatible(p["type"], kind) and p["obligor"] & obligor
              and (got := interval(p["made"], p["anchor"])) is not None]
    if made is None or not placed:
        return "undated"

    def off(got: Any) -> int:
        return (made[0] - got[1]).days if got[1] < made[0] else (got[0] - made[1]).days if got[0] > made[1] else 0
    got = min((got for _, got in placed), key=off)
    side = "before" if got[1] < made[0] else "after"
    return f"{side}, {'within a month' if off(got) <= 30 else 'further'}"


# The prefix of the counts of ``made`` misses by the days of their own articles near the gold ``made``
# (``made_days``).
MADE_DAYS_KEY = "made miss, days near:"
AGREEMENT_ACTS = frozenset({("AGREE", None), ("SUPPORT", "sign")})


def made_days(g: dict[str, Any], ledger: Ledger, compatible: Any, interval: Any) -> str:
    """Which days the gold commitment's own articles tell lie within seven days of the gold ``made``
    (what a rule could take the day from): ``agreement`` (an agreement reached or text signed by a gold
    obligor), ``act`` (a report of the gold act by a gold obligor, of any status), ``article`` (an
    article's day), joined by "+", else ``none``. For a promise told only as done, whether the gold dates
    it by the deal that provided for it, by the act, or by the report."""
    obligor, kind, made = codes(g.get("obligor")), g["action"]["type"], interval(g.get("made"))
    if made is None:
        return "undated"

    def near(value: Any, anchor: Any) -> bool:
        got = interval(value, anchor)
        return got is not None and got[0] - made[1] <= WEEK and made[0] - got[1] <= WEEK

    found: set[str] = set()
    for doc in sorted(g.get("docs") or []):
        reports = ledger.reports.get(doc, [])
        for r in reports:
            if not r["codes"] & obligor or not near(r["date"], r["anchor"]):
                continue
            if r["status"] in HAPPENED_STATUSES and (r["type"], r["mode"] if r["type"] == "SUPPORT" else None) \
                    in AGREEMENT_ACTS:
                found.add("agreement")
            if r["type"] and compatible(r["type"], kind):
                found.add("act")
        anchors = [r["anchor"] for r in reports] + [p["anchor"] for p in ledger.promises.get(doc, [])]
        if any(a and near(a, None) for a in anchors):
            found.add("article")
    return "+".join(k for k in ("agreement", "act", "article") if k in found) or "none"


# The prefix of the counts of ``made`` misses by whether their own articles tell an act as done under an
# agreement (``agreement_frame``).
FRAME_KEY = "made miss, agreement frame:"


# Words telling an act as carrying out an agreement: "under the deal", "as part of the truce", "in line
# with / in accordance with / in keeping with / pursuant to the accord", "as agreed", "implementing the
# agreement"; the deal noun within four words of the frame's head
DEAL_NOUN = r"(?:deal|agreement|accord|truce|ceasefire|cease-fire|pact|declaration|term|provision|arrangement)s?"
AGREEMENT_FRAME = re.compile(
    r"\b(?:(?:under|as part of|in line with|in accordance with|in keeping with|pursuant to|in compliance with"
    r"|implement(?:ing|ation of))\s+(?:[\w'’-]+\s+){0,4}?" + DEAL_NOUN + r"\b|as agreed\b)")


# Words telling the act as one to come or owed, not done: the frame is then a term, not a carrying out
TO_COME = re.compile(r"\b(will|would|shall|expected|supposed|(?:is|are|was|were) to|to be|due|plans?|later)\b")


ON_THE_ACT = 2  # content words a frame's sentence shares with the gold description to tell its act


def agreement_frame(g: dict[str, Any], ledger: Ledger) -> str:
    """Whether the gold commitment's own articles tell an act as carrying out an agreement: ``on the act,
    done`` (a sentence with a frame of ``AGREEMENT_FRAME`` sharing ``ON_THE_ACT`` content words with the
    gold description, told as done), ``on the act, to come`` (such a sentence telling the act as owed or
    expected, ``TO_COME``), ``elsewhere`` (frames only on other acts), else ``none``. For an act told only
    as done: whether the reading "an act done under a deal implies the deal's provision of it" could
    find the promise. A proxy by words, counted as aggregates."""
    wanted, found = stems(str(g.get("description") or "")), set()
    for doc in sorted(g.get("docs") or []):
        for text, _ in ledger.sentences.get(doc, []):
            if not AGREEMENT_FRAME.search(text.lower()):
                continue
            if len(stems(text) & wanted) < ON_THE_ACT:
                found.add("elsewhere")
            else:
                found.add("on the act, to come" if TO_COME.search(text.lower()) else "on the act, done")
    for kind in ("on the act, done", "on the act, to come", "elsewhere"):
        if kind in found:
            return kind
    return "none"


# The prefix of the counts of gold broken commitments the ledger found but did not read broken, by
# the contrary acts of its obligors the ledger holds (``breach_evidence``).
BREACH_KEY = "unbroken:"


def breach_evidence(p: dict[str, Any], events: list[dict[str, Any]], contradicts: Any, interval: Any) -> str:
    """For a ledger commitment the gold has broken and the ledger does not: what stops its obligors'
    contrary acts (``contradicts(action_type, action_mode, event_type, event_mode)``, true for the rows of
    ``contradicts.tsv``) from breaking it, the first of: ``none by an obligor`` (no act that happened,
    by an obligor, of a type that contradicts the promise), ``only before it`` (none certainly after
    its ``made``), ``only after its term`` (none before its due date, or a truce's ``until``),
    ``no recipient`` (none names whom it reached), ``reaching no beneficiary`` (none reaches
    another party it was promised to), else ``other`` (the status rules: a truce kept first)."""
    made = interval(p["made"], p["anchor"])
    acts = [e for e in events if e["status"] in HAPPENED_STATUSES and e["actor"] & p["obligor"]
            and contradicts(p["type"], p["mode"], e["type"], e["mode"])]
    if not acts:
        return "none by an obligor"
    acts = [e for e in acts if made is not None and (span := interval(e["date"], e["anchor"])) and span[0] > made[0]]
    if not acts:
        return "only before it"
    # a truce's due date is the day it takes effect; the end of its term is its ``until``
    term = interval(p.get("until") if p["mode"] == "ceasefire" else p.get("due"))
    acts = [e for e in acts if term is None or interval(e["date"], e["anchor"])[0] <= term[1]]
    if not acts:
        return "only after its term"
    acts = [e for e in acts if e["recipient"]]
    if not acts:
        return "no recipient"
    if p["beneficiary"] and not any((e["recipient"] & p["beneficiary"]) - e["actor"] for e in acts):
        return "reaching no beneficiary"
    return "other"


# The prefix of the counts of gold fulfilled commitments the ledger found but did not read fulfilled, by
# why no ledger act carries out the promise it paired (``unfulfilled``).
UNFULFILLED_KEY = "unfulfilled:"


def unfulfilled(g: dict[str, Any], p: dict[str, Any], target: dict[str, Any] | None, events: list[dict[str, Any]],
                fulfils: Any, compatible: Any, interval: Any) -> str:
    """For a gold fulfilled commitment whose paired ledger promise is not fulfilled: why no act carries
    the promise out, the first of: ``another act promised`` (the ledger's promised act would not carry out
    the gold's, by ``fulfils(type, mode, event_type, event_mode)``: the pairing found a neighbour
    promise), ``promise of other articles`` (no article the ledger read the promise from is one of the
    gold's: a promise of that act and week told elsewhere, the gold's own not read as one), ``partly
    carried out`` (acts toward it are listed, a promised count not reached), ``no gold act`` (the gold
    names no timeline entry), then of the ledger acts of a compatible type naming the gold act's actors
    in that entry's articles: ``act not read`` (none), ``act not happened`` (none read as happened),
    ``act undated`` (none the ledger dates), ``act before the promise`` (none ending after the first day
    the promise was made), ``act of another kind`` (none ``fulfils`` lets keep it), ``act by another
    party`` (none with an obligor among its actors), else ``other`` (the status rules: its beneficiary,
    its due date, the articles telling the promise)."""
    if not p["type"] or not fulfils(g["action"]["type"], g["action"].get("mode"), p["type"], p["mode"]):
        return "another act promised"
    if p["docs"] and not p["docs"] & frozenset(g.get("docs") or []):
        return "promise of other articles"
    if p["fulfilled_by"]:
        return "partly carried out"
    if target is None:
        return "no gold act"
    docs, actors = frozenset(target.get("docs") or []), codes(target.get("actor"))
    acts = [e for e in events if e["docs"] & docs and compatible(e["type"], target["type"]) and actors <= e["codes"]]
    made = interval(p["made"], p["anchor"])
    steps = (("act not read", lambda e: True),
             ("act not happened", lambda e: e["status"] in HAPPENED_STATUSES),
             ("act undated", lambda e: interval(e["date"], e["anchor"]) is not None),
             ("act before the promise", lambda e: made is None or interval(e["date"], e["anchor"])[1] > made[0]),
             ("act of another kind", lambda e: fulfils(p["type"], p["mode"], e["type"], e["mode"])),
             ("act by another party", lambda e: bool(e["actor"] & p["obligor"])))
    for name, keep in steps:
        acts = [e for e in acts if keep(e)]
        if not acts:
            return name
    return "other"
