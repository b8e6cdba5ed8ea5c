"""Group mentions into actor phrases and resolve each to a PLOVER country and sector.

A phrase is a title or agent noun with the country that qualifies it and the name in
apposition («الرئيس الروسي، فلاديمير بوتين»), or a lone name, country, capital or
organisation. Resolution is a cascade that records its method: a known person takes the
role they held on the article's date; a title with a country takes that office's holder.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from marsad.coding.resources import cues
from marsad.stages.mentions import COUNTERPART
from marsad.types import ActorRef, Document, Mention, Span, Token

if TYPE_CHECKING:
    from marsad.kb import KnowledgeBase

_HEADS = frozenset({"title", "agent"})
_QUALIFIERS = frozenset({"nisba", "country", "org"})


def reference_date(article_date: str | None) -> date:
    """The day roles are looked up on: the article's date, or the middle of its month/year."""
    if not article_date:
        return date.today()
    parts = [int(p) for p in article_date.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        return date(parts[0], parts[1], 15)
    return date(parts[0], 7, 1)


def _only_comma_between(tokens: Sequence[Token], a: Mention, b: Mention) -> bool:
    gap = tokens[a.token_end : b.token_start]
    if not gap:
        return True
    c = cues()
    return (
        len(gap) == 1
        and gap[0].is_punct
        and gap[0].text not in (c.quote_marks | c.clause_punctuation)
    )


def _near(tokens: Sequence[Token], end: int, start: int) -> bool:
    return end <= start <= end + 1 and not any(t.is_punct for t in tokens[end:start])


def group_phrases(tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Split one sentence's mentions into actor phrases (see the module docstring)."""
    phrases: list[list[Mention]] = []
    i = 0
    while i < len(mentions):
        phrase = [mentions[i]]
        i += 1
        first = phrase[0]
        if first.kind in _HEADS:
            nxt = mentions[i] if i < len(mentions) else None
            # «وزارة الخارجية التركية»: the country may follow one more word of the title
            if nxt and nxt.kind in _QUALIFIERS and _near(tokens, first.token_end, nxt.token_start):
                phrase.append(nxt)
                i += 1
            nxt = mentions[i] if i < len(mentions) else None
            # «نظيره السعودي الأمير فيصل بن فرحان»: a courtesy title may stand before the name
            after = mentions[i + 1] if i + 1 < len(mentions) else None
            if (
                nxt
                and nxt.kind == "title"
                and after
                and after.kind == "person"
                and after.token_start == nxt.token_end
                and _only_comma_between(tokens, phrase[-1], nxt)
            ):
                phrase.append(nxt)
                i += 1
                nxt = after
            if nxt and nxt.kind == "person" and _only_comma_between(tokens, phrase[-1], nxt):
                phrase.append(nxt)
                i += 1
        elif first.kind == "person":
            nxt = mentions[i] if i < len(mentions) else None
            if nxt and nxt.kind == "title" and _only_comma_between(tokens, first, nxt):
                phrase.append(nxt)
                i += 1
                after = mentions[i] if i < len(mentions) else None
                if after and after.kind in _QUALIFIERS and after.token_start == nxt.token_end:
                    phrase.append(after)
                    i += 1
        phrases.append(phrase)
    return phrases


class ActorStage:
    name = "actors"
    requires = frozenset({"mentions"})
    produces = frozenset({"actors"})

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self._kb = kb

    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            from marsad.kb import default_kb

            self._kb = default_kb()
        return self._kb

    def __call__(self, doc: Document) -> Document:
        when = reference_date(doc.article.date)
        actors: list[ActorRef] = []
        by_sentence: dict[int, list[Mention]] = {}
        for mention in doc.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        for mentions in by_sentence.values():
            last_office: str | None = None
            for phrase in group_phrases(doc.tokens, mentions):
                actor = self.resolve(doc, phrase, when, last_office)
                if actor is not None:
                    actors.append(actor)
                    last_office = actor.office or last_office
        return doc.with_layer("actors", actors=tuple(actors))

    def resolve(
        self, doc: Document, phrase: Sequence[Mention], when: date, last_office: str | None
    ) -> ActorRef | None:
        kb = self.kb()
        person = next((m for m in phrase if m.kind == "person"), None)
        head = next((m for m in phrase if m.kind in _HEADS), None)
        qualifier = next((m for m in phrase if m.kind in _QUALIFIERS), None)
        first = phrase[0]
        code = qualifier.code if qualifier else None
        sector: str | None = head.sector if head else None
        identifier: str | None = None
        office: str | None = None
        method: str

        if head is not None and head.kind == "title":
            office = last_office if head.kb_id == COUNTERPART else head.kb_id
            known = kb.office(office) if office else None
            sector = sector or (known.sector if known else None)
        if person is not None:
            identifier = person.kb_id
            role = kb.role_at(person.kb_id or "", when)
            if role is not None:
                code, sector, office, method = role.country, role.sector, role.office, "person-role"
            else:
                past = [r for r in kb.roles_of(person.kb_id or "") if r.end and r.end < when]
                if past and code is None:
                    code, sector, method = past[-1].country, "ELI", "person-former-role"
                else:
                    method = "person-no-role"
        elif head is not None and head.kind == "title":
            method = "title"
            if code and office:
                # «الأمين العام للجامعة العربية»: an IGO office belongs to one organisation
                org = qualifier.kb_id if qualifier and qualifier.kind == "org" else None
                try:
                    holder = kb.holder(code, office, when, org=org)
                except ValueError:  # several holders and nothing to choose between them
                    holder = None
                if holder is not None:
                    identifier, method = holder.id, "title-holder"
        elif head is not None:
            if sector is None:
                if code is None:
                    return None  # «الجانبان»: a side with no country tells nothing
                sector, method = "GOV", "side-country"
            else:
                method = "agent-country" if code else "agent"
        elif first.kind in ("country", "metonym"):
            code, sector, identifier, method = first.code, first.sector, None, first.kind
        elif first.kind == "org":
            code, sector, identifier, method = first.code, first.sector, first.kb_id, "organisation"
        else:
            return None  # a nisba alone is not an actor
        if code is None and identifier is None and sector is None:
            return None
        start, end = phrase[0].token_start, phrase[-1].token_end
        span = Span(doc.tokens[start].span.start, doc.tokens[end - 1].span.end)
        return ActorRef(
            code=code,
            sector=sector,
            entity_text=doc.raw(span),
            span=span,
            sentence=first.sentence,
            identifier=identifier,
            office=office,
            method=method,
            token_start=start,
            token_end=end,
        )
