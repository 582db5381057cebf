"""``peacewatch eval quotes``: the scoring definitions, the gold reader and the score gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peacewatch.config import load_config
from peacewatch.errors import EvalError
from peacewatch.evaluate.quotes import (
    FOLDS,
    Attribution,
    GoldDoc,
    Tally,
    evaluate,
    fold,
    group_quotes,
    match,
    read_gold,
    score_doc,
)
from peacewatch.evaluate.quotes import _score_folds as score_folds
from peacewatch.evaluate.quotes import _tallies as tallies
from peacewatch.types import Quote
from tests.conftest import shared_path

# Floors: measured on polnear_dev.jsonl minus ~0.01, whole file and its untouched test fold; floors
# only move up.
# Issue 13, fourth part (speech verbs' "about" phrases, "as X put it", nouns of cue verbs, polls and
# views in a phrase): overlap 0.742 -> 0.747, indirect 0.597 -> 0.605, test fold 0.715 -> 0.719 and
# indirect 0.562 -> 0.569; the direct and speaker floors stay where they were.
# Nested reports by the same speaker folded in: overlap 0.747 -> 0.751, indirect 0.605 -> 0.608, test
# fold 0.719 -> 0.723 and indirect 0.569 -> 0.571.
# Reports inside another speaker's quote dropped (inside.py): overlap 0.751 -> 0.761, indirect 0.608 ->
# 0.619, test fold 0.723 -> 0.735 and indirect 0.571 -> 0.583.
# Quoted complements of verbs outside the tables (objects.py) and noun objects said by a named source:
# overlap 0.761 -> 0.766, direct 0.883 -> 0.886, direct exact 0.736 -> 0.737, indirect 0.619 -> 0.626,
# test fold 0.735 -> 0.740, direct 0.891 -> 0.893, indirect 0.583 -> 0.591.
# Agentless passive cues name no speaker; the named-object rule asks for a finite verb: speaker
# 0.914 -> 0.917 (floor 0.907 -> 0.908), test fold 0.903 -> 0.907 (floor 0.895 -> 0.896).
# Eighth round: doubled apostrophes flag no direct quote (marks.tsv), naming verbs report their
# judgement, reports inside a larger quote of their own speaker dropped: overlap 0.765 -> 0.768 (floor
# 0.755 -> 0.758), direct 0.886 -> 0.947 (0.876 -> 0.937), direct exact 0.737 -> 0.785 (0.727 ->
# 0.775), indirect 0.624 -> 0.670 (0.616 -> 0.660), test fold 0.738 -> 0.743 (0.729 -> 0.733), direct
# 0.893 -> 0.947 (0.883 -> 0.937), speaker 0.907 (0.896 -> 0.897), direct exact 0.722 -> 0.766 (0.714
# -> 0.756), indirect 0.588 -> 0.635 (0.581 -> 0.625).
# Eighth round, follow-up: a cue under an adjective borrows its subject, the subject climb has no step
# limit: speaker 0.917 -> 0.920 (floor 0.908 -> 0.910), test fold 0.907 -> 0.912 (0.897 -> 0.901).
# Ninth round: documents and polls as named sources, judging verbs' objects, passive subjects of speech,
# report and judging verbs: overlap 0.768 -> 0.774 (floor 0.758 -> 0.764), direct 0.947 -> 0.948 (0.937
# -> 0.938), indirect 0.670 -> 0.679 (0.660 -> 0.669), test fold 0.743 -> 0.752 (0.733 -> 0.742), direct
# 0.947 -> 0.949 (0.937 -> 0.939), speaker 0.912 -> 0.913 (0.901 -> 0.903), indirect 0.635 -> 0.649
# (0.625 -> 0.639); direct exact 0.785 -> 0.784 and test 0.766 -> 0.765, floors unchanged.
# Tenth round: a clause of the same speaker over a quotation is one attribution, a subject the parse
# hung on the phrase before it speaks: speaker 0.9207 -> 0.9228 (floor 0.910 -> 0.912), direct exact
# 0.784 -> 0.786 (0.775 -> 0.776); with this pipeline the test fold is unchanged (0.913; the default
# pipeline's 0.9133 -> 0.9147 needs the actors component's entities).
FLOORS = {"overlap_f1": 0.764, "direct_overlap_f1": 0.938, "speaker_acc": 0.912, "direct_exact_f1": 0.776,
          "indirect_overlap_f1": 0.669,
          "test_overlap_f1": 0.742, "test_direct_overlap_f1": 0.939, "test_speaker_acc": 0.903,
          "test_direct_exact_f1": 0.756, "test_indirect_overlap_f1": 0.639}


def attr(*content: tuple[int, int], source: tuple[tuple[int, int], ...] = (), direct: bool = False,
         ) -> Attribution:
    return Attribution(tuple(content), source, direct)


def test_match_is_one_to_one_largest_overlap_first() -> None:
    gold = [attr((0, 10)), attr((20, 30))]
    pred = [attr((5, 25)), attr((0, 9))]
    assert sorted(match(gold, pred)) == [(0, 1), (1, 0)]


def test_no_match_without_shared_characters() -> None:
    assert match([attr((0, 10))], [attr((10, 20))]) == []


def test_parts_with_one_cue_form_one_attribution() -> None:
    quotes = [
        Quote((1, 5), "e1", (8, 10), (11, 15), True),
        Quote((18, 30), "e1", (8, 10), (11, 15), True),
        Quote((40, 50), "e2", (35, 38), (31, 34), False),
        Quote((60, 70), None, None, None, True),
    ]
    groups = group_quotes(quotes)
    assert [g.content for g in groups] == [((1, 5), (18, 30)), ((40, 50),), ((60, 70),)]
    assert groups[0].source == ((8, 10),) and groups[2].source == ()


def test_exact_ignores_quotation_marks_and_edge_punctuation() -> None:
    text = '"We are ready," he said.'
    doc = GoldDoc("d", text, [])
    tally = Tally()
    score_doc(doc, [attr((0, 15), source=((16, 18),))], [attr((1, 13), source=((16, 18),))], tally)
    assert (tally.tp, tally.exact, tally.speaker_ok) == (1, 1, 1)


def test_raw_exact_counts_only_identical_offsets() -> None:
    text = '"We are ready," he said. "Yes."'
    doc = GoldDoc("d", text, [])
    tally = Tally()
    gold = [attr((0, 15), source=((16, 18),)), attr((25, 31))]
    score_doc(doc, gold, [attr((1, 13), source=((16, 18),)), attr((25, 31))], tally)
    assert (tally.tp, tally.exact, tally.exact_raw) == (2, 2, 1)
    assert tally.scores("")["exact_raw_f1"] == pytest.approx(0.5)


def test_marked_exact_widens_our_spans_over_their_quotation_marks() -> None:
    text = '"We are ready," he said. \u201cYes.\u201d And "no" too.'
    doc = GoldDoc("d", text, [])
    tally = Tally()
    gold = [attr((0, 15)), attr((25, 31)), attr((36, 40))]
    pred = [attr((1, 13)), attr((26, 30)), attr((37, 39))]
    score_doc(doc, gold, pred, tally)
    assert (tally.exact_raw, tally.exact_marked) == (0, 3)


def test_folds_split_documents_by_the_hash_of_their_id() -> None:
    # The parity of the SHA-1 of the id; fixed, so tuning never sees the test fold.
    assert fold("breitbart_2016-09-12_stealth-over-health-hillary-clin") in ("tune", "test")
    parts = {fold(f"doc-{i}") for i in range(20)}
    assert parts == {"tune", "test"}
    assert all(fold(f"doc-{i}") == fold(f"doc-{i}") for i in range(20))


def test_polnear_folds_are_about_even() -> None:
    gold = read_gold(shared_path("data", "quotes", "polnear_dev.jsonl"))
    tune = sum(fold(d.doc_id) == "tune" for d in gold)
    assert (tune, len(gold) - tune) == (43, 41)


def test_speaker_counts_when_both_lack_a_source() -> None:
    tally = Tally()
    score_doc(GoldDoc("d", "x" * 20, []), [attr((0, 5))], [attr((0, 5))], tally)
    assert tally.speaker_ok == 1


def test_misses_and_false_alarms_are_listed() -> None:
    errors: list[str] = []
    tally = Tally()
    score_doc(GoldDoc("d", "abcdefghij" * 5, []), [attr((0, 5))], [attr((20, 30))], tally, errors)
    assert (tally.tp, tally.fp, tally.fn) == (0, 1, 1)
    assert any("miss" in e for e in errors) and any("false alarm" in e for e in errors)


def test_scores_from_tally() -> None:
    scores = Tally(tp=3, fp=1, fn=1, exact=2, speaker_ok=3).scores("x_")
    assert scores["x_overlap_f1"] == pytest.approx(0.75)
    assert scores["x_speaker_acc"] == pytest.approx(1.0)


def test_bad_gold_line_is_e050(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "a"}\n', "utf-8")
    with pytest.raises(EvalError) as info:
        read_gold(path)
    assert info.value.code == "E050"


def test_unknown_baseline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc_id": "a", "text": "x", "quotes": []}) + "\n", "utf-8")
    with pytest.raises(EvalError):
        evaluate(path, load_config(), baseline="nonesuch")


def test_gold_reader_keeps_every_content_span() -> None:
    gold = read_gold(shared_path("data", "quotes", "polnear_dev.jsonl"), limit=3)
    assert len(gold) == 3
    for doc in gold:
        for a in doc.gold:
            assert all(0 <= s < e <= len(doc.text) for s, e in a.content)


def test_textacy_baseline_runs_beside_ours() -> None:
    pytest.importorskip("textacy")
    gold = shared_path("data", "quotes", "polnear_dev.jsonl")
    report = evaluate(gold, load_config(pipeline=["mentions", "quotes"]), limit=4, baseline="textacy")
    assert set(report.baselines["textacy"]) == set(report.scores)


def test_gate_polnear_dev() -> None:
    gold = shared_path("data", "quotes", "polnear_dev.jsonl")
    report = evaluate(gold, load_config(pipeline=["mentions", "quotes"]))
    assert report.counts["failed"] == 0, report.errors[:5]
    for name, floor in FLOORS.items():
        assert report.scores[name] >= floor, (name, report.scores)
    classes = report.breakdown["wrong speakers by class"]
    assert set(classes) == {"all", "tune", "test"}
    wrong = round(report.counts["gold"] * report.scores["overlap_r"] * (1 - report.scores["speaker_acc"]))
    assert sum(classes["all"].values()) == wrong
    # every miss and every false quote falls in exactly one class, on the whole file and per fold
    errors = report.breakdown["errors by class"]
    matched = round(report.counts["gold"] * report.scores["overlap_r"])
    assert sum(n["all"] for name, n in errors.items() if name.startswith("miss")) == report.counts["gold"] - matched
    assert sum(n["all"] for name, n in errors.items() if name.startswith("false")) == \
        report.counts["predicted"] - matched
    assert all(n["all"] == n["tune"] + n["test"] for n in errors.values())


def test_predictions_are_tallied_by_rule() -> None:
    tally = Tally()
    tally.count_rule("stand-alone quotation (straight double) inherits from quote at 58; cue x", True)
    tally.count_rule("stand-alone quotation (curly double) inherits from quote at 7", False)
    assert tally.rules == {"stand-alone quotation inherits from quote": {"matched": 1, "false_alarms": 1}}


def test_eval_pipeline_stops_at_quotes() -> None:
    from peacewatch.evaluate.quotes import _with_quotes

    config = load_config(pipeline=["mentions", "quotes", "events"])
    assert _with_quotes(config).pipeline == ("mentions", "quotes")
    assert _with_quotes(load_config(pipeline=["mentions"])).pipeline == ("mentions", "quotes")


def test_document_gold_quotes_are_located_and_scored_by_speaker_code(tmp_path: Path) -> None:
    text = 'The UN envoy said the truce holds. "We are ready," the minister said.'
    row = {"id": "d1", "text": text, "quotes": [
        {"speaker": "UN envoy", "speaker_code": "IGO:UN", "content": "the truce holds", "direct": False},
        {"speaker": "minister", "speaker_code": "ARM", "content": "We are ready,", "direct": True},
    ]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row) + "\n", "utf-8")
    [doc] = read_gold(path)
    assert [(g.code, g.coded, text[g.content[0][0]:g.content[0][1]]) for g in doc.gold] == [
        ("IGO", True, "the truce holds"), ("ARM", True, "We are ready,")]
    quotes = [Quote((18, 33), "e1", (4, 13), (14, 18), False), Quote((36, 48), "e2", (51, 63), (64, 68), True)]
    pred = group_quotes(quotes, {"e1": "IGO", "e2": "AZE"})
    tally = Tally()
    score_doc(doc, doc.gold, pred, tally)
    assert (tally.tp, tally.coded, tally.code_ok, tally.speaker_ok) == (2, 2, 1, 1)
    assert tally.scores("")["speaker_code_acc"] == 0.5


def test_document_gold_content_missing_from_text_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    row = {"id": "d1", "text": "Nothing here.", "quotes": [{"content": "absent", "speaker_code": None}]}
    path.write_text(json.dumps(row) + "\n", "utf-8")
    with pytest.raises(EvalError) as err:
        read_gold(path)
    assert err.value.code == "E050"


def test_polnear_gold_has_no_code_accuracy() -> None:
    tally = Tally()
    score_doc(GoldDoc("d", "x" * 20, []), [attr((0, 5))], [attr((0, 5))], tally)
    assert "speaker_code_acc" not in tally.scores("")


def test_document_gold_counts_each_part_of_a_broken_quote(tmp_path: Path) -> None:
    text = '"We are at war," he said. "We will continue."'
    row = {"id": "d1", "text": text, "quotes": [
        {"speaker": "PM", "speaker_code": "ISR", "content": "We are at war,", "direct": True},
        {"speaker": "PM", "speaker_code": "ISR", "content": "We will continue.", "direct": True},
    ]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row) + "\n", "utf-8")
    [doc] = read_gold(path)
    assert doc.pieces
    quotes = [Quote((1, 14), "e1", (17, 19), (20, 24), True), Quote((27, 43), "e1", (17, 19), (20, 24), True)]
    pred = group_quotes(quotes, {"e1": "ISR"}, doc.pieces)
    tally = Tally()
    score_doc(doc, doc.gold, pred, tally)
    assert (tally.tp, tally.fp, tally.fn, tally.code_ok) == (2, 0, 0, 2)
    assert len(group_quotes(quotes)) == 1  # PolNeAR: one attribution


def test_indirect_scores_set_direct_quotes_aside_on_both_sides() -> None:
    text = '"We are ready," he said. She said the truce holds. "Go," they said.'
    said, go = text.index("the truce holds"), text.index("Go")
    gold = GoldDoc("d1", text, [attr((0, 15), direct=True), attr((said, said + 15))])
    pred = [attr((1, 13), direct=True), attr((said, said + 15)), attr((go, go + 2), direct=True)]
    counts = tallies()
    score_folds(gold, pred, counts)
    part = fold("d1")
    for prefix in ("", f"{part}_"):
        assert (counts[f"{prefix}indirect_"].tp, counts[f"{prefix}indirect_"].fp) == (1, 0)
        assert (counts[f"{prefix}direct_"].tp, counts[f"{prefix}direct_"].fp) == (1, 1)
        assert counts[prefix].tp == 2
    [other] = [name for name in FOLDS if name != part]
    assert counts[f"{other}_indirect_"].tp == counts[f"{other}_"].tp == 0
