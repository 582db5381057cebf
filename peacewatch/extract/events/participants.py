"""Who acts and who is acted on in one event: its actors and recipients, and why.

``participants`` reads them off a found trigger: the subject and objects of a verb, or the
possessor and "between/with/by" phrases of a noun (``arguments``), then, where the sentence leaves a
side empty, the issuer of a declaration, the parties of an agreed text that sets the act out, the
parties of a threat's condition, the recipients of the inner action or of a governed clause, the
place or nearest party; a reported "must" makes the act a REQUEST by the speaker, and talks a host
holds between parties are the parties' (``_hosted``). ``placed_actors`` gives an uncoded actor the
country of the place it acts in. Every choice is added to the reading's ``why``.
"""

from __future__ import annotations

from typing import Any

from ...types import Argument
from . import arguments as args
from . import places
from . import recipients as recip
from .matching import coarse_pos, text_subject
from .status import Reading, cues
from .tables import words
from .terms import text_phrase
from .triggers import Found
from .wrappers import wrapper_role

VENUE_TYPES = recip.VENUE_TYPES


def participants(index: args.Index, found: Found, reading: Reading) -> tuple[list[Argument], list[Argument]]:
    token = found.token
    if coarse_pos(token) == "VERB":
        actors = args.verb_actors(index, token)
        if not actors and reading.type in args.ATTACK_TYPES and (named := args.attack_named(index, token)):
            actors = named
            reading.why.append("a passive act's occasion names its attacker ('killed in a rebel raid')")
        targets = recip.recipients_of(index, token)
        if reading.type == "ACCUSE":  # "complained to the UN over Israeli raids": the target
            targets = recip.recipients_of(index, token, skip=("to",)) or targets
    else:
        # the mediation itself ("Qatar's mediation between X and Y"): its parties are recipients;
        # mediated talks ("talks between X and Y, mediated by Qatar") keep the parties as actors
        mediation = reading.mode == "third-party" and found.rule.mode == "third-party"
        actors, named = args.noun_actors(index, token, mediated=mediation,
                                         of_actor=found.rule.mode in args.OF_ACTOR_MODES,
                                         signing=found.rule.mode == "sign")
        targets = recip.Targets(named, "noun phrase")
    if not actors and token.dep_ == "acl" and token.head.dep_ == "dobj" \
            and token.head.lemma_.lower() in words("document"):
        subj = args.subject(token.head.head)  # "X issued a declaration demanding …": X demands
        if subj is not None and (actors := args.phrase(index, subj)):
            reading.why.append(f"speaks for the issuer of the '{token.head.text}'")
    if not actors and (parties := _text_parties(index, found)):
        actors = parties
        reading.why.append("set out by an agreed text: the act of its parties")
    if not any(a.code for a in actors) and (parties := _signed_text_parties(index, found)):
        actors = parties
        reading.why.append("a text signed with no signer named: the act of the parties it is between")
    if reading.type == "ASSAULT" and (sides := args.pitted_sides(index, token)):
        reading.why.append("a war pitting sides against each other: both sides act, a two-sided clash")
        actors, targets = sides, recip.Targets([], "")
    else:
        targets = _fallbacks(index, found, reading, actors, targets)
    recipients = targets.args
    if "requested" in cues(found):
        reporter = args.reporting_verb(found.top)
        subj = args.subject(reporter) if reporter is not None else None
        if subj is not None:
            reading.why.append(f"'must' under reporting verb '{reporter}': REQUEST by its subject")
            reading.type, reading.mode = "REQUEST", None
            actors, recipients = args.phrase(index, subj), actors
            targets.source = "actor of the required act"
    if token.lemma_.lower() in words("host") and not found.wrappers:
        actors, recipients = _hosted(actors, recipients, reading)
        targets.source = "host" if reading.mode == "third-party" else targets.source
    ids = {a.entity for a in actors if a.entity}
    recipients = [r for r in recipients if r.entity is None or r.entity not in ids]
    if recipients and targets.source:
        reading.why.append(f"{RECIPIENT_FROM}{targets.source}")
    return actors, recipients


# How an event's ``why`` names where its recipients were read (``recipients.Targets.source``).
RECIPIENT_FROM = "recipient from: "


