"""Frozen records passed between stages.

Every span is a pair of character offsets into the *raw* article text (``Article.text``),
so anything the pipeline finds can be shown in the original. Stages work on the normalised
text (``Document.norm_text``); ``Document.offsets`` maps normalised positions back to raw.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeVar

from marsad.offsets import OffsetMap

Precision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Article:
    """One news story as read from its source, before any analysis."""

    id: str
    text: str
    date: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """One way to split a token into proclitics, a stem and a pronoun suffix."""

    proclitics: tuple[str, ...]
    stem: str
    enclitic: str = ""

    @property
    def key(self) -> str:
        """The form lexicons are matched on: the stem without the article."""
        return self.stem


@dataclass(frozen=True, slots=True)
class Token:
    index: int  # position in Document.tokens
    text: str  # normalised surface form
    span: Span  # raw
    norm_span: Span  # into Document.norm_text
    sentence: int
    is_punct: bool = False
    analyses: tuple[Analysis, ...] = ()

    @property
    def keys(self) -> frozenset[str]:
        """Every stem this token may carry; the whole surface is always one of them."""
        return frozenset([self.text, *(a.key for a in self.analyses)])


# The tokens stage makes a Token and a Span for every word of every article, the tokenizer an
# Analysis for every reading of a new word. These build the same frozen records as the
# constructors without their cost: the generated ``__init__`` of a frozen dataclass calls
# object.__setattr__ once a field. A draft class with the record's very slots is filled by
# plain stores, then made the record by assigning ``__class__`` (allowed between classes of
# one layout), two and a half times faster than setting each slot through its descriptor.
# ``word_span`` skips Span's check, which a match's own range always passes.


class _SpanDraft:
    __slots__ = Span.__slots__
    start: int
    end: int


class _AnalysisDraft:
    __slots__ = Analysis.__slots__
    proclitics: tuple[str, ...]
    stem: str
    enclitic: str


class _TokenDraft:
    __slots__ = Token.__slots__
    index: int
    text: str
    span: Span
    norm_span: Span
    sentence: int
    is_punct: bool
    analyses: tuple[Analysis, ...]


def word_analysis(proclitics: tuple[str, ...], stem: str, enclitic: str) -> Analysis:
    """``Analysis(proclitics, stem, enclitic)``, for the tokenizer's many."""
    draft = _AnalysisDraft()
    draft.proclitics = proclitics
    draft.stem = stem
    draft.enclitic = enclitic
    draft.__class__ = Analysis  # type: ignore[assignment]
    return draft  # type: ignore[return-value]


def word_span(start: int, end: int) -> Span:
    """``Span(start, end)`` for ``0 <= start <= end``, unchecked."""
    draft = _SpanDraft()
    draft.start = start
    draft.end = end
    draft.__class__ = Span  # type: ignore[assignment]
    return draft  # type: ignore[return-value]


def word_token(  # noqa: PLR0917 - the record's fields in order, as its constructor takes them
    index: int,
    text: str,
    span: Span,
    norm_span: Span,
    sentence: int,
    is_punct: bool,
    analyses: tuple[Analysis, ...],
) -> Token:
    """``Token(...)`` with every field given, in the order of its fields."""
    draft = _TokenDraft()
    draft.index = index
    draft.text = text
    draft.span = span
    draft.norm_span = norm_span
    draft.sentence = sentence
    draft.is_punct = is_punct
    draft.analyses = analyses
    draft.__class__ = Token  # type: ignore[assignment]
    return draft  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span  # raw
    norm_span: Span
    token_start: int = 0  # Document.tokens[token_start:token_end]
    token_end: int = 0
    in_quote: bool = False  # starts inside a quotation opened in an earlier sentence


