"""The sides a document is about: the state in focus and the side in focus.

- the **state in focus**: the state most often named as an actor (twice at least, and half as often
  again as any other state) (its name, capital, demonym, its persons and groups), leaving out
  datelines, places, IGOs and third parties (mediators, hosts);
- the **side in focus**: where the fighting is, i.e. the code of the armed group named most (M23 →
  COD, Hamas → PSE), else the state in focus.

``find`` returns them as a ``Focus``, with the theatre (the state whose places are named most) and
the one state named when nothing is in focus. Resolving the unnamed actors to them is ``focus``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import dyads, theatre
from .datelines import is_dateline
from .work import Work, state_rows

# Sectors of armed groups: the armed group named most says where the fighting is.
ARMED = frozenset({"REB", "PRM"})
# Sectors of unnamed collectives that belong to the government side rather than to where fighting is.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
# How often a state must be named to be in focus (an armed group named once already says where the
# fighting is).
MIN_MENTIONS = 2
# How far ahead of the next state the state in focus must be (times as many namings).
LEAD = 1.5


@dataclass(frozen=True)
class Focus:
    """The state and the side a document is about (codes), with how they were found."""

    state: str | None
    side: str | None
    why: str
    armed: bool = False  # whether the side is an armed group's (else it is the state in focus)
    theatre: str | None = None  # the state whose places are named most (``theatre``)
    theatre_why: str = "no theatre"
    # The one state named as an actor when nothing is in focus, if no other state is named at all and
    # the places named are its own (or none): what armed collectives, named armed groups and
    # "the government" default to (a bare "troops" does not: ``MIN_MENTIONS`` stands for it).
    sole: str | None = None

    def armed_home(self) -> str | None:
        """Where an unnamed armed collective fights: the side in focus, else the theatre, else the sole state."""
        return self.side or self.theatre or self.sole

    def government(self) -> str | None:
        """Whose "the government" is: the state in focus, else the sole state."""
        return self.state or self.sole


def find(w: Work) -> Focus:
    """The state in focus (most named as an actor) and the side in focus (armed group named most)."""
    third = dyads.third_parties(w, dyads.token_keys(w))
    states: Counter[str] = Counter()
    armed: Counter[str] = Counter()
    first: dict[str, int] = {}
    seen: set[int] = set()
    for m in sorted(w.mentions, key=lambda x: (x.start, -x.end)):
        ent = w.entities.get(m.entity or "")
        if ent is None or ent.code is None or is_dateline(m) or ent.kind == "place":
            continue
        if m.start in seen:
            continue  # "Kenyan" inside "Kenyan police" is one naming, not two
        seen.add(m.start)
        if ent.code in state_rows() and f"state:{ent.code}" not in third and m.entity not in third:
            states[ent.code] += 1
            first.setdefault(ent.code, m.start)
        if ent.kind == "armed_group" and ent.sector in ARMED and ent.code in state_rows():
            armed[ent.code] += 1
            first.setdefault("armed:" + ent.code, m.start)
    state = max(states, key=lambda c: (states[c], -first[c]), default=None)
    fighting = max(armed, key=lambda c: (armed[c], -first["armed:" + c]), default=None)
    runner_up = max((n for c, n in states.items() if c != state), default=0)
    if state is not None and (states[state] < MIN_MENTIONS or states[state] < LEAD * runner_up):
        # named once is no focus ("Israel strengthened its forces": the forces are Israel's), nor is
        # one of two states named about as often ("Armenia and Azerbaijan will exchange prisoners")
        state = None
    why = f"state in focus {state} ({states[state]} mentions)" if state else "no state in focus"
    where, where_why = theatre.find(w)
    sole = _sole(states, where, theatre.named_states(w)) if state is None else None
    if sole is not None:
        why = f"{why}; {sole} the only state named"
    if fighting is not None:
        return Focus(state, fighting, f"{why}; side in focus {fighting} (armed group named {armed[fighting]}×)",
                     armed=True, theatre=where, theatre_why=where_why, sole=sole)
    return Focus(state, state, why, theatre=where, theatre_why=where_why, sole=sole)


def _sole(states: Counter[str], where: str | None, placed: set[str]) -> str | None:
    """The one state named as an actor, when no other state is named as an actor or a place and the
    theatre, if any, is that state ("The Mozambican government and the Northern Liberation Front
    signed a ceasefire in Maputo …": the rebels and "the government" are Mozambique's)."""
    if len(states) != 1:
        return None
    [code] = states
    return code if placed <= {code} and where in (None, code) else None
