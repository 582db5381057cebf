"""Lines of sports and market listings read by their shape (``extract/actors/headlines.py``,
``shaped_lines``): standings tables, scorers lines, names with a country or club in brackets, market
lines. docs/ner.md, seventh round (second fixture)."""

from __future__ import annotations

from peacewatch.extract.actors.headlines import shaped_lines


def _shaped(nlp, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    shaped_lines(doc)
    return {e.text: e.label_ for e in doc.ents}


def test_a_standings_line_names_a_team(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _shaped(nlp, "Standings after Saturday :\nWerder Bremen 5 2 1 2 7 7 7\nBaltimore 71 62 .534 5 1/2\n"
                       "Germany 3 2 1 0 6 2 7")
    assert got.get("Werder Bremen") == "ORG" and got.get("Baltimore") == "ORG"
    assert got.get("Germany") == "GPE"  # a national team: by the state's name


def test_a_line_of_prose_with_numbers_is_no_standings_line(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _shaped(nlp, "Police said 12 people died .\nBoston 5 2")
    assert got.get("Boston") != "ORG"  # two numbers are a results fragment, not a table's counts


def test_a_scorers_line_names_persons_and_teams(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _shaped(nlp, "Ajax 3 Utrecht 1\nScorers : Ajax - Ronald de Boer 12 , Patrick Kluivert 40 , 77 . "
                       "Utrecht - Jan Wouters 55 pen")
    assert got.get("Ronald de Boer") == "PERSON" and got.get("Patrick Kluivert") == "PERSON"
    assert got.get("Jan Wouters") == "PERSON"
    assert [t for t, label in got.items() if label == "ORG"].count("Ajax") == 1 and got.get("Utrecht") == "ORG"


def test_names_with_a_country_or_club_in_brackets(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _shaped(nlp, "Leading scores :\n68 Sam Torrance , Bernhard Langer ( Germany )\n"
                       "1 . Frankie Fredericks ( Namibia ) 19.97\n"
                       "Defenders : Paolo Maldini ( AC Milan ) , Ciro Ferrara ( Juventus )")
    assert got.get("Bernhard Langer") == "PERSON" and got.get("Germany") == "GPE"
    assert got.get("Sam Torrance") == "PERSON"  # listed between a score and a comma on such a line
    assert got.get("Frankie Fredericks") == "PERSON" and got.get("Namibia") == "GPE"
    assert got.get("Paolo Maldini") == "PERSON" and got.get("AC Milan") == "ORG" and got.get("Juventus") == "ORG"


def test_abbreviations_in_brackets_are_no_listing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "General Motors Corporation ( GM ) said the Penske Automotive Group ( PAG ) would buy Saturn ."
    doc = nlp(text)
    before = [(e.start, e.end, e.label_) for e in doc.ents]
    shaped_lines(doc)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == before


def test_a_market_line_names_a_company_or_an_index(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _shaped(nlp, "Shares closed firmer .\nDaimler-Benz 75.40 up 0.35\nHanson 1.68 unchanged\n"
                       "DAX index 2,561.32 up 11.04\nDollar / mark 1.4810 1.4795")
    assert got.get("Daimler-Benz") == "ORG" and got.get("Hanson") == "ORG"
    assert got.get("DAX") == "PRODUCT"  # CoNLL's MISC
    assert "Dollar" not in got  # a rate line has no move: no company
