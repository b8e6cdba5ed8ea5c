"""Find names, titles, nisba adjectives and agent nouns the knowledge base knows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from marsad.actors.cascade import reference_date
from marsad.actors.group_heads import group_head_mentions
from marsad.actors.phrases import COUNTERPART
from marsad.actors.quoted_names import without_marks, wrapping_marks
from marsad.coding.clauses import after_quote, folded_ta_marbuta, has_article, has_stem, is_word
from marsad.coding.cue_record import Cues
from marsad.coding.numbers import count_before
from marsad.coding.resources import cues
from marsad.matcher import Match, PhraseMatcher
from marsad.text.normalize import normalize_phrase
from marsad.text.tokenize import entry_keys
from marsad.types import Document, Mention, MentionKind, Sentence, Span, Token

if TYPE_CHECKING:
    from marsad.kb import KnowledgeBase

# When one phrase names several things, the more specific reading wins. A capital named like
# its country ("al-Kuwayt", Kuwait) is read as the country; a country name that is also a
# feminine nisba ("al-Sa'udiyya", Saudi Arabia or "Saudi" fem.) as the country (nisba-only
# spellings like "Arminiyya", Armenia spelt with a final ta marbuta, are not listed as names).
_PRIORITY: dict[MentionKind, int] = {
    "person": 0,
    "org": 1,
    "title": 2,
    "country": 3,
    "nisba": 4,
    "metonym": 5,
    "agent": 6,
    "place": 7,
}


@dataclass(frozen=True, slots=True)
class Entry:
    kind: MentionKind
    kb_id: str | None
    code: str | None
    sector: str | None
    keys: tuple[str, ...]
    # an agent whose "-i" may be its sound plural's construct ("musallahi al-Huthi"); else
    # "-i" is "my", or the nisba spelt the same ("sha'bi", popular)
    construct: bool = True
    # a one-word agent or country listed with the article names a body only with it:
    # "al-muqawama" (the resistance), while "muqawamat al-ihtilal" is resisting the
    # occupation; "al-Sa'udiyya" is Saudi Arabia, while "sayyida sa'udiyya" is a Saudi woman
    definite: bool = False
    # a person's name only on a day they hold a role (``Person.office_names``)
    in_office: bool = False

    @property
    def first_key(self) -> str:
        return self.keys[0]


# Kinds whose one-word names listed with the article name them only with it: "sayyida
# sa'udiyya" (a Saudi woman) names no country, "Salih Bashir" no President al-Bashir, "Riyad
# Ghannam" no Riyadh.
_DEFINITE_NAMES = frozenset({"country", "person", "metonym"})

# Names take no pronoun suffix: "hamasi" is "enthusiastic", not "Hamas" + "-i" (my).
_PROPER = frozenset({"person", "org", "country", "metonym"})


def _without_pronoun(tokens: Sequence[Token], start: int, entry: Entry) -> bool:
    for token, key in zip(tokens[start : start + len(entry.keys)], entry.keys, strict=True):
        if token.text != key and not any(a.stem == key and not a.enclitic for a in token.analyses):
            return False
    return True


def _ta_marbuta_read_as_pronoun(doc: Document, last: int, entry: Entry) -> bool:
    """Whether the title's last word, written with a ta marbuta, matched only as the title with
    the pronoun "-hu" its letter normalises to: the ta marbuta is no pronoun."""
    written = doc.raw(doc.tokens[last].span).endswith(cues().raw_ta_marbuta)
    return written and not entry.keys[-1].endswith(folded_ta_marbuta())


def _pronoun_read_as_ta_marbuta(doc: Document, last: int, entry: Entry) -> bool:
    """Whether an agent noun ending in the ta marbuta matched a word whose writer put the
    pronoun "-hu" there (asked only of a text that writes the ta marbuta elsewhere): "rafada
    talabahu" (he refused his request) names no students ("talaba")."""
    folded = folded_ta_marbuta()
    return entry.keys[-1].endswith(folded) and doc.raw(doc.tokens[last].span).endswith(folded)


