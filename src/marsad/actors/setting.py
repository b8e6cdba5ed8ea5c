"""The country an article is set in, for the state bodies it names with none: "al-shurta"
(the police) in a story whose other sentences name only Saudi towns is the Saudi police.

A body takes a country only from the rest of the article: a sentence read alone (an archive
of single sentences, a gold standard) gives its bodies none, as its own words do not say it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from marsad.coding.clauses import has_article, has_stem
from marsad.coding.resources import cues
from marsad.places.gazetteer import gazetteer, place_words
from marsad.places.toponyms import find_toponyms
from marsad.types import ActorRef, Document

# ActorRef.method of a body or a title given the article's country: the step that found it
# stays in the name, as the coder reads a title as a person and an agent noun by its ending
SETTING = {"agent": "agent-setting", "title": "title-setting"}
SETTING_METHODS = frozenset(SETTING.values())
# state bodies (the government, the army, the police, parliament, intelligence), the militias
# that fight beside them, the rebels against them and the civilians who live there ("al-ahali",
# "al-mudaniyyin": readers of the news judged them of the story's country); not unidentified
# armed men, who may be foreign to where they are, nor courts, which may try what happened abroad
SETTING_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "SPY", "PRM", "CVL", "REB"})
BARE_METHODS = frozenset(SETTING)  # a body or a title with no country
# offices of a republic (knowledge-base keys): a kingdom has none, and a company has them too
REPUBLICAN_OFFICES = frozenset({"president", "acting_president", "vice_president"})


def set_in_article(
    doc: Document, actors: Sequence[ActorRef], seat_filled: Callable[[str, str], bool]
) -> list[ActorRef]:
    """``actors`` with each bare body of ``SETTING_SECTORS`` given the one country the
    other sentences of the article name (countries, capitals, cities, places after a head
    noun, actors with a state's code), when its own sentence names no other; a president or
    vice-president only when somebody holds that office of that country on the article's day
    (``seat_filled``): "al-ra'is" in a Saudi story is no Saudi president (the kingdom has
    none), but some company's. A prince, a governor or a minister is the state's whether the
    knowledge base lists him or not."""
    unplaced = cues().unplaced_agents
    bare = [
        i
        for i, a in enumerate(actors)
        if a.code is None
        and a.sector in SETTING_SECTORS
        and a.method in BARE_METHODS
        and not has_stem(doc.tokens[a.token_start], unplaced)
    ]
    if not bare or len(doc.sentences) < 2:
        return list(actors)
    named = _countries_by_sentence(doc, actors)
    if _two_countries_twice(named):
        return list(actors)  # the places could only name more countries: none is the one
    for index, countries in _places_by_sentence(doc, actors).items():
        named[index] |= countries
    sentences_naming = Counter(c for codes in named.values() for c in codes)
    out = list(actors)
    for i in bare:
        actor = actors[i]
        own = named.get(actor.sentence, set())
        # a code some sentence other than the actor's own names
        elsewhere = {c for c, n in sentences_naming.items() if n > (c in own)}
        if len(elsewhere) != 1 or not own <= elsewhere:
            continue
        (code,) = elsewhere
        if actor.office in REPUBLICAN_OFFICES and not seat_filled(code, actor.office):
            continue
        out[i] = replace(
            actor,
            code=code,
            method=SETTING[actor.method],
            reason=f"{actor.reason}; the one country the rest of the article names: {code}",
        )
    return out


def _countries_by_sentence(doc: Document, actors: Sequence[ActorRef]) -> dict[int, set[str]]:
    """The states each sentence names by a country's name or capital, a nisba written as the
    state's name, or an actor's code (the places it names are read apart, only when needed:
    ``_places_by_sentence``)."""
    states = gazetteer().countries
    named: dict[int, set[str]] = defaultdict(set)
    for m in doc.mentions:
        if m.kind in ("country", "metonym") and m.code in states:
            named[m.sentence].add(m.code)
    for a in actors:
        if a.code in states:
            named[a.sentence].add(a.code)
    spans = frozenset(i for a in actors for i in range(a.token_start, a.token_end))
    for m in doc.mentions:
        # "al-sharika al-sa'udiyya li-l-kahraba'" (the Saudi Electricity Company): a nisba
        # written as its state's name still names the state
        free = m.kind == "nisba" and m.token_start not in spans
        if free and m.code in states and _written_as_state(doc, m.token_start, m.token_end, m.code):
            named[m.sentence].add(m.code)
    return named


def _two_countries_twice(named: dict[int, set[str]]) -> bool:
    """Whether two countries are each named in two sentences or more: every actor then has
    both named elsewhere than in its own sentence, and no one country sets the article."""
    counts = Counter(c for codes in named.values() for c in codes)
    return sum(1 for n in counts.values() if n >= 2) >= 2


def places_country(doc: Document, actors: Sequence[ActorRef]) -> str | None:
    """The one country the article's towns and places are in (country names and actors
    aside: a story of the Syrian war names Lebanon's Hezbollah and Iran, its places are
    Syria's), or None."""
    countries = {c for found in _places_by_sentence(doc, actors).values() for c in found}
    return next(iter(countries)) if len(countries) == 1 else None


def _places_by_sentence(doc: Document, actors: Sequence[ActorRef]) -> dict[int, set[str]]:
    """The countries of the places each sentence names: a place of one country only after a
    head noun ("madinat", "muhafazat"), or a city, not inside a name."""
    gaz, words = gazetteer(), place_words()
    spans = frozenset(i for a in actors for i in range(a.token_start, a.token_end))
    names = frozenset(
        i
        for m in doc.mentions
        if m.kind in ("person", "org", "title", "agent")
        for i in range(m.token_start, m.token_end)
    )
    nisbas = {m.token_start: m.code for m in doc.mentions if m.kind == "nisba" and m.code}
    named: dict[int, set[str]] = defaultdict(set)
    for s in doc.sentences:
        for t in find_toponyms(doc.tokens, s.token_start, s.token_end, gaz, words, nisbas=nisbas):
            countries = {p.country for p in t.candidates}
            city = any(p.population >= CITY_POPULATION for p in t.candidates)
            inside = all(i in names or i in spans for i in range(t.start, t.end))
            if len(countries) == 1 and (t.head or city) and not t.topic and not inside:
                named[s.index] |= countries
    return named


def _written_as_state(doc: Document, start: int, end: int, code: str) -> bool:
    """Whether the words from ``start`` to ``end``, with the article, are also a name of the
    state ``code`` ("al-sa'udiyya"; not "Bakistani", read as "Bakistan" and "-i", my)."""
    gaz = gazetteer()
    state = gaz.countries[code]
    return has_article(doc.tokens[start]) and any(
        m.value.place is state and m.end == end
        for m in gaz.names.matches_at(doc.tokens, start, end)
    )


# a town names its country by itself only when it is a city: many small towns' names are
# ordinary words ("fi itar", in the framework of: Atar; "fi al-husban": Hisban)
CITY_POPULATION = 250_000
