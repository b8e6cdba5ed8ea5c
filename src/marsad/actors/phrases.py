"""Group a sentence's mentions into actor phrases.

A phrase is a title or agent noun with the country that qualifies it and the name in
apposition ("al-ra'is al-rusi, Vladimir Putin"), or a lone name, country, capital or
organisation.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.coding.clauses import (
    article_only,
    folded_ta_marbuta,
    has_article,
    has_stem,
    is_word,
    led_by_wa,
)
from marsad.coding.resources import cues
from marsad.types import Mention, Token

HEADS = frozenset({"title", "agent"})
COUNTERPART = "@counterpart"  # kb_id of the title mention "nazir" (counterpart)
# as in "wali 'ahd Abu Dhabi" (crown prince of Abu Dhabi)
QUALIFIERS = frozenset({"nisba", "country", "org", "metonym"})


def _only_comma_between(tokens: Sequence[Token], a: Mention, b: Mention) -> bool:
    """Nothing between two mentions but a comma, "al-sabiq" (former), as in "al-ra'is al-misri
    al-sabiq Husni Mubarak" (the former Egyptian president Hosni Mubarak), or a courtesy word
    ("al-amin al-'amm li-l-jami'a al-'arabiyya al-sayyid 'Amr Musa") after a title's country
    or body: after a bare title it may start another party ("iltaqa al-ra'is al-sayyid ...")."""
    c = cues()
    skipped = c.former_modifiers | (c.courtesy_words if a.kind in QUALIFIERS else frozenset())
    if a.kind == "agent" and b.kind == "person":
        skipped |= c.regime_words  # "quwwat nizam al-Asad", the forces of Assad's regime
    gap = [t for t in tokens[a.token_end : b.token_start] if t.text not in skipped]
    if not gap:
        return True
    return (
        len(gap) == 1
        and gap[0].is_punct
        and gap[0].text not in (c.quote_marks | c.clause_punctuation)
    )


def is_former(tokens: Sequence[Token], phrase: Sequence[Mention]) -> bool:
    """Whether "al-sabiq" (former) qualifies the phrase: inside it, or right after it."""
    c = cues()
    start, end = phrase[0].token_start, phrase_end(tokens, phrase)
    return any(t.text in c.former_modifiers for t in tokens[start:end])


def phrase_end(tokens: Sequence[Token], phrase: Sequence[Mention]) -> int:
    """Where the phrase's words end, taking in an "al-sabiq" (former) right after them."""
    end = phrase[-1].token_end
    if end < len(tokens) and tokens[end].text in cues().former_modifiers:
        end += 1
    return end


def _near(tokens: Sequence[Token], end: int, start: int) -> bool:
    """Adjacent, or one definite word between ("wizarat al-kharijiyya al-turkiyya", the
    Turkish foreign ministry), or two adjectives of a definite head; a verb in between
    ("al-junud sayughadirun al-'Iraq", the soldiers will leave Iraq) carries no article and
    breaks the phrase, and so does a preposition on the word ("naddada al-talab bi-l-'udwan
    al-isra'ili", the students condemned the Israeli aggression) other than "li-", which ties
    the head to a state's body ("al-mu'arada li-l-nizam al-suri", the opposition to the Syrian
    regime, is Syrian)."""
    if start == end:
        return True
    if start == end + 2 and has_article(tokens[end - 1]):
        # "al-quwwat al-amniyya al-mushtaraka al-'iraqiyya" (the joint Iraqi security forces):
        # two adjectives of a definite head
        return all(article_only(tokens[i]) and _adjective(tokens[i]) for i in (end, end + 1))
    if start != end + 1 or tokens[end].is_punct:
        return False
    c = cues()
    allowed = c.recipient_proclitics | {c.article}
    word = tokens[end]
    if any(c.article in a.proclitics and allowed.issuperset(a.proclitics) for a in word.analyses):
        # a definite head governs no genitive: the word is its adjective, or the object the
        # nationality qualifies ("adanat al-hukuma al-hajamat al-isra'iliyya"); "li-" on either
        # word ties the head to a body ("al-quwwat al-mushtaraka li-tahaluf ...")
        tied = any(
            c.recipient_proclitics.intersection(a.proclitics)
            for a in (*word.analyses, *tokens[start].analyses)
        )
        return tied or not has_article(tokens[end - 1]) or _adjective(word)
    return _indefinite_adjective(tokens, end)


# words between a title in construct and the nisba that ends its genitive chain: fewer are
# the one word _near allows
TITLE_CHAIN = range(2, 4)