def _fallbacks(index: args.Index, found: Found, reading: Reading, actors: list[Argument],
               targets: recip.Targets) -> recip.Targets:
    """Where the trigger's own phrase names no recipient: a threat's condition, the inner action, a
    governed clause, the place, the nearest party below the trigger."""
    token = found.token
    if not targets and reading.type == "THREATEN":
        targets = recip.condition_parties(index, token)
    if found.inner is not None:  # "agreed to lift the embargoes on Iran and Libya"
        inner = recip.inner_recipients(index, found.inner.token)
        more = [r for r in inner.args if r not in targets.args]
        if more:
            targets = recip.Targets(targets.args + more, targets.source or inner.source)
    if not targets:
        targets = recip.clause_recipients(index, token)
    venue = reading.type in VENUE_TYPES
    if not targets and not venue:
        targets = recip.Targets(places.place_arguments(index, token), "place")
    if not targets:
        targets = recip.nearest_party(index, token, actors, venue=venue)
    return targets


def _text_parties(index: args.Index, found: Found) -> list[Argument]:
    """The parties of the agreed text that sets out an act with no actor of its own ("the deal between X and
    Y provides for the release of …", "X and Y's truce includes …"): who agreed to the term is who is bound
    by it (coding guide, "Retreats": an agreed deal is coded per provision, by its parties)."""
    for wrapper in found.wrappers:
        if wrapper_role(wrapper) != "provision":
            continue
        text = text_subject(wrapper)
        if text is not None:
            return args.noun_actors(index, text_phrase(text))[0]
    return []


def _signed_text_parties(index: args.Index, found: Found) -> list[Argument]:
    """The parties of a text told as signed in the passive with no coded signer ("a peace agreement
    between Rwanda and the DRC was signed in Washington", "Kenya and Uganda's accord was initialled by
    their ministers"): who signs a text between two parties is the parties (coding guide: signing is
    SUPPORT by the signatories), read off the text's possessor, modifiers and "between" phrase."""
    token = found.token
    if found.rule.mode != "sign" or coarse_pos(token) != "VERB":
        return []
    text = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if text is None:
        return []
    parties: list[Argument] = []
    for child in text.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and (arg := index.argument(child)):
            parties.append(arg)
        elif child.dep_ == "prep" and child.lower_ == "between":
            parties.extend(args.pobjs(index, child))
    coded = [a for a in args.dedupe(parties) if a.code]
    return coded if len(coded) > 1 else []  # two parties or more: one alone is no text between sides


def _hosted(actors: list[Argument], recipients: list[Argument],
            reading: Reading) -> tuple[list[Argument], list[Argument]]:
    """"Qatar hosted talks between Kinshasa and the M23": talks held by a host between two or more
    parties are the parties' CONSULT, the host its recipient (coding guide, "Talks"). A host
    receiving one visitor ("X hosted Y") stays X's act, as PLOVER codes it; so does an offer to host
    (a wrapper: "ready to host talks" is the host's AGREE)."""
    parties = [r for r in recipients if r.code]
    if len(parties) < 2 or not actors:
        return actors, recipients
    reading.mode = "third-party"
    reading.why.append(f"hosted talks between {len(parties)} parties: the parties act, the host receives")
    return parties, actors


def placed_actors(actors: list[Argument], place: dict[str, Any] | None,
                   reading: Reading) -> list[Argument]:
    """An actor the actors component could not code takes the country of the place it acts in
    ("supporters blocked roads in Algiers" → DZA), as PLOVER coders do for unnamed groups; an
    attack with no named agent gets an unidentified armed force (sector UAF) of that country."""
    if place is None or not place.get("code"):
        return actors
    code = place["code"]
    if not actors and reading.type == "ASSAULT":
        # PLOVER's "unidentified armed force": an attack with no named agent, in a known country
        reading.why.append(f"no named attacker: unidentified armed force of '{place['name']}' ({code})")
        return [Argument(None, code, "UAF", "")]
    if all(a.code for a in actors):
        return actors
    reading.why.append(f"uncoded actor placed by '{place['name']}' ({code})")
    return [a if a.code else Argument(a.entity, code, a.sector, a.text) for a in actors]
