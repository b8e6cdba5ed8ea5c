"""marsad: Arabic-first political event data in the PLOVER ontology."""

from marsad import pipeline as _pipeline
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


def build() -> str:
    """``"compiled"`` when mypyc compiled the hot modules (a ``make wheel`` build, see
    docs/performance.md), else ``"pure Python"``."""
    return "pure Python" if (_pipeline.__file__ or "").endswith(".py") else "compiled"


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
    "build",
    "code",
    "load",
    "resolve_actor",
]
