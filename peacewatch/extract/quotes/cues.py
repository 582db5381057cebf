"""Reporting cues in a parsed document: the verb (or "according to"), its speaker and its content.

One pass over the tokens. A token is a cue when its lemma is in ``cues.tsv`` and it is a verb outside
every quotation. Its speaker is its nominal subject outside the quotation; a passive cue takes its
"by" agent; a participle or conjoined verb without either ("..., adding that ...", "issued a
statement calling ...") borrows the subject of the verb it hangs from, climbing at most four
steps; failing all that, a noun right beside the verb is taken as a misparsed subject (``subjects``).

Its clausal content is the subtree of the first child whose dependency ``cues.tsv`` lists for the
verb (``ccomp`` for "said (that) ...", ``prep:for`` for the object of "called for"), joined with
the other listed children on the same side ("urged Baku to act"). Its object span (all complements
to its right) is kept for quotations that sit inside it ('called Clinton a "champion"').
A speech verb with none of those, set off by a comma ("..., Graham said, since ..."), reports the
rest of its sentence; a speech, report or belief verb in a clause opened by "as" ("As experts have
pointed out, ...") reports the clause it modifies. A verb of ``clause_verbs.tsv`` (verbs of speaking,
conjecture and knowing that are no cue by the word alone: "boasted", "suspect", "realized") with a
subject is a cue only with a finite complement clause, which is its content, or for a quotation
beside it ('"…," the commander boasted'). A speech, report or judging verb with none of its listed
contents reports its noun object when a named source (a proper noun, "he", "she", a document or a
poll) says it, finite and not negated ('He claimed vast wealth'; not 'to claim the villages', nothing
said yet), or, passive, its passive subject ('the violations were confirmed'); these content rules
are in ``contents``. A verb that also names a deed ('Russia attacked the convoy', 'called an
emergency meeting') takes a bare noun as content only in its sense of speech (``senses``).
A reporting noun of ``nouns.tsv`` with a that-clause ("his claim that ...") reports the clause,
its possessor speaking. A name opening its paragraph and followed by a colon ("Pence: ...") reports the rest of the
paragraph. "according to X" (``according.tsv``) takes X as speaker and the clause it modifies, minus the
phrase itself, as content; so does a poll or document of ``sources.tsv`` in a phrase modifying a
clause ("In the latest poll, the mayor rose a point").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .contents import clause, judged, named_object, passive_subject, topic, trim, unmarked_clause
from .frames import as_clause, finite_complement, own_clause, participle, put_it, tensed
from .lexicon import CueEntry, Lexicon
from .page import Page, char_before
from .senses import deed, said_noun
from .subjects import inside, passive, subject_of

Range = tuple[int, int]
_OF_TO = ("of", "to")
_AS_FRAMES = ("speech", "report", "belief")
_SAID_OBJECT = ("speech", "report", "naming")  # frames whose noun object a named source says (``named_object``)
_PUT_IT = CueEntry("put it", "speech", ())
_OBJECTS = ("dobj", "attr", "oprd", "prep", "dative", "xcomp", "acomp", "ccomp", "npadvmod", "advmod")


@dataclass(frozen=True)
class Cue:
    """A reporting cue found in the text."""

    cue: Range
    subject: Token | None
    content: Range | None
    rule: str
    obj: Range | None = None


def _verb_cue(tok: Token, lex: Lexicon, quoted: list[Range], page: Page) -> Cue | None:
    entry = lex.cues.get(tok.lemma_.lower()) or (_PUT_IT if put_it(tok) else None)
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "aux", "auxpass"):
        return None
    if entry is None:
        return _clause_verb_cue(tok, lex, quoted, page)
    subject = subject_of(tok, quoted)
    kind = deed(tok, lex)
    content = (judged(tok) if entry.frame == "naming" else None) or (
        None if kind == "convene" and passive(tok) else clause(tok, entry.content))
    if content is None and entry.frame in _AS_FRAMES:
        tokens = as_clause(tok)
        content = None if tokens is None else trim(tok.doc, *tokens)
    if content is None and entry.frame == "speech":
        content = unmarked_clause(tok) or _parenthetical(tok, subject, page)
    if content is None and entry.frame == "speech":  # 'asks him about his tax returns': the topic
        content = topic(tok)
    said = kind is None or said_noun(tok, kind, subject, lex, page)  # 'attacked the convoy' is no report
    if content is None and entry.frame in _SAID_OBJECT and said:
        content = named_object(tok, subject, lex)
    if content is None and entry.frame in _SAID_OBJECT and said:
        content = passive_subject(tok)
        if content is not None and subject is not None and content[0] <= subject.idx < content[1]:
            subject = None  # what was said is no source of its own
    content = _before_next_cue(page, _in_paragraph(page, tok, content))
    return Cue((tok.idx, tok.idx + len(tok)), subject, content, f"cues.tsv:{entry.lemma} ({entry.frame})",
               object_span(tok))


def _clause_verb_cue(tok: Token, lex: Lexicon, quoted: list[Range], page: Page) -> Cue | None:
    """A verb of ``clause_verbs.tsv`` ("boasted", "suspect", "realized") in the active voice with a
    subject reports only the finite clause it governs: 'Many experts suspect those losses were
    generated …' (the passive 'they were convinced the ministry lied' is a state, not a report)."""
    kind = None if any(c.dep_ == "auxpass" for c in tok.children) else lex.clause_verbs.get(tok.lemma_.lower())
    clause = None if kind is None else finite_complement(tok)
    subject = None if kind is None else subject_of(tok, quoted)
    if subject is None:
        return None
    rule = f"clause_verbs.tsv:{tok.lemma_.lower()} ({kind}"
    if clause is None:  # a cue for a quotation beside it only ('"…," the commander boasted')
        return Cue((tok.idx, tok.idx + len(tok)), subject, None, rule + ")")
    content = trim(tok.doc, clause.left_edge.i, clause.right_edge.i + 1)
    content = _before_next_cue(page, _in_paragraph(page, tok, content))
    return Cue((tok.idx, tok.idx + len(tok)), subject, content, rule + ", finite clause)")


