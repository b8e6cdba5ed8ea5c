"""marsad: Arabic-first political event data in the PLOVER ontology."""

from marsad.api import analyze, code, load, resolve_actor
from marsad.pipeline import Pipeline
from marsad.types import (
    ActorRef,
    Article,
    DateRef,
    Document,
    EventRecord,
    Evidence,
    Mention,
    PlaceRef,
    Sentence,
    Size,
    Span,
    Token,
)

__version__ = "0.1.0"

__all__ = [
    "ActorRef",
    "Article",
    "DateRef",
    "Document",
    "EventRecord",
    "Evidence",
    "Mention",
    "Pipeline",
    "PlaceRef",
    "Sentence",
    "Size",
    "Span",
    "Token",
    "__version__",
    "analyze",
    "code",
    "load",
    "resolve_actor",
]
