"""Goals as a small grammar, not a phrase list: HEAD + modifiers + OBJECT.

A goal an actor urges is a verbal noun of stopping, preventing, reducing, delivering or
settling (the lexicon's ``goal_heads``, by kind) followed, after at most
``RuleSettings.goal_modifier_tokens`` modifier words (``goal_modifiers``: adjectives,
quantifiers, measure nouns) and two quotes, by an object (``goal_objects``, by kind):
"وقف فوري وشامل لإطلاق النار", "تفادي أي انزلاق", "إدخال المزيد من المساعدات". Which head kind
with which object kind makes which topic is ``goal_topics``. The matcher reads token NORM,
so clitics (لإطلاق, بوقف) need nothing of their own; it yields the same ``TOPIC_<Topic>``
trigger spans as the exact phrases of ``topics``. :func:`goal_patterns` writes the grammar as
spaCy ``Matcher`` patterns, the specification :class:`GoalMatcher` is tested against.

A goal may also be a finite verb after a complementiser (``goal_complementisers``): the
imperfect of a head's verb (``goal_verbs``, by the same kinds), then up to
``RuleSettings.goal_verb_subject_tokens`` words (its subject, عن, modifiers), then the object:
"أن توقف إسرائيل عملياتها العسكرية", "بأن تتوقف الحرب".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.attrs import NORM
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .errors import KnowledgeError
from .goal_forms import ARTICLE, LAM, hamza_pronoun_forms, kinds_of, modifier_words, with_article, words_of
from .knowledge import Knowledge
from .normalize import normalize_phrase
from .rules.lang_ar import AND
from .rules.settings import RuleSettings

#: Quotation marks that may stand inside a goal (وقف «فوري وشامل» لإطلاق النار).
GOAL_QUOTES = ('"', "«", "»", "“", "”")

Analyse = Callable[[str], str]
Pattern = list[dict[str, Any]]


def goal_words(lexicon: dict[str, Any]) -> set[str]:
    """Every normalised word of the goal grammar (the normaliser must know them to strip clitics)."""
    phrases = [*words_of(lexicon.get("goal_heads", {})), *words_of(lexicon.get("goal_objects", {}))]
    phrases += modifier_words(lexicon)
    verbs = [*words_of(lexicon.get("goal_verbs", {})), *lexicon.get("goal_complementisers", [])]
    return (
        {w for p in with_article(phrases) for w in p.split()}
        | {w for v in verbs for w in normalize_phrase(v).split()}
        | set(hamza_pronoun_forms(lexicon))
    )


def _with_lam(phrases: set[str]) -> set[str]:
    """Each phrase also with the lam of its object: "لإطلاق النار", "للتصعيد" (لـ + ال is لل); the
    normaliser reads both forms alike, so the lam forms only spell out the specification."""
    out = set(phrases)
    for phrase in phrases:
        out.add(LAM + phrase[1:] if phrase.startswith(ARTICLE) else LAM + phrase)
    return out


def _sequences(phrases: Iterable[str], analyse: Analyse, lam: bool = False) -> list[Pattern]:
    """Token patterns for phrases: one-word phrases share one ``IN`` token, longer ones one each."""
    single: set[str] = set()
    longer: list[Pattern] = []
    forms = with_article(phrases)
    for phrase in sorted(_with_lam(forms) if lam else forms):
        norms = [analyse(w) for w in phrase.split()]
        if len(norms) == 1:
            single.add(norms[0])
        else:
            longer.append([{"NORM": n} for n in norms])
    return ([[{"NORM": {"IN": sorted(single)}}]] if single else []) + longer


def _verb_sequences(verbs: Iterable[str], analyse: Analyse) -> list[Pattern]:
    """Token patterns for finite goal verbs, as written (no article, no lam)."""
    return [[{"NORM": analyse(w)} for w in normalize_phrase(verb).split()] for verb in sorted(set(verbs))]


def _verb_patterns(lexicon: dict[str, Any], analyse: Analyse, max_between: int) -> dict[str, list[Pattern]]:
    """Complementiser + finite goal verb + up to ``max_between`` words + object."""
    verbs, objects = kinds_of(lexicon, "goal_verbs"), kinds_of(lexicon, "goal_objects")
    openers = sorted({analyse(w) for w in map(normalize_phrase, lexicon.get("goal_complementisers", [])) if w})
    if not openers:
        return {}
    between: Pattern = [{"OP": f"{{0,{max_between}}}"}]
    patterns: dict[str, list[Pattern]] = {}
    for verb_kind, object_kind, topic in lexicon.get("goal_topics", {}).get("rules", []):
        for verb in _verb_sequences(verbs.get(verb_kind, []), analyse):
            for goal_object in _sequences(objects[object_kind], analyse, lam=True):
                patterns.setdefault(f"TOPIC_{topic}", []).append(
                    [{"NORM": {"IN": openers}}, *verb, *between, *goal_object]
                )
    return patterns


def goal_patterns(
    lexicon: dict[str, Any], analyse: Analyse, max_modifiers: int, max_between: int = 0
) -> dict[str, list[Pattern]]:
    """``TOPIC_<Topic>`` → Matcher patterns, from the lexicon's goal sections."""
    heads, objects = kinds_of(lexicon, "goal_heads"), kinds_of(lexicon, "goal_objects")
    modifier_phrases = modifier_words(lexicon)
    modifiers = sorted({analyse(w) for p in modifier_phrases for w in p.split()})
    middle: Pattern = [{"NORM": {"IN": [*modifiers, *GOAL_QUOTES]}, "OP": f"{{0,{max_modifiers + 2}}}"}]
    double = sorted({analyse(w) for w in with_article(lexicon.get("goal_double_object_heads", []))})
    patterns: dict[str, list[Pattern]] = {}
    for head_kind, object_kind, topic in lexicon.get("goal_topics", {}).get("rules", []):
        for head in _sequences(heads[head_kind], analyse):
            for goal_object in _sequences(objects[object_kind], analyse, lam=True):
                patterns.setdefault(f"TOPIC_{topic}", []).append([*head, *middle, *goal_object])
                if double:  # "تجنيب لبنان ويلات الحرب": the one spared stands first
                    first: Pattern = [{"NORM": {"IN": double}}]
                    patterns[f"TOPIC_{topic}"].append([*first, {}, *middle, *goal_object])
    for label, verb_patterns in _verb_patterns(lexicon, analyse, max_between).items():
        patterns.setdefault(label, []).extend(verb_patterns)
    return patterns


