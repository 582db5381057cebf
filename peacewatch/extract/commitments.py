"""Commitments within one document: promises and agreed obligations, from the events.

Two sources, after PLOVER's reading of peace processes:

- an AGREE or CONCEDE event with status ``future`` (a party undertook to do something): the
  obligors are its actors, the beneficiaries its recipients;
- an AGREE event (``occurred`` or ``future``) whose nested action the events component recorded
  ("agreed on a prisoner swap" → RETREAT/release): one commitment per action. An agreement among
  several parties with no recipient binds each of them towards the others.

``made`` is the date of the event that made the commitment (else the publication date), ``due`` the
date the promised action is set for when the text gives one. The action is the nested one, else
the trigger's own (an announced withdrawal, typed CONCEDE, commits to RETREAT/withdraw);
``status`` is ``open`` in one document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..pipeline import Annotation, register
from ..types import Commitment, Event
from .events.dating import is_later

if TYPE_CHECKING:
    from ..config import Config

PROMISE_TYPES = ("AGREE", "CONCEDE")
BINDING_STATUSES = ("occurred", "future", "historical")


class CommitmentsComponent:
    name = "commitments"
    requires = ("events",)
    provides = ("commitments",)

    def __call__(self, ann: Annotation) -> Annotation:
        notes = ann.notes.get("events", {})
        nested: dict[str, list[dict[str, Any]]] = notes.get("inner", {})
        own: dict[str, dict[str, Any]] = notes.get("action", {})
        published = ann.anchor.isoformat() if ann.anchor else None
        for event in ann.result.events:
            if not any(a.entity for a in event.actor):
                continue  # nobody is bound
            for action, why in _actions(event, nested.get(event.id, []), own.get(event.id)):
                ann.result.commitments.append(_commitment(
                    f"c{len(ann.result.commitments) + 1}", event, action, why, published, ann))
        return ann


def _actions(event: Event, nested: list[dict[str, Any]],
             own: dict[str, Any] | None) -> list[tuple[dict[str, Any], str]]:
    """The actions an event commits its actors to, each with the reason."""
    if event.type not in PROMISE_TYPES or event.status not in BINDING_STATUSES:
        return []
    if nested:
        return [({"type": a["type"], "mode": a["mode"]},
                 f"{event.type} {event.status} about {a['type']}/{a['mode'] or '-'} ({a['why']})")
                for a in nested]
    if event.status == "future":
        # The trigger's own action: an announced withdrawal (CONCEDE) commits to RETREAT/withdraw.
        action = own or {"type": event.type, "mode": event.mode, "why": event.why}
        return [({"type": action["type"], "mode": action["mode"]},
                 f"{event.type} future: {action['type']}/{action['mode'] or '-'} ({action['why']})")]
    return []


def _commitment(cid: str, event: Event, action: dict[str, Any], why: str,
                published: str | None, ann: Annotation) -> Commitment:
    obligor = [a.entity for a in event.actor if a.entity]
    beneficiary = [r.entity for r in event.recipient if r.entity]
    if not beneficiary and len(obligor) > 1:
        beneficiary = list(obligor)
        why += "; mutual: no recipient, several parties"
    ahead = is_later(event.date, ann.anchor)
    made = event.date if event.date and not ahead else published
    due = event.date if ahead else None
    return Commitment(id=cid, event=event.id, obligor=obligor, beneficiary=beneficiary,
                      action=action, made=made, due=due, status="open", why=why)


@register("commitments", requires=CommitmentsComponent.requires,
          provides=CommitmentsComponent.provides)
def make_commitments(config: Config) -> CommitmentsComponent:
    return CommitmentsComponent()
