"""The implicit-recipient convention (implicit_recipient.tsv): a domestic act with no named target
is coded against the actor's own country; a joint act or a resignation gets no recipient."""

from __future__ import annotations

import pytest

from peacewatch.extract.events.implicit import implicit_recipients, matching_rule, own_country
from peacewatch.extract.events.tables import implicit_rules
from peacewatch.pipeline import registered
from peacewatch.types import Argument, Document, Event

PLOVER_TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
                   "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
SECTORS = set("GOV MIL COP JUD LEG PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF "
              "OPP PRE REL SOC IGO".split())


def _arg(code: str | None, sector: str | None = "GOV", text: str = "x") -> Argument:
    return Argument("e1" if code else None, code, sector, text)


def test_every_row_is_well_formed() -> None:
    rules = implicit_rules()
    assert rules and all(r.type in PLOVER_TYPES and r.reading for r in rules)
    assert all(r.sector is None or r.sector in SECTORS for r in rules)
    assert all(r.actor_sectors is None or r.actor_sectors <= SECTORS for r in rules)
    assert all(r.sector is not None for r in rules if r.own)  # an implicit recipient has a sector


def test_domestic_repression_gets_the_actors_own_country() -> None:
    why: list[str] = []
    out = implicit_recipients("COERCE", "arrest", [_arg("KEN", "COP")], [], frozenset({"arrest"}), why)
    assert out == [Argument(None, "KEN", "CVL", "", implicit=True)]
    assert "implicit_recipient.tsv:" in why[0] and "KEN" in why[0]


def test_a_named_uncoded_recipient_takes_the_code_and_stays_explicit() -> None:
    rebels = Argument("e2", None, "REB", "rebels")
    out = implicit_recipients("CONCEDE", None, [_arg("MOZ")], [rebels], frozenset({"accept"}), [])
    assert out == [Argument("e2", "MOZ", "REB", "rebels")] and not out[0].implicit


def test_a_coded_recipient_is_never_replaced() -> None:
    named = [_arg("ISR")]
    assert implicit_recipients("PROTEST", "demo", [_arg("PSE", "CVL")], named, frozenset(), []) == named


@pytest.mark.parametrize(("etype", "mode", "lemmas"), [
    ("AGREE", None, {"agree"}),            # a joint agreement has no recipient
    ("SUPPORT", "sign", {"sign"}),
    ("RETREAT", "resign", {"resign"}),     # a resignation has none
    ("CONCEDE", None, {"lift", "sanction"}),  # lifting sanctions faces an unnamed foreign state
    ("ASSAULT", None, {"kill"}),           # an army's attack may be foreign: left open
])
def test_no_recipient_is_invented(etype: str, mode: str | None, lemmas: set[str]) -> None:
    actors = [_arg("JOR", "MIL")]
    assert implicit_recipients(etype, mode, actors, [], frozenset(lemmas), []) == []


def test_police_violence_is_domestic_but_army_violence_is_not() -> None:
    assert matching_rule("ASSAULT", "firearms", [_arg("EGY", "COP")], frozenset()) is not None
    assert matching_rule("ASSAULT", "firearms", [_arg("EGY", "MIL")], frozenset()) is None


def test_non_state_demands_aim_at_their_own_authorities() -> None:
    out = implicit_recipients("REQUEST", None, [_arg("BIH", "CVL")], [], frozenset({"demand"}), [])
    assert [(a.code, a.implicit) for a in out] == [("BIH", True)]
    assert implicit_recipients("REQUEST", None, [_arg("FRA", "GOV")], [], frozenset({"demand"}), []) == []


@pytest.mark.parametrize(("actors", "expected"), [
    ([_arg("TUR")], "TUR"),
    ([_arg("TUR"), _arg("TUR", "COP")], "TUR"),
    ([_arg("USA"), _arg("JOR")], None),   # a compound actor of two states has no own country
    ([_arg("IGO", "IGO")], None),         # nor has an international organization
    ([_arg("TUR"), _arg(None)], None),    # nor a group with an uncoded member
    ([], None),
])
def test_own_country(actors: list[Argument], expected: str | None) -> None:
    assert own_country(actors) == expected


def test_the_flag_round_trips() -> None:
    arg = Argument(None, "TUR", "CVL", "", implicit=True)
    assert arg.to_dict()["implicit"] is True
    assert Argument.from_dict(arg.to_dict()) == arg
    assert Argument.from_dict({"entity": "e1", "code": "TUR", "sector": None, "text": "Turkey"}).implicit is False


# --- through the pipeline (own sentences) ---------------------------------------------------------


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    if "actors" not in registered():
        pytest.skip("implicit recipients need actor codes from the 'actors' component")
    return make_pipeline("timex", "actors", "quotes", "events")


def _events(pipe, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    [result] = list(pipe.annotate([Document(id="t", text=text)]))
    return result.events


def _one(events: list[Event], etype: str) -> Event:
    found = [e for e in events if e.type == etype]
    assert found, f"no {etype} in {[(e.type, e.why) for e in events]}"
    return found[0]


def test_police_arresting_protesters(pipe) -> None:  # type: ignore[no-untyped-def]
    event = _one(_events(pipe, "Kenyan police arrested dozens of protesters on Tuesday."), "COERCE")
    assert [a.code for a in event.actor] == ["KEN"]
    [recipient] = event.recipient
    # the protesters are a coded mention now (Kenya's, the only state named: actors' Focus.sole), so
    # the recipient is named rather than implied; the implied one is tested above on arguments alone
    assert (recipient.code, recipient.text, recipient.implicit) == ("KEN", "protesters", False)


def test_a_protest_without_a_target(pipe) -> None:  # type: ignore[no-untyped-def]
    event = _one(_events(pipe, "Thousands of Georgian students staged a demonstration on Friday."),
                 "PROTEST")
    assert [(r.code, r.implicit) for r in event.recipient] == [("GEO", True)]


def test_a_joint_agreement_has_no_recipient(pipe) -> None:  # type: ignore[no-untyped-def]
    event = _one(_events(pipe, "Ghana and Togo agreed to hold joint border patrols."), "AGREE")
    assert sorted(a.code for a in event.actor if a.code) == ["GHA", "TGO"]
    assert event.recipient == []


def test_lifting_sanctions_invents_no_target(pipe) -> None:  # type: ignore[no-untyped-def]
    event = _one(_events(pipe, "Canada lifted its sanctions on Monday."), "CONCEDE")
    assert event.recipient == []
