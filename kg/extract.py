"""Stage 3 — extract diplomatic facts from an article.

The rules work on the spaCy doc that :mod:`kg.nlp` produced, one sentence at a time:

1. *Mentions*: gazetteer names, titles with a state (الرئيس الإيراني, وزير خارجية إيران),
   counterparts (نظيره التركي), state bodies (الجانب الروسي), groups (الزعيمان), and
   unknown people introduced by a title (الرئيس الفرنسي X Y). Titles are resolved to
   office holders on the article's date.
2. *Clauses*: a sentence is cut at complementizers (أن/إن), colons and clause breaks, so
   that a reporting speaker (قال الكرملين إن …) is not taken for the actor.
3. *Relations*: call, appeal, mediation, thanks and warning triggers of the lexicon, each
   with an agent (the clause subject, or the understood subject carried from earlier
   sentences) and, for calls, the counterpart chain after مع / بـ / من / بين.
   Negated, hypothetical and planned statements are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .dates import WEEKDAYS, article_date_from_text, date_from_url, find_dates, resolve_weekday
from .knowledge import PERSON, STATE, ActorRecord, Knowledge, load_knowledge
from .model import (
    CALLED,
    OFFERED_MEDIATION,
    THANKED,
    URGED,
    WARNED,
    Actor,
    ArticleResult,
    Evidence,
    Fact,
)
from .nlp import Vocabulary, build_pipeline
from .normalize import clitic_readings, normalize, normalize_phrase, strip_article
from .read import Article

PREPOSITION_CLITICS = frozenset("بلك")
CONNECTORS = frozenset({"،", ",", "و", "كل", "من", "(", ")", "-", "كلا", "ايضا", "كذلك"})
#: Words that head an organisation's name in a title's complement: "الأمين العام لمنظمة «…» X".
ORGANIZATION_HEADS = frozenset({"ل", "حركه", "منظمه", "حزب", "جماعه", "هيئه", "جبهه", "جمعيه", "اتحاد"})
QUOTES = frozenset({"«", "»", '"', "“", "”"})
#: How far (in tokens) a trigger may sit from the word it governs.
WINDOW = 8
#: People only a trained model proposes (kg build --model): keyed person/unknown/model/<name>, facts on them 0.5.
MODEL_SEAT = "model"
MODEL_CONFIDENCE = 0.5


def _organization_head(word: str) -> bool:
    """"لحركة", "منظمة": a word that introduces an organisation's name (the ل may stay unsplit)."""
    return word in ORGANIZATION_HEADS or (word.startswith("ل") and word[1:] in ORGANIZATION_HEADS)


# -- mentions ---------------------------------------------------------------------------
@dataclass
class Mention:
    """Actors referred to by a span of a sentence."""

    start: int
    end: int
    actors: list[Actor]
    kind: str  # name, role, state, org, counterpart, group, body, unknown
    clitic: str = ""
    preposition: str | None = None
    counterpart_state: str | None = None
    more_states: list[str] = field(default_factory=list)
    plural: bool = False

    @property
    def prepositional(self) -> bool:
        """Whether the mention is governed by a preposition (not a subject)."""
        return self.preposition is not None or bool(PREPOSITION_CLITICS & set(self.clitic))


@dataclass
class Context:
    """What the rules remember while reading one article (passed explicitly)."""

    article_date: date | None
    named: set[str] = field(default_factory=set)
    weakly_named: set[str] = field(default_factory=set)
    last_subject: list[Actor] = field(default_factory=list)
    last_call: tuple[Actor, Actor] | None = None
    calls: list[tuple[Actor, Actor]] = field(default_factory=list)
    last_calls: list[tuple[Actor, Actor]] = field(default_factory=list)
    calls_sentence: int = -1
    subject_history: list[Actor] = field(default_factory=list)
    caller: Actor | None = None
    last_topics: set[str] = field(default_factory=set)
    recent: list[Actor] = field(default_factory=list)
    has_call_vocabulary: bool = False
    notes: list[str] = field(default_factory=list)

    def remember(self, actors: Iterable[Actor]) -> None:
        for actor in actors:
            self.recent = [a for a in self.recent if a.key != actor.key] + [actor]


#: ORTH ids of the punctuation that closes a clause.
CLAUSE_PUNCTUATION = frozenset(get_string_id(p) for p in (":", "؛", ";"))
#: Trigger labels of verbs and participles (not stance nouns).
VERB_LABELS = frozenset(
    [
        "CLAUSE_VERB",
        "PARTICIPLE",
        "CALL_VERB",
        "CALL_VERB_SUBJ",
        "CALL_VERB_OBJ",
        "CALL_VERB_RECIP",
        "SPEECH",
        "THANKS",
        "WARNING",
    ]
)


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
            if orth in CLAUSE_PUNCTUATION:
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