def _with_article(doc: Document, start: int) -> bool:
    return has_article(doc.tokens[start])


def _as_written(tokens: Sequence[Token], start: int, entry: Entry) -> bool:
    """Whether each word of an agent stands in its token as written: "mu'aradatuhu" (his
    opposing) reads as "mu'arada" (opposition) only by closing its ta marbuta, and a noun
    of action with a pronoun names no body. Nor is a word an agent when only "-i" reaches it
    and it has no sound plural whose construct that could be: "sha'bi" is the adjective
    "popular" ("wa'y sha'bi"), not "my people"; "musallahi" is "the gunmen of"."""
    nisba = cues().nisba_enclitics
    article = cues().article
    bound = cues().nisba_bound_agents  # listed with the article, as entries' keys are not
    if article + entry.keys[0] in bound and not _before_a_nisba(tokens, start):
        return False  # "al-siyasa al-kharijiyya" (foreign policy): the adjective
    for token, key in zip(tokens[start : start + len(entry.keys)], entry.keys, strict=True):
        if key not in token.text:
            return False
        if entry.definite and not any(
            a.stem == key and article in a.proclitics for a in token.analyses
        ):
            return False
        if (
            not entry.construct
            and token.text != key
            and all(a.enclitic in nisba for a in token.analyses if a.stem == key)
        ):
            return False
    return True


def _before_a_nisba(tokens: Sequence[Token], start: int) -> bool:
    """Whether the word at ``start`` stands right before a definite feminine nisba and after no
    definite word: "wa-sallamat al-kharijiyya al-bahrayniyya" (the Bahraini foreign ministry
    handed over), not "al-siyasa al-kharijiyya al-amirikiyya" (American foreign policy)."""
    after = start + 1
    if after >= len(tokens) or not has_article(tokens[after]):
        return False
    if not tokens[after].text.endswith(cues().feminine_nisba_ending):
        return False
    return start == 0 or not has_article(tokens[start - 1])


def build_gazetteer(kb: KnowledgeBase) -> PhraseMatcher[Entry]:
    gazetteer: PhraseMatcher[Entry] = PhraseMatcher()

    def add(
        name: str,
        kind: MentionKind,
        kb_id: str | None,
        code: str | None,
        sector: str | None,
        *,
        article_listed: bool = False,
    ) -> None:
        """``article_listed``: a one-word name listed with the article names only with it."""
        keys = entry_keys(name)
        if keys:
            definite = article_listed and _listed_with_article(name, keys)
            gazetteer.add(keys, Entry(kind, kb_id, code, sector, keys, definite=definite))

    for person in kb.persons():
        for names, in_office in ((person.names, False), (person.office_names, True)):
            for name in names:
                keys = entry_keys(name)
                if keys:
                    # "al-Bashir" names the president, "Bashir" is a given name
                    definite = _listed_with_article(name, keys)
                    entry = Entry(
                        "person",
                        person.id,
                        None,
                        None,
                        keys,
                        definite=definite,
                        in_office=in_office,
                    )
                    gazetteer.add(keys, entry)
    # A country or its capital names the state, with no sector (as CAMEO and the PLOVER gold
    # code "Israel", "Baku"); a seat of government (the Kremlin) names the government.
    for country in kb.countries():
        for name in country.names:
            keys = entry_keys(name)
            gazetteer.add(
                keys,
                Entry(
                    "country",
                    country.iso3,
                    country.iso3,
                    None,
                    keys,
                    definite=_listed_with_article(name, keys),
                ),
            )
        for nisba in country.nisbas:
            add(nisba, "nisba", country.iso3, country.iso3, None)
        for capital in country.capitals:  # "al-Riyad" with the article only (_DEFINITE_NAMES)
            add(capital, "metonym", country.iso3, country.iso3, None, article_listed=True)
        for seat in country.seats:
            add(seat, "metonym", country.iso3, country.iso3, "GOV")
    for org in kb.organisations():
        for name in org.names:
            add(name, "org", org.id, org.code, org.sector)
    for office in kb.offices():
        # a title only one state's office has ("wali wali al-'ahd") is listed with its country
        one_state = {title for title, _ in office.country_titles}
        for title in office.titles:
            if title not in one_state:
                add(title, "title", office.office, None, office.sector)
        for title, code in office.country_titles:
            add(title, "title", office.office, code, office.sector)
    terms = {tuple(entry_keys(agent.term)) for agent in kb.agents()}
    endings = cues().sound_plural_endings
    for agent in kb.agents():
        keys = entry_keys(agent.term)
        if keys:
            # a one-word agent with no sound plural listed has no construct in "-i"
            construct = len(keys) > 1 or any((keys[0] + e,) in terms for e in endings)
            definite = len(keys) == 1 and normalize_phrase(agent.term) != keys[0]
            entry = Entry("agent", None, None, agent.sector or None, keys, construct, definite)
            gazetteer.add(keys, entry)
    for word in cues().counterpart:
        add(word, "title", COUNTERPART, None, None)
    return gazetteer


