"""A group named again by its head noun: after "tanzim Da'ish" (the ISIS organisation), a bare
"al-tanzim" (the organisation) in the same article is ISIS; after "harakat Hamas", "al-haraka"
is Hamas; after "Hizb Allah", "al-hizb" is Hezbollah.

News names a group once in full and then by the noun it was named with. The last group of the
knowledge base named with that noun before it is the one meant, wherever in the article it was
named. A head followed by another adjective ("al-hizb al-hakim", the ruling party) or a name
("al-haraka al-islamiyya") is another body; an adjective of blame ("al-tanzim al-irhabi") is
not. The heads and the adjectives are data (`group_heads`, `group_epithets` in cues.json).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.coding.clauses import has_article
from marsad.coding.resources import cues
from marsad.types import Document, Mention, Token

COREF = "coref"  # Mention.source of a name found by the article's earlier names


def group_head_mentions(doc: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """The bare group heads of ``doc`` that name a group its mentions named before, each as an
    ``org`` mention of that group (``source="coref"``)."""
    c = cues()
    tokens = doc.tokens
    named = sorted((m for m in mentions if m.kind == "org" and m.kb_id), key=lambda m: m.token_end)
    if not named:
        return []
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    last: dict[str, Mention] = {}  # head stem -> the last group named with it so far
    found: list[Mention] = []
    nxt = 0
    for at in range(named[0].token_end, len(tokens)):  # no group is named again before one is
        token = tokens[at]
        while nxt < len(named) and named[nxt].token_end <= at:
            group = named[nxt]
            head = _head(tokens[group.token_start], c.group_heads, bare=False)
            if head is not None and group.token_end > group.token_start + 1:
                last[head] = group
            nxt += 1
        if at in taken or not last:
            continue
        head = _head(token, c.group_heads, bare=True)
        if head is None or head not in last or not _alone(tokens, at, c.group_epithets):
            continue
        group = last[head]
        clitics = next(a.proclitics for a in token.analyses if a.stem == head)
        found.append(
            Mention(
                kind="org",
                token_start=at,
                token_end=at + 1,
                span=token.span,
                sentence=token.sentence,
                kb_id=group.kb_id,
                code=group.code,
                sector=group.sector,
                source=COREF,
                proclitics=clitics,
            )
        )
    return found


def _head(token: Token, heads: frozenset[str], *, bare: bool) -> str | None:
    """The group head ``token`` is, with no pronoun on it; with ``bare``, written with the
    article (the noun named again), else without it (the first word of a group's name)."""
    for a in token.analyses:
        if a.stem in heads and not a.enclitic and has_article(token) == bare:
            return a.stem
    return None


def _alone(tokens: Sequence[Token], at: int, epithets: frozenset[str]) -> bool:
    """Whether the head at ``at`` stands alone: no word with the article after it in its
    sentence but an adjective of blame."""
    after = at + 1
    if after >= len(tokens) or tokens[after].sentence != tokens[at].sentence:
        return True
    following = tokens[after]
    return following.is_punct or not has_article(following) or following.text in epithets
