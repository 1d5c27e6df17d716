"""Synthetic Arabic news articles for benchmarks and tests.

Articles are composed from the shipped gazetteer (real names, titles and states of
office-holders, each on a date they held the office) and news phrasing written for this
module: phone calls in both directions and with several counterparts, appeals, mediation
offers, thanks, warnings, negated and planned calls, filler paragraphs and the boilerplate
of news sites (related-article lists, share buttons). Each article comes with the facts it
states (:class:`PlantedFact`), so that tests can check the extractor finds them.

Generation is deterministic: article ``i`` of seed ``s`` depends only on ``(s, i)``.

    >>> paths = write_corpus(1000, seed=7, out_dir=Path("corpus"))   # doctest: +SKIP
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from kg.knowledge import PERSON, ActorRecord, Knowledge, Office, load_knowledge
from kg.model import Article
from kg.normalize import normalize_phrase

#: The articles' dates are drawn from this period (the gazetteer covers 2015 → today).
FIRST_DAY, LAST_DAY = date(2018, 1, 1), date(2025, 6, 30)
#: Roles whose holders make calls in the generated news.
CALLING_ROLES = ("president", "prime_minister", "foreign_minister", "king", "emir")
WEEKDAYS_AR = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
MIN_WORDS, MAX_WORDS = 150, 600


@dataclass(frozen=True)
class PlantedFact:
    """A fact an article states: ``relation`` between actor keys ``a`` and ``b``.

    For calls, ``initiator`` is the key of the caller when the text says who placed the
    call, else ``None``; ``topic`` is an appeal's goal.
    """

    relation: str
    a: str
    b: str | None = None
    topic: str | None = None
    initiator: str | None = None


@dataclass(frozen=True)
class SyntheticArticle:
    """A generated article, the facts it states, and the calls it mentions without stating."""

    article: Article
    facts: tuple[PlantedFact, ...]
    not_facts: tuple[PlantedFact, ...]


@dataclass(frozen=True)
class _Person:
    """An office-holder as the generator writes about them."""

    key: str
    role: str
    title: str
    full_name: str
    short_name: str
    state: str
    adjective: str
    bare_title_unique: bool


# -- phrasing -------------------------------------------------------------------------
_TOPIC_PHRASES: dict[str, tuple[str, ...]] = {
    "DeEscalation": (
        "وقف التصعيد",
        "خفض التصعيد في المنطقة",
        "تهدئة الأوضاع",
        "احتواء التصعيد",
        "منع اتساع رقعة الصراع",
    ),
    "Restraint": ("ضبط النفس", "التحلي بضبط النفس", "أقصى درجات ضبط النفس"),
    "Ceasefire": ("وقف إطلاق النار", "وقف الأعمال العدائية", "وقف القتال"),
    "DiplomaticSolution": ("حل دبلوماسي للأزمة", "الحل السياسي", "تسوية سلمية للنزاع", "الوسائل الدبلوماسية"),
    "HumanitarianAid": ("إدخال المساعدات الإنسانية", "إيصال المساعدات الإنسانية إلى المدنيين", "فتح المعابر"),
}
# {a} agent; {t} topic phrase; {tb} topic phrase after بـ.
_APPEALS = (
    "ودعا {a} إلى {t}.",
    "وشدد {a} على ضرورة {t}.",
    "كما دعا {a} جميع الأطراف إلى {t}.",
    "وطالب {a} {tb}.",
    "وحث {a} الأطراف المعنية على {t}.",
)
_CALL_SUBJECTS = (
    "تطورات الأوضاع في المنطقة",
    "العلاقات الثنائية وسبل تعزيزها",
    "آخر المستجدات الإقليمية والدولية",
    "الملفات ذات الاهتمام المشترك",
    "مستجدات الأوضاع الإقليمية",
)
# {s} subject (caller), {o} the other party, {ob} the other party after بـ.
_CALLS_FROM_SUBJECT = (
    "أجرى {s} اليوم {day} اتصالا هاتفيا مع {o}، تناول {topic}.",
    "أجرى {s} اتصالا هاتفيا مع {o} تناول {topic}.",
    "اتصل {s} هاتفيا {ob}، وتناول الاتصال {topic}.",
)
_CALLS_TO_SUBJECT = (
    "تلقى {s} اليوم {day} اتصالا هاتفيا من {o}، تناول {topic}.",
    "تلقى {s} اتصالا هاتفيا من {o} تناول {topic}.",
)
_CALLS_UNDIRECTED = ("جرى اليوم {day} اتصال هاتفي بين {s} و{o} تناول {topic}.",)
_MULTI_CALLS = (
    "أجرى {s} اتصالات هاتفية مع كل من {others}، تناولت {topic}.",
    "أجرى {s} اليوم {day} اتصالين هاتفيين مع كل من {others}، تناولا {topic}.",
)
_NEGATED_CALLS = (
    "ولم يجر {s} أي اتصال هاتفي مع {o} منذ أشهر، بحسب مصادر مطلعة.",
    "ومن المقرر أن يجري {s} اتصالا هاتفيا مع {o} خلال الأيام المقبلة.",
)
_GROUP_APPEALS = ("وأكد الجانبان ضرورة {t}.", "وشدد الجانبان على أهمية {t}.")
_MEDIATION = (
    "وأبدى {a} استعداد بلاده للقيام بدور الوساطة بين الأطراف.",
    "وأعرب {a} عن استعداد بلاده للتوسط من أجل إنهاء الأزمة.",
)
_THANKS = ("وشكر {a} {b} على تهنئته بمناسبة العيد الوطني.",)
_WARNINGS = (
    "وحذر {a} من عواقب وخيمة لاستمرار الوضع الراهن.",
    "وحذر {a} من أن استمرار المواجهات ينذر بحرب إقليمية شاملة.",
)
_HEADLINES = (
    "{s} و{o} يبحثان هاتفيا {topic}",
    "اتصال هاتفي بين {s} و{o}",
)
_FILLER = (
    "وتشهد المنطقة منذ أشهر توترا متصاعدا على خلفية التطورات الميدانية الأخيرة.",
    "وارتفعت أسعار النفط في الأسواق العالمية بنحو {n} في المئة عقب الإعلان عن الأرقام الجديدة.",
    "ويقول محللون إن الأسابيع المقبلة ستكون حاسمة بالنسبة لمستقبل الملفات العالقة.",
    "وأشارت تقارير إعلامية إلى أن حركة الملاحة في الممرات البحرية تأثرت بشكل ملحوظ خلال الفترة الماضية.",
    "وسجلت درجات الحرارة ارتفاعا ملحوظا في عدد من المدن خلال الأسبوع الجاري.",
    "ويترقب المراقبون نتائج الاجتماعات الفنية على مستوى الخبراء.",
    "ونقلت وسائل إعلام محلية عن مصادر مطلعة قولها إن المشاورات ما زالت في مراحلها الأولى.",
    "وأظهرت بيانات نشرت مؤخرا تراجع معدلات النمو الاقتصادي إلى أدنى مستوى لها منذ {n} سنوات.",
    "ويبلغ عدد سكان المدينة نحو {n} ملايين نسمة، ويعمل معظمهم في قطاعي الخدمات والزراعة.",
    "وأعلنت شركات طيران عدة تعليق رحلاتها إلى عدد من المطارات بسبب الظروف الأمنية.",
    "وتأتي هذه التطورات في وقت تتزايد فيه الضغوط الاقتصادية على دول المنطقة.",
    "وفي سياق متصل، أفادت تقارير بوصول دفعات جديدة من الوقود إلى الموانئ الرئيسية.",
    "واستمرت حركة النزوح من المناطق الحدودية، بحسب ما أفادت منظمات محلية.",
    "ولفتت مصادر اقتصادية إلى أن قطاع السياحة تكبد خسائر كبيرة منذ بداية العام.",
    "وتراجعت العملة المحلية إلى مستويات قياسية، في حين سجلت معدلات التضخم ارتفاعا جديدا بلغ {n} في المئة.",
    "وتعتمد البلاد على الواردات لتأمين نحو {n} في المئة من احتياجاتها من القمح.",
    "وشهدت الأسواق المحلية إقبالا كبيرا على شراء السلع الأساسية تحسبا لارتفاع الأسعار.",
    "ويرى خبراء أن تراجع الاستثمارات الأجنبية يعكس حالة عدم اليقين التي تخيم على الاقتصاد.",
    "وكانت السلطات المحلية قد أعلنت في وقت سابق عن خطة لإعادة تأهيل البنية التحتية في المناطق المتضررة.",
    "وتعد هذه المرة الأولى منذ {n} سنوات التي تسجل فيها الموانئ هذا المستوى من النشاط.",
    "وتواصل فرق الإنقاذ عمليات البحث عن مفقودين في المناطق التي ضربتها السيول.",
    "وكان البنك المركزي قد رفع أسعار الفائدة {n} مرات منذ مطلع العام الماضي.",
    "ويعاني قطاع الكهرباء من انقطاعات متكررة تصل إلى {n} ساعات يوميا في بعض المناطق.",
    "وتظهر صور الأقمار الصناعية اتساع رقعة الجفاف في المناطق الزراعية الشمالية.",
    "وقدرت مصادر رسمية قيمة الأضرار المادية بنحو {n} مليارات دولار.",
    "وتشير التقديرات إلى أن نسبة البطالة بين الشباب تجاوزت {n}0 في المئة.",
    "ومن جهة أخرى، افتتح معرض دولي للكتاب بمشاركة أكثر من {n}00 دار نشر.",
    "وأعلنت وزارة الصحة تسجيل {n}0 إصابة جديدة بالحمى خلال الأسبوع الماضي.",
    "ويعود آخر إحصاء رسمي للسكان إلى ما قبل {n} سنوات.",
    "وتقع المدينة على بعد نحو {n}0 كيلومترا من الحدود، وتعد مركزا تجاريا مهما.",
)
_RELATED_HEADERS = ("اقرأ أيضا", "أخبار ذات صلة", "مواضيع ذات صلة")
_RELATED_LINES = (
    "{s} يتلقى اتصالا هاتفيا من {o}",
    "{s} و{o} يبحثان العلاقات الثنائية",
    "تراجع أسعار الذهب في الأسواق العالمية",
    "{s} يدعو إلى وقف التصعيد",
    "ارتفاع حصيلة ضحايا الفيضانات",
)
_FOOTERS = ("شارك", "التعليقات", "طباعة", "أضف تعليقك", "الأكثر قراءة")


class ArticleComposer:
    """Composes synthetic articles from a :class:`~kg.knowledge.Knowledge`."""

    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self.knowledge = knowledge if knowledge is not None else load_knowledge()
        self._offices = self._calling_offices()
        self._holders_by_day: dict[date, list[tuple[ActorRecord, Office]]] = {}

    def _calling_offices(self) -> list[tuple[ActorRecord, Office]]:
        """Offices of CALLING_ROLES at a state the generator can name, sorted by key."""
        offices = []
        for key in sorted(self.knowledge.actors):
            record = self.knowledge.actors[key]
            if record.kind != PERSON or not self._strong_forms(record):
                continue
            for office in record.offices:
                state = self.knowledge.actors.get(office.seat or "")
                if office.role in CALLING_ROLES and state is not None and state.adjectives_ar and state.ar:
                    offices.append((record, office))
        return offices

    def _strong_forms(self, record: ActorRecord) -> list[str]:
        """Spellings that name this person and nobody else."""
        return [form for form in record.ar if self.knowledge.names.get(normalize_phrase(form)) == {record.key}]

    def _holders_on(self, day: date) -> list[tuple[ActorRecord, Office]]:
        if day not in self._holders_by_day:
            self._holders_by_day[day] = [(r, o) for r, o in self._offices if o.held_on(day)]
        return self._holders_by_day[day]

    def _person(self, record: ActorRecord, office: Office, day: date) -> _Person:
        state = self.knowledge.actors[office.seat or ""]
        adjective = state.adjectives_ar[0]
        title = {
            "president": f"الرئيس {adjective}",
            "prime_minister": f"رئيس الوزراء {adjective}",
            "foreign_minister": f"وزير الخارجية {adjective}",
            "king": f"العاهل {adjective}",
            "emir": f"أمير {state.ar[0]}",
        }[office.role]
        forms = self._strong_forms(record)
        unique = self.knowledge.role_holders(office.role, office.seat or "", day) == [record.key]
        short = min(forms, key=lambda form: len(form.split()))
        return _Person(record.key, office.role, title, forms[0], short, state.key, adjective, unique)

    def _cast(self, rng: random.Random, day: date, size: int) -> list[_Person]:
        """Up to ``size`` office-holders of different states, all in office on ``day``."""
        holders = self._holders_on(day)
        cast: list[_Person] = []
        seen: set[str] = set()
        for record, office in rng.sample(holders, min(len(holders), size * 4)):
            state = office.seat or ""
            if record.key in seen or state in seen:
                continue
            seen.update((record.key, state))
            cast.append(self._person(record, office, day))
            if len(cast) == size:
                break
        return cast

    def compose(self, identifier: str, rng: random.Random) -> SyntheticArticle:
        """One article, its planted facts and its mentioned-but-not-stated calls."""
        day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        writer = _ArticleWriter(rng, day, self._cast(rng, day, 7))
        text = writer.write(rng.randint(MIN_WORDS, MAX_WORDS))
        article = Article(identifier=identifier, text=text, published=day)
        return SyntheticArticle(article, tuple(writer.facts), tuple(writer.not_facts))


class _ArticleWriter:
    """The state of one article being written: who was named, what was stated."""

    def __init__(self, rng: random.Random, day: date, cast: list[_Person]) -> None:
        self.rng, self.day, self.cast = rng, day, cast
        self.named: set[str] = set()
        self.facts: list[PlantedFact] = []
        self.not_facts: list[PlantedFact] = []

    def mention(self, person: _Person) -> str:
        """How the article names a person: title and full name first, then shorter forms."""
        if person.key not in self.named:
            self.named.add(person.key)
            return f"{person.title} {person.full_name}"
        choices = [person.short_name, person.full_name, f"{person.title} {person.short_name}"]
        if person.bare_title_unique:
            choices.append(person.title)
        return self.rng.choice(choices)

    def topic_phrase(self) -> tuple[str, str]:
        topic = self.rng.choice(sorted(_TOPIC_PHRASES))
        return topic, self.rng.choice(_TOPIC_PHRASES[topic])

    def write(self, target_words: int) -> str:
        """The article text: headline, call paragraph, statements, filler, boilerplate."""
        rng, cast = self.rng, self.cast
        if len(cast) < 2:
            return "\n\n".join(self.filler(target_words)) + "\n"
        caller, other, rest = cast[0], cast[1], cast[2:]
        weekday = WEEKDAYS_AR[self.day.weekday()]
        subject = rng.choice(_CALL_SUBJECTS)
        headline = rng.choice(_HEADLINES).format(s=caller.short_name, o=other.short_name, topic=subject)
        paragraphs = [headline]
        first = self.call_sentence(caller, other, weekday, subject)
        paragraphs.append(first + " " + self.statements(caller, other))
        if len(rest) >= 2 and rng.random() < 0.5:
            paragraphs.append(self.multi_call(rest[0], rest[1:3], weekday))
            rest = rest[3:]
        if len(rest) >= 2 and rng.random() < 0.5:
            sentence = rng.choice(_NEGATED_CALLS).format(s=self.mention(rest[0]), o=self.mention(rest[1]))
            self.not_facts.append(PlantedFact("called", rest[0].key, rest[1].key))
            paragraphs.append(sentence)
        words = sum(len(p.split()) for p in paragraphs)
        for paragraph in self.filler(max(0, target_words - words)):
            paragraphs.insert(rng.randint(2, len(paragraphs)), paragraph)
        if rng.random() < 0.3:
            paragraphs.insert(rng.randint(2, len(paragraphs)), self.related(cast, inline=True))
        if rng.random() < 0.7:
            paragraphs.append(self.related(cast, inline=False))
        if rng.random() < 0.5:
            paragraphs.append("\n".join(rng.sample(_FOOTERS, rng.randint(1, 3))))
        return "\n\n".join(paragraphs) + "\n"

    def call_sentence(self, subject: _Person, other: _Person, weekday: str, topic: str) -> str:
        """The sentence stating the main call; plants the call with its direction."""
        rng = self.rng
        direction = rng.choice(("from subject", "from subject", "to subject", "unknown"))
        s = self.mention(subject)
        if other.role == subject.role and other.key not in self.named and rng.random() < 0.3:
            # نظيره الإيراني إبراهيم رئيسي: the counterpart named after "his counterpart".
            self.named.add(other.key)
            o = f"نظيره {other.adjective} {other.full_name}"
        else:
            o = self.mention(other)
        if direction == "from subject":
            template, initiator = rng.choice(_CALLS_FROM_SUBJECT), subject.key
        elif direction == "to subject":
            template, initiator = rng.choice(_CALLS_TO_SUBJECT), other.key
        else:
            template, initiator = rng.choice(_CALLS_UNDIRECTED), None
        self.facts.append(PlantedFact("called", subject.key, other.key, initiator=initiator))
        return template.format(s=s, o=o, ob="ب" + o, day=weekday, topic=topic)

    def statements(self, caller: _Person, other: _Person) -> str:
        """What was said around the call: appeals, mediation, thanks, warnings."""
        rng = self.rng
        sentences = []
        for _ in range(rng.randint(1, 3)):
            agent = rng.choice((caller, other))
            topic, phrase = self.topic_phrase()
            template = rng.choice(_APPEALS)
            sentences.append(template.format(a=self.mention(agent), t=phrase, tb="ب" + phrase))
            self.facts.append(PlantedFact("urged", agent.key, topic=topic))
        if rng.random() < 0.3:
            topic, phrase = self.topic_phrase()
            sentences.append(rng.choice(_GROUP_APPEALS).format(t=phrase))
            self.facts += [PlantedFact("urged", p.key, topic=topic) for p in (caller, other)]
        if rng.random() < 0.3:
            agent = rng.choice((caller, other))
            sentences.append(rng.choice(_MEDIATION).format(a=self.mention(agent)))
            self.facts.append(PlantedFact("offeredMediation", agent.key))
        if rng.random() < 0.2:
            sentences.append(rng.choice(_THANKS).format(a=self.mention(caller), b=self.mention(other)))
            self.facts.append(PlantedFact("thanked", caller.key, other.key))
        if rng.random() < 0.3:
            agent = rng.choice((caller, other))
            sentences.append(rng.choice(_WARNINGS).format(a=self.mention(agent)))
            self.facts.append(PlantedFact("warned", agent.key))
        return " ".join(sentences)

    def multi_call(self, caller: _Person, others: list[_Person], weekday: str) -> str:
        """A call to several counterparts at once (مع كل من X وY)."""
        names = [self.mention(p) for p in others]
        listed = " و".join(names)
        subject = self.rng.choice(_CALL_SUBJECTS)
        sentence = self.rng.choice(_MULTI_CALLS).format(
            s=self.mention(caller), others=listed, day=weekday, topic=subject
        )
        self.facts += [PlantedFact("called", caller.key, p.key, initiator=caller.key) for p in others]
        return sentence

    def filler(self, words: int) -> list[str]:
        """Paragraphs of background that state no fact, about ``words`` words in all."""
        paragraphs: list[str] = []
        pool: list[str] = []
        while words > 0:
            sentences = []
            for _ in range(self.rng.randint(2, 4)):
                if not pool:
                    pool = self.rng.sample(_FILLER, len(_FILLER))
                sentences.append(pool.pop().format(n=self.rng.randint(2, 9)))
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            words -= len(paragraph.split())
        return paragraphs

    def related(self, cast: list[_Person], inline: bool) -> str:
        """A related-articles block (dropped by the extractor's cleaning)."""
        header = self.rng.choice(_RELATED_HEADERS)
        lines = []
        for _ in range(1 if inline else self.rng.randint(2, 4)):
            a, b = self.rng.sample(cast, 2)
            line = self.rng.choice(_RELATED_LINES).format(s=a.short_name, o=b.short_name)
            # Sites list short headlines; a long line would read as article text.
            lines.append(line if len(line.split()) <= 10 else _RELATED_LINES[2])
        if inline:
            return f"{header}: {lines[0]}"
        return "\n".join([header, *lines])


def generate_synthetic(n: int, seed: int, knowledge: Knowledge | None = None) -> Iterator[SyntheticArticle]:
    """``n`` synthetic articles with the facts each states (deterministic for ``seed``)."""
    composer = ArticleComposer(knowledge)
    for index in range(n):
        rng = random.Random(f"{seed}:{index}")
        yield composer.compose(f"syn{seed}_{index:06d}", rng)


def generate_articles(n: int, seed: int) -> Iterator[Article]:
    """``n`` synthetic :class:`~kg.model.Article` records (deterministic for ``seed``)."""
    for item in generate_synthetic(n, seed):
        yield item.article


def write_corpus(n: int, seed: int, out_dir: Path) -> list[Path]:
    """Write ``n`` synthetic articles as ``<id>.txt`` with ``<id>.meta.json`` sidecars.

    Returns the article paths, in order. The folder is created if needed.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in generate_articles(n, seed):
        path = out_dir / f"{article.identifier}.txt"
        path.write_text(article.text, encoding="utf-8")
        meta = {"published": article.published.isoformat() if article.published else None, "outlet": "synthetic"}
        path.with_name(f"{article.identifier}.meta.json").write_text(
            json.dumps(meta, ensure_ascii=False), encoding="utf-8"
        )
        paths.append(path)
    return paths