def _article_mismatch(doc: Document, start: int, entry: Entry) -> bool:
    """Whether a name is written with the article where it is listed without, or the other
    way: "sayyida sa'udiyya" (a Saudi woman) names no country, "al-mu'addi" (the performer) is
    no "Modi", a one-word surname listed bare."""
    if entry.definite and entry.kind in _DEFINITE_NAMES:
        return not _with_article(doc, start)
    return entry.kind == "person" and len(entry.keys) == 1 and _with_article(doc, start)


def _listed_with_article(name: str, keys: tuple[str, ...]) -> bool:
    """Whether a one-word name is listed with the article, which its keys drop."""
    return len(keys) == 1 and normalize_phrase(name) != keys[0]


class MentionStage:
    name: ClassVar[str] = "mentions"
    requires: ClassVar[frozenset[str]] = frozenset({"tokens"})
    produces: ClassVar[frozenset[str]] = frozenset({"mentions"})

    def __init__(self, kb: KnowledgeBase | None = None, *, use_tagger: bool = False) -> None:
        self._kb = kb
        self._gazetteer: PhraseMatcher[Entry] | None = None
        self.use_tagger = use_tagger  # names the knowledge base does not know, from marsad.ner

    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            from marsad.kb import default_kb

            self._kb = default_kb()
        return self._kb

    def gazetteer(self) -> PhraseMatcher[Entry]:
        if self._gazetteer is None:
            self._gazetteer = build_gazetteer(self.kb())
        return self._gazetteer

    def __call__(self, doc: Document) -> Document:
        by_sentence = self._by_sentence(doc, doc.sentences)
        mentions = _article_mentions(doc, by_sentence)
        marks = wrapping_marks(doc.tokens, mentions)
        if marks:
            # names the marks cut ("jama'at «Boko Haram»") are found again without them, in the
            # sentences that had them; the others' mentions are only counted again
            touched = {doc.tokens[i].sentence for i in marks}
            tokens, sentences, new_index = without_marks(doc, marks)
            doc = doc.with_layer("tokens", tokens=tokens, sentences=sentences)
            again = self._by_sentence(doc, [s for s in sentences if s.index in touched])
            for index, found in by_sentence.items():
                if index not in touched:
                    again[index] = [_moved(m, new_index) for m in found]
            mentions = _article_mentions(doc, again)
        return doc.with_layer("mentions", mentions=tuple(mentions))

    def _by_sentence(
        self, doc: Document, sentences: Sequence[Sentence]
    ) -> dict[int, list[Mention]]:
        """The mentions of each of ``sentences``: the gazetteer's, and the tagger's if used."""
        gazetteer = self.gazetteer()
        found: dict[int, list[Mention]] = {}
        tags = _article_tags(doc) if self.use_tagger else []
        when: date | None = None
        # looked for once: a text may be megabytes long
        writes_ta_marbuta = cues().raw_ta_marbuta in doc.article.text
        for sentence in sentences:
            matches = gazetteer.find_all(doc.tokens, sentence.token_start, sentence.token_end)
            if any(m.value.in_office for m in matches):
                when = when or reference_date(doc.article.date)
                matches = _in_office(matches, self.kb(), when)
            known = _mentions(doc, sentence.index, matches, writes_ta_marbuta=writes_ta_marbuta)
            found[sentence.index] = known
            if self.use_tagger:
                known.extend(_tagged_mentions(doc, sentence.index, known, tags[sentence.index]))
        return found