class Extractor:
    """Extract :class:`~kg.model.Fact` records from :class:`~kg.read.Article` objects.

    >>> extractor = Extractor()
    >>> result = extractor.extract(article)   # doctest: +SKIP
    """

    def __init__(
        self, knowledge_dirs: Iterable[Path] = (), nlp: Language | None = None, model_dir: Path | None = None
    ) -> None:
        dirs = tuple(knowledge_dirs)
        self.knowledge: Knowledge = load_knowledge(dirs)
        self.nlp = nlp if nlp is not None else build_pipeline(dirs)
        if model_dir is not None:
            # A model trained by kg train proposes names the gazetteer lacks (kg.model_component).
            from .model_component import add_model_component

            add_model_component(self.nlp, Path(model_dir))
        lexicon = self.knowledge.lexicon
        self.boilerplate = {normalize_phrase(w) for w in lexicon["boilerplate_lines"]}
        self.related_headers = {normalize_phrase(w) for w in lexicon["related_headers"]}
        self.head_roles = self.knowledge.head_roles("state")
        self.government_roles = self.knowledge.head_roles("government")
        self.prepositions = self.knowledge.words("prepositions")
        self.attribution_words = self.knowledge.words("attribution_words")
        self.media_nouns = self.knowledge.words("media_nouns")
        self.framing_words = self.knowledge.words("framing_words")
        self.deputy_words = self.knowledge.words("deputy_words")
        self.praise_words = self.knowledge.words("praise_words")
        self.all_parties_words = self.knowledge.words("all_parties_words")
        self.stop_words = frozenset(normalize(w) for w in self.nlp.Defaults.stop_words or ())
        self.term_words: frozenset[str] = Vocabulary(self.knowledge).terms
        self.non_actor_subjects = self.knowledge.words("non_actor_subjects")
        self.honorifics = frozenset(w for phrase in self.knowledge.words("honorifics") for w in phrase.split())

    # -- public API ---------------------------------------------------------------------
    def extract(self, article: Article, default_date: date | None = None) -> ArticleResult:
        """Extract the facts of one article."""
        doc = self.nlp(self.clean_text(article.text))
        return self.extract_doc(article, doc, default_date)

    def extract_many(
        self, articles: Iterable[Article], default_date: date | None = None, batch_size: int = 16
    ) -> Iterator[ArticleResult]:
        """Extract many articles, streaming them through ``nlp.pipe``."""
        pairs = ((self.clean_text(a.text), a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self.extract_doc(article, doc, default_date)

    def clean_text(self, text: str) -> str:
        """Drop boilerplate lines (comment prompts, share buttons, related-article lists).

        Lines are kept as they are otherwise, one paragraph a line.
        """
        kept: list[str] = []
        in_related = False
        # Non-breaking and zero-width spaces would become tokens of their own.
        text = re.sub("[\u00a0\u2000-\u200b\u202f\u205f\u3000]+", " ", text)
        for line in text.split("\n"):
            key = normalize_phrase(line)
            if not key:
                in_related = False
                continue
            if key in self.related_headers or any(key.startswith(h) for h in self.related_headers):
                in_related = True
                continue
            short = len(key.split()) <= 12 and not re.search(r"[.!؟?:]\s*$", line.strip())
            if in_related and short:
                continue
            # A short bulleted line is a link to another article, not this one's text.
            if short and line.lstrip()[:1] in {"•", "▪", "►", "◄", "■", "-", "*", "»"}:
                continue
            in_related = False
            if key in self.boilerplate or len(key.split()) <= 1:
                continue
            if re.search(r"\((?:getty|afp|reuters|ap|epa|رويترز|فرانس برس|أ ف ب|ا ف ب)[^)]*\)\s*$", key, re.I):
                continue
            kept.append(line.strip())
        return "\n".join(kept) + "\n"

    def article_date(self, article: Article, default_date: date | None) -> tuple[date | None, str | None]:
        """The date roles and weekdays are resolved against, and where it came from."""
        if article.published:
            return article.published, "metadata"
        from_url = date_from_url(article.url)
        if from_url:
            return from_url, "url"
        stated = article_date_from_text(article.text)
        if stated:
            return stated, "text"
        if default_date:
            return default_date, "--date"
        return None, None

    def extract_doc(self, article: Article, doc: Doc, default_date: date | None = None) -> ArticleResult:
        """Extract the facts of an article already run through the pipeline."""
        day, source = self.article_date(article, default_date)
        context = Context(article_date=day)
        context.has_call_vocabulary = any(
            s.label_ in {"CALL_NOUN", "CALL_ADV", "CALL_VERB"} for s in doc.spans["triggers"]
        )
        sentences = list(doc.sents)
        buckets = SentenceSpans.of(doc, sentences)
        roles_by_start = self._collect_names(doc, sentences, buckets, context)
        facts: dict[tuple[object, ...], Fact] = {}
        actors: dict[str, Actor] = {}
        text = _doc_text(doc)
        for index, sentence in enumerate(sentences):
            mentions = self._sentence_mentions(doc, sentence, buckets, index, roles_by_start, context)
            sentence_text = text[sentence.start_char : sentence.end_char].strip()
            evidence = Evidence(sentence_text, index, sentence.start_char, sentence.end_char)
            punctuation = buckets.clause_punctuation[index] if buckets.clause_punctuation else None
            reader = SentenceReader(self, sentence, buckets.triggers[index], mentions, context, evidence, punctuation)
            for fact in reader.read():
                if fact.b is not None and fact.b.key == fact.a.key:
                    continue
                actors[fact.a.key] = fact.a
                if fact.b is not None:
                    actors[fact.b.key] = fact.b
                key = fact.identity()
                if key in facts:
                    _merge_fact(facts[key], fact)
                else:
                    facts[key] = fact
            subject = reader.sentence_subject()
            if subject:
                context.last_subject = subject
                context.subject_history += subject
            context.remember(a for m in mentions for a in m.actors if m.kind != "group")
        if day is None:
            context.notes.append("no date known: titles resolved only where unambiguous")
        return ArticleResult(
            article=article,
            facts=list(facts.values()),
            actors=actors,
            date=day,
            date_source=source,
            notes=context.notes,
        )

    # -- mentions -------------------------------------------------------------------------
    def _collect_names(
        self, doc: Doc, sentences: list[Span], buckets: SentenceSpans, context: Context
    ) -> dict[int, Span]:
        """First pass: who the article names, so that weak names and titles can be resolved."""
        # The spans as bucketed: each read of doc.spans builds new Span objects.
        for span in (s for bucket in buckets.actors for s in bucket):
            label = span.label_
            if label == "NAME":
                context.named.update(self.knowledge.names.get(_norm(span), set()))
            elif label == "WEAK":
                context.weakly_named.update(self.knowledge.weak_names.get(_norm(span), set()))
        roles_by_start: dict[int, Span] = {}
        for span in (s for bucket in buckets.triggers for s in bucket):
            if span.label_ == "ROLE":
                kept = roles_by_start.get(span.start)
                if kept is None or len(span) > len(kept):
                    roles_by_start[span.start] = span
        # Titles resolved here also license weak names (رئيسي after الرئيس الإيراني).
        for index, sentence in enumerate(sentences):
            for mention in self._sentence_mentions(doc, sentence, buckets, index, roles_by_start, context):
                if mention.kind in {"role", "name"}:
                    context.named.update(a.key for a in mention.actors)
        context.recent = []
        return roles_by_start

    def _sentence_mentions(
        self,
        doc: Doc,
        sentence: Span,
        buckets: SentenceSpans,
        index: int,
        roles_by_start: dict[int, Span],
        context: Context,
    ) -> list[Mention]:
        spans, triggers = buckets.by_start(index)
        mentions: list[Mention] = []
        proposals = {
            s.start: s
            for s in doc.spans.get("model_actors", [])
            if s.label_ == "PERSON" and sentence.start <= s.start and s.end <= sentence.end
        }
        # Only a token that starts an actor, trigger or model span can start a mention.
        candidates = sorted({*spans, *triggers, *proposals})
        i = sentence.start
        for candidate in candidates:
            if candidate < i:
                continue
            i = candidate
            mention = self._mention_at(doc, i, sentence.end, spans, triggers, roles_by_start, context)
            if mention is None and i in proposals:
                mention = self._model_mention(proposals[i], context)
            if mention is None:
                continue
            token = doc[mention.start]
            mention.clitic = token._.clitic
            if mention.start > sentence.start:
                # Quotes do not stand between a preposition and its object: لـ «حماس»
                b = mention.start - 1
                while b > sentence.start and doc[b].text in {"«", '"', "“", "(", "'"}:
                    b -= 1
                before = doc[b].norm_
                if (
                    before in {"طرف", "قبل", "جانب"}
                    and mention.start - 2 >= sentence.start
                    and doc[mention.start - 2].norm_ == "من"
                ):
                    before = "من"  # من طرف / من قبل: "from"
                elif before == "من" and mention.start - 3 >= sentence.start and doc[mention.start - 2].norm_ == "كل":
                    before = doc[mention.start - 3].norm_  # "مع كل من X وY": the list is governed by مع
                if doc[b]._.suffix:
                    # A preposition with a pronoun has its object: "ووقع خلالها الرئيس X" (X is the
                    # subject); "دول عربية، من بينها السعودية وقطر" (named members, not an object).
                    before = ""
                if before in self.prepositions or before in self.media_nouns:
                    # "قناة المملكة", "وكالة الأنباء السعودية": an outlet is a source, not an actor
                    mention.preposition = before
            mentions.append(mention)
            i = mention.end
        self._mark_attribution(doc, sentence, mentions)
        return mentions

    def attribution_end(self, sentence: Span) -> int | None:
        """The comma that closes the attribution opening ``sentence`` ("وبحسب بيان الكرملين، …"), if any."""
        if sentence.doc[sentence.start].norm_ not in self.attribution_words:
            return None
        return next((t.i for t in sentence if t.text in {"،", ","}), None)

    def _mark_attribution(self, doc: Doc, sentence: Span, mentions: list[Mention]) -> None:
        """"وبحسب بيان لمكتب رئيس الوزراء، رحب الجانبان …": the source named before the first
        comma is not the subject of the sentence (marked as governed by its attribution word)."""
        comma = self.attribution_end(sentence)
        if comma is None:
            return
        for mention in mentions:
            if mention.start < comma and mention.preposition is None:
                mention.preposition = str(doc[sentence.start].norm_)

    def _mention_at(
        self,
        doc: Doc,
        i: int,
        end: int,
        spans: dict[int, Span],
        triggers: dict[int, dict[str, Span]],
        roles_by_start: dict[int, Span],
        context: Context,
    ) -> Mention | None:
        here = triggers.get(i, {})
        if "DUAL_ROLE" in here:
            mention = self._dual_title_mention(doc, here["DUAL_ROLE"], end, spans, context)
            if mention is not None:
                return mention
        name_here = spans.get(i)
        if i in roles_by_start and not (
            # "أمير عبد اللهيان": a known name that begins with a title word is the name
            name_here is not None
            and name_here.label_ == "NAME"
            and name_here.end > roles_by_start[i].end
            and len(self.knowledge.names.get(_norm(name_here), set())) == 1
        ):
            mention = self._title_mention(doc, i, end, spans, roles_by_start[i], context)
            if mention is not None:
                return mention
        if "COUNTERPART" in here:
            return self._counterpart_mention(doc, i, end, spans, context)
        if "GROUP" in here:
            members, k = [], i + 1
            while k < end and (state := self.nisba_state(str(doc[k].norm_))) is not None and (k - i) <= 4:
                members.append(state)
                k += 1
            if len(members) >= 2 and not (k < end and (k in spans or k in roles_by_start)):
                # "الجانبين الروسي والإيراني": the group names its members by nationality
                return Mention(i, k, [self.actor(m) for m in dict.fromkeys(members)], "state")
            if i + 1 < end and (i + 1 in spans or (i + 1) in roles_by_start):
                return None  # "الزعيمان الروسي فلاديمير بوتين والأذربيجاني …" names its members
            return Mention(i, i + 1, [], "group")
        for label in ("STATE_BODY", "LEADER"):
            trigger = here.get(label)
            if trigger is None:
                continue
            state = self._adjective_state(doc, trigger.end, spans)
            if state is not None:
                adj_end = spans[trigger.end].end
                if label == "LEADER":
                    person = self._resolve_office(self.knowledge.leader_roles_of(state), state, context)
                    if person is not None:
                        return Mention(i, adj_end, [person], "role")
                    return None
                return Mention(i, adj_end, [self.actor(state)], "body")
        span = spans.get(i)
        if span is None:
            return None
        keys = self.knowledge.names.get(_norm(span), set())
        if span.label_ == "NAME" and len(keys) == 1:
            key = next(iter(keys))
            return Mention(i, span.end, [self.actor(key)], _kind(self.knowledge[key]))
        if span.label_ == "WEAK":
            weak = self.knowledge.weak_names.get(_norm(span), set()) & context.named
            if len(weak) == 1:
                key = next(iter(weak))
                return Mention(i, span.end, [self.actor(key)], _kind(self.knowledge[key]))
        return None

    def nisba_state(self, word: str) -> str | None:
        """The state of a normalised nisba adjective, singular or plural, with its clitics:
        "القطرية", "عمانيين", "والمصريون"."""
        adjectives = self.knowledge.adjectives
        for reading in clitic_readings(word):
            bare = strip_article(reading)
            if bare in adjectives:
                return adjectives[bare]
            if bare.endswith(("يون", "يين")) and bare[:-2] in adjectives:
                return adjectives[bare[:-2]]
        return None

    def _adjective_state(self, doc: Doc, i: int, spans: dict[int, Span]) -> str | None:
        span = spans.get(i)
        if span is None:
            return None
        state: str | None = None
        if span.label_ == "ADJ":
            state = self.knowledge.adjectives.get(strip_article(_norm(span)))
        elif span.label_ in {"NAME", "WEAK"}:
            # After a title an ambiguous adjective is the state's: "الرئيس القمري" (القمري is also "lunar").
            index = self.knowledge.names if span.label_ == "NAME" else self.knowledge.weak_names
            keys = index.get(_norm(span), set())
            if len(keys) == 1 and next(iter(keys)).startswith("state/"):
                state = next(iter(keys))
        return state

    def _title_mention(
        self, doc: Doc, i: int, end: int, spans: dict[int, Span], role_span: Span, context: Context
    ) -> Mention | None:
        role = self.knowledge.role_phrases.get(_norm(role_span))
        if role is None:
            return None
        if i > 0 and doc[i - 1].norm_ in self.deputy_words:
            return None  # "نائب وزير الخارجية غيورغي بوريسينكو" holds another office than the minister's
        j = role_span.end
        # "رئيس مجلس الوزراء": prefer the longest title starting here.
        state = None
        if j < end and doc[j].norm_ in {"الجمهوريه", "الدوله", "المملكه"} and j + 1 < end and j not in spans:
            j += 1  # "رئيس الجمهورية عبد المجيد تبون"
        if j < end and doc[j].norm_ in {"دوله", "جمهوريه", "مملكه", "سلطنه", "الاحتلال"} and j + 1 < end:
            # "رئيس دولة الإمارات", "رئيس حكومة الاحتلال الإسرائيلي"
            state = self._adjective_state(doc, j + 1, spans)
            if state:
                j += 1
        if state is None:
            state = self._adjective_state(doc, j, spans)
        after = j
        if state is not None:
            after = spans[j].end
        name_start = after
        honorifics = self.honorifics
        # "العاهل النرويجي الملك هارالد الخامس": a name may begin with its honorific
        while (
            name_start < end
            and not (name_start in spans and spans[name_start].label_ == "NAME")
            and (doc[name_start].text in {"،", ",", "("} or doc[name_start].norm_ in honorifics)
        ):
            name_start += 1
        # "رئيس المكتب السياسي لـ«حماس» إسماعيل هنية": an organisation between title and name
        k = name_start
        while k < end and k not in spans and (_organization_head(doc[k].norm_) or doc[k].text in QUOTES):
            k += 1
        org = spans.get(k)
        if state is None and org is not None and org.label_ == "NAME" and k > name_start - 1:
            keys = self.knowledge.names.get(_norm(org), set())
            if len(keys) == 1 and next(iter(keys)).startswith("org/"):
                j2 = org.end
                while j2 < end and doc[j2].text in {"«", "»", '"', "“", "”", "،", ","}:
                    j2 += 1
                person = spans.get(j2)
                if person is not None and person.label_ in {"NAME", "WEAK"}:
                    name_start = j2
        # A known name right after the title is the same person (الرئيس الروسي فلاديمير بوتين).
        name_span = spans.get(name_start)
        if name_span is not None and name_span.label_ in {"NAME", "WEAK"}:
            keys = self.knowledge.names.get(_norm(name_span), set())
            if name_span.label_ == "WEAK":
                keys = set(self.knowledge.weak_names.get(_norm(name_span), set()))
                if state is not None:
                    keys = {k for k in keys if self._holds(k, role, state, context.article_date)} or (
                        keys & context.named
                    )
            persons = {k for k in keys if k.startswith("person/")}
            if len(persons) == 1:
                key = next(iter(persons))
                return Mention(i, name_span.end, [self.actor(key, role=role)], "role")
        if state is None:
            # A bare title ("أكد الرئيس ضرورة …") is the last person named with that office.
            if name_span is None:
                # The protagonist first: the last sentence subject holding that office
                # ("تلقى الرئيس السيسي اتصالا من ماكرون … أكد الرئيس ضرورة …" is Sisi).
                for actor in [*reversed(context.subject_history), *reversed(context.recent)]:
                    if actor.kind == PERSON and self._has_role(actor, role, context.article_date):
                        return Mention(i, j, [actor], "role")
            return None
        # "الزعيم الروسي" is the head of state; "زعيم حماس" the group's leader.
        roles = self.knowledge.leader_roles_of(state) if role == "leader" else (role,)
        holder = self._resolve_office(roles, state, context)
        unknown = self._unknown_name(doc, name_start, end, spans)
        if unknown is not None and (
            holder is None
            or normalize_phrase(unknown[0]) not in {normalize_phrase(f) for f in self.knowledge[holder.key].ar}
        ):
            label, stop = unknown
            if holder is not None and _same_person(label, self.knowledge[holder.key]):
                return Mention(i, stop, [holder], "role")
            if holder is None or holder.key not in context.named:
                return Mention(i, stop, [self.unknown_person(label, state, role)], "unknown")
        if holder is not None:
            return Mention(i, after, [holder], "role")
        return None

    def is_spokesperson(self, actor: Actor, day: date | None) -> bool:
        """Whether the actor speaks for others (a source, not an agent) on ``day``."""
        return self._has_role(actor, "spokesperson", day)

    def _dual_title_mention(
        self, doc: Doc, title: Span, end: int, spans: dict[int, Span], context: Context
    ) -> Mention | None:
        """"وزيرا خارجية الصين والولايات المتحدة": the office holders of two states."""
        role = self.knowledge.dual_role_phrases.get(_norm(title))
        if role is None:
            return None
        holders: list[Actor] = []
        j = title.end
        while j < end and len(holders) < 2:
            if doc[j].norm_ == "و" or doc[j].text in {"،", ","}:
                j += 1
                continue
            state = self._adjective_state(doc, j, spans)
            if state is None:
                break
            roles = self.knowledge.leader_roles_of(state) if role == "leader" else (role,)
            holder = self._resolve_office(roles, state, context)
            if holder is None:
                return None
            holders.append(holder)
            j = spans[j].end
        if len(holders) != 2:
            return None
        return Mention(title.start, j, holders, "role")

    def _has_role(self, actor: Actor, role: str, day: date | None) -> bool:
        if actor.role == role:
            return True
        record = self.knowledge.actors.get(actor.key)
        return record is not None and any(o.role == role for o in record.offices_on(day))

    def _holds(self, key: str, role: str, state: str, day: date | None) -> bool:
        return any(
            o.role == role and o.seat == state and (day is None or o.held_on(day)) for o in self.knowledge[key].offices
        )

    def _resolve_office(self, roles: tuple[str, ...], seat: str, context: Context) -> Actor | None:
        """The holder of the first of ``roles`` at ``seat`` on the article's date."""
        for role in roles:
            holders = self.knowledge.role_holders(role, seat, context.article_date)
            if context.article_date is None and len(holders) > 1:
                # Undated: the holder the article names (a surname alone will do: رئيسي).
                named = [h for h in holders if h in context.named] or [
                    h for h in holders if h in context.weakly_named]
                holders = named if len(named) == 1 else []
            if len(set(holders)) == 1:
                return self.actor(holders[0], role=role)
        return None

    def _unknown_name(self, doc: Doc, i: int, end: int, spans: dict[int, Span]) -> tuple[str, int] | None:
        """Up to three name-like tokens after a title: the label of a person we do not know."""
        words: list[str] = []
        j = i
        while j < end and len(words) < 3:
            token = doc[j]
            norm = token.norm_
            if (
                token.is_punct
                or token.is_space
                or token.like_num
                or j in spans
                or not re.fullmatch(r"[\u0621-\u064a\u064b-\u0652\u0640]+", token.text)
                or norm in self.stop_words
                or norm in WEEKDAYS
                or token._.clitic
                or norm in self.term_words
                or (words and norm.startswith("ال") and len(words) >= 2)
                # "للمرة الأولى": a clitic glued to an article is no name
                or norm.startswith(("لل", "بال", "وال", "فال", "كال"))
                # "سامح شكري وحديثهما": a conjunction or a pronoun suffix ends the name.
                or (len(words) >= 2 and norm.startswith("و"))
                or (words and norm.endswith(("هما", "هم", "ها")) and len(norm) > 5)
            ):
                break
            if not words and norm.startswith("ال"):
                break
            words.append(token.text)
            j += 1
        if len(words) < 2:
            return None
        return " ".join(words), j

    def _counterpart_mention(self, doc: Doc, i: int, end: int, spans: dict[int, Span], context: Context) -> Mention:
        state = self._adjective_state(doc, i + 1, spans)
        stop = spans[i + 1].end if state is not None else i + 1
        plural = doc[i].norm_.startswith("نظرا")  # نظراء، نظرائه (ئ is folded to ي)
        if plural:
            # "نظرائه الإيراني والمصري والفلسطيني": one counterpart per nisba.
            states: list[str] = [state] if state else []
            k = stop
            while state and k < end:
                if doc[k].text in {"،", ","} or doc[k].is_space:
                    k += 1
                    continue
                more = self._adjective_state(doc, k, spans)
                if more is None:
                    break
                states.append(more)
                k = spans[k].end
                stop = k
            owner = spans.get(stop) if not states else None
            if owner is not None and owner.label_ == "NAME":
                # "نظراء بوتين": the people the named actor spoke with.
                keys = self.knowledge.names.get(_norm(owner), set())
                if len(keys) == 1:
                    return Mention(i, owner.end, [], "counterpart", plural=True,
                                   more_states=[next(iter(keys))])
            return Mention(i, stop, [], "counterpart", counterpart_state=states[0] if states else None,
                           more_states=states[1:], plural=True)
        name_start = stop
        while name_start < end and doc[name_start].text in {"،", ","}:
            name_start += 1
        name_span = spans.get(name_start)
        if name_span is not None:
            keys = self.knowledge.names.get(_norm(name_span), set()) or (
                self.knowledge.weak_names.get(_norm(name_span), set()) & context.named
            )
            persons = [k for k in keys if k.startswith("person/")]
            if len(persons) == 1:
                return Mention(i, name_span.end, [self.actor(persons[0])], "role")
        if state is not None:
            unknown = self._unknown_name(doc, name_start, end, spans)
            if unknown is not None:
                return Mention(i, unknown[1], [self.unknown_person(unknown[0], state, None)], "unknown")
        return Mention(i, stop, [], "counterpart", counterpart_state=state)

    def resolve_counterpart(self, mention: Mention, subject: list[Actor], context: Context) -> list[Actor]:
        """ "نظيره التركي": the holder of the subject's office in the named state."""
        if mention.actors:
            return mention.actors
        if mention.plural and mention.counterpart_state is None:
            # "نظراء بوتين" / "نظرائه": everyone the owner (or the subject) spoke with.
            owners = set(mention.more_states) or {s.key for s in subject}
            partners: list[Actor] = []
            for a, b in context.calls:
                for one, other in ((a, b), (b, a)):
                    if one.key in owners and other.key not in {p.key for p in partners}:
                        partners.append(other)
            return partners
        if mention.plural:
            out: list[Actor] = []
            for state in [mention.counterpart_state, *mention.more_states]:
                single = Mention(mention.start, mention.end, [], "counterpart", counterpart_state=state)
                out += self.resolve_counterpart(single, subject, context)
            return out
        if mention.counterpart_state is None:
            # "شكر بوتين نظيره": the other party of the call being reported.
            if context.last_call and subject:
                others = [a for a in context.last_call if a.key not in {s.key for s in subject}]
                if len(others) == 1:
                    return others
            return []
        if not subject:
            return []
        actor = subject[0]
        roles: list[str] = []
        if actor.role:
            roles.append(actor.role)
        if actor.key in self.knowledge.actors:
            roles += [o.role for o in self.knowledge[actor.key].offices_on(context.article_date)]
        if any(r in self.head_roles for r in roles):
            roles += list(self.head_roles)
        if any(r in self.government_roles for r in roles):
            roles += list(self.government_roles)
        if not roles:
            roles = list(self.head_roles)
        resolved = self._resolve_office(tuple(dict.fromkeys(roles)), mention.counterpart_state, context)
        return [resolved] if resolved else []

    # -- actors -----------------------------------------------------------------------
    def actor(self, key: str, role: str | None = None) -> Actor:
        """The :class:`Actor` of a knowledge key."""
        record = self.knowledge[key]
        return Actor(
            key=key,
            kind=record.kind,
            label_ar=record.label_ar,
            label_en=record.en,
            wikidata=record.wikidata,
            state=record.home_state,
            role=role,
        )

    def _model_mention(self, span: Span, context: Context) -> Mention | None:
        """A person only the trained model proposes: one met earlier in the article, or a new unknown person."""
        from .model_component import model_person_name

        name = model_person_name(span)
        words = normalize_phrase(name).split()
        if not words or all(t.norm_ in self.stop_words or t.norm_ in self.term_words for t in span):
            return None
        for actor in reversed(context.recent):
            if not actor.known and actor.kind == PERSON and set(words) <= set(normalize_phrase(actor.label_ar).split()):
                return Mention(span.start, span.end, [actor], "unknown")
        key = f"person/unknown/{MODEL_SEAT}/{'-'.join(words)}"
        return Mention(span.start, span.end, [Actor(key=key, kind=PERSON, label_ar=name, known=False)], "unknown")

    def unknown_person(self, label: str, state: str, role: str | None) -> Actor:
        """A person the gazetteer does not know, keyed by normalised name and state."""
        slug = normalize_phrase(label).replace(" ", "-")
        return Actor(
            key=f"person/unknown/{state.split('/')[-1]}/{slug}",
            kind=PERSON,
            label_ar=label,
            state=state,
            role=role,
            known=False,
        )


def _doc_text(doc: Doc) -> str:
    """``doc.text``, read through the ORTH and SPACY arrays (no Token object per token)."""
    strings = doc.vocab.strings
    pieces = doc.to_array([ORTH, SPACY]).tolist()
    return "".join(strings[orth] + " " if space else strings[orth] for orth, space in pieces)


def _norm(span: Span) -> str:
    return " ".join(t.norm_ for t in span)


def _kind(record: ActorRecord) -> str:
    return {PERSON: "name", STATE: "state"}.get(record.kind, "org")


def _same_person(label: str, record: ActorRecord) -> bool:
    words = set(normalize_phrase(label).split())
    return any(words & set(normalize_phrase(form).split()) for form in (*record.ar, *record.ar_weak))


def _merge_fact(kept: Fact, new: Fact) -> None:
    """Fold a repeated fact of one article into the first one."""
    kept.extra_evidence.append(new.evidence)
    if kept.initiator is None and new.initiator is not None:
        kept.initiator = new.initiator if new.a.key == kept.a.key else _swap(new.initiator)
    if kept.date is None and new.date is not None:
        kept.date = new.date
    kept.confidence = max(kept.confidence, new.confidence)


def _swap(initiator: str) -> str:
    return {"a": "b", "b": "a"}[initiator]


# -- sentences --------------------------------------------------------------------------
class SentenceReader:
    """Applies the relation rules to one sentence."""

    def __init__(
        self,
        extractor: Extractor,
        sentence: Span,
        triggers: list[Span],
        mentions: list[Mention],
        context: Context,
        evidence: Evidence,
        clause_punctuation: Iterable[int] | None = None,
    ) -> None:
        """``clause_punctuation``: positions of ``:``, ``؛`` and ``;`` in the sentence (found here if not given)."""
        self.x = extractor
        self.sentence = sentence
        if clause_punctuation is None:
            clause_punctuation = (t.i for t in sentence if t.text in {":", "؛", ";"})
        self.clause_punctuation = frozenset(clause_punctuation)
        self.mentions = mentions
        self.context = context
        self.evidence = evidence
        self.doc = sentence.doc
        self.labels: dict[int, set[str]] = {}
        self.trigger_spans = triggers
        self.spans_by_label: dict[str, list[Span]] = {}
        for span in self.trigger_spans:
            label = span.label_
            self.spans_by_label.setdefault(label, []).append(span)
            for k in range(span.start, span.end):
                self.labels.setdefault(k, set()).add(label)
        self.clause_starts = self._clause_starts()

    # -- structure ----------------------------------------------------------------------
    def _clause_starts(self) -> list[int]:
        start, end = self.sentence.start, self.sentence.end
        starts = [start]
        # Only clause punctuation and trigger words open a clause: visit those tokens alone.
        punctuation = self.clause_punctuation
        # "مون جاي إن": a word of a name is no complementizer.
        named = (m for m in self.mentions if m.kind in {"name", "role", "unknown"})
        in_names = {k for m in named for k in range(m.start + 1, m.end)}
        for i in sorted(punctuation | {k for k in self.labels if start <= k < end}):
            labels = self.labels.get(i, set())
            if i in punctuation or (("THAT" in labels or "BREAK" in labels) and i not in in_names):
                starts.append(i + 1)
            elif "CLAUSE_VERB" in labels and self.doc[i]._.clitic in {"و", "ف"} and i > start:
                starts.append(i)  # "… وأكد بوتين استعداده": a statement of its own
        return starts

    def clause_of(self, i: int) -> tuple[int, int]:
        """Token range of the clause holding token ``i``."""
        start = max(s for s in self.clause_starts if s <= i)
        later = [s for s in self.clause_starts if s > i]
        return start, (min(later) if later else self.sentence.end)

    def has(self, i: int, label: str) -> bool:
        return label in self.labels.get(i, set())

    def spans(self, label: str) -> list[Span]:
        """Trigger spans of one label, without those nested in a longer one (دور الوسيط ⊂ لعب دور الوسيط)."""
        found = self.spans_by_label.get(label, [])
        return [s for s in found if not any(o is not s and o.start <= s.start and s.end <= o.end
                                               and len(o) > len(s) for o in found)]

    def mention_actors(self, mention: Mention, subject: list[Actor] | None = None) -> list[Actor]:
        """The actors a mention stands for, resolving groups and counterparts."""
        if mention.kind == "group":
            return self._group_actors(mention)
        if mention.kind == "counterpart":
            return self.x.resolve_counterpart(mention, subject or self.context.last_subject, self.context)
        return mention.actors

    def _group_actors(self, mention: Mention) -> list[Actor]:
        """"الزعيمان", "البلدين", "الطرفان": the two parties just named (or of the call)."""
        word = self.doc[mention.start].norm_
        if word in self.x.all_parties_words:
            # "أكد المسؤولون بالإجماع …" after calls: every party to the calls just reported.
            parties: list[Actor] = []
            for pair in self.context.last_calls or ([self.context.last_call] if self.context.last_call else []):
                parties += [a for a in pair if a.key not in {p.key for p in parties}]
            return parties
        kind = STATE if word in {"البلدان", "البلدين"} else None if word.startswith(("الجانب", "الطرف")) else PERSON
        wanted = (lambda a: a.kind == kind) if kind else (lambda a: True)
        earlier: list[Actor] = []
        for m in self.mentions:
            if m.end <= mention.start and m.kind not in {"group", "counterpart"}:
                earlier += [a for a in m.actors if wanted(a) and a.key not in {e.key for e in earlier}]
        if len(earlier) >= 2:
            return earlier[-2:]
        if self.context.last_call is not None and all(wanted(a) for a in self.context.last_call):
            return list(self.context.last_call)
        pool: list[Actor] = []
        for actor in reversed(earlier + self.context.recent):
            if wanted(actor) and actor.key not in {p.key for p in pool}:
                pool.append(actor)
        return pool[:2] if len(pool) >= 2 else []

    def negated_or_hypothetical(self, i: int) -> bool:
        """Whether the statement at token ``i`` is negated, planned or hypothetical."""
        start, _ = self.clause_of(i)
        lo = max(start, i - 4)
        for k in range(lo, i):
            norm = self.doc[k].norm_
            if self.has(k, "NEGATION") and norm in {
                "لا",
                "لم",
                "لن",
                "ليس",
                "ليست",
                "لما",
                "نفى",
                "نفت",
                "ينفي",
                "تنفي",
            }:
                return True
        # "من المقرر أن يجري …": the marker governs the أن-clause.
        if start > self.sentence.start and self.has(start - 1, "THAT"):
            outer, _ = self.clause_of(start - 1)
            if any(self.has(k, "HYPOTHETICAL") for k in range(max(outer, start - 5), start)):
                return True
        for k in range(max(start, i - WINDOW), i + 1):
            if self.has(k, "HYPOTHETICAL"):
                return True
            if k >= i - 2 and self._future(k):
                return True
            if self.has(k, "MAY") and k + 1 < self.sentence.end and not self._past_perfect(start, k):
                nxt = normalize(self.doc[k + 1].text)
                if nxt[:1] in {"ي", "ت", "ن"} or nxt.startswith("س"):
                    return True
        return False

    def _past_perfect(self, start: int, may: int) -> bool:
        """"وكان هنية قد تلقى اتصالا": كان … قد is a past perfect, not "may"."""
        return any(self.doc[j].norm_ in {"كان", "كانت", "كانا", "كانتا", "كانوا"} for j in range(start, may))

    def _future(self, k: int) -> bool:
        """A verb with the future prefix سـ (سيجري، ستدعو، سأتحدث)."""
        norm = self.doc[k].norm_
        if len(norm) <= 3 or norm[0] != "س" or norm[1] not in "يتنا":
            return False
        # سيجري → يجري; سأتحدث → تحدث
        return norm[1:] in self.x.term_words or norm[2:] in self.x.term_words

    # -- subjects ----------------------------------------------------------------------
    def subject_for(self, i: int, verb_like: bool = True) -> list[Actor]:
        """The agent of the trigger at token ``i``: clause subject, else the understood one."""
        # A stance noun after its verb ("مؤكدا استعداد موسكو للعب دور الوسيط") is the verb's:
        # the actor after the noun is its genitive, not the subject.
        if not self._verb(i):
            for k in range(i - 1, max(self.sentence.start, i - 4) - 1, -1):
                if any(m.start <= k < m.end for m in self.mentions) or self.has(k, "THAT"):
                    break  # "ورأى أنه لهذا السبب يجب …": يجب is not رأى's
                if self._verb(k):
                    i = k  # "وجدد التأكيد على دعم أمريكا لحل دبلوماسي": the verb's subject
                    break
        start, end = self.clause_of(i)
        speaker = self._speaker(start)
        before = [m for m in self.mentions if start <= m.start < i and not m.prepositional]
        if before:
            # A person before the trigger is the subject rather than a state in a genitive
            # (رفض دعوة لزيارة موسكو … ; موقف روسيا … بوتين).
            people = [m for m in before if any(a.kind == PERSON for a in m.actors)]
            subject = self._resolve_chain(self._chain_from((people or before)[0], end, strict=True))
            # "أضاف بوتين أن روسيا منفتحة على الحوار" is Putin's statement; so is "وأضاف أن روسيا …"
            # right after a sentence about him.
            teller = speaker or self._understood_speaker(start)
            if teller and len(subject) == 1 and subject[0].kind == STATE and teller[0].state == subject[0].key:
                return teller
            return subject
        if verb_like:
            after = [m for m in self.mentions if i < m.start < min(end, i + 12) and not m.prepositional]
            if after and self._only_titles_between(i + 1, after[0].start):
                return self._resolve_chain(self._chain_from(after[0], end, strict=True))
            if self._unnamed_subject(i, start):
                return []  # "وطالبت دول عدة بالتهدئة": a subject, but no actor
        # The clause has no subject of its own: the speaker's (named, or carried from the last
        # sentence: "ورأى أنه يجب …"), or the sentence's, else the article's.
        speaker = speaker or self._understood_speaker(start)
        if speaker:
            return speaker
        sentence_subject = [m for m in self.mentions if m.start < start and not m.prepositional]
        if sentence_subject and not self._after_speech(sentence_subject[0]):
            return self._resolve_chain(self._chain_from(sentence_subject[0], start, strict=True))
        return list(self.context.last_subject)

    def _verb(self, k: int) -> bool:
        """Whether token ``k`` is a verb or participle of the lexicon (not a stance noun)."""
        return not VERB_LABELS.isdisjoint(self.labels.get(k, ()))

    def _unnamed_subject(self, i: int, clause_start: int) -> bool:
        """Whether the trigger at ``i`` has an explicit subject that names no actor."""
        window = [k for k in range(clause_start, min(i + 3, self.sentence.end)) if k != i]
        for k in window:
            token = self.doc[k]
            if token.is_punct or token.is_space:
                continue
            if token.norm_ in self.x.non_actor_subjects:
                return True
        return False

    def _speech_clause(self, clause_start: int) -> int | None:
        """Start of the clause that reports the one at ``clause_start`` (قال … أن), if it is reported."""
        if clause_start == self.sentence.start or not self.has(clause_start - 1, "THAT"):
            return None
        prior_start, _ = self.clause_of(clause_start - 1)
        if not any(self.has(k, "SPEECH") for k in range(prior_start, clause_start)):
            return None
        return prior_start

    def _speaker(self, clause_start: int) -> list[Actor]:
        """Who says the clause starting at ``clause_start`` (قال X إن …), unless a spokesperson."""
        prior_start = self._speech_clause(clause_start)
        if prior_start is None:
            return []
        candidates = [m for m in self.mentions if prior_start <= m.start < clause_start and not m.prepositional]
        if not candidates:
            return []
        speaker = self._resolve_chain(self._chain_from(candidates[0], clause_start, strict=True))
        if any(self.x.is_spokesperson(a, self.context.article_date) for a in speaker):
            return []
        return speaker

    def _understood_speaker(self, clause_start: int) -> list[Actor]:
        """The person carried from the last sentence as the speaker of "وأضاف أن …" (no speaker named)."""
        prior_start = self._speech_clause(clause_start)
        if prior_start is None:
            return []
        if any(prior_start <= m.start < clause_start and not m.prepositional for m in self.mentions):
            return []  # the speaker is named: _speaker's business
        return [a for a in self.context.last_subject if a.kind == PERSON]

    def _after_speech(self, mention: Mention) -> bool:
        """Whether a mention is the speaker of a reporting verb (قال X إن …)."""
        start, end = self.clause_of(mention.start)
        # "بحسب بيان …، رحب الجانبان": an attribution is no reporting verb of the subject.
        speech = any(
            self.has(k, "SPEECH") and self.doc[k].norm_ not in self.x.attribution_words
            for k in range(start, mention.start)
        )
        return speech and end < self.sentence.end

    def _only_titles_between(self, a: int, b: int) -> bool:
        for k in range(a, b):
            token = self.doc[k]
            if token.is_punct or token.is_space or token.norm_ in WEEKDAYS or token.like_num:
                continue
            if self.has(k, "GROUP") or self.has(k, "ROLE") or self._connector(token):
                continue
            if token.norm_ in {"اليوم", "امس", "مساء", "صباح", "الليله"}:
                continue
            if self.has(k, "PREP") and token._.suffix:
                continue  # "وأجرى خلالها الرئيس …": a preposition with its own pronoun object
            # "الأمين العام لحركة الجهاد الإسلامي في فلسطين، زياد النخالة": a title's complement
            inside = any(m.start <= k < m.end for m in self.mentions)
            before_mention = token.norm_ in {"في", "ل"} and any(m.start == k + 1 for m in self.mentions)
            if inside or before_mention:
                continue
            return False
        return True

    def _chain_from(self, first: Mention, limit: int, strict: bool = False) -> list[Mention]:
        """A mention and the ones coordinated with it (X وY، وZ).

        ``strict`` (for subjects) wants a و somewhere in the list: "شكر الرئيس الإيراني، روسيا"
        is a subject and an object, not two subjects.
        """
        chain = [first]
        any_and = False
        k = first.end
        for mention in self.mentions:
            if mention.start < k:
                continue
            if mention.start >= limit:
                break
            gap = [self.doc[j] for j in range(k, mention.start)]
            if not all(self._connector(t) for t in gap):
                break
            joined = "و" in mention.clitic or any(t.norm_ == "و" or t._.clitic.startswith("و") for t in gap)
            if joined or any(t.text in {"،", ","} for t in gap):
                if mention.prepositional and "و" not in mention.clitic:
                    break
                chain.append(mention)
                any_and = any_and or joined
                k = mention.end
            else:
                break
        return chain if any_and or not strict else [first]

    def _connector(self, token: object) -> bool:
        norm = token.norm_  # type: ignore[attr-defined]
        if norm in CONNECTORS or token.is_punct or token.is_space or token.like_num:  # type: ignore[attr-defined]
            return True
        if norm in WEEKDAYS or norm in {"اليوم", "امس", "مساء"} or norm in self.x.honorifics:
            return True
        return strip_article(norm) in self.x.knowledge.adjectives or norm in self.x.knowledge.role_phrases

    def _resolve_chain(self, chain: list[Mention], subject: list[Actor] | None = None) -> list[Actor]:
        actors: list[Actor] = []
        for mention in chain:
            for actor in self.mention_actors(mention, subject):
                if actor.key not in {a.key for a in actors}:
                    actors.append(actor)
        return actors

    def sentence_subject(self) -> list[Actor]:
        """The explicit subject of the sentence, remembered for later sentences."""
        first = [m for m in self.mentions if not m.prepositional and m.kind != "counterpart"]
        if not first or self._after_speech(first[0]):
            return []
        # Only an actor at the head of the sentence (before or right after its verb) is its
        # subject; "ورحب الوزير الأمريكي بالإفراج … أن إحراز مصر تقدما" is not about Egypt.
        # "وبحسب بيان الكرملين، قدم بوتين …": the sentence starts after its attribution.
        attribution = self.x.attribution_end(self.sentence)
        head_start = self.sentence.start if attribution is None else attribution + 1
        head = [t for t in self.doc[head_start : first[0].start] if not (t.is_punct or t.is_space)]
        if len(head) > 3:
            return []
        # A source that issues or reports ("أصدرت السلطات الأمريكية بيانا") is no antecedent.
        if any(self.has(t.i, "SPEECH") for t in head):
            return []
        return self._resolve_chain(self._chain_from(first[0], self.clause_of(first[0].start)[1], strict=True))

    # -- relations ---------------------------------------------------------------------
    def read(self) -> Iterator[Fact]:
        """All facts of the sentence."""
        yield from self.calls()
        yield from self.appeals()
        yield from self.mediation()
        yield from self.thanks()
        yield from self.warnings()

    def fact(self, relation: str, a: Actor, **kwargs: Any) -> Fact:
        fact = Fact(relation=relation, a=a, evidence=self.evidence, **kwargs)
        if any(x is not None and x.key.startswith(f"person/unknown/{MODEL_SEAT}/") for x in (fact.a, fact.b)):
            fact.confidence = min(fact.confidence, MODEL_CONFIDENCE)  # rests on a name only the model proposed
        return fact

    def call_anchors(self) -> list[int]:
        anchors: list[int] = []
        for span in self.trigger_spans:
            i = span.start
            if span.label_ in {"CALL_NOUN", "CALL_VERB"}:
                if i > self.sentence.start and self.has(i - 1, "NOT_CALL_BEFORE"):
                    continue
                if any(self.has(k, "VIDEO") for k in range(span.end, min(span.end + 4, self.sentence.end))):
                    continue
                anchors.append(i)
            elif span.label_ == "CALL_ADV" and (self.doc[i].norm_ == "هاتفيا" or len(span) > 1):
                anchors.append(i)
        if not anchors and self.context.has_call_vocabulary and not self.spans("IN_PERSON"):
            for span in self.spans("CALL_WEAK"):
                if "ل" in self.doc[span.start]._.clitic:
                    continue  # "لبحث": a purpose, not a conversation
                if any(self.doc[k].norm_ == "مع" for k in range(span.end, min(span.end + 10, self.sentence.end))):
                    anchors.append(span.start)
                    break
        return sorted(set(anchors))

    def calls(self) -> Iterator[Fact]:
        anchors = self.call_anchors()
        if not anchors:
            yield from self._initiative_of_last_call()
            return
        previous = -10
        for anchor in anchors:
            # "اتصالا هاتفيا": one call, two call words.
            if anchor - previous > 3:
                yield from self._call_at(anchor)
            previous = anchor

    def _call_at(self, anchor: int) -> Iterator[Fact]:
        """The call(s) reported around the call word at ``anchor``."""
        if self.negated_or_hypothetical(anchor) or self.spans("DENIAL"):
            return  # "الاتصال الهاتفي المزعوم", "نفى … أن يكون قد أجرى اتصالا"
        start, end = self.clause_of(anchor)
        verb, direction = self._call_verb(anchor, start)
        if verb is not None and verb != anchor and self.negated_or_hypothetical(verb):
            return  # "لم يجر بوتين أي اتصال"
        subject = self.subject_for(verb) if verb is not None else self._fronted_call_subject(anchor)
        # "بحث بوتين مع أردوغان هاتفيا": the counterpart may stand between the verb and the call word.
        search_from = verb if verb is not None and verb < anchor else anchor
        counterpart_chain, preposition = self._counterparts(search_from, end, direction, subject, anchor)
        counterparts = self._resolve_chain(counterpart_chain, subject)
        initiative = self._initiative()
        pairs: list[tuple[Actor, Actor, str | None]] = []
        if preposition == "بين" and len(counterparts) >= 2:
            pairs = [(x, y, None) for x, y in combinations(counterparts, 2)]
        elif subject and counterparts:
            for s in subject:
                for c in counterparts:
                    if s.key == c.key:
                        continue
                    who = None
                    # "أجرى كل من هنية والنخالة محادثات هاتفية مع عبد اللهيان": each placed a call.
                    if direction == "subject":
                        who = "a"
                    elif direction == "object" and preposition == "من":
                        who = "b"
                    pairs.append((s, c, who))
        elif len(subject) >= 2:  # "أجرى وزيرا خارجية روسيا وتركيا مباحثات هاتفية": a call between them
            pairs = [(x, y, None) for x, y in combinations(subject, 2)]
        if not pairs:
            if direction == "subject" and len(subject) == 1 and not counterparts:
                # "أجرى محمد بن زايد مباحثات هاتفية …": the calls named next are his.
                self.context.caller = subject[0]
            # "تم الاتصال بمبادرة من الرئيس لولا": a word on the call just reported.
            yield from self._initiative_of_last_call()
            return
        when = self._date()
        if self.context.calls_sentence != self.evidence.index:
            self.context.last_calls = []
            self.context.calls_sentence = self.evidence.index
        for a, b, who in pairs:
            if initiative is not None:
                who = "a" if initiative in {a.key, a.state} else "b" if initiative in {b.key, b.state} else who
            caller = self.context.caller
            if who is None and caller is not None and preposition != "بين":
                who = "a" if caller.key == a.key else "b" if caller.key == b.key else None
            self.context.last_call = (a, b)
            self.context.calls.append((a, b))
            self.context.last_calls.append((a, b))
            yield self.fact(CALLED, a, b=b, initiator=who, date=when, confidence=0.9 if who or direction else 0.8)

    def _fronted_call_subject(self, anchor: int) -> list[Actor]:
        """"وخلال الاتصال مع هنية، أكد وزير الخارجية الإيراني …": the main verb's subject."""
        fronted = anchor - self.sentence.start <= 2 and any(
            self.doc[k].norm_ in {"خلال", "اثناء", "في"} for k in range(self.sentence.start, anchor))
        if fronted:
            for k in range(anchor + 1, self.sentence.end):
                if self.has(k, "CLAUSE_VERB") or self.has(k, "PARTICIPLE"):
                    return self.subject_for(k)
        return self.subject_for(anchor, verb_like=False)

    def _call_verb(self, anchor: int, start: int) -> tuple[int | None, str | None]:
        if self.has(anchor, "CALL_VERB"):
            return anchor, "subject"
        if (self.has(anchor, "CALL_WEAK") or self.has(anchor, "CALL_VERB_RECIP")) and not self.has(anchor, "CALL_NOUN"):
            return anchor, "reciprocal"  # "تحدث بوتين مع …" in an article about a call
        # The verb may sit before a long subject: "أجرى الرئيس الروسي فلاديمير بوتين، اليوم، اتصالا".
        for k in range(anchor - 1, max(start, anchor - 2 * WINDOW) - 1, -1):
            for label, direction in (
                ("CALL_VERB_OBJ", "object"),
                ("CALL_VERB_RECIP", "reciprocal"),
                ("CALL_VERB_SUBJ", "subject"),
                ("CALL_WEAK", "reciprocal"),
            ):
                if self.has(k, label):
                    return k, direction
        # "أجرى كل من رئيس المكتب السياسي لحماس إسماعيل هنية والأمين العام … زياد النخالة محادثات
        # هاتفية": a list of titled subjects may push a strong call verb further back, as long as
        # nothing between them is a verb of its own.
        near = max(start, anchor - 2 * WINDOW)
        if not any(self._verb(j) for j in range(near, anchor)):
            for k in range(near - 1, max(start, anchor - 4 * WINDOW) - 1, -1):
                for label, direction in (("CALL_VERB_OBJ", "object"), ("CALL_VERB_SUBJ", "subject")):
                    if self.has(k, label) and any(k < m.start < anchor for m in self.mentions):
                        return k, direction
                if self._verb(k):
                    break
        # "الاتصال الهاتفي الذي أجراه X بـY": the verb follows the call noun.
        for k in range(anchor + 1, min(anchor + 5, self.sentence.end)):
            if self.has(k, "CALL_VERB_SUBJ"):
                return k, "subject"
            if self.has(k, "CALL_VERB_OBJ"):
                return k, "object"
        if (
            self.doc[anchor]._.suffix in {"ه", "ها"}
            and anchor + 1 < self.sentence.end
            and (self.doc[anchor + 1]._.clitic.endswith("ب") or self.doc[anchor + 1].norm_ == "مع")
        ):
            return None, "subject"  # اتصاله بنتنياهو / اتصاله مع: his call to Netanyahu
        return None, None

    def _kind_filtered(self, chain: list[Mention]) -> list[Mention]:
        """A list of people called does not run on into states ("مع السيسي … مصر والسودان")."""
        first_people = any(a.kind == PERSON for a in chain[0].actors)
        if not first_people:
            return chain
        return [m for m in chain if m.kind in {"group", "counterpart"} or any(a.kind == PERSON for a in m.actors)]

    def _counterparts(
        self, after: int, end: int, direction: str | None, subject: list[Actor], anchor: int
    ) -> tuple[list[Mention], str | None]:
        """The mentions after مع / بـ / من / بين (or a direct object) following a call word."""
        subject_keys = {a.key for a in subject}
        subject_tokens = {
            j for m in self.mentions if m.actors and {a.key for a in m.actors} <= subject_keys
            for j in range(m.start, m.end)
        }
        for mention in self.mentions:
            if mention.start <= after or mention.start >= end:
                continue
            if mention.preposition == "بين" and 0 <= mention.start - anchor <= 5:
                return self._chain_from(mention, end), mention.preposition  # "اتصال بين X وY" names both
            if mention.actors and {a.key for a in mention.actors} <= subject_keys:
                continue  # the caller named after its verb (VSO), not the one called
            distance = sum(1 for j in range(max(after, anchor) + 1, mention.start) if j not in subject_tokens)
            # The one called stands near the call word; a بين or مع far away belongs to
            # something else ("بحث التصعيد بين إسرائيل وإيران في اتصال مع …").
            if mention.preposition in {"مع", "من"} and distance <= 10:
                if mention.preposition == "من" and direction != "object":
                    continue
                return self._kind_filtered(self._chain_from(mention, end)), mention.preposition
            if mention.preposition == "بين" and 0 <= mention.start - anchor <= 5:
                return self._chain_from(mention, end), mention.preposition
            if (mention.clitic.endswith("ب") or mention.clitic == "ب") and distance <= 4:
                return self._kind_filtered(self._chain_from(mention, end)), "ب"
            if direction == "subject" and self.has(after, "CALL_VERB") and not mention.prepositional and distance <= 4:
                return self._kind_filtered(self._chain_from(mention, end)), None
            if mention.preposition is None and not mention.prepositional:
                continue
        return [], None

    def _initiative_of_last_call(self) -> Iterator[Fact]:
        """ "هذه المحادثة التي جرت بمبادرة من باكو": who placed the call just reported."""
        initiative = self._initiative()
        if initiative is None or self.context.last_call is None:
            return
        if not self.spans("CALL_NOUN") and not any(
            strip_article(self.doc[k].norm_) in {"محادثه", "مكالمه", "اتصال"}
            for k in range(self.sentence.start, self.sentence.end)
        ):
            return
        a, b = self.context.last_call
        who = "a" if initiative in {a.key, a.state} else "b" if initiative in {b.key, b.state} else None
        if who is not None:
            yield self.fact(CALLED, a, b=b, initiator=who, confidence=0.9)

    def _initiative(self) -> str | None:
        for span in self.spans("INITIATIVE"):
            after = [m for m in self.mentions if m.start >= span.end]
            if after and after[0].start - span.end <= 2:
                actors = self.mention_actors(after[0])
                if actors:
                    key: str = actors[0].key
                    return key
        return None

    def _date(self) -> date | None:
        """The date the sentence gives for its event: explicit, or a weekday resolved."""
        day: date | None = self.context.article_date
        found = find_dates(str(self.sentence.text), day.year if day else None)
        if found:
            explicit: date = found[0][2]
            return explicit
        if day is None:
            return None
        for token in self.sentence:
            weekday = WEEKDAYS.get(str(token.norm_))
            if weekday is not None:
                resolved: date = resolve_weekday(weekday, day)
                return resolved
            if token.norm_ == "اليوم":
                following = self.doc[token.i + 1].norm_ if token.i + 1 < self.sentence.end else ""
                if following not in WEEKDAYS:
                    return day
        return None

    def _topics(self) -> Iterator[tuple[Span, str]]:
        found = [s for s in self.trigger_spans if s.label_.startswith("TOPIC_")]
        for span in found:
            # "الجهود الدبلوماسية" holds "الدبلوماسية": one goal, read once, as the longer phrase.
            if any(o is not span and o.start <= span.start and span.end <= o.end and len(o) > len(span)
                   and o.label_ == span.label_ for o in found):
                continue
            if span.label_.startswith("TOPIC_"):
                if any(self.has(k, "GUARD") for k in range(max(self.sentence.start, span.start - 3), span.start)):
                    continue
                # "خلال المحادثات" is a time frame; "من خلال الدبلوماسية" a means.
                means = span.start - 2 >= self.sentence.start and self.doc[span.start - 2].norm_ == "من"
                if span.start > self.sentence.start and self.has(span.start - 1, "GUARD_NEAR") and not means:
                    continue
                yield span, span.label_[len("TOPIC_") :]

    def _own_talks(self, span: Span, topic: str) -> bool:
        """"استعداد روسيا لمواصلة التفاوض مع أوكرانيا": going on with one's own talks with
        someone is not an appeal for a diplomatic solution (ANNOTATION.md)."""
        if topic != "DiplomaticSolution" or span.start == self.sentence.start:
            return False
        words = {"مواصله", "استيناف", "متابعه", "استمرار"}
        continuing = any(strip_article(r) in words for r in clitic_readings(str(self.doc[span.start - 1].norm_)))
        followed_by_with = any(self.doc[k].norm_ == "مع" for k in range(span.end, min(span.end + 2, self.sentence.end)))
        return continuing and followed_by_with

    def _coordinated(self, end: int, start: int) -> bool:
        """Whether the words from ``end`` to ``start`` join two goals: "…ضبط النفس وتقديم الحل"."""
        between = self.doc[end:start]
        return (
            0 <= start - end <= 3
            and any(t.text == "و" or t._.clitic.startswith("و") for t in (*between, self.doc[start]))
            and not any(t.is_punct or self._verb(t.i) for t in between)
        )

    def _stance_before(self, i: int, labels: tuple[str, ...] = ("STANCE",)) -> int | None:
        """The nearest stance word before token ``i`` in its clause, unless a discussion verb
        is nearer (بحث سبل التسوية is no appeal)."""
        start, _ = self.clause_of(i)
        for k in range(i - 1, max(start, i - WINDOW - 4) - 1, -1):
            if any(self.has(k, label) for label in labels):
                return k
            if self.has(k, "DISCUSS"):
                return None
        # "أعربا عن أملهما في أن تسهم في …", "دعا إلى أن": the stance governs the أن-clause.
        if start > self.sentence.start and self.has(start - 1, "THAT"):
            for k in range(start - 2, max(self.sentence.start, start - 4) - 1, -1):
                if any(self.has(k, label) for label in labels):
                    return k
        return None

    def _agents(self, stance: int, topic_start: int) -> list[Actor]:
        # Impersonal statement about a call: each party gets it (جرى التشديد خلال الاتصال).
        if self._impersonal(stance) and self.context.last_call:
            # Every party to the call(s) just reported: "وخلال الاتصالين، جرى التشديد على …".
            parties: list[Actor] = []
            for pair in self.context.last_calls or [self.context.last_call]:
                parties += [a for a in pair if a.key not in {p.key for p in parties}]
            return parties
        # Efforts belong to their owner: "جهود الرئيس بوتين الرامية لخفض التوتر",
        # "الجهود المصرية لوقف إطلاق النار", "جهود الوساطة التي يبذلها ترامب".
        owner = self._owner_of(stance, topic_start if topic_start > stance else self.sentence.end)
        if owner:
            return owner
        if self.doc[stance].norm_ in self.x.praise_words:
            # "ثمن ماكرون الدور المصري … إيصال المساعدات": the praised owner works for the goal;
            # praising is not urging.
            for k in range(stance + 1, topic_start):
                if self.has(k, "POSSESSOR_NOUN"):
                    return self._owner_of(k, topic_start)
            return []
        return self.subject_for(stance)

    def _impersonal(self, stance: int) -> bool:
        """"جرى التشديد على أهمية …", "تم التأكيد على …": a statement with no agent of its own."""
        start, _ = self.clause_of(stance)
        for k in range(stance, start - 1, -1):
            if any(m.start <= k < m.end for m in self.mentions):
                return False
            if self.has(k, "IMPERSONAL"):
                return True
        return False

    def _owner_of(self, stance: int, limit: int) -> list[Actor]:
        """Who owns the efforts/initiative/call named at ``stance`` (empty if not said)."""
        if not any(self.has(k, "POSSESSOR_NOUN") for k in range(max(self.sentence.start, stance - 2), stance + 1)):
            return []
        end = min(limit, stance + 6, self.sentence.end)
        for k in range(stance + 1, end):
            token = self.doc[k]
            if token.is_punct:
                continue
            states = self._nisba_states(k)
            if states and not any(m.start <= k < m.end for m in self.mentions):
                return [self.x.actor(state) for state in states]  # "جهود ديبلوماسية لبنانية"
            mention = next((m for m in self.mentions if m.start == k), None)
            if mention is not None:
                # A genitive (جهود مصر) or an adjective (الجهود المصرية); not "مع/بين" objects.
                if mention.preposition is None and (not mention.prepositional or mention.clitic == "ل"):
                    return self._resolve_chain(self._chain_from(mention, limit))
                return []
            if self.has(k, "BREAK") and token.norm_ in {"التي", "الذي"}:
                after = [m for m in self.mentions if k < m.start < min(k + 5, self.sentence.end)]
                if after and not after[0].prepositional:
                    return self._resolve_chain(self._chain_from(after[0], self.sentence.end))
                return []
        return []

    def appeals(self) -> Iterator[Fact]:
        topics: set[str] = set()
        previous: tuple[int, int] | None = None  # (stance, end) of the last topic with a stance
        for span, topic in sorted(self._topics(), key=lambda item: item[0].start):
            stance = self._stance_before(span.start)
            if stance is None and previous is not None and self._coordinated(previous[1], span.start):
                stance = previous[0]  # "حث على ضبط النفس وتقديم المسارات الدبلوماسية": one appeal, two goals
            owned = self.has(span.start, "POSSESSOR_NOUN") and self._owner_of(span.start, self.sentence.end)
            if stance is None and owned:
                stance = span.start  # "الجهود الدبلوماسية اللبنانية": the owner works for the goal
            if stance is None or self.negated_or_hypothetical(stance) or self._own_talks(span, topic):
                continue
            previous = (stance, span.end)
            topics.add(topic)
            for agent in self._agents(stance, span.start):
                yield self.fact(URGED, agent, topic=topic)
        if topics:
            self.context.last_topics = topics
            return
        # "وجّهت نداءات مماثلة": the same appeal as the one just reported.
        for span in self.spans("STANCE"):
            similar = any(self.doc[k].norm_ in {"مماثله", "مماثلا", "مماثل", "مشابهه", "مشابها"}
                          for k in range(span.end, min(span.end + 2, self.sentence.end)))
            if similar and self.context.last_topics and not self.negated_or_hypothetical(span.start):
                for agent in self.subject_for(span.start):
                    for topic in sorted(self.context.last_topics):
                        yield self.fact(URGED, agent, topic=topic, confidence=0.6)
                return

    def mediation(self) -> Iterator[Fact]:
        for span in self.spans("MEDIATION"):
            # "الوساطة القطرية", "عبر وسطاء عمانيين", "الوسطاء المصريون والقطريون": the mediators' states.
            states = self._nisba_states(span.end)
            if states:
                if not self.negated_or_hypothetical(span.start):
                    for state in states:
                        yield self.fact(OFFERED_MEDIATION, self.x.actor(state), confidence=0.7)
                continue
            stance = self._stance_before(span.start, ("MEDIATION_STANCE", "STANCE"))
            if stance is None or self.negated_or_hypothetical(stance):
                continue
            for agent in self._owner_of(stance, self.sentence.end) or self.subject_for(stance):
                yield self.fact(OFFERED_MEDIATION, agent, confidence=0.7)

    def _nisba_states(self, i: int) -> list[str]:
        """States of the nisba adjectives from token ``i`` on (المصرية، المصريون والقطريون)."""
        states: list[str] = []
        k = i
        while k < self.sentence.end:
            state = self.x.nisba_state(str(self.doc[k].norm_))
            if state is None or state in states:
                break
            states.append(state)
            k += 1
        return states

    def thanks(self) -> Iterator[Fact]:
        for span in self.spans("THANKS"):
            if self.negated_or_hypothetical(span.start):
                continue
            agents = self.subject_for(span.start)
            _, end = self.clause_of(span.start)
            agent_keys = {a.key for a in agents}
            # "شكرته على دعوته": the one thanked is a pronoun — the other party of the call.
            if self.doc[span.start]._.suffix in {"ه", "ها"} and self.context.last_call and len(agents) == 1:
                others = [a for a in self.context.last_call if a.key not in agent_keys]
                if len(others) == 1 and len(others) < len(self.context.last_call):
                    yield self.fact(THANKED, agents[0], b=others[0])
                    continue
            for mention in self.mentions:
                if span.end <= mention.start < end:
                    # The one thanked is the direct object, or after لـ / إلى; not "في ألمانيا".
                    if mention.preposition not in {None, "الي", "ل"} or (
                        mention.prepositional and not mention.clitic.endswith("ل")
                    ):
                        continue
                    thanked = [a for a in self.mention_actors(mention, agents) if a.key not in agent_keys]
                    if thanked:
                        for agent in agents:
                            yield self.fact(THANKED, agent, b=thanked[0])
                        break

    def warnings(self) -> Iterator[Fact]:
        spans = [s for s in self.spans("WARNING") + self.spans("WARNING_NOUN") if not self._framed(s.start)]
        if not spans:
            return
        span = min(spans, key=lambda s: s.start)
        if self.negated_or_hypothetical(span.start):
            return
        obj = self._warning_object(span)
        for agent in self.subject_for(span.start):
            yield self.fact(WARNED, agent, warned_of=obj, confidence=0.7)

    def _framed(self, i: int) -> bool:
        """"في ظل تنامي المخاوف من حرب شاملة": the writer's setting, not anyone's warning."""
        start, _ = self.clause_of(i)
        return any(self.doc[k].norm_ in self.x.framing_words for k in range(max(start, i - 5), i))

    def _warning_object(self, span: Span) -> str:
        """The danger warned of: a warning noun phrase, else the words after من."""
        nouns = self.spans("WARNING_NOUN")
        if nouns:
            # Written without the proclitic it may carry (لحرب إقليمية → حرب إقليمية).
            first = nouns[0]
            clitic = first[0]._.clitic
            text = str(first.text)
            return text[len(clitic) :] if clitic and text.startswith(clitic) else text
        _, end = self.clause_of(span.start)
        k = span.end
        if k < end and self.doc[k].norm_ in {"من", "ان", "من ان"}:
            k += 1
        words: list[str] = []
        for token in self.doc[k : min(end, k + 6)]:
            if token.is_punct or token.is_space or token.norm_ in {"قد", "ان", "الذي", "التي", "في", "علي"}:
                break
            words.append(str(token.text))
        return " ".join(words).strip(' ،,."')
