"""The pipeline's stages, registered in one explicit table (never as an import side effect)."""

from __future__ import annotations

from collections.abc import Callable

from marsad.pipeline import Stage


def _normalize() -> Stage:
    from marsad.stages.normalize import NormalizeStage

    return NormalizeStage()


def _sentences() -> Stage:
    from marsad.stages.sentences import SentenceStage

    return SentenceStage()


def _tokens() -> Stage:
    from marsad.stages.tokens import TokenStage

    return TokenStage()


def _mentions(tagger: bool = False) -> Stage:
    from marsad.stages.mentions import MentionStage

    return MentionStage(use_tagger=tagger)


def _actors() -> Stage:
    from marsad.stages.actors import ActorStage

    return ActorStage()


def _events() -> Stage:
    from marsad.stages.events import EventStage

    return EventStage()


def _dates() -> Stage:
    from marsad.stages.dates import DateStage

    return DateStage()


def _places() -> Stage:
    from marsad.stages.places import PlaceStage

    return PlaceStage()


def _merge() -> Stage:
    from marsad.stages.merge import MergeStage

    return MergeStage()


STAGES: dict[str, Callable[..., Stage]] = {
    "normalize": _normalize,
    "sentences": _sentences,
    "tokens": _tokens,
    "mentions": _mentions,
    "actors": _actors,
    "events": _events,
    "dates": _dates,
    "places": _places,
    "merge": _merge,
}

DEFAULT = tuple(STAGES)


def default_stages(names: tuple[str, ...] = DEFAULT, *, tagger: bool = False) -> list[Stage]:
    """The named stages in order. ``tagger`` lets the mentions stage add the names the
    knowledge base lacks, found by the statistical tagger (marsad.ner): more actors, at about
    half the speed."""
    unknown = [n for n in names if n not in STAGES]
    if unknown:
        from marsad.errors import PipelineError

        raise PipelineError(f"unknown stage(s) {unknown}; known: {sorted(STAGES)}")
    return [STAGES[name](tagger) if name == "mentions" else STAGES[name]() for name in names]