def _article_mentions(doc: Document, by_sentence: dict[int, list[Mention]]) -> list[Mention]:
    """The sentences' mentions with the surnames and the groups named again, less kin, in
    order."""
    mentions = [m for index in sorted(by_sentence) for m in by_sentence[index]]
    mentions.extend(_surname_mentions(doc, mentions))
    mentions.extend(group_head_mentions(doc, mentions))
    mentions = [m for m in mentions if not _kin_of(doc, m)]
    mentions.sort(key=lambda m: m.token_start)
    return mentions


def _moved(mention: Mention, new_index: Sequence[int]) -> Mention:
    return replace(
        mention, token_start=new_index[mention.token_start], token_end=new_index[mention.token_end]
    )


def _kin_of(doc: Document, mention: Mention) -> bool:
    """Whether a person is named only as the one a relative or a servant belongs to: "ibn
    wa-shaqiq al-Mulla 'Umar" (Mullah Omar's son and brother), "al-sa'iq al-sabiq li-Usama bin
    Ladin" (bin Laden's former driver): the son, the brother, the driver is the party."""
    if mention.kind != "person" or mention.token_start == 0:
        return False
    c = cues()
    tokens = doc.tokens
    at = mention.token_start - 1
    if at > 0 and has_stem(tokens[at], c.relation_adjectives):
        at -= 1
    return tokens[at].sentence == tokens[mention.token_start].sentence and has_stem(
        tokens[at], c.relation_nouns
    )


def _in_office(found: list[Match[Entry]], kb: KnowledgeBase, when: date) -> list[Match[Entry]]:
    """The matches, less the names in office (``Entry.in_office``) of people who held no role
    on ``when``; a name in office that two people held roles under that day names neither."""
    # one person may list a name with and without the article: both match the same words
    holders: dict[tuple[int, int], set[str]] = {}
    kept: list[Match[Entry]] = []
    for m in found:
        if m.value.in_office:
            if m.value.kb_id is None or kb.role_at(m.value.kb_id, when) is None:
                continue
            holders.setdefault((m.start, m.end), set()).add(m.value.kb_id)
        kept.append(m)
    return [m for m in kept if not m.value.in_office or len(holders[m.start, m.end]) == 1]


