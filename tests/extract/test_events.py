"""Unit tests of the events component: its tables, dates, and invariants on any text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacewatch.extract.events import tables
from peacewatch.extract.events.dating import is_historical, is_later, latest_day
from peacewatch.extract.events.status import future_type
from peacewatch.types import EVENT_STATUSES, EVENT_TYPES, Document

ANCHOR = dt.date(2023, 12, 26)


def test_every_trigger_row_names_a_plover_type_with_a_score_and_cameo_code() -> None:
    for rules in tables.trigger_rules().values():
        for rule in rules:
            assert rule.type in EVENT_TYPES, rule.why
            assert tables.score(rule.type, rule.mode) is not None, rule.why
            assert tables.cameo(rule.type, rule.mode) is not None, rule.why


def test_scores_follow_plover() -> None:
    assert tables.score("RETREAT", "release") == 6.5
    assert tables.score("RETREAT", "withdraw") == 8
    assert tables.score("CONSULT", "third-party") == 1
    assert tables.score("CONSULT", None) == 2.5
    assert tables.score("ACCUSE", None) == -2
    assert tables.score("ASSAULT", "firearms") == -9  # no mode score: the type's base score
    assert tables.cameo("RETREAT", "release") == "0841"
    assert tables.cameo("CONSULT", "third-party") == "045"


def test_wrapper_roles_are_known() -> None:
    assert set(tables.wrapper_roles().values()) <= {
        "intent", "future", "threat", "request", "refuse", "hypothetical", "topic", "fail", "target"}
    assert tables.wrapper_roles()["agree"] == "intent"


@pytest.mark.parametrize(("etype", "mode", "expected"), [
    ("RETREAT", "withdraw", "CONCEDE"), ("RETREAT", "ceasefire", "CONCEDE"),
    ("CONSULT", None, "AGREE"), ("AID", None, "AGREE"), ("SUPPORT", None, "AGREE"),
    ("ASSAULT", None, "THREATEN"), ("SANCTION", None, "THREATEN"), ("REQUEST", None, "REQUEST"),
])
def test_future_types(etype: str, mode: str | None, expected: str) -> None:
    assert future_type(etype, mode)[0] == expected


@pytest.mark.parametrize(("value", "last"), [
    ("2020", dt.date(2020, 12, 31)), ("2020-FA", dt.date(2020, 11, 30)),
    ("2023-02", dt.date(2023, 2, 28)), ("2023-09-19", dt.date(2023, 9, 19)),
    ("2023-Q1", dt.date(2023, 3, 31)), ("PRESENT_REF", None), ("XXXX-11", None),
])
def test_latest_day(value: str, last: dt.date | None) -> None:
    assert latest_day(value) == last


def test_historical_and_later() -> None:
    assert is_historical("2020-FA", ANCHOR)
    assert not is_historical("2023-09-19", ANCHOR)
    assert not is_historical("2020", None)
    assert is_later("2024", ANCHOR) and is_later("2024-01-05", ANCHOR)
    assert not is_later("2023-12", ANCHOR) and not is_later(None, ANCHOR)


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "mentions", "events", "commitments")


@pytest.fixture(scope="module")
def full(make_pipeline):  # type: ignore[no-untyped-def]
    """The pipeline with the actors component (datelines, coded parties, obligors)."""
    return make_pipeline("timex", "actors", "events", "commitments")


WORDS = ["Peru", "Chad", "released", "talks", "will", "not", "agreed", "to", "sign", "a", "treaty",
         "the", "prisoners", "32", "withdrawal", "said", "he", "if", "must", "troops", ",", ".",
         "discussed", "no", "decision", "threatened", "attack", "in", "2020", "\n", "“", "”"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_any_text_gives_valid_events(pipe, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    [result] = list(pipe.annotate([Document(id="p", text=text, published="2023-12-26")]))
    assert result.error is None
    ids = {e.id for e in result.events}
    for e in result.events:
        assert e.type in EVENT_TYPES and e.status in EVENT_STATUSES
        lo, hi = e.trigger_span
        assert 0 <= lo < hi <= len(text) and text[lo:hi].strip()
        assert e.span[0] <= lo and hi <= e.span[1] <= len(text)
        assert e.why and e.score is not None
    for c in result.commitments:
        assert c.event in ids and c.status == "open" and c.obligor


def test_pipeline_builds_in_the_documented_order(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    from peacewatch.errors import ConfigError

    with pytest.raises(ConfigError) as err:
        make_pipeline("mentions", "commitments")
    assert err.value.code == "E023"


def test_a_definite_noun_naming_an_event_again_is_not_a_second_one(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Chad demanded the release of the hostages, and its envoy flew to Paris to explain the demand."
    [result] = list(pipe.annotate([Document(id="a", text=text, published="2023-12-26")]))
    requests = [e for e in result.events if e.type == "REQUEST"]
    assert len(requests) == 1 and text[slice(*requests[0].trigger_span)] == "demanded"


def test_one_casualty_toll_is_one_attack(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "A roadside bomb killed three soldiers and wounded five others in Kandahar on Monday."
    [result] = list(pipe.annotate([Document(id="k", text=text, published="2023-12-26")]))
    assert [e.type for e in result.events] == ["ASSAULT"]


@pytest.mark.parametrize("text, trigger, status", [
    ("Kyiv wants guarantees and a withdrawal of troops.", "withdrawal", "hypothetical"),
    ("The rebels want goodwill gestures, especially prisoner releases, before signing.", "prisoner releases",
     "hypothetical"),
    ("The army launched raids and a wave of arrests.", "arrests", "occurred"),
])
def test_a_noun_listed_with_a_wrapped_noun_shares_its_wrapper(pipe, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                              status: str) -> None:
    [result] = list(pipe.annotate([Document(id="w", text=text, published="2023-12-26")]))
    found = {text[slice(*e.trigger_span)]: e.status for e in result.events}
    assert found.get(trigger) == status, found


def test_a_release_listed_among_demands_is_not_reported_as_done(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The rebels demanded concessions, including the release of prisoners."
    [result] = list(pipe.annotate([Document(id="d", text=text, published="2023-12-26")]))
    assert not [e for e in result.events if e.type == "RETREAT" and e.status == "occurred"]
    assert [e.status for e in result.events if e.type == "REQUEST"] == ["requested"]


@pytest.mark.parametrize("text, trigger", [
    ("The rebels have been party to only one previous ceasefire, which collapsed.", "ceasefire"),
    ("Unlike earlier talks, the two delegations met without mediators.", "talks"),
])
def test_an_earlier_event_of_its_kind_is_dated_some_time_before(pipe, text: str,  # type: ignore[no-untyped-def]
                                                                 trigger: str) -> None:
    [result] = list(pipe.annotate([Document(id="e", text=text, published="2023-12-26")]))
    found = {text[slice(*e.trigger_span)]: e for e in result.events}
    assert found[trigger].date == "PAST_REF" and "earlier one" in (found[trigger].why or "")


def test_the_dateline_place_is_never_a_party(full) -> None:  # type: ignore[no-untyped-def]
    text = ("GENEVA (Newswire) - The EU envoy met Kenyan President William Ruto and Somali President"
            " Hassan Sheikh Mohamud.")
    [result] = list(full.annotate([Document(id="g", text=text, published="2023-12-26")]))
    parties = {a.code for e in result.events for a in e.actor + e.recipient}
    assert result.events and "CHE" not in parties
    assert any(m.text == "GENEVA" and (m.why or "").startswith("dateline:") for m in result.mentions)


@pytest.mark.parametrize("text, kind", [
    ("The rebels agreed to sit down for a dialogue with the government.", "CONSULT"),
    ("The rebels agreed to sit down with the government next week.", "CONSULT"),
])
def test_agreeing_to_sit_down_is_a_promise_of_talks(full, text: str,  # type: ignore[no-untyped-def]
                                                    kind: str) -> None:
    [result] = list(full.annotate([Document(id="s", text=text, published="2023-12-26")]))
    assert [c.action.get("type") for c in result.commitments] == [kind]


def test_sitting_down_on_a_chair_is_no_event(pipe) -> None:  # type: ignore[no-untyped-def]
    [result] = list(pipe.annotate([Document(id="c", text="The envoy sat down on a chair.", published="2023-12-26")]))
    assert result.events == []


@pytest.mark.parametrize("text, assaults", [
    ("A war erupted in Darfur in 2003.", 1),
    ("The rebels declared war on the government.", 1),
    ("The ELN was accused of war crimes.", 0),
    ("Both sides kept trading throughout the war.", 0),
    ("The two armies agreed to swap 1,000 prisoners of war.", 0),
])
def test_war_is_an_event_only_when_it_starts_or_is_waged(full, text: str,  # type: ignore[no-untyped-def]
                                                         assaults: int) -> None:
    [result] = list(full.annotate([Document(id="w", text=text, published="2023-12-26")]))
    assert sum(e.type == "ASSAULT" for e in result.events) == assaults


@pytest.mark.parametrize("text, kind, status", [
    ("Ceasefire between Kenya and Somalia takes effect on Monday.", "RETREAT", "occurred"),
    ("Fighting between Kenya and Somalia resumed on Monday.", "ASSAULT", "occurred"),
    ("Signing a treaty does not mean peace, Kenya said.", "SUPPORT", "hypothetical"),
])
def test_a_sentence_opening_noun_tagged_as_a_verb_is_read_as_a_noun(full, text: str,  # type: ignore[no-untyped-def]
                                                                    kind: str, status: str) -> None:
    [result] = list(full.annotate([Document(id="n", text=text, published="2023-12-26")]))
    assert [(e.type, e.status) for e in result.events] == [(kind, status)]


def test_an_event_with_no_actor_in_its_sentence_is_the_last_named_sides(full) -> None:  # type: ignore[no-untyped-def]
    text = "Serbia and Kosovo agreed on a new roadmap on Monday. Negotiations will resume in March."
    [result] = list(full.annotate([Document(id="d", text=text, published="2024-01-10")]))
    later = [e for e in result.events if e.span[0] > text.index("Negotiations") - 1]
    assert [sorted(a.code or "" for a in e.actor) for e in later] == [["SRB", "XKX"]]
    assert "no actor in its sentence" in (later[0].why or "")
    # alone, the same sentence names no one: nothing is made up
    [alone] = list(full.annotate([Document(id="a", text="Negotiations will resume in March.", published="2024-01-10")]))
    assert all(not e.actor for e in alone.events)


def test_a_preposition_the_parser_left_without_its_object_still_names_the_recipient(full) -> None:  # type: ignore[no-untyped-def]
    # the parser makes "officers" the subject of "holed" and leaves "to" without an object
    text = "Peru has granted diplomatic asylum to five Panamanian army officers holed up in a diplomatic mission."
    [result] = list(full.annotate([Document(id="d", text=text)]))
    [aid] = [e for e in result.events if e.type == "AID"]
    assert [a.code for a in aid.actor] == ["PER"] and [r.code for r in aid.recipient] == ["PAN"]


@pytest.mark.parametrize(("text", "mode", "recipient"), [
    ("Rwanda and DR Congo inked a peace agreement in Washington on Friday.", "sign", []),
    ("The text was initialed by the Rwandan and Congolese teams on June 18.", "sign", []),
    ("The rebels signed a document committing them to protect civilians.", "sign", []),
    ("Serbia's foreign minister thanked Hungary for its vote.", None, ["HUN"]),
    ("Serbia's foreign minister expressed special thanks to Hungary.", None, ["HUN"]),
])
def test_signing_initialling_and_thanks_are_support(full, text: str, mode: str | None,  # type: ignore[no-untyped-def]
                                                    recipient: list[str]) -> None:
    # the coding guide: signing, initialling and concluding a text are SUPPORT/sign; so are thanks
    [result] = list(full.annotate([Document(id="d", text=text, published="2025-06-28")]))
    support = [e for e in result.events if e.type == "SUPPORT"]
    assert support and support[0].mode == mode
    assert sorted({r.code for r in support[0].recipient if r.code}) == recipient


def test_the_venue_of_a_signing_is_no_party_but_a_place_inside_the_recipient_is(full) -> None:  # type: ignore[no-untyped-def]
    text = "Rwanda and DR Congo inked a peace agreement in Washington."
    [signed] = list(full.annotate([Document(id="d", text=text)]))
    assert [sorted(r.code or "" for r in e.recipient) for e in signed.events if e.type == "SUPPORT"] == [[]]
    text = "The United Nations will provide emergency food aid to refugees fleeing the war in Liberia."
    [aid] = list(full.annotate([Document(id="a", text=text)]))
    assert any("LBR" in {r.code for r in e.recipient} for e in aid.events)


@pytest.mark.parametrize(("text", "etype"), [
    # coding guide, "Retreats": an agreed ceasefire or withdrawal not yet carried out is CONCEDE
    ("Sudan's army and the RSF agreed to a seven-day humanitarian truce on Monday.", "CONCEDE"),
    ("Israel and Hamas have agreed to a ceasefire in Gaza.", "CONCEDE"),
    # an agreed release stays AGREE: the seed article codes "agreed on a prisoner swap" so
    ("Armenia and Azerbaijan agreed on a prisoner swap.", "AGREE"),
])
def test_an_agreed_ceasefire_is_conceded(full, text: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    [result] = list(full.annotate([Document(id="c", text=text, published="2023-06-01")]))
    [event] = [e for e in result.events if e.type in ("AGREE", "CONCEDE")]
    assert event.type == etype and event.status in ("future", "occurred")
    if etype == "CONCEDE":
        assert event.status == "future"
        # the commitment is to the retreat itself, not to "agree"
        assert [c.action["type"] for c in result.commitments if c.event == event.id] == ["RETREAT"]


@pytest.fixture(scope="module")
def rules(make_pipeline):  # type: ignore[no-untyped-def]
    """The full pipeline with the events component's model switched off."""
    from peacewatch.evaluate.events import rules_only

    return rules_only(make_pipeline("timex", "actors", "events", "commitments"))


@pytest.mark.parametrize(("text", "etype", "mode"), [
    # halting negotiations is SANCTION (CAMEO 164): a particle and its preposition reach the talks
    ("Sudan's army announced it was pulling out of ceasefire discussions with the RSF.", "SANCTION", "discontinue"),
    ("The US and Saudi Arabia announced a suspension of Sudan peace talks.", "SANCTION", "discontinue"),
    ("Washington slapped sanctions on both the warring generals.", "SANCTION", None),
    ("Azerbaijan, Cyprus and Spain voted against the application.", "REJECT", None),
    ("Greece voted in favour of the resolution.", "SUPPORT", None),
    ("Israeli troops pulled out of the town.", "RETREAT", "withdraw"),
])
def test_sanctions_votes_and_pullouts(rules, text: str, etype: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    """The trigger table's rows, read by the rules alone (the model may overrule a row)."""
    [result] = list(rules.annotate([Document(id="v", text=text, published="2023-06-01")]))
    assert (etype, mode) in {(e.type, e.mode) for e in result.events}, [(e.type, e.mode) for e in result.events]
