"""Group mentions into actor phrases and resolve each through the cascade
(marsad.actors): a PLOVER country and sector at the article's date, with method and reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from marsad.actors.agent_heads import agents_named_again, regime_named_before
from marsad.actors.cascade import (
    SIDES,
    UNKNOWN_ORG,
    UNKNOWN_PERSON,
    Cascade,
    Resolution,
    reference_date,
)
from marsad.actors.phrases import HEADS, group_phrases, is_former, phrase_end
from marsad.actors.related import related_to_persons
from marsad.actors.setting import places_country, set_in_article
from marsad.coding.clauses import has_article, is_verb, is_word, led_by_wa
from marsad.coding.governed import past_name_rest, proclitic_preposition
from marsad.coding.numbers import count_before
from marsad.coding.resources import cues
from marsad.places.construct import PLACE_AFTER_IN, PLACE_IN_CONSTRUCT, country_in_construct
from marsad.places.gazetteer import place_words
from marsad.text.tokenize import entry_keys
from marsad.types import ActorRef, Document, Mention, Span, Token

if TYPE_CHECKING:
    from marsad.kb import KnowledgeBase
    from marsad.kb.model import Role


def _known(found: Resolution) -> bool:
    # a side is kept though nothing is known yet: the event coder gives it its parties; a
    # name the knowledge base lacks is kept with its text
    kept = (SIDES, UNKNOWN_PERSON, UNKNOWN_ORG)
    return bool(found.code or found.sector or found.identifier) or found.method in kept


def _first_word_of_unknown_name(doc: Document, phrase: list[Mention]) -> str:
    unknown = next((m for m in phrase if m.kind == "person" and m.kb_id is None), None)
    return _given_name_at(doc.tokens, unknown.token_start)[0] if unknown is not None else ""


def _given_name_at(tokens: Sequence[Token], at: int) -> tuple[str, int]:
    """The given name that starts at token ``at``, as ``given_name_key`` keys the holders'
    names, and how many tokens it takes: "'Abd" and the word after it are one name ("al-malik
    'Abd Allah"); nothing at the end or at punctuation."""
    if at >= len(tokens) or tokens[at].is_punct:
        return "", 0
    word = tokens[at].text
    second = at + 1
    openers = cues().compound_name_openers
    if word in openers and second < len(tokens) and not tokens[second].is_punct:
        return word + tokens[second].text, 2
    return word, 1


class ActorStage:
    name: ClassVar[str] = "actors"
    requires: ClassVar[frozenset[str]] = frozenset({"mentions"})
    produces: ClassVar[frozenset[str]] = frozenset({"actors"})

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self._kb = kb
        self._cascade: Cascade | None = None
        self._people_forms: dict[str, bool] | None = None

    def cascade(self) -> Cascade:
        if self._cascade is None:
            from marsad.kb import default_kb

            self._cascade = Cascade(self._kb or default_kb())
        return self._cascade

    def people_forms(self) -> dict[str, bool]:
        """The plural nisba forms (without the article) as the tokens are normalised, each with
        whether it is the oblique case."""
        if self._people_forms is None:
            forms: dict[str, bool] = {}
            for form, oblique in self.cascade().kb.people_forms().items():
                keys = entry_keys(form)
                if len(keys) == 1:
                    forms[keys[0]] = oblique
            self._people_forms = forms
        return self._people_forms

    def __call__(self, doc: Document) -> Document:
        cascade = self.cascade()
        when = reference_date(doc.article.date)
        by_sentence: dict[int, list[Mention]] = {}
        for mention in doc.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        actors: list[ActorRef] = []
        for mentions in by_sentence.values():
            # for "naziruhu" (his counterpart): the office of the actor before it
            last_office: str | None = None
            phrases = self._holders_joined(doc.tokens, group_phrases(doc.tokens, mentions), when)
            for phrase in phrases:
                end = phrase_end(doc.tokens, phrase)
                after = doc.tokens[end] if end < len(doc.tokens) else None
                next_word, width = _given_name_at(doc.tokens, end)
                found = cascade.resolve(
                    phrase,
                    when,
                    last_office,
                    former=is_former(doc.tokens, phrase),
                    next_word=next_word,
                    name_word=_first_word_of_unknown_name(doc, phrase),
                    # only a nisba alone reads a count before it ("13 'iraqiyyan")
                    counted=phrase[0].kind == "nisba" and _counted(doc, phrase[0].token_start),
                    people=len(phrase) == 1
                    and phrase[0].kind == "nisba"
                    and _the_people(doc, phrase[0].token_start, self.people_forms()),
                )
                if found is None or not _known(found):
                    continue  # nothing known: not an actor
                found = _placed(doc, phrase, found, end)
                if after is not None and _occupier_of(found, after, doc):
                    found = replace(
                        found,
                        code=OCCUPIER,
                        method=OCCUPIED_BY,
                        reason=f"{found.reason}; of «the occupation», in an article about "
                        f"Israel and the Palestinians: Israel's",
                        takes_next=True,
                    )
                    width = 1
                start = phrase[0].token_start
                end += width if found.takes_next else 0
                span = Span(doc.tokens[start].span.start, doc.tokens[end - 1].span.end)
                actors.append(
                    ActorRef(
                        code=found.code,
                        sector=found.sector,
                        entity_text=doc.raw(span),
                        span=span,
                        sentence=phrase[0].sentence,
                        identifier=found.identifier,
                        office=found.office,
                        method=found.method,
                        reason=found.reason,
                        token_start=start,
                        token_end=end,
                    )
                )
                last_office = found.office or last_office
        kb = self.cascade().kb
        own = related_to_persons(doc, self._own_titles(doc.tokens, actors, when))
        named = agents_named_again(doc.tokens, own)
        actors = set_in_article(
            doc,
            regime_named_before(doc.tokens, named, lambda: places_country(doc, named)),
            lambda code, office: kb.seat_filled(code, office, when),
        )
        return doc.with_layer("actors", actors=tuple(actors))

    def _own_titles(
        self, tokens: Sequence[Token], actors: list[ActorRef], when: date
    ) -> list[ActorRef]:
        """A title with no holder found, right after a person who holds it that day, with only
        his other titles, a deputy's words and commas between, names him again: "al-amir
        Muhammad bin Salman wali wali al-'ahd al-na'ib al-thani li-ra'is majlis al-wuzara' wazir
        al-difa'" (the deputy crown prince ... the defence minister) is one man, no other party."""
        kb = self.cascade().kb
        out: list[ActorRef] = []
        person: ActorRef | None = None
        for found in actors:
            actor = found
            if (
                person is not None
                and actor.office is not None
                and actor.identifier is None
                and _chained(tokens, out[-1], actor, person)
                and (role := kb.office_of_on(person.identifier or "", actor.office, when))
                and actor.code in (None, role.country)
            ):
                actor = replace(
                    actor,
                    identifier=person.identifier,
                    code=role.country,
                    sector=role.sector,
                    method=OWN_TITLE,
                    reason=f"{actor.reason}; the title of {person.identifier}, named before it",
                )
            elif actor.identifier is None or not kb.roles_of(actor.identifier):
                person = None if actor.office is None else person
            else:
                person = actor
            out.append(actor)
        return out

    def _holders_joined(
        self, tokens: Sequence[Token], phrases: list[list[Mention]], when: date
    ) -> list[list[Mention]]:
        """A bare title and the name after it, honorifics between («wazir al-kharijiyya
        al-shaykh 'Abd Allah bin Zayid»), are one phrase when the person holds the office that
        day, or held it before when a word of a former holder stands between («al-ra'is
        al-ma'zul Muhammad Mursi», the deposed president); otherwise the name is another party
        («iltaqa al-ra'is al-sayyid Mahmud 'Abbas»)."""
        c = cues()
        between_words = c.name_honorifics | c.former_modifiers
        joined: list[list[Mention]] = []
        for phrase in phrases:
            last, first = (joined[-1][-1] if joined else None), phrase[0]
            if (
                last is None
                or last.kind != "title"
                or first.kind != "person"
                or first.token_start <= last.token_end
            ):
                joined.append(phrase)
                continue
            between = tokens[last.token_end : first.token_start]
            former = any(t.text in c.former_modifiers for t in between)
            if all(t.text in between_words for t in between) and self._held(
                first.kb_id or "", last, when, former=former
            ):
                joined[-1] = [*joined[-1], *phrase]
            else:
                joined.append(phrase)
        return joined

    def _held(self, person: str, title: Mention, when: date, *, former: bool) -> bool:
        """Whether the person holds the office of ``title`` on ``when`` (his highest role then),
        or, for a title with "al-sabiq" or "al-ma'zul" (former, deposed), held it before; of
        the title's country, when it names one."""

        def fits(role: Role) -> bool:
            return role.office == title.kb_id and title.code in (None, role.country)

        kb = self.cascade().kb
        if former:
            return any(fits(r) and r.start <= when for r in kb.roles_of(person))
        role = kb.role_at(person, when)
        return role is not None and fits(role)


OCCUPIER = "ISR"  # whom Arab media mean by "the occupation" where Israel or Palestine is named
OCCUPIER_CONTEXT = frozenset({"ISR", "PSE"})
OCCUPIED_BY = "agent-occupier"  # the method of an agent of "the occupation" so read


OWN_TITLE = "title-of-person-before"  # ActorRef.method: a title the person before it holds


def _chained(tokens: Sequence[Token], last: ActorRef, title: ActorRef, person: ActorRef) -> bool:
    """Whether ``title`` goes on the person's chain of titles: right after the person or one of
    his titles (``last``, in the same sentence), only a deputy's words and commas between, and
    after the person himself the rest of his name ("bin 'Abdulaziz")."""
    if last.sentence != title.sentence or not (
        last.identifier == person.identifier or last.office is not None
    ):
        return False
    c = cues()
    chain = c.deputy_heads | c.deputy_modifiers
    start = last.token_end
    if last is person:
        start = past_name_rest(tokens, start, title.token_start)
    between = tokens[start : title.token_start]
    return all((t.is_punct and t.text in c.clause_commas) or is_word(t, chain) for t in between)


def _placed(doc: Document, phrase: list[Mention], found: Resolution, end: int) -> Resolution:
    """``found`` with the country of the place named right after it, in construct or after
    «in», when it has none."""
    place, method, how = _place_after(doc, phrase, found, end), PLACE_IN_CONSTRUCT, "right after it"
    if place is None:
        place, method = _country_in_after(doc, phrase, found, end), PLACE_AFTER_IN
        how = "after «in» right after it"
    if place is None:
        return found
    reason = f"{found.reason}; of the place named {how}, in {place}"
    return replace(found, code=place, method=method, reason=reason)


def _place_after(doc: Document, phrase: list[Mention], found: Resolution, end: int) -> str | None:
    """The country of the town or region named in construct right after a title or an agent
    noun with no country: the place a local office serves ("amir mintaqat Najran", the emir of
    the Najran region; "muhafiz al-Basra", the governor of Basra), or whose people or police
    it names ("sukkan Ukinawa", "qa'id shurtat muhafazat Karbala'")."""
    last = phrase[-1]
    if found.code or last.kind not in HEADS or has_article(doc.tokens[end - 1]):
        return None
    return country_in_construct(doc.tokens, end)


#: sectors whose body an "in <country>" after it places: not civilians, who may be foreigners
#: there ("al-laji'in fi Lubnan"), nor an unknown sector
#: nor soldiers, who serve abroad ("al-junud fi Nablus", "al-quwwat al-turkiyya fi al-'Iraq")
PLACED_BY_IN = frozenset({"GOV", "COP", "JUD", "LEG", "SPY", "REB", "UAF", "OPP", "PRM"})


def _country_in_after(
    doc: Document, phrase: list[Mention], found: Resolution, end: int
) -> str | None:
    """The country named after "fi" (in) right after a body with no country: "al-shurta fi
    Mali", "al-niyaba al-'amma fi Bolivia", "al-muqawama al-sha'biyya fi muhafazat Ma'rib";
    or with "bi-" written on it: "al-niyaba al-'amma bi-l-Kuwayt".
    Bodies only: after a title it is more often where the holder spoke ("qala wazir
    al-kharijiyya fi al-Qahira")."""
    tokens = doc.tokens
    if found.code or found.sector not in PLACED_BY_IN or phrase[-1].kind != "agent":
        return None
    at = _past_adjective(doc, end)
    if at >= len(tokens) or tokens[at].sentence != tokens[end].sentence:
        return None
    if tokens[at].text in cues().place_prepositions:
        at += 1
    elif (written_in := _country_written_in(doc.mention_at(at))) is not None:
        return written_in
    elif not _head_with_in(tokens, at):
        return None
    if at >= len(tokens) or tokens[at].sentence != tokens[end].sentence:
        return None
    named = doc.mention_at(at)
    if named is not None and named.kind in COUNTRY_KINDS:
        return named.code
    return country_in_construct(tokens, at)


def _past_adjective(doc: Document, at: int) -> int:
    """Past one adjective with the article right after a body ("al-sulutat al-mahalliyya fi
    muhafazat Ma'rib", the local authorities in Marib governorate), no name of its own."""
    tokens = doc.tokens
    if at + 1 >= len(tokens) or not has_article(tokens[at]) or tokens[at].is_punct:
        return at
    if doc.mention_at(at) is not None:
        return at
    return at + 1


def _country_written_in(named: Mention | None) -> str | None:
    """The country of a country's name with "bi-" (in) written on it: "al-niyaba al-'amma
    bi-l-Kuwayt" (the public prosecution in Kuwait)."""
    if named is None or named.kind not in COUNTRY_KINDS:
        return None
    return None if cues().locative_proclitics.isdisjoint(named.proclitics) else named.code


def _head_with_in(tokens: Sequence[Token], at: int) -> bool:
    """Whether a place head stands at ``at`` with "bi-" (in) written on it ("bi-muhafazat")."""
    return proclitic_preposition(tokens[at]) in cues().locative_proclitics and bool(
        place_words().heads.matches_at(tokens, at, min(len(tokens), at + 2))
    )


COUNTRY_KINDS = frozenset({"country", "metonym"})  # mentions that name a state by itself


def _occupier_of(found: Resolution, after: Token, doc: Document) -> bool:
    """Whether an agent noun with no country is in construct with "the occupation" ("quwwat
    al-ihtilal", the occupation forces) in an article that names Israel or the Palestinians."""
    if found.method != "agent" or found.code is not None:
        return False
    if not is_word(after, cues().occupation_words, conjunction_only=True):
        return False
    kinds = ("country", "nisba", "metonym")
    return any(m.code in OCCUPIER_CONTEXT for m in doc.mentions if m.kind in kinds)


def _the_people(doc: Document, start: int, forms: dict[str, bool]) -> bool:
    """Whether a nisba names the people of its country: the plural with the article. In the
    nominative, or a broken plural, where no definite noun stands before it for it to qualify
    ("hajama al-filastiniyyun", the Palestinians attacked; not "al-asra al-filastiniyyun", the
    Palestinian prisoners). The oblique only after a preposition ("'ala al-filastiniyyin",
    "li-l-filastiniyyin"): right after a verb it is the object ("nashadat al-sa'udiyyin"), and
    after "anna" a subject whose verb may lie far off. Either way "wa" joins it to a people
    before it ("bayna al-isra'iliyyin wa-l-filastiniyyin")."""
    tokens = doc.tokens
    token = tokens[start]
    article = cues().article
    cases = {forms[a.stem] for a in token.analyses if article in a.proclitics and a.stem in forms}
    if not cases:
        return False
    before = tokens[start - 1] if start > 0 else None
    joined = before is not None and before.sentence == token.sentence and led_by_wa(token)
    if joined and _the_people(doc, start - 1, forms):
        return True
    if True in cases:
        return proclitic_preposition(token) is not None or (
            before is not None and is_word(before, cues().prepositions)
        )
    if before is None or before.sentence != token.sentence or before.is_punct:
        return True
    return not has_article(before)


def _counted(doc: Document, start: int) -> bool:
    """Whether a count stands before the token: a number ("13 'iraqiyyan"), or a word that
    counts ("'asharat al-filastiniyyin", dozens of Palestinians; "al-alaf min al-Lubnaniyyin"),
    with "min" (of) between or not; or a verb of harm or dying, after which a nationality is a
    person ("qutila 'iraqi wa-juriha akhar", an Iraqi was killed and another wounded;
    "istashhada filastini")."""
    tokens = doc.tokens
    if count_before(tokens, start):
        return True
    c = cues()
    if start > 0 and is_verb(tokens[start - 1], c.harm_or_dying_verbs):
        return True
    at = start - 1
    if at > 0 and tokens[at].text in c.partitive_of:
        at -= 1
    return at >= 0 and is_word(tokens[at], c.partitive_heads)