MentionKind = Literal["person", "org", "country", "nisba", "place", "title", "agent", "metonym"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of tokens that names or describes something the knowledge base may know."""

    kind: MentionKind
    token_start: int
    token_end: int  # exclusive
    span: Span  # raw
    sentence: int
    kb_id: str | None = None  # person / org / country / office id in the knowledge base
    code: str | None = None  # country code when the mention itself tells it
    sector: str | None = None
    source: str = "kb"  # "kb" (gazetteer) or "ner" (statistical tagger)
    proclitics: tuple[str, ...] = ()  # clitics on the first token, e.g. a preposition


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A resolved actor: PLOVER country code and sector, with how it was found."""

    code: str | None  # ISO 3166 alpha-3, or IGO / UNO / EUR / NGO / IMG / MNC; None if unknown
    sector: str | None
    entity_text: str  # as written in the raw article
    span: Span
    sentence: int
    identifier: str | None = None  # knowledge-base id
    office: str | None = None
    method: str = ""  # the cascade step that resolved it, e.g. "person-role", "title-holder"
    reason: str = ""  # the resolution in words
    token_start: int = 0
    token_end: int = 0

    def to_plover(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "sector": self.sector,
            "entity_text": self.entity_text,
            "identifier": self.identifier,
            "office": self.office,
        }


ARTICLE_DATE = "article"  # DateRef.method of a date inherited from the article


@dataclass(frozen=True, slots=True)
class DateRef:
    value: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    precision: Precision
    text: str = ""  # the expression as written, empty when inherited from the article
    span: Span | None = None
    method: str = ARTICLE_DATE  # ARTICLE_DATE or the rule that resolved the expression
    # the end of a range, as precise as its value ("from 10 to 12 May": the 12th; "in the
    # sixties": 1969), else None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceRef:
    extracted_place: str
    span: Span | None = None
    resolved_place: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country_code: str | None = None
    feature: str | None = None
    resolution: int | None = None  # 1 country ... 5 sub-city

    def to_plover(self) -> dict[str, Any]:
        return {
            "extracted_place": self.extracted_place,
            "resolved_place": self.resolved_place,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "admin1": self.admin1,
            "country_code": self.country_code,
            "feature": self.feature,
            "resolution": self.resolution,
        }


@dataclass(frozen=True, slots=True)
class Size:
    """How many were killed, injured and arrested, as the article counts them."""

    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None

    def to_plover(self) -> dict[str, int | None]:
        return {"dead": self.dead, "injured": self.injured, "arrested": self.arrested}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where the article tells the event: the trigger and the clause around it."""

    sentence: int
    trigger: Span  # raw
    clause: Span  # raw
    text: str  # the trigger words as written


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: str
    story_id: str
    event: str  # PLOVER type
    mode: str | None
    actor: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    evidence: tuple[Evidence, ...]
    date: DateRef | None = None
    place: PlaceRef | None = None
    size: Size | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    quad_code: int = 0
    event_scale: float = 0.0
    reason: str = ""  # the coding decision in words, for the article view

    def to_plover(self, article_text: str | None = None) -> dict[str, Any]:
        first = self.evidence[0]
        record: dict[str, Any] = {
            "id": self.id,
            "story_id": self.story_id,
            "date": self.date.value if self.date else None,
            "date_precision": self.date.precision if self.date else None,
            "enddate": self.date.end if self.date else None,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "actor": [a.to_plover() for a in self.actor],
            "recipient": [r.to_plover() for r in self.recipient],
            "event_text": first.text,
            "text_info": {
                "sentence": first.sentence,
                "start": first.clause.start,
                "end": first.clause.end,
                "evidence": [
                    {
                        "sentence": e.sentence,
                        "start": e.clause.start,
                        "end": e.clause.end,
                        "trigger_start": e.trigger.start,
                        "trigger_end": e.trigger.end,
                        "trigger": e.text,
                    }
                    for e in self.evidence
                ],
            },
            "quad_code": self.quad_code,
            "event_scale": self.event_scale,
            "cameo": self.cameo,
            "event_loc": self.place.to_plover() if self.place else None,
            "size": self.size.to_plover() if self.size else None,
            "reason": self.reason,
        }
        if article_text is not None:
            record["text_info"]["text"] = article_text[first.clause.start : first.clause.end]
        return record


@dataclass(frozen=True, slots=True)
class StageError:
    stage: str
    message: str


@dataclass(frozen=True)
class Document:
    """The article with every layer the pipeline has added, as spans into the raw text."""

    article: Article
    norm_text: str = ""
    offsets: OffsetMap = field(default_factory=OffsetMap.identity_empty)
    layers: frozenset[str] = frozenset()
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    actors: tuple[ActorRef, ...] = ()
    dates: tuple[DateRef, ...] = ()
    places: tuple[PlaceRef, ...] = ()
    events: tuple[EventRecord, ...] = ()
    errors: tuple[StageError, ...] = ()

    @property
    def text(self) -> str:
        return self.article.text

    def raw(self, span: Span) -> str:
        return self.article.text[span.start : span.end]

    @classmethod
    def begin(cls, article: Article) -> Document:
        """``Document(article=article)``, as the pipeline starts one for every article: a copy
        of an empty document's attribute dict, where the frozen dataclass's ``__init__`` would
        set each of its twelve fields by a call and build an empty offset map."""
        doc = object.__new__(cls)
        attributes = doc.__dict__
        attributes.update(_BLANK.__dict__)
        attributes["article"] = article
        return doc

    def with_layer(self, layer: str, **changes: Any) -> Document:
        """A copy with ``layer`` added and ``changes`` made; ``dataclasses.replace``'s result.

        Every stage calls this once a document: copying the attribute dict of the new, not yet
        shared record is four times faster than ``replace``, which re-reads the field list.
        """
        if not _DOCUMENT_FIELDS.issuperset(changes):
            unknown = changes.keys() - _DOCUMENT_FIELDS
            raise TypeError(f"Document has no field {', '.join(sorted(unknown))}")
        copy = object.__new__(type(self))
        attributes = copy.__dict__
        attributes.update(self.__dict__)
        attributes.update(changes)
        key = (self.layers, layer)
        layers = _LAYERS.get(key)
        if layers is None:  # every document gains the same layers in the same order
            layers = _LAYERS[key] = self.layers | {layer}
        attributes["layers"] = layers
        return copy

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        return self.tokens[sentence.token_start : sentence.token_end]

    def mentions_beside(self, token: int) -> tuple[Mention, ...]:
        """The mentions of the sentence token ``token`` stands in."""
        return of_sentence(self.mentions, self.tokens[token].sentence)

    def actors_beside(self, token: int) -> tuple[ActorRef, ...]:
        """The actors of the sentence token ``token`` stands in."""
        return of_sentence(self.actors, self.tokens[token].sentence)

    def mention_at(self, token: int) -> Mention | None:
        """The mention that starts at token ``token``, if one does."""
        return next((m for m in self.mentions_beside(token) if m.token_start == token), None)

    def in_a_name(self, token: int) -> bool:
        """Whether a mention (a name, a title, a nisba) covers token ``token``."""
        return any(m.token_start <= token < m.token_end for m in self.mentions_beside(token))


class _InSentence(Protocol):
    @property
    def sentence(self) -> int: ...


_Item = TypeVar("_Item", bound=_InSentence)


def _sentence_of(item: _InSentence) -> int:
    return item.sentence


def of_sentence(items: tuple[_Item, ...], sentence: int) -> tuple[_Item, ...]:
    """The items of one sentence in a layer ordered by sentence, as the mentions and actors
    are: found by bisection, so a rule that looks at its own sentence's actors costs the same
    in a 10 MB article as in a short one."""
    start = bisect_left(items, sentence, key=_sentence_of)
    return items[start : bisect_right(items, sentence, lo=start, key=_sentence_of)]


_DOCUMENT_FIELDS = frozenset(f.name for f in dataclasses.fields(Document))
_BLANK = Document(article=Article(id="", text=""))  # what Document.begin copies
_LAYERS: dict[tuple[frozenset[str], str], frozenset[str]] = {}  # the layers with one more