def next_cue(lex: Lexicon) -> Callable[[Token], bool]:
    """Whether a token starts a clause joined to a content with a cue and a subject of its own ('She
    said A, and when pressed, she said B': "said" of B); marked once per document on the ``Page``."""
    def test(t: Token) -> bool:
        return t.dep_ in ("conj", "ccomp") and t.pos_ == "VERB" and t.lemma_.lower() in lex.cues \
            and any(k.dep_ == "nsubj" for k in t.children) and tensed(t)
    return test


def _before_next_cue(page: Page, content: Range | None) -> Range | None:
    """'She said A, and when pressed, she said B': the content ends where a clause joined to it with
    a cue and a subject of its own begins (that clause is the next attribution). A cue the content
    opens with ('said that she said …') is reported speech inside the content and stays."""
    if content is None:
        return None
    doc = page.doc
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return content
    for i in page.next_cues_in(span.start, span.end):
        edge = doc[i].left_edge.i
        if page.words(span.start, edge) >= 3:
            return trim(doc, span.start, edge) or content
    return content


def _in_paragraph(page: Page, tok: Token, content: Range | None) -> Range | None:
    """The content clipped to the cue's paragraph (a misparse may run past a line break)."""
    if content is None:
        return None
    text = page.text
    start = max(content[0], page.line_start(tok.idx))
    end = min(content[1], page.line_end(tok.idx))
    while end > start and text[end - 1] in " \t.,;:":
        end -= 1
    return (start, end) if end > start else None