def _mentions(
    doc: Document, sentence: int, found: list[Match[Entry]], *, writes_ta_marbuta: bool
) -> list[Mention]:
    by_span: dict[tuple[int, int], list[Entry]] = {}
    c = cues()
    # where a definite feminine nisba ends ("al-kuwaytiyya"), no country written so
    # ("al-Sa'udiyya"): an adjective of a noun before it
    countries = {(m.start, m.end) for m in found if m.value.kind == "country"}
    nisba_ends = {
        m.end
        for m in found
        if m.value.kind == "nisba"
        and (m.start, m.end) not in countries
        and _with_article(doc, m.start)
        and doc.tokens[m.end - 1].text.endswith(c.feminine_nisba_ending)
    }
    for match in found:
        entry = match.value
        if entry.kind in _PROPER and not _without_pronoun(doc.tokens, match.start, entry):
            continue
        if _article_mismatch(doc, match.start, entry):
            continue
        if entry.kind == "country" and _a_nisba(doc, match, found, c):
            continue
        after_nisba = match.start in nisba_ends and _joined(doc.tokens[match.start], c)
        if entry.definite and entry.kind == "country" and after_nisba:
            continue  # "al-tahqiqat al-kuwaytiyya wa-l-sa'udiyya": Saudi, an adjective
        if entry.kind == "agent" and (
            not _as_written(doc.tokens, match.start, entry)
            or (writes_ta_marbuta and _pronoun_read_as_ta_marbuta(doc, match.end - 1, entry))
        ):
            continue
        if entry.kind == "title" and _ta_marbuta_read_as_pronoun(doc, match.end - 1, entry):
            continue  # "muhafaza" (a governorate) is no "muhafiz" (governor) + "-hu" (his)
        if entry.kind == "agent" and _uncounted(doc.tokens, match.start, entry, c):
            continue  # "rajulan musallahan" (an armed man): "musallahan" is people after a count
        if entry.kind == "nisba" and _given_name(doc.tokens, match.end, c):
            continue  # "al-amir Turki bin Sa'ud": a name, no Turkish prince
        before = doc.tokens[match.start - 1] if match.start > 0 else None
        if entry.kind == "person" and (
            (before is not None and before.text in c.filial_particles)
            or (match.end - match.start == 1 and _among_animals(doc.tokens, match.start, c))
            or (
                match.end - match.start == 1
                and before is not None
                and is_word(before, c.share_nouns)
            )
            or _a_preposition(doc.tokens, match, c)
        ):
            # "Faysal bin 'Abd Allah bin 'Abd al-'Aziz": a father's name, another man; "naql
            # hayawanat al-asad wa-l-fahd" (carrying lions and leopards), "nasib al-asad" (the
            # lion's share): no Assad; "li-salih al-thuwwar" (in favour of the rebels): no Saleh
            continue
        if entry.kind == "country" and _no_state(doc.tokens, before, match.end, c):
            continue  # "li-salat al-Maghrib" (the sunset prayer), "Amirka al-latiniyya" (a region)
        if entry.kind == "title" and before is not None and _names_a_title(before, c):
            continue  # "'Abd al-Malik al-Huthi", "shari' al-malik Fahd": part of a name
        if entry.kind == "agent" and before is not None and _names_a_place(before, c):
            continue  # "masjid quwwat al-tawari'" (the Emergency Forces mosque): a place's name
        if entry.kind == "agent" and _before_word(
            doc.tokens, match.end, entry.keys[-1], c.responsible_words, c.responsible_for
        ):
            continue  # "annaha mas'ula 'an al-hujum": responsible for the attack, no official
        if (
            entry.kind == "agent"
            and len(entry.keys) == 1
            and _before_word(
                doc.tokens, match.end, entry.keys[0], c.act_noun_agents, c.act_noun_prepositions
            )
        ):
            continue  # "al-qada' 'ala al-irhab": eliminating terrorism, no judiciary
        if entry.kind == "title":
            read = _as_title(doc.tokens, match.end, entry, before, c)
            if read is None:
                continue
            entry = read
        by_span.setdefault((match.start, match.end), []).append(entry)
    mentions = []
    for (start, end), entries in by_span.items():
        best = min(entries, key=lambda e: _PRIORITY[e.kind])
        first = doc.tokens[start]
        proclitics: tuple[str, ...] = ()
        if first.text != best.first_key:
            fitting = [a for a in first.analyses if a.key == best.first_key]
            if fitting:
                proclitics = min(fitting, key=lambda a: len(a.proclitics)).proclitics
        mentions.append(
            Mention(
                kind=best.kind,
                token_start=start,
                token_end=end,
                span=Span(first.span.start, doc.tokens[end - 1].span.end),
                sentence=sentence,
                kb_id=best.kb_id,
                code=best.code,
                sector=best.sector,
                source="kb",
                proclitics=proclitics,
            )
        )
    return mentions


