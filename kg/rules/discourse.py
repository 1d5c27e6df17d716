"""Who speaks across the sentences of a paragraph, where a sentence's own words tell whom a
verb with no subject goes on with: a plural noun in the nominative right after the verb is a
subject nobody names ("ودعا ناشطون حقوقيون إلى …": not the last one named), and a sentence
opening "من جانبه،" / "بدوره" is the other party of the call or meeting just reported
("أجرى X اتصالا مع Y … . ومن جانبه، أكد على …": Y's, not X's)."""

from __future__ import annotations

from ..knowledge import PERSON
from ..model import Actor
from ..normalize import normalize, normalize_phrase, strip_article
from .anaphora import statement_issuer, written
from .clauses import Sentence
from .groups import joint_parties
from .lang_ar import AND, ARTICLE, COMMAS, FEMININE_PRONOUN, NOMINATIVE_PLURAL_ENDING
from .mentions import read_mentions


def plural_noun_subject(s: Sentence, start: int, i: int) -> bool:
    """Whether the word right after the first verb of the clause from ``start`` to the trigger at
    ``i`` is a sound masculine plural in the nominative (ناشطون، محتجون، مسؤولون) that names
    nobody: the verb's subject, an unnamed one (the accusative ين form would be its object: دعا
    الناشطين إلى …)."""
    verb = next((k for k in range(start, i + 1) if s.verb(k)), None)
    if verb is None:
        return False
    k = next((t.i for t in s.doc[verb + 1 : s.sentence.end] if not t.is_space), None)
    if k is None or s.in_mention(k) or s.verb(k) or s.has(k, "STANCE"):
        return False
    word = str(s.doc[k].norm_)
    if written(s.doc[k]) in s.rules.words.anaphora.participants:
        return False  # "وأكد المجتمعون …": the parties just named
    return word.endswith(NOMINATIVE_PLURAL_ENDING) and len(word) >= s.settings.plural_subject_letters


def reply_opener_end(s: Sentence) -> int | None:
    """Where the sentence goes on after an opening "من جانبه،" / "بدوره" / "في المقابل" (``None``
    when it opens with none of ``rule_words.reply_openers``)."""
    tokens = [t for t in s.sentence if not t.is_space]
    for phrase in s.words.reply_openers:
        words = normalize_phrase(phrase).split()
        if len(tokens) <= len(words):
            continue
        written = [normalize(t.text) for t in tokens[: len(words)]]
        if written[0].startswith(AND) and written[0][1:] == words[0]:
            written[0] = written[0][1:]  # "وفي المقابل"
        if written == words:
            k = tokens[len(words)].i
            return k + 1 if s.doc[k].text in COMMAS else k
    return None


def reply_party(s: Sentence, i: int) -> list[Actor]:
    """ "ومن جانبه، أكد على …" with no subject named before ``i``: the one party of the call or
    meeting just reported who is not the subject carried from before; "بدورها، شددت …" the one
    woman among them (named with a feminine title) when there is one; empty when the opener is
    absent, a subject is named, or the parties do not leave exactly one."""
    end = reply_opener_end(s)
    if end is None or end > i or any(end <= m.start < i and not m.prepositional for m in s.mentions):
        return []
    parties = joint_parties(s)
    pronoun = next(t for t in reversed(s.doc[s.sentence.start : end]) if not (t.is_punct or t.is_space))
    women = _women(s, parties)
    if normalize(pronoun.text).endswith(FEMININE_PRONOUN) and len(women) == 1:
        return women
    spoke = {a.key for a in s.context.last_subject}
    others = [a for a in parties if a.key not in spoke]
    return others if spoke and len(others) == 1 else []


def _women(s: Sentence, parties: list[Actor]) -> list[Actor]:
    """The parties the article names with a feminine title (رئيسة الوزراء X، نظيرته X)."""
    titles = s.rules.words.anaphora.feminine_titles
    named = [m for m in read_mentions(s.doc) if m.kind != "group"]
    feminine = {a.key for m in named if strip_article(written(s.doc[m.start])) in titles for a in m.actors}
    feminine |= {a.key for m in named if written(s.doc[m.start]) in titles for a in m.actors}
    return [a for a in parties if a.kind == PERSON and a.key in feminine]


def call_noun_subject(s: Sentence, stance: int) -> bool:
    """ "وتناول الاتصال ضرورة …", "وتطرق اللقاء إلى أهمية …": the clause of the stance at ``stance``
    opens with a verb whose subject is a definite call or meeting word, so the appeal is that call's
    or meeting's (each party's), as an impersonal statement about it is, unless someone is named
    between."""
    start, _ = s.clause_of(stance)
    words = [t for t in s.doc[start:stance] if not (t.is_punct or t.is_space)]
    if len(words) < 2 or s.in_mention(words[1].i):
        return False
    noun, written = words[1], normalize(words[1].text)
    if any(noun.i < m.start < stance for m in s.mentions):
        return False  # "وشهد الاتصال تأكيد البلدين على …": the ones named make it
    return written.startswith(ARTICLE) and (s.has(noun.i, "CALL_NOUN") or written in s.words.meeting_words)


def statement_quote_issuer(s: Sentence, colon: int) -> list[Actor]:
    """ "وجاء في البيان: «ندعو …»", "وأضاف البيان: «…»": a statement noun before the colon, with no
    speaker named, speaks for its issuer: the one named right after it (وجاء في بيان للخارجية
    القطرية:), else who issued the statement named before (أصدرت وزارة الخارجية القطرية بيانا)."""
    nouns = s.rules.words.anaphora.statement_nouns
    k = next((k for k in range(s.sentence.start, colon) if written(s.doc[k]) in nouns or s.doc[k].norm_ in nouns), None)
    if k is None or strip_article(written(s.doc[k + 1])) in s.rules.words.anaphora.statement_qualifiers:
        return []  # "وجاء في البيان المشترك:": several issuers, the joint rules' business
    own = [m for m in s.mentions if k < m.start < colon and m.actors and m.kind != "group"]
    if own:
        return list(own[0].actors)
    return statement_issuer(s.rules, s.doc, k, [*read_mentions(s.doc), *s.mentions])


def bare_speech(s: Sentence, start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` are the one speaking going on: a bare verb
    (وأضاف، وتابع), or one with only speech participles after it (وأضاف قائلا، واستطرد قائلا، ومضى
    قائلا); not a new speaker (وقال مسؤول)."""
    words = [t for t in s.doc[start:end] if not (t.is_punct or t.is_space)]
    return len(words) <= 1 or all(s.has(t.i, "SPEECH") for t in words[1:])


def participant_parties(s: Sentence, i: int) -> list[Actor]:
    """ "وأكد المجتمعون ضرورة …": a participants noun right after the sentence's first verb before
    ``i`` stands for the parties of the meeting or call just reported (two or more)."""
    verb = next((k for k in range(s.sentence.start, i + 1) if s.verb(k)), None)
    after = next((t for t in s.doc[verb + 1 : s.sentence.end] if not t.is_space), None) if verb is not None else None
    if after is None or written(after) not in s.rules.words.anaphora.participants:
        return []
    parties = joint_parties(s)
    return parties if len(parties) >= 2 else []