def _ends_title_chain(tokens: Sequence[Token], end: int, nisba: Mention, *, title: bool) -> bool:
    """Whether a nisba ends the genitive chain of a title in construct: "wazir al-shu'un
    al-barlamaniyya al-filastiniyya" (the Palestinian minister of parliamentary affairs),
    "ra'is hay'at al-taqa al-dharriyya al-iraniyya" (the head of Iran's atomic energy body):
    two or three words between, each with the article and nothing else on it, or, after a
    title, a genitive in construct before them ("hay'at"), after a head without the article.
    An agent's bare genitive is often a name that closes the phrase ("yantaqid sukkan Ukinawa
    al-wujud al-'askari al-amiriki": the presence is American, not the residents)."""
    gap = range(end, nisba.token_start)
    if nisba.kind != "nisba" or len(gap) not in TITLE_CHAIN or has_article(tokens[end - 1]):
        return False
    c = cues()
    prepositions = c.recipient_proclitics | c.other_proclitics
    for i in gap:
        token = tokens[i]
        if token.is_punct or is_word(token, c.prepositions):
            return False
        definite = article_only(token)
        # a word that may carry a preposition ("li-wakalat", to the agency) hangs a new phrase
        bare = not any(prepositions.intersection(a.proclitics) for a in token.analyses)
        construct = title and bare and i + 1 < nisba.token_start and not led_by_wa(token)
        if not definite and not construct:
            return False
    return True


SHORTEST_ADJECTIVE = 3  # letters: "fi" (in) between a head and a nisba is no adjective


def _after_preposition(tokens: Sequence[Token], qualifier: Mention) -> bool:
    """Whether a preposition other than "li-" is on the qualifier: "nadada al-ra'is
    bi-Isra'il" (the president condemned Israel) is no Israeli president; but a state's formal
    name is the title's state ("wazir al-kharijiyya bi-l-mamlaka al-maghribiyya")."""
    c = cues()
    if not c.other_proclitics.intersection(qualifier.proclitics):
        return False
    return not is_word(tokens[qualifier.token_start], c.state_heads)


def _indefinite_adjective(tokens: Sequence[Token], at: int) -> bool:
    """Whether the word at ``at``, between an indefinite head and a nisba, is an adjective like
    the nisba: no article on the head, the word or the nisba, and the word ends as the nisba
    does ("maqatilat harbiyya isra'iliyya", Israeli warplanes)."""
    head, word, nisba = tokens[at - 1], tokens[at], tokens[at + 1]
    if any(has_article(t) for t in (head, word, nisba)) or nisba.is_punct:
        return False
    return word.text[-1:] == nisba.text[-1:] and len(word.text) >= SHORTEST_ADJECTIVE


def _agrees(tokens: Sequence[Token], end: int, qualifier: Mention) -> bool:
    """Whether a nisba one word after a head agrees with it, as its adjective must: in the
    plural after a sound masculine plural (in "ahraqa al-muhtajjun al-'alam al-amiriki", the
    protesters burned the American flag, the flag is American, not the protesters), and in the
    feminine after a head in ta marbuta (in "rafadat al-hukuma al-muqtarah al-amiriki" the
    proposal is American, not the government)."""
    # an adjective is definite when its head is: "al-amir Turki" is a prince named Turki
    is_nisba = qualifier.kind == "nisba"
    if is_nisba and has_article(tokens[end - 1]) and not has_article(tokens[qualifier.token_start]):
        return False
    if not is_nisba or qualifier.token_start == end:
        return True
    c = cues()
    head, nisba = tokens[end - 1].text, tokens[qualifier.token_end - 1].text
    # "al-mu'arada li-l-nizam al-suri": after "li-" the nisba is the body's, whose state the
    # head belongs to (see _near)
    tied = any(c.recipient_proclitics & set(a.proclitics) for a in tokens[end].analyses)
    feminine = head.endswith(folded_ta_marbuta())
    if feminine and not tied and not nisba.endswith(c.feminine_nisba_ending):
        return False
    endings = c.sound_plural_endings
    return not head.endswith(endings) or nisba.endswith(endings)