def _uncounted(tokens: Sequence[Token], start: int, entry: Entry, c: Cues) -> bool:
    """Whether an agent named only after a count (``count_only_agents``) has none before it,
    nor "anna" or "inna", whose subject takes the accusative ("bi-anna musallahan atlaqa
    al-nar", that a gunman opened fire). A quote mark may stand between the count and the
    word it sets apart ("qutila 241 «irhabiyyan»")."""
    if len(entry.keys) != 1 or entry.keys[0] not in c.count_only_agents:
        return False
    return not count_before(tokens, start - 1 if after_quote(tokens, start) else start) and not (
        start > 0 and is_word(tokens[start - 1], c.complementizers)
    )


def _given_name(tokens: Sequence[Token], end: int, c: Cues) -> bool:
    """Whether "son of" or "daughter of" follows: the word before it is a given name."""
    return end < len(tokens) and tokens[end].text in c.filial_particles


_NAMES: frozenset[MentionKind] = frozenset({"person", "org", "country", "title"})


def _a_nisba(doc: Document, match: Match[Entry], found: list[Match[Entry]], c: Cues) -> bool:
    """Whether a country name is the nisba written like it: "al-suriyya" (the Syrian, fem.) is
    no "Suriya" (Syria), which has no article; "al-jami'a al-sa'udiyya" (the Saudi university)
    names no state."""
    if not match.value.definite:
        return _only_with_article(doc, match, c)
    return _describes_a_noun(doc, match, found)


def _describes_a_noun(doc: Document, match: Match[Entry], found: list[Match[Entry]]) -> bool:
    """Whether a one-word country name that is also its feminine nisba ("al-Sa'udiyya") stands
    right after a feminine noun with the article, not as the last word of a longer name
    ("al-Mamlaka al-'Arabiyya al-Sa'udiyya"): the adjective of that noun ("al-jami'a
    al-sa'udiyya", "al-khutut al-jawwiyya al-sa'udiyya"), not the state. A body of the
    knowledge base before it ("al-hukuma") takes the nisba as it took the name."""
    at = match.start
    if match.end - at != 1 or at == 0:
        return False
    if not any(m.value.kind == "nisba" and (m.start, m.end) == (at, match.end) for m in found):
        return False
    before = doc.tokens[at - 1]
    if before.is_punct or before.sentence != doc.tokens[at].sentence:
        return False
    inside = any(m.start < at < m.end and m.value.kind in _NAMES for m in found)
    return not inside and has_article(before) and before.text.endswith(folded_ta_marbuta())


def _only_with_article(doc: Document, match: Match[Entry], c: Cues) -> bool:
    """Whether a one-word country name listed without the article is reached here only by
    taking the article off ("al-suriyya" as "Suriya"): a nisba written like it, not the name.
    Names of several words keep their article in the list's keys' place ("al-Wilayat
    al-Muttahida")."""
    token, key = doc.tokens[match.start], match.value.first_key
    if (
        len(match.value.keys) > 1
        or token.text == key
        or any(a.stem == key and c.article not in a.proclitics for a in token.analyses)
    ):
        return False
    # "Almaniya" (Germany) opens with a hamza and a lam that normalising makes the article's
    raw = doc.raw(token.span)
    return any(
        raw[len("".join(a.proclitics[:-1])) :].startswith(c.article)
        for a in token.analyses
        if a.stem == key
    )


def _joined(token: Token, c: Cues) -> bool:
    """Whether the token opens with "wa" (and): joined to the word before it."""
    return any(not c.coordinators.isdisjoint(a.proclitics[:1]) for a in token.analyses)


def _body_head(tokens: Sequence[Token], end: int, entry: Entry, c: Cues) -> str | None:
    """The sector of the president of a body no state is (``body_sectors``) named
    right after the title, "" for no actor; None when the title is not one."""
    if end >= len(tokens) or len(entry.keys) != 1 or entry.keys[0] not in c.body_titles:
        return None
    for analysis in tokens[end].analyses:
        if analysis.stem in c.body_sectors and not analysis.enclitic:
            return c.body_sectors[analysis.stem]
    return None


