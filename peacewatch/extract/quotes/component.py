"""The ``quotes`` component: direct and indirect reported speech with speaker, cue and content.

The steps, each one pass: pair the quotation marks (``marks``), find the reporting cues in the
parse (``cues``), attach each quotation to the cue beside it (``attach``), turn the remaining cues
with clausal content into indirect quotes (a clause of the quotation's own speaker over it takes it
in: ``take_quotations``), let stand-alone quotations inherit the speaker of the
nearest preceding quote, and resolve every speaker to an entity (``speaker``). See docs/quotes.md.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...contract import Annotation
from ...types import Quote
from .attach import Clauses, colon_clause, cue_after, cue_before, dash_after, stands_alone, turn_name
from .cues import Cue, find_cues, object_span
from .inside import drop_inside
from .lexicon import load_lexicon
from .loose import Loose, Spans
from .marks import Quotation, find_quotations, undirect
from .objects import object_cue
from .page import Page
from .senses import mention_kinds
from .speaker import SpeakerFinder
from .subjects import verb_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...config import Config

# Subjects that stand for a speaker named before: "X said she felt …" is X's report, not a second one.
_PERSONAL = frozenset({"he", "she", "they", "we", "i"})


def _content(cue: Cue, loose: Loose) -> tuple[tuple[int, int] | None, str, bool]:
    """The content of a cue without a quotation beside it: its clause, or its object span when
    only that holds quoted words ('called it "a disgrace"'); no content without either. The flag
    says whether quoted words are inside the content."""
    in_clause, in_object = loose.any_in(cue.content), loose.any_in(cue.obj)
    if cue.content is not None and (in_clause or not in_object):
        return cue.content, "clausal content", in_clause
    if in_object:
        return cue.obj, "object", True
    return None, "", False


def _later(quote: Quote | None, inherited: Quote | None) -> Quote | None:
    """The one of two earlier quotes that starts later (the attributed quote when both start together)."""
    if quote is None or (inherited is not None and inherited.content_span[0] > quote.content_span[0]):
        return inherited
    return quote


def _balance(content: tuple[int, int], inner: list[Quotation]) -> tuple[int, int]:
    """Content that starts or ends inside a quotation's marks takes the marks in ('"positive
    signs" from Yerevan'), unless the content is that quotation alone (then it is its content)."""
    start, end = content
    for q in inner:
        if q.start < start <= q.content_start:
            start = q.start
        if q.content_end <= end < q.end:
            end = q.end
        if (start, end) == (q.start, q.end):
            return q.content_start, q.content_end
    return start, end


def _verb(doc: Doc, cue: Cue) -> Token | None:
    span = doc.char_span(cue.cue[0], cue.cue[1], alignment_mode="expand")
    return span.root if span is not None and len(span) > 0 else None


def _outer_verb(cue: Cue, verb: Token) -> Token | None:
    """The verb whose clause ``verb`` heads ('said' of 'said she felt'), or whose clause it is
    conjoined in when it is no verb of speech ('says she hopes …, but she knows …'; 'said …, but he
    said …' is a second report)."""
    if verb.dep_ == "ccomp":
        return verb.head
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and "(speech)" not in cue.rule:
        return verb.head.head
    return None


def fold_nested(doc: Doc, made: list[tuple[Cue, Quote]]) -> list[Quote]:
    """Indirect quotes, a report nested in another one by the same speaker folded into it: in
    'DuVernay said she felt the amendment was worth examining' the clause of 'felt', whose subject
    is a pronoun for DuVernay, is part of what she said (PolNeAR gives 'she felt …' to DuVernay as
    one attribution), so it is no quote of its own: the outer content reaches to its end, and holds
    quoted words when it held them."""
    verbs = [_verb(doc, cue) for cue, _ in made]
    at = {v.i: k for k, v in enumerate(verbs) if v is not None}
    out = [q for _, q in made]
    folded: set[int] = set()
    for k, ((cue, quote), verb) in enumerate(zip(made, verbs, strict=True)):
        subject = cue.subject
        if verb is None or subject is None or subject.lower_ not in _PERSONAL or subject.head.i != verb.i \
                or quote.speaker is None:
            continue
        outer_verb = _outer_verb(cue, verb)
        j = at.get(outer_verb.i) if outer_verb is not None else None
        if j is None or j == k or j in folded or out[j].speaker != quote.speaker:
            continue
        start, end = out[j].content_span
        out[j] = replace(out[j], content_span=(start, max(end, quote.content_span[1])),
                         direct=out[j].direct or quote.direct,
                         why=f"{out[j].why}; takes in the report of {subject.text!r} nested in it ({verb.text!r})")
        folded.add(k)
    return [q for k, q in enumerate(out) if k not in folded]


