"""Place each event: the toponym of its own clause, resolved to coordinates with the offline
gazetteer (marsad.places). An event whose clause names no usable place gets none: marsad
does not fall back on the article's country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import replace
from typing import ClassVar

from marsad.places.gazetteer import Place, gazetteer, place_words
from marsad.places.resolve import Context, best_place, event_place, usable
from marsad.places.toponyms import Toponym, find_toponyms
from marsad.types import Document, EventRecord, Evidence, PlaceRef, Span

# Mentions whose tokens are names of persons or bodies, never places ("Abbas", "al-Jazira").
NAME_KINDS = frozenset({"person", "org", "title", "agent"})


def _names(doc: Document) -> frozenset[int]:
    """Tokens inside the name of a person or a body: never a place."""
    return frozenset(
        i for m in doc.mentions if m.kind in NAME_KINDS for i in range(m.token_start, m.token_end)
    )


def _actors(doc: Document) -> frozenset[int]:
    """Tokens of actor phrases: a place only after a locative."""
    return frozenset(i for a in doc.actors for i in range(a.token_start, a.token_end))


def _countries(doc: Document, known: Collection[str]) -> Counter[str]:
    """How often the article names each country: in country names and nisba adjectives
    anywhere, and in actors. A capital read as its government ("Tarabulus") is left out: it
    must not settle its own name."""
    codes = [m.code for m in doc.mentions if m.kind in ("country", "nisba")]
    codes += [a.code for a in doc.actors if a.method != "metonym"]
    return Counter(c for c in codes if c is not None and c in known)


def _ref(doc: Document, toponym: Toponym, place: Place) -> PlaceRef:
    span = Span(doc.tokens[toponym.start].span.start, doc.tokens[toponym.end - 1].span.end)
    return PlaceRef(
        extracted_place=doc.raw(span),
        span=span,
        resolved_place=place.name_en,
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1 or None,
        country_code=place.country,
        feature=place.feature,
        resolution=place.resolution,
    )


class PlaceStage:
    name: ClassVar[str] = "places"
    requires: ClassVar[frozenset[str]] = frozenset({"tokens", "actors", "events"})
    produces: ClassVar[frozenset[str]] = frozenset({"places"})

    def __call__(self, doc: Document) -> Document:
        if not doc.events:  # only sentences that tell events are read: nothing to place
            return doc.with_layer("places", places=())
        gaz, words = gazetteer(), place_words()
        names, actors = _names(doc), _actors(doc)
        nisbas = {m.token_start: m.code for m in doc.mentions if m.kind == "nisba" and m.code}
        # Only the sentences that tell events are read: the rest cannot place one.
        telling = sorted({ev.sentence for e in doc.events for ev in e.evidence})
        by_sentence = {
            s.index: [
                t
                for t in find_toponyms(
                    doc.tokens, s.token_start, s.token_end, gaz, words, nisbas=nisbas
                )
                if usable(t, names, actors)
            ]
            for s in (doc.sentences[i] for i in telling)
        }
        found = [t for ts in by_sentence.values() for t in ts]
        countries = _countries(doc, gaz.countries)
        countries.update(
            t.candidates[0].country for t in found if len({p.country for p in t.candidates}) == 1
        )
        article = Context(article=countries)
        refs = tuple(_ref(doc, t, best_place(t, article)) for t in found)
        events = tuple(self._placed(doc, e, by_sentence, countries) for e in doc.events)
        return doc.with_layer("places", places=refs, events=events)

    def _placed(
        self,
        doc: Document,
        event: EventRecord,
        by_sentence: dict[int, list[Toponym]],
        countries: Counter[str],
    ) -> EventRecord:
        parties = frozenset(
            a.code for a in (*event.actor, *event.recipient) if a.code and a.method != "metonym"
        )
        context = Context(event=parties, article=countries)
        for evidence in event.evidence:
            pair = _in_clause(doc, evidence, by_sentence.get(evidence.sentence, []), context)
            if pair is not None:
                return replace(event, place=_ref(doc, *pair))
        return event


def _in_clause(
    doc: Document, evidence: Evidence, toponyms: list[Toponym], context: Context
) -> tuple[Toponym, Place] | None:
    clause = evidence.clause
    inside = [
        (t, best_place(t, context))
        for t in toponyms
        if clause.start <= doc.tokens[t.start].span.start
        and doc.tokens[t.end - 1].span.end <= clause.end
    ]
    if not inside:
        return None
    sentence = doc.sentences[evidence.sentence]
    trigger = next(
        (t.index for t in doc.sentence_tokens(sentence) if t.span.start >= evidence.trigger.start),
        sentence.token_end,
    )  # searched in the sentence only: a long article has many events
    return event_place(inside, trigger)