def _main_after(before: Token, title: Token, entry: Entry, c: Cues) -> bool:
    """Whether the title «ra'is» alone stands after a noun it describes as "main" ("'amil
    ra'is", a main factor; "al-muttaham al-ra'is", the main suspect): as an adjective it takes
    the article when the noun does; "maqarr al-ra'is" (the president's headquarters) is a
    construct."""
    return (
        len(entry.keys) == 1
        and entry.keys[0] in c.body_titles
        and any(a.stem in c.main_heads and not a.enclitic for a in before.analyses[:2])
        and has_article(before) == has_article(title)
    )


def _as_title(
    tokens: Sequence[Token], end: int, entry: Entry, before: Token | None, c: Cues
) -> Entry | None:
    """What a title found at ``tokens[..end]`` names, given the word before it: nothing, the
    title, the state its holder heads, or the body it heads."""
    if before is not None and _main_after(before, tokens[end - 1], entry, c):
        return None  # "'amil ra'is" (a main factor): the adjective, no president
    if before is not None and _dependent(before, c):
        # "na'ib khadim al-haramayn" (the King's deputy): the state's, not its holder
        entry = Entry("title", None, entry.code, entry.sector, entry.keys)
    body = _body_head(tokens, end, entry, c)
    if body == "":
        return None  # "ra'is al-nadi" (the club's president): no actor
    if body is not None:  # "ra'is tahrir al-sahifa" (the editor-in-chief): the media
        return Entry("agent", None, None, body, entry.keys)
    return entry


def _dependent(before: Token, c: Cues) -> bool:
    """Whether the word before a title is a noun in construct with it that names someone of the
    holder's ("na'ib", deputy; "mustashar", adviser; "safir", ambassador)."""
    return is_word(before, c.dependent_heads, conjunction_only=True)


def _before_word(
    tokens: Sequence[Token], end: int, key: str, heads: frozenset[str], following: frozenset[str]
) -> bool:
    """Whether an agent whose (last) key is one of ``heads`` stands right before a word of
    ``following``: then it is a word of another kind ("mas'ul 'an", responsible for; "al-qada'
    'ala", eliminating)."""
    return key in heads and end < len(tokens) and tokens[end].text in following


ANIMAL_REACH = 2  # words on either side of a one-word name that make it an animal's


def _among_animals(tokens: Sequence[Token], at: int, c: Cues) -> bool:
    """Whether a word of animals stands within ``ANIMAL_REACH`` of the one-word name at ``at``
    ("al-asad", Assad, is also the lion; "al-nimr", Nimr, the tiger)."""
    near = range(max(0, at - ANIMAL_REACH), min(len(tokens), at + ANIMAL_REACH + 1))
    return any(i != at and is_word(tokens[i], c.animal_words) for i in near)


def _names_a_title(before: Token, c: Cues) -> bool:
    """Whether the word before a title makes it part of a name: a particle of names ("'Abd
    al-Malik"), a place named after a person ("shari' al-malik Fahd"), or a person it names
    ("al-tifla Malak al-Khatib", the child Malak al-Khatib)."""
    if before.text in c.name_particles or is_word(before, c.person_nouns, conjunction_only=True):
        return True
    return any(a.stem in c.place_nouns for a in before.analyses) or before.text in c.place_nouns


def _a_preposition(tokens: Sequence[Token], match: Match[Entry], c: Cues) -> bool:
    """Whether a one-word name is written as a word that governs a noun ("li-salih", in favour
    of) and a noun with the article follows: "li-salih al-thuwwar" names no Saleh."""
    end = match.end
    return (
        end - match.start == 1
        and tokens[match.start].text in c.noun_governors
        and end < len(tokens)
        and has_article(tokens[end])
    )


def _no_state(tokens: Sequence[Token], before: Token | None, end: int, c: Cues) -> bool:
    """Whether a country's name names no state: after a prayer ("li-salat al-Maghrib", the
    sunset prayer), or before an adjective of a region ("Amirka al-shamaliyya", North America;
    a state so named, "Kuriya al-shamaliyya", is a longer name of its own)."""
    if before is not None and is_word(before, c.prayer_heads):
        return True
    return end < len(tokens) and tokens[end].text in c.region_adjectives


