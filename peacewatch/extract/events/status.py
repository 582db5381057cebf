"""Type and status of an event from its trigger, its wrappers and the cues around them.

PLOVER's peace-process rules decide the type where a plain reading would mislead: a promise to do
something cooperative is AGREE (hostile: THREATEN), an announced withdrawal or ceasefire is CONCEDE,
a future meeting is AGREE, a demand is REQUEST, a refusal REJECT, "will not accept" REJECT.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .matching import coarse_pos, under_provision
from .objects import concluded_text, missed_target, peacekeeping_word, promised_support, punitive_object
from .tables import is_cooperative, words, wrapper_roles
from .terms import agreed_participle, named_beside_text, sets_out
from .triggers import Found, is_scheduled
from .wrappers import is_infinitive, wrapper_role

if TYPE_CHECKING:
    from spacy.tokens import Token

# Role of a wrapper that is itself a trigger → the type of the merged event.
ROLE_TYPES = {"threat": "THREATEN", "request": "REQUEST", "refuse": "REJECT"}
# THREATEN's mode for a threatened action of each type.
THREAT_MODES = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations",
                "COERCE": "restrict"}
# Retreats that, agreed or promised, are announced retreats: CONCEDE (coding guide, "Retreats").
ANNOUNCED_RETREATS = ("withdraw", "ceasefire")
# Retreats that, only announced ("will release the prisoners"), are CONCEDE `future` too: the guide
# codes every announced retreat so (an *agreed* release stays AGREE, as the seed codes a swap).
ANNOUNCED_ONLY = (*ANNOUNCED_RETREATS, "release")
# The retreats the guide names ("Retreats": ceasefires, releases, handovers of territory, withdrawals,
# disarmament): set out by an agreed text, these are CONCEDE ``future``. Any other act a text sets out
# (humanitarian access, a resignation) is a promise, read as announced (``future_type``: AGREE).
AGREED_RETREATS = (*ANNOUNCED_ONLY, "disarm")
# Wrappers that bind their speaker to the act ("agreed / committed / pledged to withdraw", "a deal that
# commits both sides to a ceasefire"): an agreed or promised withdrawal or ceasefire is an announced
# retreat, CONCEDE. Offers and readiness ("ready / willing to withdraw") stay AGREE, as the PLOVER gold
# codes them.
BINDING = ("agree", "commit", "pledge", "promise", "vow", "swear", "agreement", "deal")
# Of BINDING, the unilateral promises: a release so promised ("pledged the release", "commits to the
# release") is announced, CONCEDE, where an agreed release stays AGREE (the seed's "agreed on a swap").
PROMISES = ("commit", "pledge", "promise", "vow", "swear")
# Dependents that give a coordinated verb a subject or tense of its own, and conjunctions that set it
# against the first verb: either way it does not share the first verb's cues (``shared_verb``).
SHARED_OWN = ("nsubj", "nsubjpass", "aux", "auxpass", "neg")
CONTRAST = ("but", "yet")
# Triggers of an agreement reached ("agreed to", "reached / struck an agreement to", "a deal to"): an
# extension of a truce so agreed is carried out by it (``extended_truce``); offers, proposals and
# promises to extend are not.
AGREEING = ("agree", "agreement", "deal", "reach", "strike")
# Verbal conflict types keep their type when announced.
KEEP_WHEN_FUTURE = ("AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN")


@dataclass
class Reading:
    """The type, mode and status an event ends with, and the reasons for each."""

    type: str
    mode: str | None
    status: str = "occurred"
    why: list[str] = field(default_factory=list)


def future_type(event_type: str, mode: str | None) -> tuple[str, str | None, str]:
    """What an announced (not yet carried out) action counts as under PLOVER's rules."""
    if event_type in KEEP_WHEN_FUTURE:
        return event_type, mode, "kept"
    if event_type == "RETREAT" and mode in ANNOUNCED_ONLY:
        return "CONCEDE", None, "announced withdrawal/ceasefire/release is CONCEDE"
    if event_type == "CONSULT":
        return "AGREE", "meet", "a future meeting is AGREE"
    if is_cooperative(event_type):
        return "AGREE", None, "a promised cooperative act is AGREE"
    return "THREATEN", THREAT_MODES.get(event_type), "an announced hostile act is THREATEN"