def _members_of(tokens: Sequence[Token], first: Mention, nxt: Mention) -> bool:
    """Whether ``first`` names the members of the armed body ``nxt`` names right after it, in
    construct: "quwwat al-shurta" (forces of the police), "dubbat al-jaysh" (army officers);
    or after "fi" (in), as a member's rank does: "dabit fi al-jaysh al-'iraqi" (an officer in
    the Iraqi army). The forces of an unarmed body are listed as one agent ("quwwat
    al-mu'arada", REB)."""
    c = cues()
    member_of = (
        nxt.token_start == first.token_end + 1
        and tokens[first.token_end].text in c.member_prepositions
    )
    # in construct the body takes no preposition but "bi-" (in: "jundi bi-l-jaysh"):
    # "dabbabat li-l-musallahin" (tanks belonging to the gunmen) are a thing seized, not men
    construct = nxt.token_start == first.token_end and set(nxt.proclitics) <= {
        c.article,
        *c.member_prepositions,
    }
    if nxt.kind != "agent" or not (construct or member_of):
        return False
    if nxt.sector not in c.killing_sectors:
        return False
    if first.kind != "agent" or first.token_end - first.token_start != 1:
        return False
    return tokens[first.token_start].text in c.member_heads and any(
        c.article in a.proclitics for a in tokens[nxt.token_start].analyses
    )


def _state_of(first: Mention, nxt: Mention) -> bool:
    """Whether ``nxt``, in construct right after the title ``first``, is a head of state's title
    read as the state (a title of one country's office after a noun of ``dependent_heads``:
    "safir khadim al-haramayn al-sharifayn", the Custodian's ambassador): the title's country."""
    return (
        first.kind == "title"
        and nxt.kind == "title"
        and nxt.kb_id is None
        and nxt.code is not None
        and nxt.token_start == first.token_end
    )


def _armed_from(tokens: Sequence[Token], first: Mention, end: int, nxt: Mention) -> bool:
    """Whether people are counted out of the organisation named right after "min" (of):
    "musallahin min Da'ish" (gunmen of ISIS), "nashitin min Hizb al-'Ummal" (PKK activists);
    officials out of the state named so ("mas'ulin min Suriya", officials from Syria); or armed
    men belong to an organisation: "musallahun yantamun li-Hizb al-'Ummal" (gunmen belonging to
    the PKK): its men."""
    c = cues()
    if first.kind != "agent" or nxt.kind not in ("org", "country"):
        return False
    if nxt.token_start == end + 1 and tokens[end].text in c.partitive_of:
        if nxt.kind == "org":
            return True
        # forces or people "from" a country are as often taken out of it ("sahb quwwat min
        # al-'Iraq"); officials with no article come from the state that sends them
        return first.sector == OFFICIALS and not has_article(tokens[first.token_start])
    if first.sector not in c.killing_sectors or nxt.kind != "org":
        return False
    if not is_word(tokens[end], c.belonging_verbs, conjunction_only=True):
        return False
    tied = nxt.token_start == end + 1 and bool(c.recipient_proclitics & set(nxt.proclitics))
    after = nxt.token_start == end + 2 and is_word(tokens[end + 1], c.recipient_prepositions)
    return tied or after


OFFICIALS = "GOV"  # the sector of officials sent by a state

OWNED_ADJECTIVES = 2  # adjectives between a body and "al-tabi'a" ("al-ta'irat al-muqatila")


def _owned_by(tokens: Sequence[Token], first: Mention, end: int, nxt: Mention) -> bool:
    """Whether the body an agent noun names belongs to the state or organisation named after
    "tabi'a li-" (belonging to), its adjectives between: "al-ta'irat al-muqatila al-tabi'a
    li-l-tahaluf al-'arabi" (the warplanes belonging to the Arab coalition) are the
    coalition's."""
    c = cues()
    if first.kind != "agent" or nxt.kind not in {"org", "country"}:
        return False
    if not c.recipient_proclitics.intersection(nxt.proclitics):
        return False
    gap = range(end, nxt.token_start)
    if not 1 <= len(gap) <= OWNED_ADJECTIVES + 1 or not has_stem(
        tokens[gap[-1]], c.belonging_words
    ):
        return False
    # adjectives of a definite body carry the article and nothing else ("al-muqatila")
    return all(_adjective(tokens[i]) or article_only(tokens[i]) for i in gap[:-1])


def phrase_head(phrase: Sequence[Mention]) -> Mention | None:
    """The title or agent noun that heads a phrase: of members and their body, or of a body's
    head and the body, the body."""
    heads = [m for m in phrase if m.kind in HEADS]
    if len(heads) > 1 and heads[0].kind == heads[1].kind == "agent":
        return heads[1]
    if len(heads) > 1 and heads[1].kind == "agent" and heads[0].kb_id in cues().body_head_offices:
        return heads[1]  # grouped by _heads_body: the title stands right before the body
    return heads[0] if heads else None


OFFICIAL_BODY_SECTORS = frozenset({"GOV"})  # bodies whose head keeps the title: the state's


