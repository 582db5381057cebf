"""What a later report must show to keep a promise (coding guide: a later report shows the act, with
its date): an act the ledger cannot date keeps nothing, as such an act is as often the topic of talks
or a deal's terms read as done ("the talks included ... an exchange of prisoners"). An act told in its
article's lead is the news of its publication day; one told undated only there and on the promise's
day is judged as undated (the ledger gave it that day, no report stated it)."""

from __future__ import annotations

from peacewatch.resolve import build_ledger
from peacewatch.resolve.events import LEAD_CHARS
from peacewatch.types import Argument, Commitment, Entity, Event, Result

ENTS = [Entity("e1", "Azerbaijan", "state", "AZE", "GOV"), Entity("e2", "Armenia", "state", "ARM", "GOV")]
AZE = Argument("e1", "AZE", "GOV", "Azerbaijan")
ARM = Argument("e2", "ARM", "GOV", "Armenia")
RELEASE = {"type": "RETREAT", "mode": "release"}


def promise() -> Result:
    event = Event("p", "RETREAT", (0, 5), (0, 20), mode="release", status="future")
    c = Commitment("c1", "p", ["e1"], ["e2"], RELEASE, made="2023-12-07")
    return Result("promise", "2023-12-07", entities=ENTS, events=[event], commitments=[c])


def release(start: int, **fields: str) -> Event:
    return Event("r", "RETREAT", (start + 5, start + 10), (start, start + 60), mode="release", actor=[AZE],
                 recipient=[ARM], **fields)


def status(*later: Result) -> str:
    [c] = build_ledger([promise(), *later]).commitments
    return c.status


def test_a_release_told_undated_below_the_lead_keeps_nothing() -> None:
    # "Ansari said the current talks included ... an exchange of prisoners", a week later, far down
    talks = Result("b", "2023-12-14", entities=ENTS, events=[release(LEAD_CHARS + 300)])
    assert status(talks) == "open"


def test_the_same_release_with_its_day_keeps_the_promise() -> None:
    dated = Result("b", "2023-12-14", entities=ENTS, events=[release(LEAD_CHARS + 300, date="2023-12-13")])
    assert status(dated) == "fulfilled"


def test_a_release_that_is_an_articles_news_keeps_it_on_the_publication_day() -> None:
    news = Result("b", "2023-12-14", entities=ENTS, events=[release(0)])
    [c] = build_ledger([promise(), news]).commitments
    assert (c.status, c.fulfilled_on) == ("fulfilled", "2023-12-14")


def test_news_of_the_promises_own_day_is_judged_undated() -> None:
    # the ledger dated it by its article (the lead), no report stated the day: the terms told that day
    same_day = Result("b", "2023-12-07", entities=ENTS, events=[release(0)])
    assert status(same_day) == "open"
