"""Dual and plural bodies of several states: «وزارتا الخارجية المصرية والأردنية»، «وزارتا خارجية
قطر ومصر»، «الخارجيتان السعودية والإماراتية»، «حكومات مصر والأردن والإمارات». The body word
(lexicon ``plural_state_body_words``) stands for each state its nisba adjectives or genitive names
list after it, joined by و or commas. A body word before a leader's name stands for his state:
«إدارة ترامب»، «حكومة نتنياهو»."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..knowledge import PERSON
from ..normalize import normalize
from .context import RuleContext
from .lang_ar import AND, ARTICLE, COMMAS
from .offices import actor, adjective_state, nisba_state
from .records import Mention, norm


def listed_bodies(rules: RuleContext, doc: Doc, trigger: Span, spans: dict[int, Span]) -> tuple[Mention] | None:
    """The states of a dual or plural body word, as one state mention spanning the list, when it
    lists two or more of them, or the state of the leader after a body word with no nisba;
    ``None`` otherwise (a body of one state is the singular's)."""
    if trigger.label_ != "STATE_BODIES":
        return _leaders_body(rules, trigger, spans) or _described_body(rules, doc, trigger, spans)
    end = trigger.sent.end
    states: list[str] = []
    k = trigger.end
    while k < end:
        if doc[k].text in COMMAS or doc[k].norm_ == AND:
            k += 1
            continue
        state = adjective_state(rules, doc, k, spans) or nisba_state(rules, str(doc[k].norm_))
        if state is None or state in states:
            break
        states.append(state)
        span = spans.get(k)
        k = span.end if span is not None else k + 1
    while k > trigger.end and (doc[k - 1].text in COMMAS or doc[k - 1].norm_ == AND):
        k -= 1
    if len(states) < 2:
        return None
    return (Mention(trigger.start, k, [actor(rules, state) for state in states], "state"),)


def _leaders_body(rules: RuleContext, trigger: Span, spans: dict[int, Span]) -> tuple[Mention] | None:
    """ "إدارة ترامب", "حكومة نتنياهو": the state of the person named right after the body word."""
    span = spans.get(trigger.end)
    # one indefinite word in the construct state: not "رئيس مجلس النواب نبيه بري", a title and its holder
    construct = len(trigger) == 1 and not normalize(trigger.text).startswith(ARTICLE)
    if trigger.label_ != "STATE_BODY" or not construct or span is None or span.label_ != "NAME":
        return None
    keys = rules.knowledge.names.get(norm(span), set())
    person = next(iter(keys)) if len(keys) == 1 else None
    state = actor(rules, person).state if person is not None and rules.knowledge[person].kind == PERSON else None
    return (Mention(trigger.start, span.end, [actor(rules, state)], "body"),) if state else None


def _described_body(rules: RuleContext, doc: Doc, trigger: Span, spans: dict[int, Span]) -> tuple[Mention] | None:
    """ "الحكومة الشرعية في اليمن", "حكومة الوحدة الوطنية الليبية", "وزارة الخارجية في سلطنة عمان": a
    body word whose state follows a few words of its own name (lexicon ``body_name_words``), as a
    nisba or a name after في."""
    if trigger.label_ != "STATE_BODY":
        return None
    # the words of its name, then في and the state, or the nisba
    end = min(trigger.sent.end, trigger.end + rules.settings.body_description_words + 2)
    for k in range(trigger.end, end):
        token = doc[k]
        located = token.norm_ == rules.words.word_in and spans.get(k + 1) is not None
        if located or k in spans:
            named = k + 1 if located else k
            state = adjective_state(rules, doc, named, spans)
            return (Mention(trigger.start, spans[named].end, [actor(rules, state)], "body"),) if state else None
        if token.norm_ not in rules.words.body_name_words or k - trigger.end >= rules.settings.body_description_words:
            return None
    return None
