"""Which time expression governs a clause: the date an event or commitment hangs on.

The timex inside the trigger's clause (its syntactic subtree up to the nearest finite verb), else
the nearest one in the same sentence; a calendar value ("2023-12-25", "XXXX-11") is preferred to a
reference word ("now" = PRESENT_REF), which says little about when the event happened. Byline and
update stamps ("Updated: 11/25/2022", marked by ``stamps``) never govern: they date the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .stamps import is_marked

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...types import Timex


def governing_timex(timexes: list[Timex], doc: Doc, token_index: int) -> Timex | None:
    """The timex that dates the word at ``token_index`` of ``doc``, or None."""
    token = doc[token_index]
    sent = token.sent
    candidates = [t for t in timexes if sent.start_char <= t.start and t.end <= sent.end_char
                  and t.type in ("DATE", "TIME") and not is_marked(t)]
    if not candidates:
        return None
    head = token
    while head.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "xcomp") and head.head.i != head.i:
        head = head.head
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    inside = [t for t in candidates if lo <= t.start and t.end <= hi]
    pool = inside or candidates
    return min(pool, key=lambda t: (t.value.endswith("_REF"), abs(t.start - token.idx)))
