"""Synthetic training sentences for the event types the news folds show the model weakest on.

    python scripts/train_synthetic.py            # print them, one "LABEL<TAB>sentence" a line

Written for this project from the PLOVER type definitions (``../shared/spec/plover.md`` and the
manual it summarizes): each type has a handful of verb frames (actor, verb, object as the codebook
describes the act), filled with actors and recipients from two short lists in a fixed rotation, so
the output is the same on every run. ``scripts/train_events.py --synthetic`` adds them to the
*training* folds only (never scored) and records the frames, the count per type and the SHA-256 of
the sentences in the model card.
"""

from __future__ import annotations

import hashlib
import sys

ACTORS = (
    "The United States", "Russia", "The European Union", "China's foreign ministry", "The Turkish government",
    "Kenya's president", "The Nigerian army", "India", "Iran's foreign minister", "The rebel alliance",
    "Brazil", "The Ethiopian government",
)
RECIPIENTS = (
    "Ukraine", "Sudan", "the Palestinian Authority", "Colombia", "Pakistan", "Somalia", "Venezuela",
    "Japan", "Egypt", "Armenia", "Mali", "South Korea",
)
PEOPLE = (
    "Thousands of students", "Opposition supporters", "Hundreds of farmers", "Workers at the port",
    "Residents of the capital", "Relatives of the detainees",
)

# {a}: an actor, {b}: a recipient. Frames follow the PLOVER definitions of each type.
FRAMES: dict[str, tuple[str, ...]] = {
    # material cooperation: economic, military, judicial or intelligence cooperation carried out
    "COOPERATE": (
        "{a} and {b} held joint military exercises near the border.",
        "{a} shared intelligence with {b} on the smuggling networks.",
        "{a} extradited two suspects to {b} on Monday.",
        "{a} resumed trade with {b} after a two-year freeze.",
        "{a} and {b} launched joint patrols along their common frontier.",
        "{a} opened its ports to ships from {b}.",
        "{a} handed over the wanted militia leader to {b}.",
        "{a} and {b} restored direct flights between their capitals.",
    ),
    # material cooperation: aid given (economic, military, humanitarian, protection, asylum)
    "AID": (
        "{a} sent 40 tonnes of medical supplies to {b}.",
        "{a} delivered food aid to refugees in {b}.",
        "{a} pledged $200 million in humanitarian assistance to {b}.",
        "{a} granted asylum to dissidents from {b}.",
        "{a} supplied air defence systems to {b}.",
        "{a} deployed peacekeepers to protect civilians in {b}.",
        "{a} provided emergency loans to {b} to rebuild its power grid.",
        "{a} airlifted tents and water purifiers to flood victims in {b}.",
    ),
    # verbal cooperation: praise, endorse, sign or ratify, recognize, defend
    "SUPPORT": (
        "{a} praised {b} for holding peaceful elections.",
        "{a} signed a defence pact with {b} on Tuesday.",
        "{a} ratified the border treaty with {b}.",
        "{a} formally recognized the new government of {b}.",
        "{a} endorsed the peace plan put forward by {b}.",
        "{a} voiced strong support for {b}'s bid to join the bloc.",
        "{a} welcomed the decision of {b} to free political prisoners.",
        "{a} backed {b}'s candidate for the United Nations post.",
    ),
    # verbal conflict: ask for aid, cooperation, a meeting or a change of policy
    "REQUEST": (
        "{a} called on {b} to release the detained journalists.",
        "{a} urged {b} to return to the negotiating table.",
        "{a} asked {b} for military assistance against the insurgents.",
        "{a} appealed to {b} to open a humanitarian corridor.",
        "{a} demanded that {b} withdraw its troops from the disputed area.",
        "{a} requested an urgent meeting with the leaders of {b}.",
        "{a} pressed {b} to hand over the suspects.",
    ),
    # material conflict: demonstrate, riot, strike, boycott, obstruct
    "PROTEST": (
        "{p} marched through the capital to protest against the new law.",
        "{p} rallied outside the embassy of {b}.",
        "{p} went on strike over unpaid wages.",
        "{p} blocked the main highway to protest against rising fuel prices.",
        "{p} staged a hunger strike to demand the release of their leaders.",
        "{p} demonstrated against the government's decision to join {b}'s alliance.",
        "{p} boycotted the ceremony in protest.",
    ),
    # material conflict: troops, weapons, police or militia mobilized or put on alert
    "MOBILIZE": (
        "{a} deployed thousands of troops along its border with {b}.",
        "{a} mobilized reservists as tensions with {b} rose.",
        "{a} put its armed forces on high alert.",
        "{a} moved tanks and artillery closer to the frontier with {b}.",
        "{a} sent warships to the waters off {b}.",
        "{a} called up 50,000 soldiers after the clashes with {b}.",
        "{a} massed troops near the disputed region.",
    ),
    # verbal conflict: threaten sanctions, force, expulsion, an end of relations
    "THREATEN": (
        "{a} threatened to impose sanctions on {b}.",
        "{a} warned {b} that it would respond with force.",
        "{a} gave {b} an ultimatum to withdraw its forces by Friday.",
        "{a} threatened to cut diplomatic ties with {b}.",
        "{a} warned that it would expel the diplomats of {b}.",
        "{a} threatened military action if {b} crossed the line.",
    ),
    # material conflict: sanctions, embargoes, expulsions, reduced relations, convictions
    "SANCTION": (
        "{a} expelled the ambassador of {b}.",
        "{a} suspended all aid to {b}.",
        "{a} broke off diplomatic relations with {b}.",
        "{a} imposed an arms embargo on {b}.",
        "{a} recalled its envoy from {b} in protest.",
        "{a} suspended talks with {b} indefinitely.",
    ),
}


def synthetic() -> list[tuple[str, str]]:
    """Every synthetic sentence as (type, text): each frame filled three times, actors and
    recipients taken in a fixed rotation (no randomness)."""
    out: list[tuple[str, str]] = []
    n = 0
    for label, frames in FRAMES.items():
        for frame in frames:
            for _ in range(3):
                a = ACTORS[n % len(ACTORS)]
                b = RECIPIENTS[(n * 5 + 3) % len(RECIPIENTS)]
                p = PEOPLE[n % len(PEOPLE)]
                out.append((label, frame.format(a=a, b=b, p=p)))
                n += 1
    return out


def fingerprint(rows: list[tuple[str, str]]) -> str:
    """The SHA-256 of the sentences as printed (what the model card records)."""
    text = "".join(f"{label}\t{sentence}\n" for label, sentence in rows)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main() -> int:
    rows = synthetic()
    sys.stdout.write("".join(f"{label}\t{sentence}\n" for label, sentence in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