def headed_body(phrase: Sequence[Mention]) -> Mention | None:
    """The party, movement or group a title without the article heads in construct, right
    after it: "ra'is hizb al-Quwwat al-Lubnaniyya" (the head of the Lebanese Forces party)
    speaks for the party. A state body (GOV) keeps the title, whose holder the knowledge base
    may know ("ra'is al-mufawwadiyya al-urubbiyya")."""
    if len(phrase) < 2:
        return None
    head, body = phrase[0], phrase[1]
    bare = head.kind == "title" and cues().article not in head.proclitics
    construct = body.token_start == head.token_end and set(body.proclitics) <= {cues().article}
    if bare and head.kb_id in cues().body_head_offices and construct and body.kind == "org":
        return body if body.sector not in OFFICIAL_BODY_SECTORS else None
    return None


def _heads_body(tokens: Sequence[Token], first: Mention, nxt: Mention) -> bool:
    """Whether the title ``first``, one word without the article, heads the body the agent noun
    ``nxt`` names right after it in construct: "ra'is hizb" (the head of a party), "ra'is
    al-baladiyya" (the mayor), past the words of a board ("ra'is majlis idarat al-ghurfa
    al-tijariyya", the chairman of the chamber of commerce) — not "al-ra'is" (the president)."""
    c = cues()
    between = range(first.token_end, nxt.token_start)
    return (
        first.kind == "title"
        and first.kb_id in c.body_head_offices
        and first.token_end - first.token_start == 1
        and not has_article(tokens[first.token_start])
        and nxt.kind == "agent"
        and nxt.token_start >= first.token_end
        and len(between) <= BOARD_WORDS
        and all(tokens[i].text in c.board_nouns for i in between)
        and set(nxt.proclitics) <= {c.article}
    )


BOARD_WORDS = 2  # "majlis idara" between a head's title and the body it heads


def _plural_before_a_name(tokens: Sequence[Token], end: int, name: Mention) -> bool:
    """Whether a head ending in a sound plural with its "n" stands right before a country or
    an organisation: a noun in construct drops the "n" ("musallahu Hamas"), so in "hajama
    musallahun quwwat muta'addidat al-jinsiyyat" the forces are the verb's object, not the
    gunmen's body. A nisba agrees with it ("musallahun yamaniyyun"), and so does a name in a
    nisba's plural ("al-musallahin al-huthiyyin")."""
    if name.kind == "nisba" or name.token_start != end:
        return False
    endings = cues().sound_plural_endings
    return tokens[end - 1].text.endswith(endings) and not tokens[end].text.endswith(endings)


def _definite_before_a_name(tokens: Sequence[Token], end: int, name: Mention) -> bool:
    """Whether a head ending in a word with the article stands right before a country or an
    organisation with no preposition: a definite noun takes no genitive, so in "ittahamat
    al-hukuma Isra'il" (the government accused Israel) and "da'a al-majlis al-ittihad
    al-urubbi" (the council called on the EU) the name is the verb's object. A nisba agrees
    with it ("al-hukuma al-suriyya"), and so may a name with the article, which can be one
    ("wasa'il al-i'lam al-sa'udiyya", the Saudi media); "li-" governs ("al-amin al-'amm
    li-l-umam al-muttahida")."""
    if name.kind == "nisba" or name.proclitics or name.token_start != end:
        return False
    return has_article(tokens[end - 1])


def _adjective_between(tokens: Sequence[Token], end: int, nisba: Mention) -> bool:
    """Whether a nationality after a named body ending at ``end`` qualifies it: right after it,
    or after one adjective of the name with the article alone on it ("wakalat al-istikhbarat
    al-markaziyya al-amirikiyya", the CIA). A noun between is what the nationality qualifies
    ("rafadat harakat Hamas al-mubadara al-misriyya": the initiative is Egyptian)."""
    if nisba.token_start == end:
        return True
    word = tokens[end]
    return nisba.token_start == end + 1 and article_only(word) and _adjective(word)


def _adjective(word: Token) -> bool:
    """Whether a definite word may be an adjective of the head before it: a nisba by its ending
    ("al-jawwiyya", the air [forces]), or one of the adjectives of bodies ("al-musallaha")."""
    c = cues()
    return word.text.endswith(c.adjective_endings) or word.text in c.body_adjectives


def _joined_name(name: Mention) -> bool:
    """Whether a name other than a nisba has "wa" (and) on it: "quwwat al-jaysh wa-harakat
    Taliban" (the army's forces and the Taliban) are two parties; "al-quwwat al-'iraqiyya
    wa-l-amirkiyya" (the Iraqi and American forces) still qualifies its head."""
    return name.kind != "nisba" and not cues().coordinators.isdisjoint(name.proclitics)


