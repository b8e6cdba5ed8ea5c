"""Tag sentences with the CRF model: one BIO tag a token (``B-PERS``, ``I-ORG``, ``O`` …).

``Tagger.load()`` opens the model shipped in ``data/`` once per process, with the knowledge
base's names as gazetteer features (:func:`marsad.kb.default_kb`, so directories listed in
``MARSAD_KB_PATH`` count too), and the shipped name lists, word frequencies and cue words
(``data/names.tsv``, ``data/wordfreq.tsv``, ``data/cues.tsv``). ``Tagger.open(path)`` opens
another model file. Nothing is read when this module is imported; python-crfsuite is imported
only when a model is opened.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from marsad.errors import DataError
from marsad.kb import default_kb, iter_names
from marsad.ner.features import NAME_KINDS, Features, Gazetteer

MODEL_NAME = "ner-ar.crfsuite"
NAMES_FILE = "names.tsv"
CUES_FILE = "cues.tsv"
#: Cue kinds (``data/cues.tsv``) -> feature value.
CUE_KINDS: dict[str, str] = {"org": "org", "per": "per", "loc": "loc", "misc": "misc"}


def shipped_model() -> Path:
    """Where the shipped model file is (inside the installed package)."""
    return Path(str(files("marsad.ner").joinpath("data", MODEL_NAME)))


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entities as ``(start, end, type)`` token ranges, ``end`` exclusive, read from BIO tags
    the way conlleval reads them: an ``I-X`` that does not follow ``B-X`` or ``I-X`` starts an
    entity of its own."""
    found: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate(tags):
        continues = tag.startswith("I-") and tag[2:] == kind
        if start >= 0 and not continues:
            found.append((start, i, kind))
            start, kind = -1, ""
        if tag != "O" and not continues:
            start, kind = i, tag[2:]
    if start >= 0:
        found.append((start, len(tags), kind))
    return found


def kb_gazetteer() -> Gazetteer:
    """The knowledge base's names (shipped files and ``MARSAD_KB_PATH``)."""
    return Gazetteer((form, kind) for form, kind, _ in iter_names(default_kb()))


def parse_names(lines: Iterable[str], origin: str) -> list[tuple[str, str]]:
    """``kind<TAB>name`` lines (``#`` comments) as (name, kind) pairs."""
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, sep, name = line.rstrip("\n").partition("\t")
        if not sep or kind not in NAME_KINDS or not name.strip():
            raise DataError(f"{origin}:{number}: expected 'kind<TAB>name' with a known kind")
        pairs.append((name, kind))
    return pairs


@cache
def names_gazetteer() -> Gazetteer:
    """The shipped lists of place and person names (``data/names.tsv``), read once."""
    text = files("marsad.ner").joinpath("data", NAMES_FILE).read_text(encoding="utf-8")
    return Gazetteer(parse_names(text.splitlines(), NAMES_FILE), NAME_KINDS)


@cache
def cues_gazetteer() -> Gazetteer:
    """The shipped cue words (``data/cues.tsv``): words that start or announce a name."""
    text = files("marsad.ner").joinpath("data", CUES_FILE).read_text(encoding="utf-8")
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, sep, word = line.partition("\t")
        if not sep or kind not in CUE_KINDS or not word.strip():
            raise DataError(f"{CUES_FILE}:{number}: expected 'kind<TAB>word' with a known kind")
        pairs.append((word, kind))
    return Gazetteer(pairs, CUE_KINDS)


def _crfsuite() -> Any:
    try:
        import pycrfsuite
    except ImportError:
        raise DataError(
            "the NER tagger needs python-crfsuite: pip install 'python-crfsuite>=0.9'"
        ) from None
    return pycrfsuite


class Tagger:
    """A CRF model with the features it was trained on."""

    def __init__(self, model: Any, features: Features, data: bytes = b"") -> None:
        self._model = model
        self.features = features
        self._data = data  # crfsuite reads an in-memory model from this buffer: keep it alive

    @classmethod
    def open(
        cls,
        path: Path,
        gazetteer: Gazetteer | None = None,
        names: Gazetteer | None = None,
        frequencies: Mapping[str, int] | None = None,
    ) -> Tagger:
        """The model in ``path``, with ``gazetteer`` (default: the knowledge base's names),
        ``names`` (default: the shipped name lists) and ``frequencies`` (default: the shipped
        word frequencies, :mod:`marsad.ner.frequency`); the cue words are the shipped ones."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DataError(f"{path}: cannot read the NER model: {exc.strerror}") from None
        from marsad.ner.frequency import shipped_frequencies

        model = _crfsuite().Tagger()
        try:
            model.open_inmemory(data)
        except (ValueError, OSError) as exc:
            raise DataError(f"{path}: not a crfsuite model ({exc})") from None
        features = Features(
            gazetteer if gazetteer is not None else kb_gazetteer(),
            names if names is not None else names_gazetteer(),
            frequencies if frequencies is not None else shipped_frequencies(),
            cues_gazetteer(),
        )
        return cls(model, features, data)

    @classmethod
    def load(cls) -> Tagger:
        """The shipped model, opened on the first call and shared after it."""
        return _shipped()

    def labels(self) -> list[str]:
        return list(self._model.labels())

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One BIO tag for each token of one sentence (tokens as written or normalised)."""
        if not tokens:
            return []
        return list(self._model.tag(self.features.sentence(tokens)))

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for the sentences of one document (an article), each tagged by :meth:`tag`,
        then a name found in one sentence tagged wherever else it recurs
        (:func:`marsad.ner.document.propagate`)."""
        from marsad.ner.document import propagate

        tags = [self.tag(tokens) for tokens in sentences]
        keys = [[self.features.word(token).norm for token in tokens] for tokens in sentences]
        return propagate(keys, tags)


@cache
def _shipped() -> Tagger:
    return Tagger.open(shipped_model())
