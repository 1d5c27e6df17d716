"""Goals as a small grammar, not a phrase list: HEAD + modifiers + OBJECT.

A goal an actor urges is a verbal noun of stopping, preventing, reducing, delivering or
settling (the lexicon's ``goal_heads``, by kind) followed, after at most
``RuleSettings.goal_modifier_tokens`` modifier words (``goal_modifiers``: adjectives,
quantifiers, measure nouns) and two quotes, by an object (``goal_objects``, by kind):
"وقف فوري وشامل لإطلاق النار", "تفادي أي انزلاق", "إدخال المزيد من المساعدات". Which head kind
with which object kind makes which topic is ``goal_topics``. The matcher is a spaCy
``Matcher`` over token NORM, so clitics (لإطلاق, بوقف) need nothing of their own; it yields
the same ``TOPIC_<Topic>`` trigger spans as the exact phrases of ``topics``.

A goal may also be a finite verb after a complementiser (``goal_complementisers``): the
imperfect of a head's verb (``goal_verbs``, by the same kinds), then up to
``RuleSettings.goal_verb_subject_tokens`` words (its subject, عن, modifiers), then the object:
"أن توقف إسرائيل عملياتها العسكرية", "بأن تتوقف الحرب".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.attrs import NORM
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .goal_forms import ARTICLE, LAM, hamza_pronoun_forms, kinds_of, with_article, words_of
from .knowledge import Knowledge
from .normalize import normalize_phrase
from .rules.settings import RuleSettings

#: Quotation marks that may stand inside a goal (وقف «فوري وشامل» لإطلاق النار).
GOAL_QUOTES = ('"', "«", "»", "“", "”")

Analyse = Callable[[str], str]
Pattern = list[dict[str, Any]]


def goal_words(lexicon: dict[str, Any]) -> set[str]:
    """Every normalised word of the goal grammar (the normaliser must know them to strip clitics)."""
    phrases = [*words_of(lexicon.get("goal_heads", {})), *words_of(lexicon.get("goal_objects", {}))]
    phrases += words_of(lexicon.get("goal_modifiers", {}))
    verbs = [*words_of(lexicon.get("goal_verbs", {})), *lexicon.get("goal_complementisers", [])]
    return (
        {w for p in with_article(phrases) for w in p.split()}
        | {w for v in verbs for w in normalize_phrase(v).split()}
        | set(hamza_pronoun_forms(lexicon))
    )


def _with_lam(phrases: set[str]) -> set[str]:
    """Each phrase also with the lam of its object: "لإطلاق النار", "للتصعيد" (لـ + ال is لل).

    The normaliser strips the lam only where what is left is known and the lam form is not
    itself a word of the lexicon ("وقف لإطلاق النار" makes لاطلاق one): both forms are read."""
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
    modifier_phrases = with_article(words_of(lexicon.get("goal_modifiers", {})))
    modifiers = sorted({analyse(w) for p in modifier_phrases for w in p.split()})
    middle: Pattern = [{"NORM": {"IN": [*modifiers, *GOAL_QUOTES]}, "OP": f"{{0,{max_modifiers + 2}}}"}]
    patterns: dict[str, list[Pattern]] = {}
    for head_kind, object_kind, topic in lexicon.get("goal_topics", {}).get("rules", []):
        for head in _sequences(heads[head_kind], analyse):
            for goal_object in _sequences(objects[object_kind], analyse, lam=True):
                patterns.setdefault(f"TOPIC_{topic}", []).append([*head, *middle, *goal_object])
    for label, verb_patterns in _verb_patterns(lexicon, analyse, max_between).items():
        patterns.setdefault(label, []).extend(verb_patterns)
    return patterns


class GoalMatcher:
    """Finds goals in a doc whose tokens carry the normaliser's NORM."""

    def __init__(self, vocab: Vocab, lexicon: dict[str, Any], analyse: Analyse, settings: RuleSettings) -> None:
        labelled = [
            (label, pattern)
            for label, patterns in goal_patterns(
                lexicon, analyse, settings.goal_modifier_tokens, settings.goal_verb_subject_tokens
            ).items()
            for pattern in patterns
        ]
        self.longest_pattern = max((_pattern_length(pattern) for _, pattern in labelled), default=0)
        # One Matcher per first word (or per first two words where the first starts nothing
        # alone): a window is tried only against the patterns that can start on its words.
        by_first, by_pair = _prefix_index(labelled, vocab)
        # Words of one head kind (or the complementisers) start the same patterns: one Matcher.
        shared: dict[tuple[int, ...], Matcher] = {}
        self.by_first = {norm: _matcher(vocab, labelled, indices, shared) for norm, indices in by_first.items()}
        self.by_pair = {pair: _matcher(vocab, labelled, indices, shared) for pair, indices in by_pair.items()}
        self.first_norms = set(self.by_first) | {first for first, _ in self.by_pair}
        self.anaphora = Anaphora(vocab, lexicon, analyse, settings.goal_anaphora_window)
        section = lexicon.get("goal_object_guards", {})
        self.guards = {vocab.strings.add(analyse(w)) for w in with_article(section.get("words", []))}
        self.unguardable = {vocab.strings.add(analyse(w)) for w in with_article(section.get("not_after", []))}

    def __call__(self, doc: Doc, known: Iterable[Span] = ()) -> list[Span]:
        """The longest goal from each head on (احتواء الأزمة الإنسانية is aid, not احتواء الأزمة),
        leaving out the spans already ``known`` (the exact phrases of ``topics``)."""
        longest: dict[int, tuple[int, int]] = {}
        # The matcher runs only on a window from each token that can start a goal, with only
        # the patterns that can start there: thousands of patterns tried at every token of
        # every text cost more than the rest of extraction.
        norms = doc.to_array([NORM]).tolist()
        for start in (i for i, norm in enumerate(norms) if norm in self.first_norms):
            pair = (norms[start], norms[start + 1]) if start + 1 < len(norms) else None
            matcher = self.by_pair[pair] if pair in self.by_pair else self.by_first.get(norms[start])
            if matcher is None:
                continue
            for match_id, first, end in matcher(doc[start : start + self.longest_pattern]):
                if first == 0 and (start not in longest or start + end > longest[start][1]):
                    longest[start] = (match_id, start + end)
        seen = {(s.start, s.end, s.label) for s in known}
        found = [
            Span(doc, start, end, label=match_id)
            for start, (match_id, end) in sorted(longest.items())
            if (start, end, match_id) not in seen
        ]
        return found + [span for span in self.anaphora(doc, norms) if span.start not in longest]

    def unguarded(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """``spans`` less the goals a word of another field follows (see :func:`unguarded`)."""
        return unguarded(doc, spans, self.guards, self.unguardable)


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


def _token_norms(token: dict[str, Any], vocab: Vocab, seen: dict[int, list[int]]) -> list[int] | None:
    """The NORM ids a pattern token matches once, or None for an optional or repeated token.

    Patterns share their word lists (a head kind's words): ``seen`` holds each list's ids."""
    if "OP" in token or set(token) != {"NORM"}:
        return None
    norm = token["NORM"]
    if not isinstance(norm, dict):
        return [vocab.strings.add(norm)]
    words = norm["IN"]
    if id(words) not in seen:
        seen[id(words)] = [vocab.strings.add(word) for word in words]
    return seen[id(words)]


def _prefix_index(
    labelled: list[tuple[str, Pattern]], vocab: Vocab
) -> tuple[dict[int, list[int]], dict[tuple[int, int], list[int]]]:
    """The patterns (by position) that can start on a word; where no pattern can start on a
    word alone (a complementiser before a goal verb), those that can start on a pair of words."""
    prefixes: list[tuple[list[int], list[int] | None]] = []
    seen: dict[int, list[int]] = {}
    for _, pattern in labelled:
        firsts = _token_norms(pattern[0], vocab, seen)
        if firsts is None:
            raise ValueError(f"a goal pattern must start with a word: {pattern[0]}")
        prefixes.append((firsts, _token_norms(pattern[1], vocab, seen) if len(pattern) > 1 else None))
    alone = {first for firsts, seconds in prefixes if seconds is None for first in firsts}
    by_first: dict[int, list[int]] = {}
    by_pair: dict[tuple[int, int], list[int]] = {}
    for index, (firsts, seconds) in enumerate(prefixes):
        for first in firsts:
            if seconds is None or first in alone:
                by_first.setdefault(first, []).append(index)
            else:
                for second in seconds:
                    by_pair.setdefault((first, second), []).append(index)
    return by_first, by_pair


def _matcher(
    vocab: Vocab, labelled: list[tuple[str, Pattern]], indices: Iterable[int], shared: dict[tuple[int, ...], Matcher]
) -> Matcher:
    """A Matcher of some of the patterns, added in their order (a tie between two labels over
    the same words goes as in one Matcher of them all); one per set of patterns, in ``shared``."""
    key = tuple(sorted(set(indices)))
    if key in shared:
        return shared[key]
    # The patterns are made here from words (NORM, IN, OP only): spaCy's validation of each
    # of the thousands of them would cost as much as compiling them.
    matcher = shared[key] = Matcher(vocab, validate=False)
    chosen: dict[str, list[Pattern]] = {}
    for index in key:
        label, pattern = labelled[index]
        chosen.setdefault(label, []).append(pattern)
    for label, patterns in chosen.items():
        matcher.add(label, patterns)
    return matcher


def _pattern_length(pattern: Pattern) -> int:
    """The most tokens a pattern can match (a ``{0,n}`` token counts ``n``)."""
    total = 0
    for token in pattern:
        operator = str(token.get("OP", "1"))
        total += int(operator.strip("{}").split(",")[-1]) if operator.startswith("{") else 1
    return total


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


#: The prepositions that stay on a word the lexicon lists with them (بضبط in "التحلي بضبط النفس").
KEPT_PREPOSITIONS = ("\u0628", LAM)


def clitic_kept_variants(phrases: Iterable[str], known: Callable[[str], bool]) -> list[str]:
    """Goal phrases also with a preposition on their first word where that form is itself a
    known word: "التحلي بضبط النفس" makes بضبط a word the normaliser keeps whole, so "طالب
    بضبط النفس" needs "بضبط النفس" (and "التوصل لتسوية" makes "دعا لتسوية سياسية" need
    "لتسوية سياسية")."""
    out = list(phrases)
    for phrase in phrases:
        first, _, rest = normalize_phrase(phrase).partition(" ")
        if not rest:
            continue
        for preposition in KEPT_PREPOSITIONS:
            bare = first[len(ARTICLE) :] if first.startswith(ARTICLE) else first
            form = preposition + (LAM + bare if first.startswith(ARTICLE) and preposition == LAM else first)
            if known(form):
                out.append(f"{form} {rest}")
    return out
