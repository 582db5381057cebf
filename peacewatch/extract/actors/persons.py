"""Persons: titled names, offices, appositions, dictionary persons, surnames.

A person is introduced once with an office ("Azerbaijani Foreign Minister Jeyhun Bayramov",
"Jeyhun Bayramov, Azerbaijan's foreign minister") and then named by surname, by pronoun or by the
office alone ("the minister"); each later form links back to the person introduced (the office alone
and the pronoun: ``person_refs``).
"""

from __future__ import annotations

from spacy.tokens import Span

from ...types import Entity, Mention
from .lexicon import Match, TermMatch, norm
from .tables import ActorEntry, SectorTerm
from .work import Work, state_rows

PARTICLES = frozenset("al al- bin ibn de del da dos van von der la le el abu".split())
PRE_TITLE = frozenset("new former then ousted acting interim late outgoing incoming current top".split())
# Words before a title that make it an office held no longer ("former President X").
PAST_TITLE = frozenset({"former", "ex", "ex-", "late", "ousted"})
NOT_NAMES = frozenset("the a an he she it they we i on in at of and or but said says".split())
# Last words of organization names that begin with an office word ("General Motors Corporation").
ORG_WORDS = frozenset("corporation corp company co inc ltd group motors electric dynamics airlines airways "
                      "bank holdings university hospital council assembly staff command headquarters".split())
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X"})
POSSESSIVE = frozenset({"'s", "'"})
LABELS = {"state": "GPE", "capital": "GPE", "demonym": "NORP", "seat": "ORG", "entry": "ORG", "region": "GPE",
          "dateline": "GPE"}


def titled_persons(w: Work) -> None:
    """'[affiliation] office Name', 'office of X[,] Name' and bare '[affiliation] office' / 'office of X'."""
    starts = {m.start: m for m in w.names}
    ends = {m.end: m for m in w.names}
    skip_until = 0
    for i in sorted(w.terms):
        tm = w.terms[i]
        if i < skip_until or tm.term.kind != "person" or _inside_name(w, i):
            continue
        skip_until = tm.end
        name_end = _name_run(w, tm.end, starts)
        if _in_other_name(w, i) and (name_end - tm.end <= 1 or w.doc[name_end - 1].lower_ in ORG_WORDS):
            continue  # "General Motors (Corporation)": an organization's name, not a title
        affil = _affiliation(w, tm.start, ends)
        if name_end > tm.end:
            _named(w, tm, tm.end, name_end, affil or _of_affiliation(w, name_end, starts))
            continue
        after = _of_affiliation(w, tm.end, starts)
        name_start = _skip_comma(w, after.end if after is not None else tm.end)
        name_end = _name_run(w, name_start, starts)
        if name_end > name_start and (after is not None or affil is not None) and name_start > tm.end:
            # "the Prime Minister of Kosovo, Albin Kurti", "Japan's prime minister, Taro Aso"
            _named(w, tm, name_start, name_end, after or affil)
        else:
            _bare_office(w, tm, affil, after)


def _skip_comma(w: Work, k: int) -> int:
    return k + 1 if k < len(w.doc) and w.doc[k].text == "," else k


def _in_other_name(w: Work, i: int) -> bool:
    """Whether token ``i`` is part of a spaCy name that is no person ("General Motors")."""
    ent_type = w.doc[i].ent_type_
    return bool(ent_type) and ent_type not in ("PERSON", "NORP", "GPE")


def _person_entry(m: Match) -> ActorEntry | None:
    entry = m.item.entry
    return entry if entry is not None and entry.kind == "person" else None


def _inside_name(w: Work, i: int) -> bool:
    return any(m.start <= i < m.end for m in w.names)


def _name_run(w: Work, j: int, starts: dict[int, Match]) -> int:
    """End of the proper name that starts at token ``j`` (``j`` itself when there is none)."""
    doc, k = w.doc, j
    while k < len(doc) and k - j < 5 and (k not in starts or _person_entry(starts[k]) is not None):
        if k in starts:
            return starts[k].end  # a known person's name ends the run ("President Obama Speech")
        t = doc[k]
        if _name_token(t.text, t.pos_):
            k += 1
        elif k + 1 < len(doc) and _name_token(doc[k + 1].text, doc[k + 1].pos_) and (
            t.lower_ in PARTICLES or (t.text == "-" and k > j and not doc[k - 1].whitespace_)
        ):
            k += 2
        elif k + 2 < len(doc) and t.lower_ in PARTICLES and doc[k + 1].text == "-" and not t.whitespace_ \
                and _name_token(doc[k + 2].text, doc[k + 2].pos_):
            k += 3  # "al-Ansari", "bin-Salman": a particle joined by a hyphen
        else:
            break
    return k


