"""Who did it to whom: event arguments from the dependency parse (how many is ``quantity``, where
``places``).

Arguments are resolved through the mentions and entities the actors component left in the result,
so the event carries the entity's code and sector. A noun phrase that is not itself a mention is
resolved through the mention that modifies it ("Israeli soldiers", "Lebanon's president", "leaders
of Armenia"); a pronoun or plural anaphor ("they", "the pair") that no mention resolves falls back
to the subject of the reporting verb above it, or to the actors of the last multi-actor event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...types import Argument, Entity, Mention, Result
from ..actors.datelines import dateline_tokens, is_dateline
from .matching import coarse_pos
from .tables import trigger_rules, words
from .triggers import set_off
from .wrappers import is_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod", "nummod")
# Who withdraws, disarms or resigns is named by the "of" phrase of the noun act ("the withdrawal of
# Russian troops", "the disarmament of the militia"). Measured and left out: ceasefires and deployments
# (they moved nothing); "withdrawal from Y" as the recipient (it cost the PLOVER gold's untouched half
# a tuple); the "of" phrase of a release, an attack or an arrest as its recipient (no figure moved, and
# the process gate lost a key event reported by several articles: tune multi-source 16/29 -> 15/29).
OF_ACTOR_MODES = ("withdraw", "disarm", "resign")


@dataclass
class Index:
    """Mentions by token, entities by id, and what earlier events of the document left."""

    doc: Doc
    result: Result
    by_token: dict[int, Mention] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    last_group: list[Argument] = field(default_factory=list)
    last_actors: list[Argument] = field(default_factory=list)
    filed: set[int] = field(default_factory=set)  # the dateline's tokens: where it was filed, no actor

    @classmethod
    def build(cls, doc: Doc, result: Result) -> Index:
        index = cls(doc, result, entities={e.id: e for e in result.entities},
                    filed=dateline_tokens(doc, result.mentions))
        for mention in sorted(result.mentions, key=lambda m: m.entity is None):
            if is_dateline(mention):
                continue  # where the story was filed, not who acted
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                index.by_token.setdefault(tok.i, mention)
        return index

    def argument(self, token: Token) -> Argument | None:
        """The argument a token stands for when it lies inside a resolved mention."""
        mention = self.by_token.get(token.i)
        if mention is None or mention.entity is None:
            return None
        entity = self.entities.get(mention.entity)
        if entity is None:
            return None
        return Argument(entity.id, entity.code, entity.sector, mention.text)

    def mention(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)


def dedupe(args: list[Argument]) -> list[Argument]:
    out: list[Argument] = []
    for arg in args:
        key = arg.entity or arg.text
        if all((o.entity or o.text) != key for o in out):
            out.append(arg)
    return out


def phrase(index: Index, head: Token, *, fallback: bool = True) -> list[Argument]:
    """Arguments named by the noun phrase headed by ``head`` and its conjuncts."""
    out: list[Argument] = []
    for tok in [head, *head.conjuncts]:
        out.extend(_one(index, tok, fallback))
    return dedupe(out)


def _one(index: Index, tok: Token, fallback: bool) -> list[Argument]:
    if tok.i in index.filed:
        return []
    direct = index.argument(tok)
    anaphoric = tok.pos_ == "PRON" or tok.lemma_.lower() in words("collective")
    if direct is not None and not direct.code and not anaphoric:
        direct = _coded_by_apposition(index, tok, direct)
    if direct is not None and (direct.code or not anaphoric or not fallback):
        return [direct, *_coordinated_modifiers(index, tok)]
    if direct is not None:
        return _anaphor(index, tok) or [direct]
    for child in tok.children:
        if fallback and child.dep_ == "poss" and child.pos_ == "PRON" and index.argument(child) is None:
            if found := _anaphor(index, child):  # "Serbs said their forces had withdrawn"
                return found
        if child.dep_ in MODIFIER_DEPS and (arg := index.argument(child)) is not None:
            # "French and Egyptian warships": each coordinated modifier names an actor
            more = [index.argument(c) for c in child.conjuncts]
            return [arg, *(m for m in more if m is not None)]
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (args := phrase(index, pobj, fallback=False)):
                    return args
    placed = tok.lemma_.lower() not in trigger_rules()
    for child in tok.children if placed else ():  # "rebels in the Ivory Coast": a group placed in a
        # country; not an event noun ("an agreement in Washington" is no US party)
        if child.dep_ == "prep" and child.lower_ in ("in", "throughout", "across", "inside"):
            for pobj in child.children:
                args = [a for a in phrase(index, pobj, fallback=False) if a.code]
                if pobj.dep_ == "pobj" and args and tok.pos_ in ("NOUN", "PROPN"):
                    return args
    if not fallback:
        return []
    if anaphoric:
        return _anaphor(index, tok)
    if tok.pos_ == "PROPN" or tok.ent_type_:
        return [Argument(None, None, None, tok.text)]
    return []


def _coded_by_apposition(index: Index, tok: Token, arg: Argument) -> Argument:
    """"Kenzo Oshima, the United Nations relief coordinator", "the US Congress": the code an
    apposition or a modifier gives."""
    for child in tok.children:
        if child.dep_ == "appos":
            coded = [a for a in phrase(index, child, fallback=False) if a.code]
        elif child.dep_ in ("compound", "amod", "poss"):
            coded = [a for a in [index.argument(child)] if a is not None and a.code]
        else:
            continue
        if coded:
            return Argument(arg.entity, coded[0].code, arg.sector or coded[0].sector, arg.text)
    return arg


def _coordinated_modifiers(index: Index, tok: Token) -> list[Argument]:
    """"French and Egyptian warships" as one mention: the other coordinated modifier's party."""
    out: list[Argument] = []
    for child in tok.children:
        if child.dep_ in ("amod", "compound") and child.conjuncts:
            out.extend(a for c in (child, *child.conjuncts) if (a := index.argument(c)) is not None)
    return out