def _cue_tokens(item: Found) -> list[Token]:
    """Tokens whose dependents carry status cues: trigger, its predicate verb, wrappers, and the
    verb a coordinated trigger shares its subject and auxiliary with."""
    tokens = [item.token, *item.wrappers]
    if (first := shared_verb(item.token)) is not None:
        tokens.append(first)  # "will withdraw from the towns and free the detainees": 'will' frees too
    head = item.token.head
    if coarse_pos(item.token) == "NOUN" and item.token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        tokens.append(head)
        if head.dep_ == "xcomp":
            tokens.append(head.head)
    return tokens


def cues(item: Found) -> dict[str, str]:
    """Status cues found around the event: name → the word that gave it."""
    found: dict[str, str] = {}
    modal = {m: name[6:] for name in ("modal:future", "modal:hypothetical", "modal:requested")
             for m in words(name)}
    for tok in _cue_tokens(item):
        for child in tok.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low == "no" and tok.i == item.token.i):
                found.setdefault("negated", f"'{child.text}' on '{tok.text}'")
            elif child.dep_ == "aux" and low in modal:
                found.setdefault(modal[low], f"modal '{child.text}'")
            elif child.dep_ == "amod" and low in words("future_adj") and tok.i == item.token.i:
                found.setdefault("future", f"'{child.text}' {tok.text}")
            elif child.dep_ == "advcl" and any(
                    g.dep_ == "mark" and g.lower_ in words("condition") for g in child.children):
                found.setdefault("hypothetical", f"condition on '{tok.text}'")
                if any(g.lower_ == "unless" for g in child.children):
                    found.setdefault("ultimatum", f"'unless' on '{tok.text}'")
    trig = item.token
    if (scheduled := scheduled_act(trig)) is not None:
        if (unmet := unmet_schedule(scheduled)) is not None:
            found.setdefault("unmet", unmet)
        else:
            found.setdefault("future", f"'to {scheduled.text}' told as owed, not done")
    if trig.tag_ == "VBG" and trig.dep_ in ("csubj", "nsubj") and coarse_pos(trig) == "VERB":
        found.setdefault("hypothetical", "gerund subject (generic statement)")
    return found


def scheduled_act(trig: Token) -> Token | None:
    """The verb of "is / was to", "was due to" that tells the trigger's act as arranged or owed, not
    done: the trigger itself ("the rebels were to withdraw"; a headline's "Rebels to free"), the "be" a
    noun trigger is the subject of ("the ceasefire was to take effect", "the talks were to resume", "the
    truce was due to come into force"), the infinitive a noun trigger is the subject of ("called for
    peace talks to begin"), or the verb a noun trigger is the object of ("were to begin peace talks").
    Not a verb of state ("the offensive was to become the largest of the war", "wants the truce to
    hold"): that tells what the act came to, not that it was still owed."""
    if is_scheduled(trig) or headline_to(trig):
        return trig
    if coarse_pos(trig) == "NOUN" and trig.dep_ == "dobj" and (is_scheduled(trig.head) or headline_to(trig.head)):
        # "the parties were to begin / hold peace talks": the act the owed verb starts or carries out
        return trig.head
    if coarse_pos(trig) != "NOUN" or trig.dep_ not in ("nsubj", "nsubjpass") or trig.head.i == trig.i:
        return None
    if _infinitive(trig.head):
        # "the deal called for peace talks to begin by August 8": the subject of an infinitive is an act
        # asked, wanted or set, not one told done
        return None if trig.head.lemma_.lower() in words("state_verb") else trig.head
    be = trig.head
    if be.lemma_ != "be":
        return None
    holders = [be, *(c for c in be.children if c.dep_ == "acomp" and c.lemma_.lower() in words("wrap:future"))]
    for holder in holders:
        for verb in holder.children:
            if verb.dep_ == "xcomp" and _infinitive(verb):
                return None if verb.lemma_.lower() in words("state_verb") else verb
    return None


