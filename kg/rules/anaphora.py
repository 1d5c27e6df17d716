"""Anaphora to an actor the article already named: an honorific pronoun (وشدد جلالته، وأكد سموه),
a bare office noun (ودعا الوزير) or body noun (وحثت الحكومة), and a bare statement (وطالب البيان).

An honorific pronoun stands for the one who carries its style (جلالة: a king or sultan; سمو: an
emir, a crown prince, or one the article styles سمو/الشيخ/الأمير; فخامة and سيادة: a president;
معالي: a minister; دولة: a prime minister): one named earlier in its sentence, else a party to
the call just reported, else the one named most recently. Where two carry the style at the same
rank (two kings on one call, two ministers as one subject), the sentence subject carried from
before decides; if it is not one of them, or is both, the word stands for nobody: no fact is
better than a guess. A word whose style nobody in the article carries stands for nobody too.
A bare body noun is the state of the last body of its kind the article named (الحكومة الأردنية →
Jordan); a bare البيان speaks for the issuer of the last statement named (أصدرت الرئاسة الفرنسية
بيانا → France)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..knowledge import PERSON, STATE
from ..model import Actor
from ..normalize import normalize, strip_article
from .anaphora_words import Style
from .context import RuleContext
from .lang_ar import AND
from .offices import actor, has_role
from .records import Context, Mention, norm

#: Trigger labels of the verbs an honorific pronoun may follow as their subject.
SUBJECT_VERB_LABELS = frozenset(
    {
        "CLAUSE_VERB",
        "PARTICIPLE",
        "STANCE",
        "DISCUSS",
        "SPEECH",
        "THANKS",
        "WARNING",
        "AGREEMENT",
        "CALL_VERB",
        "CALL_VERB_SUBJ",
        "CALL_VERB_OBJ",
        "CALL_VERB_RECIP",
        "CALL_WEAK",
    }
)


def written(token: Token) -> str:
    """The word as written, normalised, without its proclitics (والحكومة → الحكومه)."""
    return _without_proclitics(token.text, str(token._.clitic))


# Asked of every token of every sentence (is it an anaphor?): each word is normalised once.
@lru_cache(maxsize=2**15)
def _without_proclitics(text: str, clitic: str) -> str:
    return normalize(text)[len(clitic) :]


def anaphor_word(rules: RuleContext, token: Token) -> bool:
    """Whether ``token`` is an honorific pronoun, a bare office noun or a bare body noun."""
    word, words = written(token), rules.words.anaphora
    return word in words.styles or word in words.bodies or word in words.epithets


def anaphor_mention(
    rules: RuleContext,
    doc: Doc,
    at: tuple[int, int],
    labels_before: Iterable[str],
    read: tuple[Sequence[Mention], Sequence[Mention]],
    context: Context,
) -> Mention | None:
    """The mention an anaphoric word makes at ``at`` (its token, its sentence's index), given the
    trigger labels of the word before it and the mentions ``read`` before it (the earlier
    sentences', its own sentence's); None where the word is no anaphor here (a plain noun, or a
    body nobody named)."""
    i, index = at
    earlier, here = read
    word = written(doc[i])
    style = rules.words.anaphora.styles.get(word)
    if style is not None and any(t.label_ == "ROLE" and t.start == i < t.end - 1 for t in doc.spans["triggers"]):
        return None  # "المتحدث باسم الخارجية …": a longer title begins here, not a bare office noun
    if style is not None:
        if style.after_verb and SUBJECT_VERB_LABELS.isdisjoint(labels_before):
            return None  # "دعم دولته", "احترام سيادته": a noun with its pronoun
        recent_call = _recent_call(rules, context, index)
        return Mention(i, i + 1, _styled(rules, doc, (style, recent_call), (earlier, here), context), "role")
    name_start = rules.words.anaphora.epithets.get(word)
    if name_start is not None:  # "وجاء في البيان أن المملكة تدعو …"، "حرص السلطنة على …"
        subject = not SUBJECT_VERB_LABELS.isdisjoint(labels_before) or "THAT" in labels_before
        return _epithet_state(rules, i, name_start, [*earlier, *here]) if subject else None
    heads = rules.words.anaphora.bodies.get(word)
    if heads is None or SUBJECT_VERB_LABELS.isdisjoint(labels_before):
        return None  # "قال X إن الحكومة ستعمل …": maybe the speaker's own government
    for mention in reversed([*earlier, *here]):
        if mention.kind == "body" and mention.actors and written(doc[mention.start]) in heads:
            return Mention(i, i + 1, list(mention.actors), "body")
    return None


def _epithet_state(rules: RuleContext, i: int, name_start: str, read: Sequence[Mention]) -> Mention | None:
    """The state a bare epithet at ``i`` (المملكة) stands for: that of the last actor named (a
    state, or a person's or body's state) whose Arabic name begins with ``name_start``."""
    for mention in reversed(read):
        for someone in mention.actors:
            key = someone.key if someone.kind == STATE else someone.state
            if key is None or key not in rules.knowledge.actors:
                continue
            if any(strip_article(normalize(name)).startswith(name_start) for name in rules.knowledge[key].ar):
                return Mention(i, i + 1, [actor(rules, key)], "state")
    return None


def title_antecedent(
    rules: RuleContext,
    doc: Doc,
    found: tuple[Mention, Span],
    at: tuple[int, int],
    read: tuple[Sequence[Mention], Sequence[Mention]],
    context: Context,
) -> list[Actor]:
    """The holder a bare definite title (ودعا الرئيس …) stands for: the one holder of its office
    named earlier in its sentence or on the call just reported (the carried subject telling two
    apart), before the protagonist :func:`kg.rules.titles.title_mention` prefers; that one's
    answer where neither tells."""
    mention, role_span = found
    role = rules.knowledge.role_phrases.get(norm(role_span))
    if role is None or mention.kind != "role" or (mention.start, mention.end) != (role_span.start, role_span.end):
        return mention.actors  # a title with its state or name, not a bare one
    if norm(role_span) in rules.knowledge.title_seats:
        return mention.actors  # "رئيس مجلس القيادة الرئاسي": a title of one seat names its holder
    style = Style(frozenset({role}), frozenset(), after_verb=False)
    subject = {a.key for a in context.last_subject}
    for pool in _carrier_pools(rules, doc, style, read, (context, _recent_call(rules, context, at[1])))[:2]:
        decided = _decide(pool, subject, nearest_wins=False)
        if decided:
            return decided
    return mention.actors


def _recent_call(rules: RuleContext, context: Context, index: int) -> bool:
    """Whether the call reported last is at most ``anaphor_call_sentences`` before sentence ``index``."""
    return context.calls_sentence >= 0 and index - context.calls_sentence <= rules.settings.anaphor_call_sentences


def _styled(
    rules: RuleContext,
    doc: Doc,
    wanted: tuple[Style, bool],
    read: tuple[Sequence[Mention], Sequence[Mention]],
    context: Context,
) -> list[Actor]:
    """The one person who carries the style: in the sentence so far, on the call just reported
    (when ``wanted`` says one was, within ``anaphor_call_sentences``), or named last."""
    style, recent_call = wanted
    subject = {a.key for a in context.last_subject}
    pools = _carrier_pools(rules, doc, style, read, (context, recent_call))
    for pool, nearest_wins in zip(pools, (True, False, True), strict=True):
        decided = _decide(pool, subject, nearest_wins)
        if decided is not None:
            return decided
    return []


def _carrier_pools(
    rules: RuleContext,
    doc: Doc,
    style: Style,
    read: tuple[Sequence[Mention], Sequence[Mention]],
    where: tuple[Context, bool],
) -> tuple[list[Actor], list[Actor], list[Actor]]:
    """Those who carry ``style``: named earlier in the sentence (nearest first), on the call just
    reported (if ``where`` says there is one), and named in the article (most recent first)."""
    context, recent_call = where
    earlier, here = read
    styled_by_text = {a.key for m in [*earlier, *here] if _styled_in_text(doc, m, style) for a in m.actors}
    women = {a.key for m in [*earlier, *here] if _feminine(rules, doc, m) for a in m.actors}

    def carriers(pool: Iterable[Actor]) -> list[Actor]:
        found: list[Actor] = []
        for someone in pool:
            carries = someone.key in styled_by_text or any(
                has_role(rules, someone, r, context.day) for r in style.roles
            )
            if someone.kind == PERSON and carries and someone.key not in {f.key for f in found}:
                found.append(someone)
        # "معاليه" is never a woman's; "معاليها" is the woman's where the article shows one.
        if not style.feminine:
            return [a for a in found if a.key not in women]
        return [a for a in found if a.key in women] or found

    return (
        carriers(a for m in reversed(here) for a in m.actors),
        carriers(context.call_parties() if recent_call else []),
        carriers(reversed(context.recent)),
    )


def _decide(pool: list[Actor], subject: set[str], nearest_wins: bool) -> list[Actor] | None:
    """The one of ``pool`` meant: the only one, or the one the carried ``subject`` is; else the
    first where ``nearest_wins``, else nobody (``[]``); None when the pool is empty."""
    if not pool:
        return None
    chosen = [a for a in pool if a.key in subject]
    if len(pool) == 1 or len(chosen) == 1:
        return chosen or pool
    return pool[:1] if nearest_wins and not chosen else []


def _feminine(rules: RuleContext, doc: Doc, mention: Mention) -> bool:
    """Whether the article names the mention's person with a feminine title (رئيسة، وزيرة، نظيرته)."""
    word = written(doc[mention.start])
    return word in rules.words.anaphora.feminine_titles or strip_article(word) in rules.words.anaphora.feminine_titles


def _styled_in_text(doc: Doc, mention: Mention, style: Style) -> bool:
    """Whether the article writes the mention with the style's words (بسمو الشيخ X، جلالة الملك X)."""
    words = [written(t) for t in doc[mention.start : mention.end]]
    return any(" ".join(words[k : k + len(h.split())]) == h for h in style.honorifics for k in range(len(words)))


def statement_issuer(rules: RuleContext, doc: Doc, before: int, read: Sequence[Mention]) -> list[Actor]:
    """Who issued the last statement named before token ``before`` ("أصدرت الرئاسة الفرنسية
    بيانا"، "وقالت الخارجية المصرية في بيان"، "ذكر بيان للرئاسة التركية"): the subject before the
    statement noun in its sentence, else the actor named right after it; none for a statement of
    several (البيان المشترك)."""
    words = rules.words.anaphora
    for k in range(before - 1, -1, -1):
        if written(doc[k]) not in words.statement_nouns and doc[k].norm_ not in words.statement_nouns:
            continue
        if k + 1 < len(doc) and strip_article(written(doc[k + 1])) in words.statement_qualifiers:
            return []  # "في بيان مشترك": the joint rules' (each issuer)
        sentence = doc[k].sent
        own = [m for m in read if sentence.start <= m.start < sentence.end and m.actors and m.kind != "group"]
        subjects = [m for m in own if m.start < k and not m.prepositional]
        # "أكدت قطر ومصر في بيان": the subject and the ones joined to it by و.
        joined = [m for m in subjects[1:] if m.clitic.startswith(AND)]
        found = subjects[:1] + joined if subjects else [m for m in own if m.start == k + 1]
        return [a for m in found for a in m.actors]
    return []
