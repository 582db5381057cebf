"""Wrong speakers by class (``eval quotes`` breakdown): where our speaker span stands against the gold."""

from __future__ import annotations

from peacewatch.evaluate.quotes import Attribution, GoldDoc, Tally, score_doc
from peacewatch.evaluate.quotes_speakers import CLASSES, by_class, speaker_class

TEXT = "The mayor said that he thinks the bridge will open, and Lee agreed."


def span(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


CONTENT = ((span("that")[0], span("open")[1]),)  # "that he thinks the bridge will open"


def test_a_pronoun_inside_the_gold_content_is_a_nested_report() -> None:
    # The gold's source is "The mayor"; ours is "he" of the inner "thinks": the outer report is missed.
    assert speaker_class(TEXT, CONTENT, (span("The mayor"),), (span("he", 1),)) == "ours inside the gold content"


def test_a_pronoun_beside_the_cue_against_a_name_elsewhere() -> None:
    assert speaker_class(TEXT, CONTENT, (span("Lee"),), (span("The mayor"),)) == "noun or name, gold another"
    text = "She said the bridge will open, Lee recalled."
    content = ((9, 29),)
    assert speaker_class(text, content, ((31, 34),), ((0, 3),)) == "pronoun, gold a noun or name"
    assert speaker_class(text + " He", content, ((45, 47),), ((0, 3),)) == "pronoun, gold another pronoun"


def test_missing_sources_on_either_side() -> None:
    assert speaker_class(TEXT, CONTENT, (), (span("The mayor"),)) == "gold names no source"
    assert speaker_class(TEXT, CONTENT, (span("The mayor"),), ()) == "we name none"


def test_score_doc_counts_each_wrong_pair_once_by_class() -> None:
    tally = Tally()
    gold = [Attribution(CONTENT, (span("The mayor"),), False)]
    right = [Attribution(CONTENT, (span("The mayor"),), False)]
    score_doc(GoldDoc("d", TEXT, gold), gold, right, tally)
    assert tally.wrong_speakers == {} and tally.speaker_ok == 1
    wrong = [Attribution(((span("the bridge")[0], span("open")[1]),), (span("he", 1),), False)]
    score_doc(GoldDoc("d", TEXT, gold), gold, wrong, tally)
    assert tally.wrong_speakers == {"ours inside the gold content": 1}
    assert tally.tp - tally.speaker_ok == sum(tally.wrong_speakers.values())


def test_classes_are_listed_in_their_order() -> None:
    counts = {CLASSES[4]: 2, CLASSES[0]: 1}
    assert list(by_class(counts)) == [CLASSES[0], CLASSES[4]]