def take_quotations(outer: Quote, quotes: list[Quote]) -> bool:
    """'Lynch said she recalled thinking, "This is what …"': a cue whose clause holds a quotation
    that a cue inside the clause took, and whose speaker is that quotation's (same entity), reports
    it: the quotation and the words that introduce it are one attribution of the outer speaker, as
    PolNeAR draws it. The quotations are replaced in ``quotes`` by ``outer`` widened over them
    (returns whether it was); with another speaker, or none resolved, nothing changes (the clause
    then stays no quote of its own, as before)."""
    start, end = outer.content_span
    inner = [k for k, q in enumerate(quotes) if q.direct and q.cue_span is not None
             and start <= q.cue_span[0] and q.cue_span[1] <= end
             and start < q.content_span[1] and q.content_span[0] < end]
    if not inner or outer.speaker is None or any(quotes[k].speaker != outer.speaker for k in inner):
        return False
    reach = max(end, *(quotes[k].content_span[1] for k in inner))
    taken = ", ".join(repr((quotes[k].why or "").split(";")[0]) for k in inner)
    for k in reversed(inner):
        del quotes[k]
    quotes.append(replace(outer, content_span=(start, reach), why=f"{outer.why}; takes in the {taken}"))
    return True


class QuoteExtractor:
    name = "quotes"
    requires = ("parse", "mentions", "entities")
    provides = ("quotes",)

    def __call__(self, ann: Annotation) -> Annotation:
        lex = load_lexicon()
        text = ann.doc.text
        quotations = find_quotations(text)
        page = Page(ann.doc, text, mention_kinds(ann.result))
        cues = find_cues(ann.doc, lex, [(q.start, q.end) for q in quotations], page)
        speakers = SpeakerFinder(ann.doc, ann.result, lex, tuple(c.subject for c in cues if c.subject is not None))
        attached = self._attach(ann, text, quotations, Clauses(ann.doc, cues), speakers)
        quotes = list(attached.values())
        loose = Loose([q for i, q in enumerate(quotations) if i not in attached])
        used = {q.cue_span for q in quotes}
        direct_spans = Spans([q.content_span for q in quotes])
        made: list[tuple[Cue, Quote]] = []
        for cue in cues:
            if cue.cue in used:
                continue
            content, what, mixed = _content(cue, loose)
            if content is None:
                continue
            if direct_spans.overlaps(content):  # no quote of its own, unless it reports the quotation
                take_quotations(self._quote(speakers, cue, content, True, "clausal content, mixed with quotation"),
                                quotes)
                continue
            inner = loose.take(content) if mixed else []
            why = what + (", mixed with quotation" if inner else "")
            made.append((cue, self._quote(speakers, cue, _balance(content, inner), bool(inner), why)))
        quotes.extend(drop_inside(ann.doc, fold_nested(ann.doc, made), quotes))
        quotes.extend(self._objects(ann.doc, text, loose, quotations, speakers, quotes))
        quotes.extend(self._inherit(text, loose.left(), quotes))
        ann.result.quotes.extend(sorted(undirect(quotes, quotations), key=lambda x: x.content_span))
        return ann

    def _attach(self, ann: Annotation, text: str, quotations: list[Quotation], cues: Clauses,
                speakers: SpeakerFinder) -> dict[int, Quote]:
        """Quotations with a cue beside them, by index; then the paragraphs of a quote that runs
        over paragraphs take the attribution of the part that closes it."""
        attached = self._turns(ann, text, quotations, speakers)
        for i, q in enumerate(quotations):
            if i in attached:
                continue
            cue, side = cue_before(text, cues, q), "before"
            if cue is None:
                cue, side = cue_after(text, cues, q), "after"
            if cue is None:
                cue, side = self._dash(ann, text, q), "dash"
            if cue is None:
                cue, side = self._colon(ann, text, q, quotations), "colon"
            if cue is not None:
                attached[i] = self._quote(speakers, cue, (q.content_start, q.content_end), True,
                                          f"quotation ({q.pair}) with cue {side}")
        for i in range(len(quotations) - 2, -1, -1):
            later = attached.get(i + 1)
            if i not in attached and quotations[i].continued and later is not None:
                q = quotations[i]
                attached[i] = replace(later, content_span=(q.content_start, q.content_end),
                                      why=f"quotation continued in the next paragraph; {later.why}")
        return attached

    def _turns(self, ann: Annotation, text: str, quotations: list[Quotation],
               speakers: SpeakerFinder) -> dict[int, Quote]:
        """Transcript turns ('"PENCE: Well, look, …'), by index, and the paragraphs each runs on into."""
        turns: dict[int, Quote] = {}
        for i, q in enumerate(quotations):
            found = turn_name(text, q)
            if found is not None:
                name = ann.doc.char_span(found[0], found[1], alignment_mode="expand")
                if name is not None and len(name) > 0 and found[2] < q.content_end:
                    cue = Cue((found[1], found[1] + 1), name.root, None, "a name in capitals and a colon")
                    quote = self._quote(speakers, cue, (found[2], q.content_end), True, f"transcript turn ({q.pair})")
                    turns[i] = replace(quote, speaker_span=(found[0], found[1]))  # the name as written
                    continue
            earlier = turns.get(i - 1)
            if earlier is not None and quotations[i - 1].continued:
                turns[i] = replace(earlier, content_span=(q.content_start, q.content_end),
                                   why=f"transcript turn continued in the next paragraph; {earlier.why}")
        return turns

    def _objects(self, doc: Doc, text: str, loose: Loose, quotations: list[Quotation], speakers: SpeakerFinder,
                 quotes: list[Quote]) -> list[Quote]:
        """Quotations left in the complements of a verb outside the tables (``objects``)."""
        quoted = sorted((x.start, x.end) for x in quotations)
        made = Spans([q.content_span for q in quotes])
        out: list[Quote] = []
        for q in loose.left():
            if stands_alone(text, q):
                continue
            found = object_cue(doc, q, quoted)
            if found is None:
                continue
            verb, subject = found
            content = object_span(verb)
            if content is None or not content[0] <= q.content_start < content[1] or made.overlaps(content):
                continue
            inner = loose.take(content)
            rule = f"a verb with quoted complements ({verb.lemma_})"
            cue = Cue((verb.idx, verb.idx + len(verb)), subject, None, rule)
            out.append(self._quote(speakers, cue, _balance(content, inner), True, "object, mixed with quotation"))
        return out

    @staticmethod
    def _colon(ann: Annotation, text: str, q: Quotation, quotations: list[Quotation]) -> Cue | None:
        verb = colon_clause(text, ann.doc, q)
        if verb is None:
            return None
        subject = verb_subject(verb, [(x.start, x.end) for x in quotations])
        if subject is None:
            return None
        return Cue((verb.idx, verb.idx + len(verb)), subject, None, "clause ending in a colon")

    @staticmethod
    def _dash(ann: Annotation, text: str, q: Quotation) -> Cue | None:
        dash = dash_after(text, q)
        if dash is None:
            return None
        name = ann.doc.char_span(dash[2], dash[2] + 1, alignment_mode="expand")
        if name is None or len(name) == 0 or name[0].pos_ != "PROPN":
            return None
        return Cue((dash[0], dash[1]), name[0], None, "dash before the source's name")

    @staticmethod
    def _quote(speakers: SpeakerFinder, cue: Cue, content: tuple[int, int], direct: bool,
               why: str) -> Quote:
        who = speakers.find(cue.subject)
        return Quote(content, who.entity, who.span, cue.cue, direct,
                     f"{why}; cue {cue.rule}; speaker: {who.why}")

    @staticmethod
    def _inherit(text: str, loose: list[Quotation], quotes: list[Quote]) -> list[Quote]:
        """Stand-alone quotations take speaker and cue of the nearest preceding attributed quote."""
        out: list[Quote] = []
        attributed = sorted((x for x in quotes if x.speaker_span), key=lambda x: x.content_span[0])  # stable
        k, prev_quote, prev_out = 0, None, None
        for q in loose:  # in reading order: the nearest earlier quote is kept as the walk goes on
            while k < len(attributed) and attributed[k].content_span[0] < q.start:
                if prev_quote is None or attributed[k].content_span[0] > prev_quote.content_span[0]:
                    prev_quote = attributed[k]  # of quotes that start together, the first listed
                k += 1
            if not stands_alone(text, q):
                continue
            prev = _later(prev_quote, prev_out)
            if prev is None:
                why = "stand-alone quotation, no earlier attributed quote"
                out.append(Quote((q.content_start, q.content_end), None, None, None, True, why))
                continue
            why = f"stand-alone quotation ({q.pair}) inherits from quote at {prev.content_span[0]}"
            prev_out = Quote((q.content_start, q.content_end), prev.speaker, prev.speaker_span, prev.cue_span,
                             True, why)
            out.append(prev_out)
        return out


def make_quotes(config: Config) -> QuoteExtractor:
    return QuoteExtractor()
