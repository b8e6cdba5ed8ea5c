"""The country behind what a statement is about: "adana al-ittihad al-urubbi al-hujum
al-isra'ili" (the EU condemned the Israeli attack) is aimed at Israel, though no actor is named
after the verb."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.coding.clauses import Clause, article_only, is_word, past_day_told
from marsad.coding.resources import cues
from marsad.coding.view import SentenceView
from marsad.types import ActorRef, Mention, Span, Token


def object_nationality(
    view: SentenceView,
    clause: Clause,
    trigger: int,
    actor: Sequence[ActorRef],
    *,
    event: str,
    verb_end: int,
    raw: str,
) -> list[ActorRef]:
    """The nationality of a verb's object, as its recipient: a definite noun right after the
    verb and any subject after it, or after a preposition that marks the event's recipient
    ("rahhaba bi-l-mubadara al-faransiyya", welcomed the French initiative; "waqafa 'ala
    al-muqtarah al-misri", agreed to the Egyptian proposal), with a nisba right after it. Only
    for the event types of ``object_nationality_types``: statements about a thing aim at the
    state it belongs to. ``raw`` is the article text, for the words as written."""
    c = cues()
    if event not in c.object_nationality_types:
        return []
    tokens = view.tokens
    at = max([verb_end, *(a.token_end for a in actor if a.token_start >= trigger)])
    at = past_day_told(tokens, at, clause.end)
    if at + 1 < clause.end and article_only(tokens[at]) and _governed_definite(tokens[at + 1]):
        at += 1  # "a'raba 'an idanatihi al-shadida li-l-hujum": the trigger's adjective
    marks = c.recipient_prepositions | c.recipient_by_type.get(event, frozenset())
    if at < clause.end and is_word(tokens[at], marks):
        at += 1
    if at + 1 >= clause.end or not _bare_definite(tokens[at]):
        return []
    if any(g.actor.token_start <= at < g.actor.token_end for g in view.actors):
        return []  # an actor stands there: the object itself
    nisbas = _nationalities(view, at + 1)
    return [
        ActorRef(
            code=nisba.code,
            sector=None,
            entity_text=raw[tokens[at].span.start : nisba.span.end],
            span=Span(tokens[at].span.start, nisba.span.end),
            sentence=nisba.sentence,
            method="object-nationality",
            reason=f"the nationality of what the statement is about: {nisba.code}",
            token_start=at,
            token_end=nisba.token_end,
        )
        for nisba in nisbas
    ]


def _nationalities(view: SentenceView, at: int) -> list[Mention]:
    """The nisbas with a country one after the other from ``at``: "al-ittifaq al-amiriki
    al-irani" (the American-Iranian agreement) is of both."""
    by_start = {m.token_start: m for m in view.mentions if m.kind == "nisba" and m.code}
    found: list[Mention] = []
    while at in by_start:
        found.append(by_start[at])
        at = by_start[at].token_end
    return found


def _governed_definite(token: Token) -> bool:
    """A word with the article and "bi-" or "li-" on it: "li-l-hujum", "bi-l-mubadara"."""
    c = cues()
    on = c.recipient_proclitics | c.other_proclitics
    return any(c.article in a.proclitics and on.intersection(a.proclitics) for a in token.analyses)


def _bare_definite(token: Token) -> bool:
    """A word with the article and at most a preposition ("bi-", "li-") before it, no "wa"."""
    c = cues()
    allowed = c.recipient_proclitics | c.other_proclitics | {c.article}
    return not token.is_punct and any(
        c.article in a.proclitics and allowed.issuperset(a.proclitics) for a in token.analyses
    )