def _parenthetical(verb: Token, subject: Token | None, page: Page) -> Range | None:
    """'Trump's skepticism hurt him, Graham said, since ...': a cue clause set off by a comma
    reports the rest of its sentence (from the sentence start to the clause, and on to the end
    when the sentence goes on after it)."""
    if not own_clause(verb):  # 'Through a spokesman, he declined to comment': not a clause set off
        return None
    sent_start, sent_end = page.sentence(verb.i)
    first = min(verb.i, subject.left_edge.i) if subject is not None else verb.i
    last = max(verb.i, subject.right_edge.i) if subject is not None else verb.i
    if first - 1 <= sent_start or verb.doc[first - 1].text != ",":
        return None
    goes_on = page.words(last + 1, sent_end) > 0
    return trim(verb.doc, sent_start, sent_end if goes_on else first)


def object_span(verb: Token) -> Range | None:
    """Characters from the verb's first right-hand complement to the last one's end."""
    right = _past_object([c for c in verb.rights if c.dep_ in _OBJECTS])
    if not right:
        return None
    start = right[0].i + 1 if right[0].dep_ == "prep" else right[0].left_edge.i
    return trim(verb.doc, start, right[-1].right_edge.i + 1)


def _past_object(complements: list[Token]) -> list[Token]:
    """What a verb says of its object, without the object, as PolNeAR draws it: 'likened the refugees
    to [a "vicious snake"]', 'compared Trump to [a coach "working the referees"]' (but 'called
    [Clinton a "champion"]': a predicate of the object keeps the object)."""
    if len(complements) > 1 and complements[0].dep_ == "dobj" and (
            complements[1].dep_ == "prep" and complements[1].lower_ in _OF_TO):
        return complements[1:]
    return complements


def _according_cue(tok: Token, lex: Lexicon, page: Page) -> Cue | None:
    prep = lex.according.get(tok.lemma_.lower())
    if prep is None:
        return None
    to = next((c for c in tok.children if c.lower_ == prep), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    end = to.idx + len(to)
    return Cue((tok.idx, end), source, _minus_phrase(tok, page), f"according.tsv:{tok.lower_} {prep}")


def _minus_phrase(tok: Token, page: Page) -> Range | None:
    """The clause an "according to X" phrase modifies, without the phrase."""
    head = tok.head if tok.head.i != tok.i else tok
    start, end = head.left_edge.i, head.right_edge.i + 1
    if head.i == tok.i:
        start, end = page.sentence(tok.i)
    p_start, p_end = tok.left_edge.i, tok.right_edge.i + 1
    if p_start - start <= end - p_end:
        start = max(start, p_end)
    else:
        end = min(end, p_start)
    return trim(tok.doc, start, end)


def _source_cue(tok: Token, lex: Lexicon, page: Page) -> Cue | None:
    """'In the latest poll, Trump rose a point', 'by one estimate, …': a document or poll of
    ``sources.tsv`` named in a phrase modifying a finite clause with a subject reports the clause (the
    phrase left out); its possessor speaks ('the institute's survey'), else the noun itself."""
    prep = lex.sources.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" and tok.dep_ == "pobj" else None
    head = tok.head
    if prep is None or head.lower_ != prep or head.dep_ != "prep":
        return None
    verb = head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in lex.cues or not tensed(verb):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    speaker = next((c for c in tok.children if c.dep_ == "poss"), None) or tok
    rule = f"sources.tsv:{tok.lemma_.lower()} {prep}"
    return Cue((head.idx, tok.idx + len(tok)), speaker, _minus_phrase(head, page), rule)


def _noun_cue(tok: Token, lex: Lexicon) -> Cue | None:
    """'Trump's claim that there have been thousands of shootings': a reporting noun of
    ``nouns.tsv`` with a that-clause; its possessor is the speaker."""
    frame = lex.nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
    if frame is None:
        return None
    clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"), None)
    if clause is None:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None) or _holder(tok)
    if owner is None and frame == "belief":  # 'the expectation that the plan will be accepted': nobody's
        return None
    content = trim(tok.doc, clause.left_edge.i, clause.right_edge.i + 1)
    return Cue((tok.idx, tok.idx + len(tok)), owner, content, f"nouns.tsv:{tok.lemma_.lower()} ({frame})")


