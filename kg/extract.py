"""Stage 3 — extract diplomatic facts from an article.

The rules (:mod:`kg.rules`) work on the spaCy doc that :mod:`kg.nlp` produced, one
sentence at a time:

1. *Mentions* (:mod:`kg.rules.mentions`): gazetteer names, titles with a state,
   counterparts, state bodies, groups, and unknown people introduced by a title. Titles
   are resolved to office holders on the article's date (:mod:`kg.rules.offices`).
2. *Clauses* (:mod:`kg.rules.clauses`, :mod:`kg.rules.qualifiers`): a sentence is cut at
   complementizers, colons and clause breaks, so that a reporting speaker is not taken for
   the actor; negated, hypothetical and planned statements are dropped.
3. *Relations*: the rules of :data:`RELATION_RULES`, in order, each with an agent
   (:mod:`kg.rules.subjects`) — calls, appeals, mediation, thanks and warnings.

This module only orchestrates: it cleans the text, runs the pipeline, dates the article,
and feeds each sentence to the relation rules.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .dates import ARTICLE, FALLBACK, article_date_from_text, date_from_url, sentence_date
from .knowledge import PERSON, Knowledge, load_knowledge
from .model import Actor, ArticleResult, Evidence, Fact
from .nlp import build_pipeline, shared_vocabulary
from .normalize import (
    attach_loose_conjunctions,
    drop_datelines,
    drop_invisible_marks,
    normalize,
    normalize_phrase,
    restore_lost_breaks,
    unwrap_hard_wraps,
)
from .read import Article
from .rules.appeals import read_appeals
from .rules.call_details import without_subsumed_state_calls
from .rules.calls import read_calls
from .rules.clauses import Sentence
from .rules.context import RuleContext
from .rules.dangers import read_warnings
from .rules.groups import remember_meeting
from .rules.mediated import read_mediated_goals
from .rules.mediation import read_mediation
from .rules.mentions import MENTIONS_KEY, SentenceSpans, collect_names
from .rules.points import read_points
from .rules.records import Context, Mention, merge_fact
from .rules.sentence_subjects import sentence_speaker, sentence_subject, speaks_unknown
from .rules.settings import RuleSettings
from .rules.thanks import read_thanks
from .rules.words import RuleWords

#: A relation rule: the facts of one sentence (it may update the article's memory).
RelationRule = Callable[[Sentence], Iterable[Fact]]

#: The relation rules, in the order they read each sentence: calls first, since the later
#: rules read the calls just reported (appeals made during a call, "thanked his counterpart").
RELATION_RULES: tuple[RelationRule, ...] = (
    read_calls,
    read_appeals,
    read_points,
    read_mediation,
    read_mediated_goals,
    read_thanks,
    read_warnings,
)

#: ``ArticleResult.date_source`` of an article dated by ``--date`` alone.
FALLBACK_SOURCE = "--date"

#: Line openers of a link to another article.
BULLETS = frozenset({"•", "▪", "►", "◄", "■", "-", "*", "»"})


#: Spaces the cleaner makes one (see :meth:`Extractor.clean_text`).
_SPACE_RUNS = re.compile(
    "(?<!\\))[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]"
)


class Extractor:
    """Extract :class:`~kg.model.Fact` records from :class:`~kg.read.Article` objects.

    >>> extractor = Extractor()
    >>> result = extractor.extract(article)   # doctest: +SKIP
    """

    def __init__(
        self,
        knowledge_dirs: Iterable[Path] = (),
        nlp: Language | None = None,
        model_dir: Path | None = None,
        settings: RuleSettings | None = None,
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
        verbs = lexicon["clause_verbs"]
        self.clause_verbs: list[str] = verbs.get("words", []) if isinstance(verbs, dict) else verbs
        self.line_openers = [*lexicon["prepositions"], *lexicon["complementizers"], *lexicon["line_open_ends"]]
        self.complementizers = list(lexicon["complementizers"])
        stop_words = frozenset(normalize(w) for w in self.nlp.Defaults.stop_words or ())
        words = RuleWords.load(self.knowledge, stop_words, shared_vocabulary(self.nlp, self.knowledge).terms)
        #: What every rule is handed: the knowledge, the token windows and the word sets.
        self.rules = RuleContext(self.knowledge, settings or RuleSettings(), words)
        agencies = "|".join(words.photo_credit_agencies)
        self.photo_credit = re.compile(rf"\((?:{agencies})[^)]*\)\s*$", re.I)

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

        Invisible direction marks go, a conjunction و typed apart is joined to its word, text
        wrapped at a fixed width is joined back into paragraphs
        (:func:`kg.normalize.unwrap_hard_wraps`), and lines are kept as they are otherwise, one
        paragraph a line.
        """
        kept: list[str] = []
        in_related = in_list = False
        # A run of spaces, tabs, non-breaking or zero-width spaces between two words would
        # become a whitespace token of its own, between words the rules read as adjacent; a run
        # after a closing bracket stays, since it sets a dateline off ("الرباط (وكالات)   أجرى").
        if "&" in text:  # scraped text keeps HTML's entities: &quot;وقف إطلاق النار&quot;
            text = html.unescape(text)
        settings = self.rules.settings
        text = attach_loose_conjunctions(drop_invisible_marks(text))
        text = unwrap_hard_wraps(text, BULLETS, widest=settings.wrap_width_max, full=settings.wrap_full_share)
        text = _SPACE_RUNS.sub(" ", text)
        text = restore_lost_breaks(text, self.clause_verbs, self.line_openers, self.complementizers)
        text = drop_datelines(text, self.knowledge.lexicon.get("dateline_agencies", []))
        for line in text.split("\n"):
            key = normalize_phrase(line)
            if not key:
                in_related = False
                continue
            if key in self.related_headers or any(key.startswith(h) for h in self.related_headers):
                in_related = True
                continue
            short = len(key.split()) <= settings.short_line_words and not re.search(r"[.!؟?:]\s*$", line.strip())
            if in_related and short:
                continue
            # A short bulleted line is a link to another article, not this one's text, unless
            # it is an item of a list its paragraph opened with a colon ("تلقى X اتصالات من:").
            bulleted = line.lstrip()[:1] in BULLETS
            if short and bulleted and not in_list:
                continue
            in_list = line.rstrip().endswith(":") or (in_list and bulleted)
            in_related = False
            if key in self.boilerplate or len(key.split()) <= 1:
                continue
            if self.photo_credit.search(key):
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
            return default_date, FALLBACK_SOURCE
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
        finder = collect_names(self.rules, doc, sentences, buckets, context)
        facts: dict[tuple[object, ...], Fact] = {}
        actors: dict[str, Actor] = {}
        text = _doc_text(doc)
        read: list[list[Mention]] = []
        doc.user_data[MENTIONS_KEY] = read
        for index, sentence in enumerate(sentences):
            sentence_text = text[sentence.start_char : sentence.end_char].strip()
            stated = sentence_date(sentence_text, day, resolve_relative=source != FALLBACK_SOURCE)
            context.sentence_date = stated[0] if stated else None
            mentions = finder.find(sentence, index)
            read.append(mentions)
            evidence = Evidence(sentence_text, index, sentence.start_char, sentence.end_char)
            punctuation = buckets.clause_punctuation[index] if buckets.clause_punctuation else None
            reader = Sentence(self.rules, sentence, buckets.triggers[index], mentions, context, evidence, punctuation)
            for fact in (f for rule in RELATION_RULES for f in rule(reader)):
                if fact.b is not None and fact.b.key == fact.a.key:
                    continue
                _date_fact(fact, stated, day, source)
                _keep_fact(facts, actors, fact)
            subject, speaker = sentence_subject(reader), sentence_speaker(reader)
            if subject:
                context.last_subject = subject
                context.subject_history += subject
            if speaker or subject:
                context.last_speaker = speaker or [a for a in subject if a.kind == PERSON]
            elif speaks_unknown(reader):
                context.last_speaker = []
            context.remember(a for m in mentions for a in m.actors if m.kind != "group")
            remember_meeting(reader)
        if day is None:
            context.notes.append("no date known: titles resolved only where unambiguous")
        return ArticleResult(
            article=article,
            facts=without_subsumed_state_calls(list(facts.values())),
            actors=actors,
            date=day,
            date_source=source,
            notes=context.notes,
        )


def _keep_fact(facts: dict[tuple[object, ...], Fact], actors: dict[str, Actor], fact: Fact) -> None:
    """Keep a fact and its actors; a fact the article gave before takes it in as more evidence."""
    for party in (fact.a, fact.b, *fact.parties):
        if party is not None:
            actors[party.key] = party
    key = fact.identity()
    if key in facts:
        merge_fact(facts[key], fact)
    else:
        facts[key] = fact


def _date_fact(fact: Fact, stated: tuple[date, str] | None, day: date | None, source: str | None) -> None:
    """Give a fact the date its sentence gives, else the article's (or the ``--date`` fallback)."""
    if stated is not None:
        fact.date, fact.date_source = stated
    elif day is not None:
        fact.date, fact.date_source = day, FALLBACK if source == FALLBACK_SOURCE else ARTICLE


def _doc_text(doc: Doc) -> str:
    """``doc.text``, read through the ORTH and SPACY arrays (no Token object per token)."""
    strings = doc.vocab.strings
    pieces = doc.to_array([ORTH, SPACY]).tolist()
    return "".join(strings[orth] + " " if space else strings[orth] for orth, space in pieces)