def _infinitive(verb: Token) -> bool:
    """A verb with its own "to" ("talks to begin")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def headline_to(verb: Token) -> bool:
    """A headline's "is to" with the "is" left out ("Rebels to free 50 prisoners"): the root verb's own
    "to" and subject."""
    return verb.head.i == verb.i and verb.tag_ == "VB" and _infinitive(verb) and any(
        c.dep_ == "nsubj" for c in verb.children)


def unmet_schedule(verb: Token) -> str | None:
    """"were to be freed on Sunday but were not", "was to withdraw but did not", "were to begin talks
    on August 8, but the deadline has expired": the sentence says the act owed did not happen (a clause
    set against the "be" by "but" that is negated or tells its deadline missed, ``missed_target``)."""
    be = verb.head
    while be.lemma_ != "be" and be.head.i != be.i:
        be = be.head
    if be.lemma_ != "be":
        return None
    if not any(c.dep_ == "cc" and c.lower_ in CONTRAST for c in be.children):
        return None
    for conj in be.children:
        if conj.dep_ != "conj":
            continue
        if any(c.dep_ == "neg" for c in conj.children):
            return f"'{be.text} to {verb.text}' but '{conj.text} not'"
        for target in conj.children:
            if target.dep_ in ("nsubj", "nsubjpass", "dobj") and wrapper_role(target) == "target" and (
                    why := missed_target(target)) is not None:
                return f"'{be.text} to {verb.text}' but {why}"
    return None


def shared_verb(token: Token) -> Token | None:
    """The first of coordinated verbs, for a verb trigger that has no subject or auxiliary of its own
    ("the army will withdraw and free the detainees", "did not withdraw or release them"): its modal,
    negation and conditions are the coordinated verb's too, when both have the same inflection (a
    modal governs base forms: "would halt the offensive and attacked" is no shared "would"). Not across
    "but"/"yet" ("did not withdraw but released them" tells two things apart)."""
    if coarse_pos(token) != "VERB" or any(c.dep_ in SHARED_OWN for c in token.children):
        return None
    first = token
    while first.dep_ == "conj" and first.head.i != first.i and coarse_pos(first.head) == "VERB":
        if any(c.dep_ == "cc" and c.lower_ in CONTRAST for c in first.head.children):
            return None
        first = first.head
    return None if first.i == token.i or _form(first) != _form(token) else first


def _form(verb: Token) -> str:
    """A verb's inflection, the base form and the present one told together: the tagger calls the
    second of "will withdraw and free" either."""
    return "VB" if verb.tag_ == "VBP" else verb.tag_


def _negative_outcome(item: Found) -> str | None:
    """'no concrete decision followed', 'without agreement' in the sentence of a discussed act."""
    for tok in item.token.sent:
        if tok.lemma_.lower() not in words("outcome"):
            continue
        if any(c.lower_ == "no" for c in tok.children) or tok.head.lower_ == "without":
            return f"negative outcome '{tok.text}'"
    return None


def read(item: Found) -> Reading:
    """Type, mode and status of a found event."""
    rule = item.rule
    reading = Reading(rule.type, rule.mode, why=[rule.why])
    roles = wrapper_roles()
    own_role = roles.get(item.token.lemma_.lower())
    if item.inner is not None:
        _merge_inner(item, reading, own_role)
    if own_role == "intent" and any((c.dep_ == "xcomp" or is_infinitive(c)) and c.pos_ in ("VERB", "AUX")
                                    for c in item.token.children):
        reading.status = "future"
        reading.why.append(f"'{item.token.text}' to do something: future")
    for wrapper in item.wrappers:
        _apply_wrapper(reading, wrapper_role(wrapper) or "", wrapper, item)
    _apply_punitive_demand(item, reading)
    _apply_peacekeeping(item, reading)
    _apply_cues(item, reading)
    _apply_agreed_participle(item, reading)
    _apply_sets_out(item, reading)
    _apply_retold_provision(item, reading)
    _apply_named_beside_text(item, reading)
    _apply_extended_truce(item, reading)
    if item.topic_of is not None:
        outcome = _negative_outcome(item)
        reading.status = "negated" if outcome else "hypothetical"
        reading.why.append(f"only discussed ('{item.topic_of.text}')" + (f", {outcome}" if outcome else ""))
    return reading


def _merge_inner(item: Found, reading: Reading, role: str | None) -> None:
    assert item.inner is not None
    inner = item.inner.rule
    if role in ROLE_TYPES and ROLE_TYPES[role] == item.rule.type:
        reading.type = ROLE_TYPES[role]
        if role == "threat":
            reading.mode = THREAT_MODES.get(inner.type)
        if role == "request":
            reading.status = "requested"
    reading.why.append(f"about {inner.type}/{inner.mode or '-'} ('{item.inner.token.text}')")
    if inner.type == "SUPPORT" and item.rule.type == "AGREE" and promised_support(item):
        reading.type = "SUPPORT"
        reading.why.append(f"'{item.token.text} {item.inner.token.text}': support promised is support given (SUPPORT)")
    if concluded_text(item):
        reading.type = "SUPPORT"
        reading.why.append(f"'{item.token.text} {item.inner.token.text}': a text agreed as an object is concluded "
                           "(SUPPORT)")
    if item.rule.type == inner.type == "CONSULT" and inner.mode == "third-party" and reading.mode is None:
        reading.mode = "third-party"  # "talks mediated by Qatar": the parties' talks, mediated
    promised_release = inner.mode == "release" and item.token.lemma_.lower() in PROMISES
    if role == "intent" and item.rule.type == "AGREE" and inner.type == "RETREAT" and (
            inner.mode in ANNOUNCED_RETREATS or promised_release):
        # "agreed to a truce", "ceasefires have been agreed": the agreed retreat itself, not yet
        # carried out, is CONCEDE (coding guide, "Retreats"). An agreed release stays AGREE, as the
        # seed article codes "agreed on a prisoner swap", but a promised one ("pledged the release")
        # is announced; a verb ("willing to withdraw") stays AGREE, as the PLOVER gold codes it.
        reading.type, reading.mode, reading.status = "CONCEDE", None, "future"
        reading.why.append("a promised release is CONCEDE (announced retreat)" if promised_release
                           else "an agreed ceasefire/withdrawal is CONCEDE (announced retreat)")




def _apply_punitive_demand(item: Found, reading: Reading) -> None:
    """A demand for a punishment is an accusation (ACCUSE/disapprove), told as it is made."""
    if reading.type != "REQUEST" or item.rule.type != "REQUEST" or item.wrappers:
        return
    found = punitive_object(item.token)
    if found is not None:
        reading.type, reading.mode, reading.status = "ACCUSE", "disapprove", "occurred"
        reading.why.append(f"'{item.token.text}' for '{found.text}': a demand to punish is ACCUSE")


def _apply_peacekeeping(item: Found, reading: Reading) -> None:
    """Troops sent "to the UN peacekeeping force" or "on a peacekeeping mission" are AID."""
    if reading.type != "MOBILIZE":
        return
    found = peacekeeping_word(item.token)
    if found is not None:
        reading.type, reading.mode = "AID", None
        reading.why.append(f"'{found.text}': troops sent to keep the peace are AID")


def _apply_wrapper(reading: Reading, role: str, wrapper: Token, item: Found) -> None:
    note = f"wrapper '{wrapper.text}' ({role})"
    if role == "intent" and reading.type == "CONCEDE" and reading.status == "future":
        note += ": still the agreed retreat"  # "agreed to a deal that commits both sides to a ceasefire"
    elif role == "intent" and reading.type == "RETREAT" and (
            (reading.mode in ANNOUNCED_RETREATS and wrapper.lemma_.lower() in BINDING)
            or (reading.mode == "release" and wrapper.lemma_.lower() in PROMISES)):
        reading.type, reading.mode, reading.status = "CONCEDE", None, "future"
        note += ": an agreed or promised retreat is CONCEDE (announced retreat)"
    elif role == "intent":
        reading.type, reading.mode = ("AGREE", None) if is_cooperative(reading.type) else (
            "THREATEN", THREAT_MODES.get(reading.type))
        reading.status = "future"
    elif role == "provision" and reading.type == "RETREAT" and reading.mode in AGREED_RETREATS:
        # "the deal provides for the release of X": an agreed deal is coded per provision, any
        # agreed retreat, a release too, CONCEDE (coding guide, "Retreats")
        reading.type, reading.mode, reading.status = "CONCEDE", None, "future"
        note += ": an agreed retreat is CONCEDE"
    elif role in ("future", "provision"):
        reading.type, reading.mode, why = future_type(reading.type, reading.mode)
        reading.status = "future"
        note += f": {why}"
    elif role in ROLE_TYPES:
        reading.mode = THREAT_MODES.get(reading.type) if role == "threat" else None
        reading.type = ROLE_TYPES[role]
        if role == "request":
            reading.status = "requested"
    elif role == "hypothetical":
        reading.status = "hypothetical"
    elif role == "fail" and reading.type == "AGREE" and reading.status == "occurred":
        # "failed to reach a deal": the agreement fell through, PLOVER's REJECT (as the news set codes it)
        reading.type, reading.mode = "REJECT", None
        note += ": an agreement that failed is REJECT"
    elif role == "fail":
        reading.status = "negated"
    elif role == "target":
        _apply_target(reading, wrapper)
        return
    reading.why.append(note)



def _apply_target(reading: Reading, target: Token) -> None:
    """An act a deadline or target was set for is not an occurred act: negated when the target was
    missed, else announced (coding guide, "Status": future for a planned act)."""
    why = missed_target(target)
    if why is not None:
        reading.status = "negated"
        reading.why.append(f"target '{target.text}' missed ({why}): the act did not happen")
        return
    if reading.status == "occurred":
        reading.type, reading.mode, how = future_type(reading.type, reading.mode)
        reading.status = "future"
        reading.why.append(f"target '{target.text}' set for it: {how}")


def _apply_cues(item: Found, reading: Reading) -> None:
    found = cues(item)
    if "negated" in found and "future" in found and reading.type not in ("REJECT",):
        reading.why.append(f"future + negation ({found['negated']}): REJECT")
        reading.type, reading.mode, reading.status = "REJECT", None, "occurred"
        return
    if "unmet" in found and reading.status in ("occurred", "future"):
        reading.status = "negated"
        reading.why.append(f"an act owed that did not happen ({found['unmet']})")
    if "future" in found and reading.status == "occurred":
        reading.type, reading.mode, why = future_type(reading.type, reading.mode)
        reading.status = "future"
        reading.why.append(f"{found['future']}: {why}")
    if "ultimatum" in found and reading.status == "future" and reading.type != "THREATEN":
        reading.type, reading.mode = "THREATEN", None
        reading.why.append(f"announced act on a condition ({found['ultimatum']}): THREATEN")
    for status in ("requested", "hypothetical", "negated"):
        if status in found:
            reading.status = status
            reading.why.append(f"{status}: {found[status]}")


def retold_provision(item: Found) -> Token | None:
    """The agreed text an act is told as a term of, not as done: "under the deal, the rebels would
    withdraw / withdraw / are to withdraw / are released" (a modal, "is to" or the present tense, active
    or passive; a past tense, "under the deal, the rebels withdrew", tells the act carried out)."""
    trig = item.token
    if trig.pos_ not in ("VERB", "AUX") or trig.tag_ in ("VBD", "VBG"):
        return None
    if trig.tag_ == "VBN" and not _present_passive(trig):
        return None
    holders = [trig]
    if trig.dep_ == "xcomp" and trig.head.i != trig.i:
        holders.append(trig.head)  # "under the deal, X is to withdraw": the phrase hangs on "is"
    if (first := shared_verb(trig)) is not None:
        holders.append(first)  # "under the deal, the rebels withdraw and release the captives"
    for holder in holders:
        for child in holder.children:
            if (text := under_provision(child)) is not None:
                return text
    return None


def _present_passive(trig: Token) -> bool:
    """"are released", "is withdrawn": a passive in the present tense (a term told, like the active
    present), not "were released" or "have been released"."""
    return any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in trig.children) and not any(
        c.dep_ == "aux" for c in trig.children)


def _apply_retold_provision(item: Found, reading: Reading) -> None:
    """An act an agreed text sets out is agreed, not carried out: a retreat CONCEDE, any other act
    announced (coding guide, "Retreats"; the same reading as "the deal provides for X")."""
    if reading.status not in ("occurred", "future") or reading.type not in ("RETREAT", "AGREE", "CONCEDE"):
        return
    text = retold_provision(item)
    if text is None:
        return
    if item.rule.type == "RETREAT" and item.rule.mode in AGREED_RETREATS:
        reading.type, reading.mode, reading.status = "CONCEDE", None, "future"
        reading.why.append(f"a term of the '{text.text}': an agreed retreat is CONCEDE")
    elif reading.status == "occurred":
        reading.type, reading.mode, how = future_type(reading.type, reading.mode)
        reading.status = "future"
        reading.why.append(f"a term of the '{text.text}': {how}")


def _apply_sets_out(item: Found, reading: Reading) -> None:
    if reading.type != "RETREAT" or reading.status != "occurred" or (verb := sets_out(item)) is None:
        return
    reading.type, reading.mode, reading.status = "CONCEDE", None, "future"
    reading.why.append(f"a truce that '{verb.text}' terms: agreed, not carried out, CONCEDE")


def _apply_agreed_participle(item: Found, reading: Reading) -> None:
    """An agreed or promised retreat, told as a noun, is an announced retreat: CONCEDE (coding guide,
    "Retreats")."""
    if reading.type != "RETREAT" or reading.status != "occurred" or reading.mode not in ANNOUNCED_ONLY:
        return
    participle = agreed_participle(item)
    if participle is not None:
        reading.type, reading.mode, reading.status = "CONCEDE", None, "future"
        reading.why.append(f"'{participle.text}' {item.token.text}: an agreed retreat is CONCEDE")


def _apply_named_beside_text(item: Found, reading: Reading) -> None:
    """A ceasefire an agreed text is named beside is that text's term: agreed, not carried out, CONCEDE."""
    if reading.type != "RETREAT" or reading.status != "occurred" or (text := named_beside_text(item)) is None:
        return
    reading.type, reading.mode, reading.status = "CONCEDE", None, "future"
    reading.why.append(f"a ceasefire named beside the '{text.text}': its term, agreed, not carried out, CONCEDE")