def _name_token(text: str, pos: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text) and pos in NAME_POS and (
        text.lower() not in NOT_NAMES
    )


def _affiliation(w: Work, start: int, ends: dict[int, Match]) -> Match | None:
    """What an office belongs to, just before it: "Azerbaijani", "Armenia's", "Russian Foreign
    Ministry" (spokesperson), "Putin's" (adviser); up to three capitalized words may stand between."""
    doc, j, skipped = w.doc, start, 0
    institution: dict[int, int] = {}
    for tm in w.terms.values():
        if tm.term.kind == "organization":
            institution[tm.end] = min(tm.start, institution.get(tm.end, tm.start))
    while j > 0 and j not in ends:
        t = doc[j - 1]
        title_word = t.is_title and not t.is_stop and t.ent_type_ != "PERSON"
        if t.lower_ in PRE_TITLE or (title_word and skipped < 3):
            j, skipped = j - 1, skipped + 1
        elif j in institution and skipped < 3 and institution[j] < j:
            j, skipped = institution[j], skipped + 1  # "Qatari foreign ministry spokesman"
        else:
            break
    if j > 0 and j not in ends and norm(doc[j - 1].text) in POSSESSIVE:
        j -= 1
    return ends.get(j)


def _of_affiliation(w: Work, k: int, starts: dict[int, Match]) -> Match | None:
    """The affiliation after an office or name: 'of Armenia', 'of the United Nations'."""
    doc = w.doc
    if k >= len(doc) or doc[k].lower_ != "of":
        return None
    k += 2 if k + 1 < len(doc) and doc[k + 1].lower_ == "the" else 1
    return starts.get(k)


def code_and_sector(affil: Match | None, term: SectorTerm) -> tuple[str | None, str | None]:
    """Country code and sector of an office holder given what the office belongs to."""
    sector = term.sector
    if affil is None:
        return None, sector
    item = affil.item
    if item.entry is not None:
        if sector == "GOV" and item.entry.kind == "igo":
            sector = "IGO"
        elif sector == "GOV" and item.entry.kind in ("armed_group", "organization"):
            sector = item.entry.sector or sector
        return item.entry.code, sector
    if item.code in state_rows():
        return item.code, sector
    return ("IGO", "IGO") if item.seat is not None else (None, sector)


def _named(w: Work, tm: TermMatch, name_start: int, name_end: int, affil: Match | None) -> None:
    doc = w.doc
    name = doc[name_start:name_end].text
    known = w.names_at(name_start)
    entry = _person_entry(known) if known is not None and known.end == name_end else None
    if entry is not None:
        name = entry.name
    code, sector = code_and_sector(affil, tm.term)
    start = min(affil.start, tm.start) if affil is not None else tm.start
    past = start > 0 and doc[start - 1].lower_ in PAST_TITLE
    key = w.surnames.get(name) or f"person:{name}"
    if past:
        # "former Nigerian President Obasanjo": whom he speaks for now is said elsewhere (the body he
        # is introduced by, his dictionary row on this date); the past office is the last resort
        w.former.setdefault(key, (code, sector))
        code, sector = (entry.code, entry.sector) if entry is not None else (None, None)
    elif entry is not None and affil is None:
        code, sector = entry.code, entry.sector or sector
    why = f"title pattern: {doc[start:name_end].text!r}" + (" (a past office)" if past else "")
    ent = w.entity(key, Entity("", name, "person", code, sector, tm.term.role, why=why))
    ent.code, ent.sector, ent.role = ent.code or code, ent.sector or sector, ent.role or tm.term.role
    if entry is not None:
        ent.wikidata = ent.wikidata or entry.wikidata
    w.mention(name_start, name_end, "PERSON", key, why)
    w.claimed.update(range(tm.start, tm.end))  # the title belongs to this mention's person
    w.surnames.setdefault(doc[name_end - 1].text, key)
    if affil is not None and w.free(affil.start, affil.end):
        akey = w.item_key(affil.item, f"{affil.item.source} {affil.item.form!r} (affiliation in a title)")
        label = "PERSON" if _person_entry(affil) is not None else _affiliation_label(w, affil)
        w.mention(affil.start, affil.end, label, akey, "affiliation of a titled person",
                  metonymy=affil.item.kind in ("capital", "seat"))
        _institution_between(w, affil, tm.start, code)