class GoalMatcher:
    """Finds goals in a doc whose tokens carry the normaliser's NORM.

    It finds what one spaCy ``Matcher`` of every pattern of :func:`goal_patterns` would
    (tests/test_goal_prefilter.py), without compiling them: a head, up to
    ``goal_modifier_tokens`` + 2 modifier words, an object, looked up phrase by phrase and
    paired by ``goal_topics`` (and a complementiser, a goal verb, up to
    ``goal_verb_subject_tokens`` words and an object). The cross product is tens of thousands
    of patterns, and compiling them was most of an extractor's start-up.
    """

    def __init__(self, vocab: Vocab, lexicon: dict[str, Any], analyse: Analyse, settings: RuleSettings) -> None:
        heads, objects = kinds_of(lexicon, "goal_heads"), kinds_of(lexicon, "goal_objects")
        self.heads = _phrase_kinds(vocab, heads, with_article, analyse)
        self.objects = _phrase_kinds(vocab, objects, lambda p: _with_lam(with_article(p)), analyse)
        verbs = kinds_of(lexicon, "goal_verbs")
        self.verbs = _phrase_kinds(vocab, verbs, lambda p: {normalize_phrase(v) for v in p}, analyse)
        complementisers = map(normalize_phrase, lexicon.get("goal_complementisers", []))
        self.openers = {vocab.strings.add(analyse(w)) for w in complementisers if w}
        modifier_phrases = modifier_words(lexicon)
        modifiers = {analyse(w) for p in modifier_phrases for w in p.split()} | set(GOAL_QUOTES)
        self.modifiers = {vocab.strings.add(word) for word in modifiers}
        # Topics rank as one Matcher of all patterns lists them: by their first rule.
        self.topics: dict[tuple[str, str], tuple[int, int]] = {}
        ranks: dict[str, int] = {}
        for head_kind, object_kind, topic in lexicon.get("goal_topics", {}).get("rules", []):
            rank = ranks.setdefault(topic, len(ranks))
            self.topics.setdefault((head_kind, object_kind), (rank, vocab.strings.add(f"TOPIC_{topic}")))
        self.middle = settings.goal_modifier_tokens + 2  # the modifiers and two quotes
        double = with_article(lexicon.get("goal_double_object_heads", []))
        self.double = {(vocab.strings.add(analyse(w)),) for w in double}
        self.between = settings.goal_verb_subject_tokens
        self.first_norms = {phrase[0] for phrase in self.heads} | (self.openers if self.verbs else set())
        self.anaphora = Anaphora(vocab, lexicon, analyse, settings.goal_anaphora_window)
        section = lexicon.get("goal_object_guards", {})
        self.guards = {vocab.strings.add(analyse(w)) for w in with_article(section.get("words", []))}
        self.unguardable = {vocab.strings.add(analyse(w)) for w in with_article(section.get("not_after", []))}

    def __call__(self, doc: Doc, known: Iterable[Span] = ()) -> list[Span]:
        """The longest goal from each head on (احتواء الأزمة الإنسانية is aid, not احتواء الأزمة),
        leaving out the spans already ``known`` (the exact phrases of ``topics``)."""
        longest: dict[int, tuple[int, int]] = {}
        norms = doc.to_array([NORM]).tolist()
        for start in (i for i, norm in enumerate(norms) if norm in self.first_norms):
            best: tuple[int, int, int] | None = None  # (end, -rank, label)
            for end, (rank, label) in self._goals_from(norms, start):
                if best is None or (end, -rank) > best[:2]:
                    best = (end, -rank, label)
            if best is not None:
                longest[start] = (best[2], best[0])
        seen = {(s.start, s.end, s.label) for s in known}
        found = [
            Span(doc, start, end, label=match_id)
            for start, (match_id, end) in sorted(longest.items())
            if (start, end, match_id) not in seen
        ]
        return found + [span for span in self.anaphora(doc, norms) if span.start not in longest]

    def _goals_from(self, norms: list[int], start: int) -> Iterator[tuple[int, tuple[int, int]]]:
        """(end, (rank, label)) of every goal that starts at ``start``."""
        for head_end, head_kinds in _phrases_at(self.heads, norms, start):
            starts = set(_gap(norms, head_end, self.middle, self.modifiers))
            if tuple(norms[start:head_end]) in self.double and head_end < len(norms):
                starts |= set(_gap(norms, head_end + 1, self.middle, self.modifiers))
            for object_start in sorted(starts):
                yield from self._objects(norms, object_start, head_kinds)
        if norms[start] in self.openers:
            for verb_end, verb_kinds in _phrases_at(self.verbs, norms, start + 1):
                for object_start in range(verb_end, min(verb_end + self.between, len(norms)) + 1):
                    yield from self._objects(norms, object_start, verb_kinds)

    def _objects(self, norms: list[int], start: int, head_kinds: set[str]) -> Iterator[tuple[int, tuple[int, int]]]:
        for end, object_kinds in _phrases_at(self.objects, norms, start):
            for head_kind in head_kinds:
                for object_kind in object_kinds:
                    topic = self.topics.get((head_kind, object_kind))
                    if topic is not None:
                        yield end, topic

    def coordinated(self, doc: Doc, goals: list[Span]) -> list[Span]:
        """ "وقف التصعيد والقتال": a second object joined by و to a goal's object, after its
        modifiers, makes with the same head a goal of its own where its topic differs."""
        norms = doc.to_array([NORM]).tolist()
        found: list[Span] = []
        for goal in goals:
            kinds = {kind for _, head_kinds in _phrases_at(self.heads, norms, goal.start) for kind in head_kinds}
            joined = (k for k in _gap(norms, goal.end, self.middle, self.modifiers) if k < len(doc))
            start = next((k for k in joined if doc[k]._.clitic == AND), None)
            if not kinds or start is None:
                continue
            best = max(((end, -rank, label) for end, (rank, label) in self._objects(norms, start, kinds)), default=None)
            if best is not None and best[2] != goal.label:
                found.append(Span(doc, start, best[0], label=best[2]))
        return found

    def unguarded(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """``spans`` less the goals a word of another field follows (see :func:`unguarded`)."""
        return unguarded(doc, spans, self.guards, self.unguardable)


def _phrase_kinds(
    vocab: Vocab, kinds: dict[str, list[str]], forms: Callable[[list[str]], set[str]], analyse: Analyse
) -> dict[tuple[int, ...], set[str]]:
    """Each phrase of each kind (in the ``forms`` it is written in) as NORM ids → its kinds."""
    index: dict[tuple[int, ...], set[str]] = {}
    for kind, phrases in kinds.items():
        for phrase in forms(phrases):
            words = phrase.split()
            if len(words) > _LONGEST_PHRASE:
                raise KnowledgeError(f"lexicon: goal phrase {phrase!r} has more than {_LONGEST_PHRASE} words")
            if words:
                index.setdefault(tuple(vocab.strings.add(analyse(w)) for w in words), set()).add(kind)
    return index


def _phrases_at(index: dict[tuple[int, ...], set[str]], norms: list[int], start: int) -> Iterator[tuple[int, set[str]]]:
    """(end, kinds) of each phrase of ``index`` that starts at ``start`` (phrases are a few words)."""
    for end in range(start + 1, min(start + _LONGEST_PHRASE, len(norms)) + 1):
        kinds = index.get(tuple(norms[start:end]))
        if kinds:
            yield end, kinds


#: The most words a head, object or goal verb of the lexicon has (a longer one is refused).
_LONGEST_PHRASE = 6


def _gap(norms: list[int], start: int, most: int, allowed: set[int]) -> Iterator[int]:
    """``start`` and each later position reached over at most ``most`` ``allowed`` words."""
    yield start
    for position in range(start, min(start + most, len(norms))):
        if norms[position] not in allowed:
            return
        yield position + 1


class Anaphora:
    """A head carrying an object pronoun names the goal of an object said shortly before it:
    "تطرق إلى الحرب في السودان، ودعا إلى وقفها" is a call to stop the war, "التصعيد … احتوائه"
    one to contain the escalation. The pronouns are the lexicon's ``goal_anaphora.suffixes``."""

    def __init__(self, vocab: Vocab, lexicon: dict[str, Any], analyse: Analyse, window: int) -> None:
        self.window = window
        self.suffixes = frozenset(normalize_phrase(s) for s in lexicon.get("goal_anaphora", {}).get("suffixes", []))
        self.rules: dict[tuple[str, str], str] = {}
        for head_kind, object_kind, topic in lexicon.get("goal_topics", {}).get("rules", []):
            self.rules.setdefault((head_kind, object_kind), topic)
        self.heads: dict[str, list[str]] = {}
        for kind, words in kinds_of(lexicon, "goal_heads").items():
            for form in with_article(words):
                if " " not in form:
                    self.heads.setdefault(analyse(form), []).append(kind)
        self.objects: dict[tuple[str, ...], list[str]] = {}
        for kind, words in kinds_of(lexicon, "goal_objects").items():
            for form in with_article(words):
                self.objects.setdefault(tuple(analyse(w) for w in form.split()), []).append(kind)
        self.longest_object = max((len(o) for o in self.objects), default=0)
        self.whole = {analyse(form): kinds for form, kinds in hamza_pronoun_forms(lexicon).items()}
        self.head_ids = {vocab.strings.add(head) for head in [*self.heads, *self.whole]}

    def __call__(self, doc: Doc, norms: list[int]) -> list[Span]:
        """One ``TOPIC_<Topic>`` span on each head with a pronoun whose object came before it."""
        spans: list[Span] = []
        for index in (i for i, norm in enumerate(norms) if norm in self.head_ids):
            token = doc[index]
            pronoun = token._.suffix in self.suffixes
            head_kinds = self.whole.get(token.norm_) or (self.heads[token.norm_] if pronoun else [])
            kinds = self._object_kinds(doc, index) if head_kinds else []
            topics = [self.rules[(h, o)] for o in kinds for h in head_kinds if (h, o) in self.rules]
            if topics:
                spans.append(Span(doc, index, index + 1, label=f"TOPIC_{topics[0]}"))
        return spans

    def _object_kinds(self, doc: Doc, index: int) -> list[str]:
        """The kinds of the nearest goal object in the ``window`` words before ``index``, in its sentence."""
        for start in range(index - 1, max(index - self.window, 0) - 1, -1):
            if doc[start].text in SENTENCE_ENDS:
                return []
            for length in range(min(self.longest_object, index - start), 0, -1):
                kinds = self.objects.get(tuple(t.norm_ for t in doc[start : start + length]))
                if kinds:
                    return kinds
        return []


#: Marks that end a sentence: an object pronoun does not reach back over them.
SENTENCE_ENDS = frozenset({".", "!", "?", "\u061f"})


def unguarded(doc: Doc, spans: list[Span], guards: set[int], unguardable: set[int]) -> list[Span]:
    """The spans less the goals a word of another field follows at once (``guards``, the
    lexicon's ``goal_object_guards``): «حل الأزمة الاقتصادية»، «المفاوضات التجارية» are no goal.
    A guard joined by و is another item ("الجهود الدبلوماسية والاقتصادية") and guards nothing;
    nor does one after an ``unguardable`` object (a siege is lifted whatever its kind)."""
    kept = []
    for span in spans:
        after = doc[span.end] if span.end < len(doc) else None
        guarded = after is not None and after.norm in guards and not after._.clitic
        guarded = guarded and doc[span.end - 1].norm not in unguardable
        if not (guarded and span.label_.startswith("TOPIC_")):
            kept.append(span)
    return kept


def topic_variants(phrases: Iterable[str], knowledge: Knowledge) -> list[str]:
    """Goal phrases with an adjective slipped in: "وقف إطلاق النار" → "وقف فوري لإطلاق النار".

    Arabic puts the adjective after the verbal noun and turns the object into a لـ phrase;
    the lexicon's ``topic_adjectives`` lists the adjectives ("سريع", "فوري", "شامل"…).
    """
    adjectives = knowledge.lexicon.get("topic_adjectives", [])
    out = list(phrases)
    for phrase in phrases:
        words = phrase.split()
        if len(words) >= 2:
            # لـ + ال is written لل: التوترات → للتوترات, إطلاق → لإطلاق
            object_word = "لل" + words[1][2:] if words[1].startswith("ال") else "ل" + words[1]
            rest = " ".join([object_word, *words[2:]])
            out += [f"{words[0]} {adjective} {rest}" for adjective in adjectives]
    return out