PRESIDENTS = frozenset({"president", "acting_president"})  # office keys of a republic's head


def _another_head(first: Mention, title: Mention) -> bool:
    """Whether ``title`` names a president after another office's title, so another man:
    "hanna'a Khadim al-Haramayn al-ra'is Sergio Mattarella" (the King congratulated President
    Mattarella); a courtesy title ("naziruhu al-sa'udi al-amir Faysal") is the same man's."""
    if first.kind != "title" or first.kb_id in PRESIDENTS | {COUNTERPART}:
        return False  # "hukumat al-ra'is Ashraf Ghani": the president's government
    return title.kb_id in PRESIDENTS


def group_phrases(tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Split one sentence's mentions into actor phrases (see the module docstring)."""
    phrases: list[list[Mention]] = []
    i = 0
    while i < len(mentions):
        phrase = [mentions[i]]
        i += 1
        first = phrase[0]
        if first.kind in HEADS:
            nxt = mentions[i] if i < len(mentions) else None
            if nxt and _heads_body(tokens, first, nxt):
                # "ra'is hizb al-Wafd" (the head of the Wafd party): the body he heads
                phrase.append(nxt)
                i += 1
                nxt = mentions[i] if i < len(mentions) else None
            if nxt and _state_of(first, nxt):
                # "safir khadim al-haramayn al-sharifayn" (the King's ambassador): the state's
                phrase.append(nxt)
                i += 1
                nxt = mentions[i] if i < len(mentions) else None
            if nxt and _members_of(tokens, first, nxt):
                phrase.append(nxt)
                i += 1
                nxt = mentions[i] if i < len(mentions) else None
            # "wizarat al-kharijiyya al-turkiyya" (Turkish foreign ministry): the country may
            # follow one more word of the title
            end = phrase[-1].token_end
            if nxt and (
                _armed_from(tokens, first, end, nxt)
                or _owned_by(tokens, first, end, nxt)
                or (
                    nxt.kind in QUALIFIERS
                    and (
                        _near(tokens, end, nxt.token_start)
                        or _ends_title_chain(tokens, end, nxt, title=first.kind == "title")
                    )
                    and not _after_preposition(tokens, nxt)
                    and _agrees(tokens, end, nxt)
                    and not _definite_before_a_name(tokens, end, nxt)
                    and not _plural_before_a_name(tokens, end, nxt)
                    and not _joined_name(nxt)
                )
            ):
                phrase.append(nxt)
                i += 1
            nxt = mentions[i] if i < len(mentions) else None
            # "naziruhu al-sa'udi al-amir Faysal bin Farhan" (his Saudi counterpart Prince
            # Faisal bin Farhan): a courtesy title may stand before the name
            after = mentions[i + 1] if i + 1 < len(mentions) else None
            if (
                nxt
                and nxt.kind == "title"
                and after
                and after.kind == "person"
                and after.token_start == nxt.token_end
                and _only_comma_between(tokens, phrase[-1], nxt)
                and not _another_head(first, nxt)
            ):
                phrase.append(nxt)
                i += 1
                nxt = after
            if nxt and nxt.kind == "person" and _only_comma_between(tokens, phrase[-1], nxt):
                phrase.append(nxt)
                i += 1
        elif first.kind == "org":
            nxt = mentions[i] if i < len(mentions) else None
            # "majlis al-amn al-rusi" (Russian Security Council), "majlis al-amn al-qawmi
            # al-amriki" (US National Security Council): that country's own body
            if nxt and nxt.kind == "nisba" and _adjective_between(tokens, first.token_end, nxt):
                phrase.append(nxt)
                i += 1
        elif first.kind == "person":
            nxt = mentions[i] if i < len(mentions) else None
            # "Butin, al-ra'is al-rusi" (Putin, the Russian president): a title in apposition,
            # after a comma; "Urdughan naziruhu" (Erdogan [and] his counterpart) is two people
            if (
                nxt
                and nxt.kind == "title"
                and nxt.kb_id != COUNTERPART
                and nxt.token_start == first.token_end + 1
                and _only_comma_between(tokens, first, nxt)
            ):
                phrase.append(nxt)
                i += 1
                after = mentions[i] if i < len(mentions) else None
                if after and after.kind in QUALIFIERS and after.token_start == nxt.token_end:
                    phrase.append(after)
                    i += 1
        phrases.append(phrase)
    return phrases