def extended_truce(item: Found) -> Token | None:
    """The truce an agreement reached extends ("agreed to extend the ceasefire", "reached an agreement to
    prolong the truce", "agreed on an extension of the truce"): the word of extending (``prolong``), else
    None. A truce in force that the parties agree to extend goes on by that agreement, with nothing left
    to carry out: the extension is the truce's RETREAT, not an announced one (``_apply_extended_truce``)."""
    if item.token.lemma_.lower() not in AGREEING or item.rule.type != "AGREE" or item.wrappers:
        return None
    prolong = words("prolong")
    for action in item.actions():
        if action.rule.type != "RETREAT" or action.rule.mode != "ceasefire":
            continue
        tok = action.token
        head = tok.head
        if head.i == tok.i:
            continue
        if tok.dep_ in ("dobj", "nsubjpass", "compound") and head.lemma_.lower() in prolong:
            return head  # "extend the truce", "the truce was extended", "a ceasefire extension"
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in prolong:
            return head.head  # "an extension of the ceasefire"
    return None


def _apply_extended_truce(item: Found, reading: Reading) -> None:
    """An agreed extension of a truce is the truce going on: RETREAT/ceasefire, occurred, on the day of
    the agreement (as the process gold codes "the ceasefire was extended for 180 days"), where an agreed
    new truce stays an announced retreat (CONCEDE). Not when the agreement itself is only announced,
    conditional, denied or asked for ("will agree to extend", "if they agree to extend")."""
    if reading.type not in ("AGREE", "CONCEDE") or reading.status not in ("occurred", "future"):
        return
    if item.topic_of is not None or set(cues(item)) & {"future", "hypothetical", "negated", "requested"}:
        return
    if any(c.dep_ == "mark" and c.lower_ in words("condition") for c in item.token.children):
        return  # "if they agree to extend the truce": the agreement's own clause is a condition
    verb = extended_truce(item)
    if verb is None:
        return
    reading.type, reading.mode, reading.status = "RETREAT", "ceasefire", "occurred"
    reading.why.append(f"'{item.token.text} ... {verb.text}' a truce: an agreed extension of a truce in force "
                       "is the truce going on, RETREAT")
