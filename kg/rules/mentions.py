"""Mentions: the actors each sentence names (names, titles, counterparts, bodies, groups)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..knowledge import PERSON
from ..model import Actor
from ..normalize import normalize_phrase, word_readings
from .anaphora import anaphor_mention, anaphor_word, title_antecedent
from .body_lists import listed_bodies
from .context import RuleContext
from .counterparts import counterpart_mention, officials_of_places
from .genitives import envoy_of_person, governing_noun
from .lang_ar import CLAUSE_PUNCTUATION, COMMAS, HONORIFIC_SLASH
from .offices import actor, adjective_state, governing_word_index, nisba_state, resolve_office, tenure_window
from .openers import mark_attribution, without_dateline
from .records import Context, Mention, mention_kind, norm
from .seats import residence_mention
from .titles import appositive_title, coordinated_title_start, dual_title_mention, title_mention

#: ORTH ids of the punctuation that closes a clause.
CLAUSE_PUNCTUATION_IDS = frozenset(get_string_id(p) for p in CLAUSE_PUNCTUATION)


@dataclass
class SentenceSpans:
    """The actor and trigger spans of each sentence of a doc, bucketed once."""

    actors: list[list[Span]]
    triggers: list[list[Span]]
    clause_punctuation: list[list[int]] | None = None
    _by_start: dict[int, tuple[dict[int, Span], dict[int, dict[str, Span]]]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, sentences: list[Span]) -> SentenceSpans:
        """Bucket ``doc.spans["actors"]`` and ``doc.spans["triggers"]`` by sentence,
        and the positions of clause punctuation (``:``, ``؛``, ``;``)."""
        owner = [0] * len(doc)
        for index, sentence in enumerate(sentences):
            for i in range(sentence.start, sentence.end):
                owner[i] = index
        actors: list[list[Span]] = [[] for _ in sentences]
        triggers: list[list[Span]] = [[] for _ in sentences]
        punctuation: list[list[int]] = [[] for _ in sentences]
        for span in doc.spans["actors"]:
            actors[owner[span.start]].append(span)
        for span in doc.spans["triggers"]:
            triggers[owner[span.start]].append(span)
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            if orth in CLAUSE_PUNCTUATION_IDS:
                punctuation[owner[i]].append(i)
        return cls(actors, triggers, punctuation)

    def by_start(self, index: int) -> tuple[dict[int, Span], dict[int, dict[str, Span]]]:
        """Sentence ``index``'s actor spans by start token, and its trigger spans by start
        token and label (read twice per sentence, so built once)."""
        if index not in self._by_start:
            triggers: dict[int, dict[str, Span]] = {}
            for span in self.triggers[index]:
                # The longest span of each label wins at a start (وزارة الخارجية over الخارجية).
                kept = triggers.setdefault(span.start, {}).get(span.label_)
                if kept is None or len(span) > len(kept):
                    triggers[span.start][span.label_] = span
            self._by_start[index] = ({s.start: s for s in self.actors[index]}, triggers)
        return self._by_start[index]


#: Trigger labels that start a title mention besides ``ROLE`` (dual titles, "the leader of X").
TITLE_LABELS = frozenset({"DUAL_ROLE", "LEADER", "RESIDENT"})


@dataclass
class SentenceMentions:
    """What finding the mentions of one sentence needs: the doc, its spans and titles, the article."""

    rules: RuleContext
    doc: Doc
    buckets: SentenceSpans
    roles_by_start: dict[int, Span]
    context: Context

    def find(self, sentence: Span, index: int) -> list[Mention]:
        """The mentions of sentence ``index``, left to right, with the preposition governing each."""
        doc = self.doc
        spans, triggers = self.buckets.by_start(index)
        mentions: list[Mention] = []
        proposals = {
            s.start: s
            for s in doc.spans.get("model_actors", [])
            if s.label_ == "PERSON" and sentence.start <= s.start and s.end <= sentence.end
        }
        # Only a token that starts an actor, trigger or model span can start a mention.
        i = sentence.start
        heads = _noun_phrase_heads(self.buckets.triggers[index])
        floor = sentence.start
        # "وشدد جلالته", "وحثت الحكومة": words that refer back to an actor named before.
        anaphors = {k for k in range(sentence.start, sentence.end) if anaphor_word(self.rules, doc[k])}
        # The earlier sentences' mentions, read only where an anaphor or a bare title may need them.
        titled = any(k in self.roles_by_start for k in range(sentence.start, sentence.end))
        before = read_mentions(doc) if anaphors or titled else []
        for candidate in sorted({*spans, *triggers, *proposals, *anaphors}):
            if candidate < i:
                continue
            i = candidate
            mention = self.mention_at(i, sentence.end, spans, triggers)
            if mention is None and i in proposals:
                mention = model_mention(self.rules, proposals[i], self.context)
            if mention is None and i in anaphors:
                labels = triggers.get(i - 1, {}).keys()
                mention = anaphor_mention(self.rules, doc, (i, index), labels, (before, mentions), self.context)
            if mention is None:
                continue
            if i in self.roles_by_start:  # "ودعا الرئيس …" right after a call with a president
                found = (mention, self.roles_by_start[i])
                mention.actors = title_antecedent(self.rules, doc, found, (i, index), (before, mentions), self.context)
            mention = envoy_of_person(self.rules, doc, mention, spans, sentence.end) or mention
            # "مع فخامة الرئيس X", "بسمو الشيخ X": the honorifics before a mention are part of it.
            mention.start = _noun_phrase_start(self.rules, doc, mention.start, floor, heads)
            mention.start = coordinated_title_start(self.rules, doc, mention, floor, self.roles_by_start)
            mention.clitic = doc[mention.start]._.clitic
            if mention.start > sentence.start:
                mention.preposition = _governing_word(self.rules, doc, mention.start, sentence.start)
                if _verb_homograph(self.rules, doc, mention, sentence.end):
                    mention.preposition = None
                if _event_name(self.rules, doc, mention):
                    i = floor = mention.end
                    continue  # "محادثات مدريد", "مؤتمر برلين": a name, not an actor
            mention.preposition = governing_noun(self.rules, doc, mention, sentence.start) or mention.preposition
            appositive_title(self.rules, doc, mentions, mention, spans)
            mentions.append(mention)
            i = floor = mention.end
        mark_attribution(self.rules, sentence, mentions)
        return without_dateline(self.rules, sentence, mentions, self.context)

    def titles(self, sentence: Span, index: int) -> list[Mention]:
        """The mentions of sentence ``index`` that a title resolves to office holders, left to right.

        The licensing pass reads these alone: a name licenses itself, and only a resolved
        title adds someone the article names (الرئيس الإيراني → رئيسي).
        """
        spans, triggers = self.buckets.by_start(index)
        found: list[Mention] = []
        i = sentence.start
        for candidate in sorted(triggers):
            if candidate < i or not (candidate in self.roles_by_start or TITLE_LABELS & triggers[candidate].keys()):
                continue
            mention = self.mention_at(candidate, sentence.end, spans, triggers)
            if mention is not None and mention.kind == "role":
                found.append(mention)
                i = mention.end
        return found

    def mention_at(
        self, i: int, end: int, spans: dict[int, Span], triggers: dict[int, dict[str, Span]]
    ) -> Mention | None:
        """The mention that starts at token ``i``, if any."""
        rules, doc, context, roles_by_start = self.rules, self.doc, self.context, self.roles_by_start
        here = triggers.get(i, {})
        if "DUAL_ROLE" in here:
            mention = dual_title_mention(rules, doc, here["DUAL_ROLE"], end, spans, context)
            if mention is not None:
                return mention
        name_here = spans.get(i)
        if i in roles_by_start and not (
            # "أمير عبد اللهيان": a known name that begins with a title word is the name
            name_here is not None
            and name_here.label_ == "NAME"
            and name_here.end > roles_by_start[i].end
            and len(rules.knowledge.names.get(norm(name_here), set())) == 1
        ):
            mention = title_mention(rules, doc, i, end, spans, roles_by_start[i], context)
            if mention is not None:
                return mention
        if "RESIDENT" in here:  # "سيد البيت الأبيض"
            return residence_mention(rules, doc, here["RESIDENT"], end, context)
        if "COUNTERPART" in here:
            return counterpart_mention(rules, doc, i, end, spans, context)
        if "GROUP" in here:
            return officials_of_places(rules, doc, i, end, spans) or self._group_mention(i, end, spans)
        for label in ("STATE_BODIES", "STATE_BODY", "LEADER", "OFFICIAL"):
            if label in here:
                body = self._body_mention(i, here[label], spans)
                if body is not None:
                    return body[0]
        return self._name_mention(i, spans)

    def _group_mention(self, i: int, end: int, spans: dict[int, Span]) -> Mention | None:
        """ "الزعيمان", "الجانبين الروسي والإيراني" (a group that names its members by nationality)."""
        rules, doc, roles_by_start = self.rules, self.doc, self.roles_by_start
        members, k = [], i + 1
        while (
            k < end
            and (state := nisba_state(rules, str(doc[k].norm_))) is not None
            and (k - i) <= rules.settings.group_members
        ):
            members.append(state)
            k += 1
        if len(members) >= 2 and not (k < end and (k in spans or k in roles_by_start)):
            word, states = str(doc[i].norm_), [actor(rules, m) for m in dict.fromkeys(members)]
            # "الوزيران الروسي والتركي": a group of people is the people of those states.
            side = word in rules.words.country_group_words or word.startswith(rules.words.side_group_words)
            people = [] if side else self.context.people_of(members)
            return Mention(i, k, people, "name") if people else Mention(i, k, states, "state")
        if i + 1 < end and (i + 1 in spans or (i + 1) in roles_by_start):
            return None  # "الزعيمان الروسي فلاديمير بوتين والأذربيجاني …" names its members
        return Mention(i, i + 1, [], "group")

    def _body_mention(self, i: int, trigger: Span, spans: dict[int, Span]) -> tuple[Mention | None] | None:
        """ "الجانب الروسي", "الزعيم الروسي", "الوزير الصيني": ``None`` if no state follows, ``(None,)`` if nobody."""
        rules, context = self.rules, self.context
        state = adjective_state(rules, self.doc, trigger.end, spans)
        if state is None or trigger.label_ == "STATE_BODIES":
            return listed_bodies(rules, self.doc, trigger, spans)
        adj_end = spans[trigger.end].end
        if trigger.label_ != "STATE_BODY":
            leader = trigger.label_ == "LEADER"
            person = resolve_office(rules, rules.knowledge.leader_roles_of(state), state, context) if leader else None
            people = ([person] if person is not None else []) if leader else context.people_of([state])
            return (Mention(i, adj_end, people, "role") if people else None,)
        return (Mention(i, adj_end, [actor(rules, state)], "body"),)

    def _name_mention(self, i: int, spans: dict[int, Span]) -> Mention | None:
        """A gazetteer name at ``i`` (a weak one only once the article has named its actor)."""
        knowledge = self.rules.knowledge
        span = spans.get(i)
        if span is None:
            return None
        keys = knowledge.names.get(norm(span), set())
        if span.label_ == "NAME" and len(keys) == 1:
            key = next(iter(keys))
            return Mention(i, span.end, [actor(self.rules, key)], mention_kind(knowledge[key]))
        if span.label_ == "WEAK":
            weak = knowledge.weak_names.get(norm(span), set()) & self.context.named
            if len(weak) == 1:
                key = next(iter(weak))
                return Mention(i, span.end, [actor(self.rules, key)], mention_kind(knowledge[key]))
        return None


#: Trigger labels of the words that may open a person's noun phrase before the mention itself.
NOUN_PHRASE_HEADS = frozenset({"HONORIFIC", "DESCRIPTOR"})
#: Dual titles and group words, which open a noun phrase only before a nationality adjective
#: ("بين الرئيسين الروسي فلاديمير بوتين والأمريكي …").
DUAL_HEADS = frozenset({"DUAL_ROLE", "GROUP"})


def _noun_phrase_heads(triggers: list[Span]) -> dict[int, tuple[int, bool]]:
    """Where an honorific, descriptor or dual title ending at each token starts (the longest
    wins), and whether it is a dual title or group word."""
    heads: dict[int, tuple[int, bool]] = {}
    for span in triggers:
        if span.label_ in NOUN_PHRASE_HEADS | DUAL_HEADS:
            kept = heads.get(span.end)
            if kept is None or span.start < kept[0]:
                heads[span.end] = (span.start, span.label_ in DUAL_HEADS)
    return heads


def _noun_phrase_start(rules: RuleContext, doc: Doc, start: int, floor: int, heads: dict[int, tuple[int, bool]]) -> int:
    """The start of a mention's noun phrase: past its honorifics and descriptors, and past a
    nationality adjective between a descriptor or a dual title and the name ("الملياردير
    الأمريكي X", "الرئيسين الروسي X")."""
    while True:
        head, dual = heads.get(start, (-1, False))
        before, _ = heads.get(start - 1, (-1, False))
        if head >= floor and not dual:
            start = head
        elif before >= floor and nisba_state(rules, str(doc[start - 1].norm_)) is not None:
            start = before
        elif before >= floor and doc[start - 1].text == HONORIFIC_SLASH:
            start = before  # "من السيد/ دونالد ترامب": the slash Egyptian outlets write after an honorific
        else:
            return start


def _verb_homograph(rules: RuleContext, doc: Doc, mention: Mention, end: int) -> bool:
    """Whether the word governing ``mention`` is a verb spelled like a preposition: عبّر X عن
    ("X expressed"), not عبر X ("via X")."""
    if mention.preposition not in rules.words.verb_homographs:
        return False
    k = mention.end
    while k < end and doc[k].text in COMMAS:
        k += 1
    return k < end and doc[k].norm_ == rules.words.word_about


def _governing_word(rules: RuleContext, doc: Doc, start: int, sentence_start: int) -> str | None:
    """The preposition (or media noun) governing a mention starting at ``start``, if any."""
    words = rules.words
    # Quotes (and a wrapped line's break) do not stand between a preposition and its object: لـ «حماس»
    b = governing_word_index(rules, doc, start - 1, sentence_start)
    before = doc[b].norm_
    if before in words.from_nouns and start - 2 >= sentence_start and doc[start - 2].norm_ == words.word_from:
        before = words.word_from  # من طرف / من قبل: "from"
    elif before == words.word_from and start - 2 >= sentence_start and doc[start - 2].norm_ == words.word_every:
        before = doc[start - 3].norm_ if start - 3 >= sentence_start else ""  # "مع كل من X وY": مع governs
    if doc[b]._.suffix:
        # A preposition with a pronoun has its object: "ووقع خلالها الرئيس X" (X is the
        # subject); "دول عربية، من بينها السعودية وقطر" (named members, not an object).
        before = ""
    if before in words.prepositions or before in words.media_nouns:
        # "قناة المملكة", "وكالة الأنباء السعودية": an outlet is a source, not an actor
        return str(before)
    return None


def _noun_before(rules: RuleContext, doc: Doc, start: int, nouns: frozenset[str]) -> str | None:
    """The word right before ``start`` if, its proclitics or article stripped, it is one of ``nouns``."""
    before = str(doc[start - 1].norm_)
    if not word_readings(before).isdisjoint(nouns):
        return before
    return None


def _event_name(rules: RuleContext, doc: Doc, mention: Mention) -> bool:
    """ "محادثات مدريد", "مسار أستانا", "اتفاق الدوحة": a capital after an event noun names the event."""
    one_word = mention.end - mention.start == 1 and doc[mention.start].norm_ in rules.words.capitals
    return one_word and _noun_before(rules, doc, mention.start, rules.words.event_nouns) is not None


def model_mention(rules: RuleContext, span: Span, context: Context) -> Mention | None:
    """A person only the trained model proposes: one met earlier in the article, or a new unknown person."""
    from ..model_component import model_person_name
    from .records import MODEL_SEAT

    name = model_person_name(span)
    words = normalize_phrase(name).split()
    if not words or all(t.norm_ in rules.words.stop_words or t.norm_ in rules.words.term_words for t in span):
        return None
    for someone in reversed(context.recent):
        if (
            not someone.known
            and someone.kind == PERSON
            and set(words) <= set(normalize_phrase(someone.label_ar).split())
        ):
            return Mention(span.start, span.end, [someone], "unknown")
    key = f"person/unknown/{MODEL_SEAT}/{'-'.join(words)}"
    return Mention(span.start, span.end, [Actor(key=key, kind=PERSON, label_ar=name, known=False)], "unknown")


def collect_names(
    rules: RuleContext, doc: Doc, sentences: list[Span], buckets: SentenceSpans, context: Context
) -> SentenceMentions:
    """First pass: who the article names, so that weak names and titles can be resolved.

    Returns the mention finder the second pass reads each sentence with."""
    # The spans as bucketed: each read of doc.spans builds new Span objects.
    for span in (s for bucket in buckets.actors for s in bucket):
        label = span.label_
        if label == "NAME":
            context.named.update(rules.knowledge.names.get(norm(span), set()))
        elif label == "WEAK":
            context.weakly_named.update(rules.knowledge.weak_names.get(norm(span), set()))
    roles_by_start: dict[int, Span] = {}
    for span in (s for bucket in buckets.triggers for s in bucket):
        if span.label_ == "ROLE":
            kept = roles_by_start.get(span.start)
            if kept is None or len(span) > len(kept):
                roles_by_start[span.start] = span
    finder = SentenceMentions(rules, doc, buckets, roles_by_start, context)
    # Titles resolved here also license weak names (رئيسي after الرئيس الإيراني): only the
    # title mentions matter for that, so this pass reads titles, not every mention.
    # Undated, the people named in full bound the date too (their offices span it), beside the titled.
    titled = [actor(rules, k) for k in sorted(context.named) if k.startswith("person/")]
    for index, sentence in enumerate(sentences):
        for mention in finder.titles(sentence, index):
            context.named.update(a.key for a in mention.actors)
            titled += [a for a in mention.actors if a.role]
    if context.article_date is None:
        context.tenure_window = tenure_window(rules, titled)
    context.recent = []
    return finder


#: ``doc.user_data`` key of the mentions the extraction read, one list per sentence
#: (:meth:`kg.extract.Extractor.extract_doc` sets it; training reads it instead of finding them again).
MENTIONS_KEY = "kg_mentions"


def read_mentions(doc: Doc) -> list[Mention]:
    """The mentions of the sentences read so far (:data:`MENTIONS_KEY`), in their order."""
    return [m for found in doc.user_data.get(MENTIONS_KEY, []) for m in found]


def article_mentions(rules: RuleContext, doc: Doc, day: date | None) -> list[list[Mention]]:
    """The mentions of each sentence of ``doc`` (both passes, as extraction reads them)."""
    context = Context(article_date=day)
    sentences = list(doc.sents)
    buckets = SentenceSpans.of(doc, sentences)
    finder = collect_names(rules, doc, sentences, buckets, context)
    return [finder.find(s, i) for i, s in enumerate(sentences)]