def _anaphor(index: Index, tok: Token) -> list[Argument]:
    if (antecedent := _antecedent(tok)) is not None and (found := phrase(index, antecedent, fallback=False)):
        return found  # "Hungary, which recognized Kosovo": Hungary
    reporter = reporting_verb(tok.head if tok.dep_.startswith("nsubj") else tok)
    if reporter is not None:
        subj = subject(reporter)
        if subj is not None and subj.i != tok.i:
            args = phrase(index, subj, fallback=False)
            if args:
                return args
    if len(index.last_group) > 1 and tok.lemma_.lower() in words("collective") | {"they", "both"}:
        return list(index.last_group)
    return []


def _antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for in a clause set off by a comma (``triggers.set_off``)."""
    clause = tok.head
    aside = tok.tag_ in ("WDT", "WP") and clause.dep_ == "relcl" and clause.head.i != clause.i
    return clause.head if aside and set_off(clause) else None


# Prepositions whose gerund takes its subject from the verb it depends on ("thanked X for voting").
CONTROL_PREPS = ("for", "of")


def subject(verb: Token) -> Token | None:
    """The subject of a verb, through control and coordination ("agreed to withdraw") and gerunds
    after "for"/"of" ("thanked X for voting", "accused X of making demands" → X; "apologized for
    voting" → the apologizer)."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return child
        if _gerund_of(current):
            controller = _gerund_controller(current)
            if controller is not None:
                return controller
            current = current.head.head  # "apologized for voting": the verb above "for"
            continue
        if (current.dep_ in ("xcomp", "conj") or is_infinitive(current) or _participle_adjunct(current)) \
                and current.head.i != current.i:
            current = current.head
        elif current.dep_ == "acomp" or (current.dep_ == "xcomp"):
            current = current.head
        else:
            return None
    return None


def _gerund_of(verb: Token) -> bool:
    """A gerund after "for"/"of" ("thanked X for voting")."""
    return verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in CONTROL_PREPS


def _gerund_controller(verb: Token) -> Token | None:
    """Who does the act of a gerund after "for"/"of" (``_gerund_of``): the object of the verb it
    depends on, else that verb's passive subject ("X was accused of …"); None when it has neither
    (the caller then goes on to that verb's own subject)."""
    prep = verb.head
    for dep in ("dobj", "nsubjpass"):
        for child in prep.head.children:
            if child.dep_ == dep:
                return child
    return None


def _participle_adjunct(verb: Token) -> bool:
    """"opened fire, killing one": a participle clause whose subject is its head's."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and not any(
        c.dep_ == "mark" for c in verb.children)


def reporting_verb(token: Token) -> Token | None:
    """The reporting verb ("said", "informed") whose complement holds ``token``, if any."""
    current = token
    for _ in range(6):
        if current.head.i == current.i:
            return None
        if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_.lower() in words("report"):
            return current.head
        if current.dep_ in ("ROOT",):
            return None
        current = current.head
    return None


def according_to(sent_tokens: list[Token]) -> Token | None:
    """The object of an "according to X" in the clause, if any."""
    for tok in sent_tokens:
        if tok.lower_ == "according" and tok.dep_ == "prep":
            for prep in tok.children:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return None


def pobjs(index: Index, prep: Token) -> list[Argument]:
    objects = [p for p in prep.children if p.dep_ == "pobj"] or _stranded_object(prep)
    return [a for p in objects for a in phrase(index, p, fallback=False)]


def _stranded_object(prep: Token) -> list[Token]:
    """The object of a preposition the parser left without one, having made the noun the subject
    of a participle after it ("granted asylum to five Panamanian officers holed up in …": the noun
    phrase starting right after "to")."""
    if any(True for _ in prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    nxt = prep.doc[prep.i + 1]
    for tok in [nxt, *nxt.ancestors]:
        if tok.left_edge.i != prep.i + 1 or tok.i > prep.i + 8:
            break
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass"):
            return [tok]
    return []


def agents_of(index: Index, verb: Token) -> list[Argument]:
    """The "by X" agents of a passive verb."""
    return [a for c in verb.children if c.dep_ == "agent" for a in pobjs(index, c)]


def noun_actors(index: Index, noun: Token, *, mediated: bool = False, of_actor: bool = False,
                signing: bool = False) -> tuple[list[Argument], list[Argument]]:
    """Actors and recipients of a nominal trigger: its possessor, "between X and Y" (the parties
    of talks; the recipients of a mediation), "by X", and, for an object of a verb, that verb's
    subject. A trigger that modifies a noun ("a mediation effort") reads that noun's dependents.
    With ``of_actor`` (``OF_ACTOR_MODES``), its "of" phrase names the actor where no possessor or
    "by" phrase does. With ``signing``, a "by" phrase hung on the signed text names the signers."""
    actors: list[Argument] = []
    recipients: list[Argument] = []
    holder = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    holder = holder.head if holder.i != noun.i else noun
    if noun.dep_ == "compound" and coarse_pos(noun.head) == "NOUN":
        holder = noun.head
    of_phrase: list[Argument] = []
    for child in [*noun.children, *([] if holder.i == noun.i else holder.children)]:
        if child.i == noun.i:
            continue
        if child.dep_ in ("poss", "compound", "amod", "nmod") and (arg := index.argument(child)):
            actors.append(arg)
        elif child.dep_ == "prep" and child.lower_ == "between":
            (recipients if mediated else actors).extend(pobjs(index, child))
        elif child.dep_ in ("prep", "agent") and child.lower_ == "by":
            actors.extend(pobjs(index, child))
        elif child.dep_ == "prep" and child.lower_ in ("with", "to", "against"):
            recipients.extend(pobjs(index, child))
        elif child.dep_ == "prep" and child.lower_ == "of" and child.head.i == noun.i:
            of_phrase = [a for a in pobjs(index, child) if a.code]
            actors.extend(_by_after_of(index, child) if signing else [])
    if of_actor and not actors:
        actors = of_phrase
    if not actors:
        actors = performers(index, noun)
    verb = holder.head
    if holder.dep_ == "dobj":  # "launched a mediation effort on Saturday between X and Y"
        between = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"
                   for a in pobjs(index, c)]
        (recipients if mediated else actors).extend(between)
    if holder.dep_ == "dobj" and verb.lemma_.lower() in words("receive"):
        subj = subject(verb)
        if subj is not None:
            recipients = phrase(index, subj) + recipients
    elif not actors and holder.dep_ != "nsubj":
        actors = _ancestor_subject(index, holder)
    return dedupe(actors), dedupe(recipients)


def pitted_sides(index: Index, trigger: Token) -> list[Argument]:
    """The sides of a war or fighting told as "pitting X against Y" ("war erupted in Tigray, pitting
    regional forces against federal troops and their allies from Eritrea", "the war pitting the army
    against the RSF"): every coded party the object and the "against" phrase name, when they name at
    least two. The participle hangs on the trigger, or (as the parser attaches it) on a verb up to two
    clauses above; the coding guide's two-sided clash is one ASSAULT with both sides as actors."""
    current = trigger
    for _ in range(3):
        pit = next((c for c in current.children if c.lemma_.lower() == "pit" and c.dep_ in ("acl", "advcl")), None)
        if pit is not None:
            heads = [c for c in pit.children if c.dep_ == "dobj"]
            heads += [p for c in pit.children if c.dep_ == "prep" and c.lower_ == "against"
                      for p in c.children if p.dep_ == "pobj"]
            found = [index.argument(t) for h in heads for t in h.subtree]
            sides = dedupe([a for a in found if a is not None and a.code])
            return sides if len(sides) > 1 else []
        if current.head.i == current.i:
            return []
        current = current.head
    return []


def performers(index: Index, noun: Token) -> list[Argument]:
    """Who carried out an act told as a noun, named by the agent of a verb of doing (``perform``) on it:
    "drone attacks carried out by the Ukrainian forces", "the strikes were conducted by its air force"."""
    doing = words("perform")
    verbs = [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in doing]
    if noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in doing:
        verbs.append(noun.head)
    return [a for verb in verbs for a in agents_of(index, verb)]


def _by_after_of(index: Index, of: Token) -> list[Argument]:
    """The "by" phrase the parser hung on a signing's "of" object ("the signing of the accord by X and Y":
    "by" under "accord"): it names the signers, as it would on the trigger itself. Only for a signing: an
    agreement is not made "by" one side, where "the violation of the ceasefire by X" may be X's own truce."""
    return [a for obj in of.children if obj.dep_ == "pobj" for c in obj.children
            if c.dep_ in ("prep", "agent") and c.lower_ == "by" for a in pobjs(index, c)]


def _ancestor_subject(index: Index, token: Token) -> list[Argument]:
    """The subject of the nearest verb above a noun ("after a lightning operation" → who acted)."""
    current = token
    for _ in range(6):
        if current.head.i == current.i or current.dep_ in ("ccomp", "advcl", "relcl", "nsubj"):
            return []
        current = current.head
        if coarse_pos(current) == "VERB":
            subj = subject(current)
            if subj is not None and subj.i != token.i:
                return phrase(index, subj)
    return []


def verb_actors(index: Index, verb: Token) -> list[Argument]:
    """Who acts: the "by" agent, else the subject, else a modifier ("Russian-brokered")."""
    agents = agents_of(index, verb)
    if agents:
        return agents
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    subj = subject(verb)
    if subj is not None:
        return phrase(index, subj)
    # a gerund the tagger took for a verb names its doer as a noun's modifier: "Ghanaian shelling
    # of Lome continued", "Togo's shelling of …"
    deps = ("npadvmod", "compound", "amod", "poss") if verb.tag_ == "VBG" else ("npadvmod", "compound")
    return [a for c in verb.children if c.dep_ in deps
            for a in phrase(index, c, fallback=False)]


def running_toll(verb: Token, noun: Token) -> bool:
    """Victims of many attacks counted in the present perfect ("more than 1,800 people have been killed
    in Ghanaian attacks"): the war's running tally up to the day of publication, not one attack on a
    day ("have been killed in a Ghanaian raid" is one). ``attack_named`` leaves its attacker to the
    article, as before: read as a fresh act of one side, the ledger takes a tally that mostly predates
    a truce for its breach (docs/events.md, "Fifteenth round: acts in whole articles")."""
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ")
                  for c in verb.children)
    return perfect and noun.tag_ == "NNS"


# The prepositions that set an attack as the occasion of what a passive verb tells ("were killed in a
# rebel raid", "abducted during the Ghanaian attack", "wounded by Togolese shelling").
OCCASION_PREPS = ("in", "during", "by", "amid", "after", "from")
ATTACK_TYPES = ("ASSAULT", "COERCE")


def attack_named(index: Index, verb: Token) -> list[Argument]:
    """Who did what a passive verb with no agent tells, named in the attack noun of its occasion
    phrase: "ten people were killed in a rebel raid" → the rebels; "the hostages were abducted
    during the Ghanaian attack on Lome" → Ghana. Only the noun's own modifiers (possessor,
    compound, adjective), its "by" phrase and a verb of doing on it name them: the passive
    subject is who suffered it, never who did it."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    rules = trigger_rules()
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in OCCASION_PREPS:
            continue
        for noun in prep.children:
            attack = noun.dep_ == "pobj" and coarse_pos(noun) == "NOUN" and any(
                r.type in ATTACK_TYPES and r.pos in ("NOUN", "*")
                for r in rules.get(noun.lemma_.lower(), ()))
            if not attack or running_toll(verb, noun):
                continue
            named = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                     and (a := index.argument(c)) is not None and a.code]
            named += [a for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                      for a in pobjs(index, c)]
            named += performers(index, noun)
            if named:
                return dedupe(named)
    return []
