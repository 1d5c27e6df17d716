"""Subordinate clauses fronted before the main clause: "وبينما رحب X بالاتفاق، دعا Y إلى …",
"وعندما وصل X إلى القاهرة، أكد Y …". The fronted clause ends at its comma; the main clause after
it has a subject of its own, which the fronted clause's actors are not."""

from __future__ import annotations

from .clauses import Sentence
from .lang_ar import COMMAS

#: The fewest words a fronted clause holds before its comma (a verb and its subject).
MIN_FRONTED_WORDS = 2


def main_clause(s: Sentence, i: int) -> tuple[int, int]:
    """The clause of token ``i`` (:meth:`Sentence.clause_of`) once a fronted subordinate clause is
    set aside: when the sentence opens with a break word (بينما، فيما، عندما، بعد أن; not a relative
    pronoun) whose clause ends at a comma before ``i``, the main clause starts after that comma."""
    start, end = s.clause_of(i)
    opener = start - 1
    if opener != s.sentence.start or not s.has(opener, "BREAK") or s.doc[opener].norm_ in s.words.relative_pronouns:
        return start, end
    comma = next((k for k in range(i - 1, start, -1) if s.doc[k].text in COMMAS), None)
    # "وعندما وصل X إلى القاهرة،": the fronted clause has a predicate and its subject at least.
    if comma is None or comma - start < MIN_FRONTED_WORDS:
        return start, end
    return comma + 1, end