def _names_a_place(before: Token, c: Cues) -> bool:
    """A place noun in construct with an agent names a place ("masjid quwwat al-tawari'"),
    unless it is a place an actor owns ("maqarr al-jaysh", the army's headquarters)."""
    stems = {a.stem for a in before.analyses[:2]}
    return bool(stems & c.place_nouns) and not stems & c.target_nouns


# Tagger types that name actors; places (LOC) wait for the places stage.
_TAGGED_KINDS: dict[str, MentionKind] = {"PERS": "person", "ORG": "org"}


def _article_tags(doc: Document) -> list[list[str]]:
    """The tagger's BIO tags for every sentence, the article read as one document: a name
    found in one sentence is tagged where it recurs (``Tagger.tag_document``)."""
    from marsad.ner import Tagger

    sentences = [[t.text for t in doc.tokens[s.token_start : s.token_end]] for s in doc.sentences]
    return Tagger.load().tag_document(sentences)


def _tagged_mentions(
    doc: Document, sentence: int, known: list[Mention], tags: list[str]
) -> list[Mention]:
    """Persons and organisations the statistical tagger finds where the knowledge base found
    nothing: kept with their text and no identifier."""
    from marsad.ner import spans

    s = doc.sentences[sentence]
    taken = {i for m in known for i in range(m.token_start, m.token_end)}
    found = []
    for start, end, kind in spans(tags):
        a, b = s.token_start + start, s.token_start + end
        if kind not in _TAGGED_KINDS or taken & set(range(a, b)):
            continue
        first, last = doc.tokens[a], doc.tokens[b - 1]
        found.append(
            Mention(
                kind=_TAGGED_KINDS[kind],
                token_start=a,
                token_end=b,
                span=Span(first.span.start, last.span.end),
                sentence=sentence,
                source="ner",
            )
        )
    return found


MIN_SURNAME = 3  # letters: shorter words are too often something else


def _surname_mentions(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Article-level coreference: after "Samih Shukri", a bare "Shukri" is the same person,
    in this article only (the knowledge base lists a surname alone only where it is safe)."""
    local: PhraseMatcher[Entry] = PhraseMatcher(throwaway=True)
    particles = cues().name_particles
    seen: set[tuple[str, str | None]] = set()
    compound = cues().compound_surname_ends
    for m in mentions:
        if m.kind == "person" and m.token_end - m.token_start >= 2:
            words = [doc.tokens[m.token_end - 1].text]
            if words[0] in compound:
                # "Hasan Nasr Allah": the surname is "Nasr Allah", never "Allah" (God) alone
                if m.token_end - m.token_start < 3:
                    continue
                words.insert(0, doc.tokens[m.token_end - 2].text)
            surname = " ".join(words)
            before = doc.tokens[m.token_end - len(words) - 1].text
            # "Ahmad 'Awad bin Mubarak": after "bin" (son of) comes a father's name, not a surname
            new = (surname, m.kb_id) not in seen
            if len(surname) >= MIN_SURNAME and before not in particles and new:
                seen.add((surname, m.kb_id))
                # written with the article ("al-Ghanim"), the surname is found only with it
                definite = has_article(doc.tokens[m.token_end - len(words)])
                entry = Entry("person", m.kb_id, None, None, tuple(words), definite=definite)
                local.add(tuple(words), entry)
    if not len(local):
        return []
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found: list[Mention] = []
    for sentence in doc.sentences:
        matches = local.find_all(doc.tokens, sentence.token_start, sentence.token_end)
        kept = [m for m in matches if m.start not in taken]
        # surnames are people: the agent nouns' ta marbuta check never applies
        for mention in _mentions(doc, sentence.index, kept, writes_ta_marbuta=False):
            found.append(replace(mention, source="coref"))
    return found
