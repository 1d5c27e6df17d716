"""The named members of a group subject: «ودعت دول عربية، من بينها مصر والعراق، إلى …»، «ودعت
الدول العربية الثلاث، مصر والأردن والسعودية، إلى …». A group that names no actor (دول، الدول:
``non_actor_subjects``) is no subject of its own, but the states it names after a word of
membership (``group_member_words``: بينها، منها) or in apposition between commas are (ANNOTATION.md:
"دول عربية من بينها السعودية وقطر" gives Saudi Arabia and Qatar)."""

from __future__ import annotations

from .clauses import Sentence
from .lang_ar import COMMAS
from .qualifiers import reads_as
from .records import Mention


def listed_members(s: Sentence, verb: int, end: int) -> tuple[Mention, int] | None:
    """The first of the members a group right after the verb at ``verb`` names and where their
    list must end (the comma closing the aside: the object after it is none of them), ``None``
    when it names none."""
    head = verb + 1
    if head >= end or s.in_mention(head) or not reads_as(s, head, s.words.non_actor_subjects):
        return None
    apposed = False
    for k in range(head + 1, min(head + 1 + s.settings.group_members_window, end)):
        mention = next((m for m in s.mentions if m.start == k), None)
        if mention is not None:
            if not apposed or mention.prepositional:
                return None
            close = next((j for j in range(mention.end, end) if s.doc[j].text in COMMAS), end)
            return mention, close
        token = s.doc[k]
        # the pronoun the normaliser split off is part of the word of membership (بين + ها)
        if str(token.norm_) + str(token._.suffix) in s.words.group_member_words or token.text in COMMAS:
            apposed = True
        elif s.verb(k) or (s.has(k, "PREP") and token.norm_ != s.words.word_from):
            return None
    return None
