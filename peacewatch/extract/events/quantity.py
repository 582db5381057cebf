"""How many an event acts on: the number a trigger's object carries ("released 32 Armenians").

``quantity`` gives the value and its unit (the toll a trigger names, "killed", "injured", "arrested",
else "person" or the object's noun); ``number`` reads one number token, digits or words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .matching import is_person
from .tables import numbers

if TYPE_CHECKING:
    from spacy.tokens import Token

# The unit of a count told by the trigger itself ("killed 3": three killed, not three persons).
UNITS = {"kill": "killed", "wound": "injured", "injure": "injured", "arrest": "arrested",
         "detain": "arrested", "jail": "arrested"}
# The values a tens word names, which a unit word after it adds to ("thirty-three").
TENS = frozenset(range(20, 100, 10))


def quantity(trigger: Token, heads: list[Token]) -> dict[str, Any] | None:
    """A number of people (or things) the event acts on: "released 32 Armenians"."""
    unit_from_trigger = UNITS.get(trigger.lemma_.lower())
    for head in heads:
        if head.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
            continue
        for child in head.children:
            if child.dep_ != "nummod":
                continue
            value = number(child)
            if value is None:
                continue
            unit = unit_from_trigger or ("person" if is_person(head) else head.lemma_.lower())
            return {"value": value, "unit": unit}
    return None


def number(token: Token) -> int | float | None:
    """The value of a number token ("32", "1,200", "two"), with the tens word before a unit word
    ("thirty-three", "twenty one": the parser hangs "thirty" on "three")."""
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    unit = numbers().get(text)
    if unit is not None and 0 < unit < 10:
        tens = next((numbers().get(c.lower_) for c in token.children
                     if c.i < token.i and c.dep_ in ("compound", "quantmod", "nummod")), None)
        if tens is not None and tens in TENS:
            return tens + unit
    try:
        return float(text) if token.like_num and any(c.isdigit() for c in text) else numbers().get(text)
    except ValueError:
        return numbers().get(text)