def _holder(noun: Token) -> Token | None:
    """Who makes a reporting noun that has no possessor: the subject of the verb whose object it is,
    directly or through a preposition ('Democrats persisted in arguments that …', 'the ministry
    repeated its warning that …', 'X made the claim that …')."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    if head.pos_ not in ("VERB", "AUX") or head.i == noun.i:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def _colon_cue(tok: Token, page: Page) -> Cue | None:
    """'Pence: Flowers won't be at the debate.' / 'PENCE: Well, look, ...': a name of at most
    four proper nouns (or one word in capitals) opening its paragraph, then a colon, reports
    the rest of the paragraph."""
    if tok.text != ":" or tok.i == 0:
        return None
    doc = tok.doc
    first = tok.i
    while first > 0 and tok.i - first < 4 and doc[first - 1].pos_ == "PROPN":
        first -= 1
    name = doc[first:tok.i]
    shouting = tok.i - first == 0 and doc[tok.i - 1].text.isupper() and len(doc[tok.i - 1]) > 1
    if shouting:
        first, name = tok.i - 1, doc[tok.i - 1:tok.i]
    if len(name) == 0 or char_before(page.text, doc[first].idx, " \t\"“") not in ("", "\n"):
        return None
    content = _trim_chars(page.text, tok.idx + 1, page.line_end(tok.idx))
    if content is None:
        return None
    return Cue((tok.idx, tok.idx + 1), name.root, content, "colon after a name opening its paragraph")


def _trim_chars(text: str, start: int, end: int) -> Range | None:
    while start < end and (text[start].isspace() or text[start] in "\"“"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"”.,;:"):
        end -= 1
    return (start, end) if end > start else None


def find_cues(doc: Doc, lex: Lexicon, quoted: Iterable[Range], page: Page | None = None) -> list[Cue]:
    """Every cue outside quotation marks, in reading order."""
    ranges = sorted(quoted)
    page = Page(doc, doc.text) if page is None else page
    page.mark_next_cues(next_cue(lex))
    found: list[Cue] = []
    for tok in doc:
        if inside(tok.idx, ranges):
            continue
        cue = (_verb_cue(tok, lex, ranges, page) or _according_cue(tok, lex, page) or _noun_cue(tok, lex)
               or _colon_cue(tok, page) or _source_cue(tok, lex, page))
        if cue is not None:
            found.append(_chained(page, cue, found))
    return found


def _chained(page: Page, cue: Cue, earlier: list[Cue]) -> Cue:
    """A participle cue set off by a comma continues the cue before it in the same sentence and
    takes that cue's speaker: when the parse left it without a subject ('"…," Sanders said, going
    on to say that …': it hung it on a verb inside the quotation), or hung it on the clause that cue
    reports ('Officials warned that the truce was fragile, saying …': the truce says nothing)."""
    if not earlier or earlier[-1].subject is None:
        return cue
    prev, doc = earlier[-1], page.doc
    verb = doc.char_span(*cue.cue, alignment_mode="expand")
    before = doc.char_span(*prev.cue, alignment_mode="expand")
    root = None if verb is None else participle(verb.root)
    if root is None or before is None or page.sentence(root.i) != page.sentence(before.root.i):
        return cue
    if cue.subject is None:
        return replace(cue, subject=prev.subject)
    comma = doc[root.i - 1] if root.i > 0 else None
    if comma is None or comma.text != "," or prev.content is None or not prev.content[0] < root.idx < prev.content[1]:
        return cue
    if not prev.content[0] <= cue.subject.idx < comma.idx:  # its subject is not inside the reported clause
        return cue
    return replace(cue, subject=prev.subject)