def _affiliation_label(w: Work, affil: Match) -> str:
    """The label of a titled person's affiliation: by its kind, but a dictionary group the model read as
    a nationality stays one ("Bosnian Serb leader": NORP, CoNLL's MISC, not an organization's name)."""
    if affil.item.kind == "entry" and any(
            (e.start, e.end) == (affil.start, affil.end) and e.label_ == "NORP" for e in w.doc.ents):
        return "NORP"
    return LABELS[affil.item.kind]


def _institution_between(w: Work, affil: Match, office: int, code: str | None) -> None:
    """'Qatari foreign ministry' in 'Qatari foreign ministry spokesman X': the institution the person
    speaks for, an organization of the affiliation's state, mentioned over affiliation and noun."""
    k = affil.end + (1 if affil.end < len(w.doc) and norm(w.doc[affil.end].text) in POSSESSIVE else 0)
    tm = w.terms.get(k)
    if tm is None or tm.term.kind != "organization" or tm.end != office or code is None:
        return
    text = w.doc[affil.start:tm.end].text
    key = f"group:{code}:{tm.term.sector}:{tm.term.term}"
    why = f"institution of a titled person's affiliation: {text!r}"
    w.entity(key, Entity("", text, "organization", code, tm.term.sector, why=why))
    start, end, _ = w.chars(affil.start, tm.end)
    w.mentions.append(Mention(start, end, text, "ORG", key, False, why))
    w.claimed.update(range(tm.start, tm.end))


def _bare_office(w: Work, tm: TermMatch, before: Match | None, after: Match | None) -> None:
    """'Armenia's president', 'a Jordanian official', 'the president of Armenia': an office holder."""
    affil = before or after
    if affil is None or not w.free(affil.start, affil.end):
        return
    code, sector = code_and_sector(affil, tm.term)
    start, end = (before.start, tm.end) if before is not None else (tm.start, affil.end)
    office_mention(w, start, end, code, sector, tm.term.role)


def office_mention(w: Work, start: int, end: int, code: str | None, sector: str | None,
                   role: str | None) -> None:
    """'the Turkish leader': the person named before who holds it, else an office-holder entity."""
    text = w.doc[start:end].text
    key = _holder(w, w.doc[start].idx, code, role)
    if key is not None:
        w.mention(start, end, "PERSON", key, f"office {text!r} → {w.entities[key].name}, named before")
        return
    key = f"office:{code}:{role}"
    w.entity(key, Entity("", text, "person", code, sector, role, why=f"office of a state: {text!r}"))
    w.mention(start, end, "PERSON", key, "office with its state")


def _holder(w: Work, before: int, code: str | None, role: str | None) -> str | None:
    """The person mentioned last before ``before`` with this country and office ("Leader": any)."""
    best: tuple[int, str] | None = None
    for m in w.mentions:
        ent = w.entities.get(m.entity or "")
        if ent is None or ent.kind != "person" or m.start >= before or code is None or ent.code != code:
            continue
        if (role == "Leader" or ent.role == role) and not (m.entity or "").startswith("office:"):
            if best is None or m.start > best[0]:
                best = (m.start, m.entity or "")
    return best[1] if best else None


def past_offices(w: Work) -> None:
    """A person introduced only by a past office ("former Nigerian President X") and coded by no
    other rule takes that office's code and sector after all."""
    for key, (code, sector) in w.former.items():
        ent = w.entities.get(key)
        if ent is not None and ent.code is None and code is not None:
            ent.code, ent.sector = code, sector
            ent.why = f"{ent.why}; by a past office, nothing else said"
        elif ent is not None and ent.code == code and ent.sector is None:
            ent.sector = sector


def dictionary_persons(w: Work) -> None:
    """Persons the dictionaries name (valid on the document's date)."""
    for m in w.names:
        entry = m.item.entry
        if entry is None or entry.kind != "person" or not w.free(m.start, m.end):
            continue
        key = w.named(entry, f"dictionary {entry.source}: {m.item.form!r}")
        w.mention(m.start, m.end, "PERSON", key, f"dictionary {entry.source}")
        for form in (entry.name, *entry.aliases):
            w.surnames.setdefault(form.split()[-1], key)


def spacy_persons(w: Work) -> None:
    """spaCy's PERSON names not yet resolved: linked by surname, or new (with an apposition's office)."""
    ents = [e for e in w.doc.ents if e.label_ == "PERSON" and w.free(e.start, e.end)]
    for ent in sorted(ents, key=lambda e: e.start - e.end):
        if _inside_name(w, ent.start) or _inside_name(w, ent.end - 1):
            continue
        key = w.surnames.get(ent.text) or w.surnames.get(ent[-1].text)
        why = f"surname of a person named earlier ({ent[-1].text!r})" if key else "spaCy NER PERSON"
        if key is None and (key := _name_prefix(w, ent.text)) is not None:
            why = f"the first words of {w.entities[key].name!r}, named earlier"
        if key is None and len(ent) == 1 and (key := _given_name(w, ent.text, ent.start_char)) is not None:
            why = f"given name of {w.entities[key].name}"
        if key is None:
            key = f"person:{ent.text}"
            w.entity(key, Entity("", ent.text, "person", why="spaCy NER PERSON"))
            _apposition(w, ent, key)
        w.mention(ent.start, ent.end, "PERSON", key, why)
        if len(ent) > 1:
            w.surnames.setdefault(ent[-1].text, key)


def _name_prefix(w: Work, text: str) -> str | None:
    """A person named earlier whose full name begins with ``text`` (two words at least): "Sheikh
    Mohammed" after "Sheikh Mohammed bin Abdulrahman Al-Thani"."""
    if len(text.split()) < 2:
        return None
    return next((key for key, ent in w.entities.items()
                 if ent.kind == "person" and ent.name.startswith(text + " ")), None)


def _apposition(w: Work, ent: Span, key: str) -> None:
    """'Jeyhun Bayramov, Azerbaijan's foreign minister, …': the office after the name."""
    doc, k = w.doc, ent.end
    if len(ent) < 2 or k >= len(doc) or doc[k].text != ",":
        return  # a full name only: "Taking to Twitter, the Turkish leader" is no apposition
    k += 1
    if k < len(doc) and doc[k].lower_ in ("the", "a", "an"):
        k += 1
    ends = {m.end: m for m in w.names}
    starts = {m.start: m for m in w.names}
    affil = starts.get(k)
    if affil is not None:
        k = affil.end + (1 if affil.end < len(doc) and norm(doc[affil.end].text) in POSSESSIVE else 0)
    tm = w.terms.get(k)
    if tm is None or tm.term.kind != "person" or (affil is not None and ends.get(affil.end) is None):
        return
    if _name_run(w, tm.end, starts) > tm.end:
        return  # "Dred Scott, Chief Justice Roger Taney": the office is the next person's
    ent_rec = w.entities[key]
    ent_rec.code, ent_rec.sector = code_and_sector(affil, tm.term)
    ent_rec.role = tm.term.role
    ent_rec.why = f"apposition: {doc[ent.start:tm.end].text!r}"


def surname_tokens(w: Work) -> None:
    """Surnames of known persons wherever they stand (whatever spaCy labelled them)."""
    for t in w.doc:
        key = w.surnames.get(t.text)
        in_longer_name = bool(t.ent_type_) and not (t.ent_iob_ == "B" and (
            t.i + 1 == len(w.doc) or w.doc[t.i + 1].ent_iob_ != "I"))
        if key is not None and t.i not in w.claimed and t.pos_ == "PROPN" and not in_longer_name:
            w.mention(t.i, t.i + 1, "PERSON", key, f"surname of {w.entities[key].name}")


# Words that open a name without being the person's own given name ("Sheikh Mohammed …").
HONORIFICS = frozenset("sheikh sheik emir prince king queen sir dr mr mrs ms mullah ayatollah".split())


def given_names(w: Work) -> None:
    """A lone proper noun that is the first word of exactly one person named before: Ethiopian and
    Eritrean names are given name and father's name, and news calls Abiy Ahmed "Abiy", not "Ahmed"
    ("Prime Minister Abiy Ahmed … Abiy said"), and Chinese names put the family name first ("Xi
    Jinping … Xi said", which ``spacy_persons`` links the same way). Only words no other rule took
    (a state's name is the state's), and only from the second mention on."""
    for t in w.doc:
        if t.i in w.claimed or t.pos_ != "PROPN" or t.ent_type_ not in ("", "PERSON") or _in_longer(w, t.i):
            continue
        key = _given_name(w, t.text, t.idx)
        if key is not None:
            w.mention(t.i, t.i + 1, "PERSON", key, f"given name of {w.entities[key].name}")


def _given_name(w: Work, word: str, at: int) -> str | None:
    """The one person named before offset ``at`` whose name begins with ``word`` (none if two do)."""
    keys = [key for key, ent in w.entities.items() if ent.kind == "person" and len(ent.name.split()) > 1
            and ent.name.split()[0] == word and word.casefold() not in HONORIFICS]
    if len(keys) != 1:
        return None
    introduced = min((m.start for m in w.mentions if m.entity == keys[0]), default=None)
    return keys[0] if introduced is not None and introduced < at else None


def _in_longer(w: Work, i: int) -> bool:
    """Whether token ``i`` stands beside another capitalized word of a name ("Abiy Mohammed")."""
    doc = w.doc
    return any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title for j in (i - 1, i + 1))
