"""The features of each token for the CRF tagger, as short strings.

Almost everything depends on the word alone (its matching form, clitic-stripped stems,
prefixes and suffixes, shape, how frequent it is in general Arabic, and which knowledge-base
names and cue words it belongs to), so a word's features are computed once and cached, already
written for each position of the window they can take (``w=``, ``w-1=``, ``w+1=`` …). For a
sentence, each token's list is then the concatenation of its own cached features, its
neighbours' and the few that depend on the sentence: word pairs, the edges, quotation marks or
brackets around it, and the knowledge-base phrase it stands in.

Knowledge-base names (persons, countries with their capitals and seats, organisations, nisba
adjectives, offices and agent nouns) are matched on the keys of :func:`marsad.text.entry_keys`
against each token's stems, so a name with a clitic or an article (``wa-bi-Lubnan``) still
matches. A phrase match marks its tokens ``G=B-kind`` / ``G=I-kind``; any stem that is a word
of a name gives ``k=kind``. The shipped name lists (``data/names.tsv``: countries, regions,
cities, towns and personal names, :mod:`marsad.ner.names`) are matched the same way into
``P=B-kind`` / ``P=I-kind`` and ``n=kind``. Cue words (``data/cues.tsv``: heads of
organisation, place and event names, titles and verbs of saying before persons) give
``c=kind`` to the word and to the words up to three before and after it. The word's general
frequency (:mod:`marsad.ner.frequency`) gives ``f=bucket``, and joined with each of its
name-list and knowledge-base kinds ``nf=kind bucket`` and ``kf=kind bucket``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from marsad.text import analyze, entry_keys, normalize_phrase

#: Knowledge-base name kinds (as :func:`marsad.kb.iter_names` gives them) -> feature value.
KINDS: dict[str, str] = {
    "person": "per",
    "country": "loc",
    "capital": "loc",
    "seat": "loc",
    "organisation": "org",
    "nisba": "nis",
    "office": "off",
    "agent": "agt",
}
#: Name-list kinds (``data/names.tsv``, :mod:`marsad.ner.names`) -> feature value.
NAME_KINDS: dict[str, str] = {
    "country": "pcn",
    "region": "reg",
    "city": "cty",
    "town": "twn",
    "person": "nam",
}
#: Centibels (:mod:`marsad.ner.frequency`) a word-frequency bucket spans: a power of ten.
BUCKET_WIDTH = 100
#: The frequency bucket of a word that is not in the list.
ABSENT = "-"
#: Distinct clitic-stripped stems given as features, at most.
MAX_STEMS = 4
#: Words whose features are cached, at most (the cache is emptied when full).
CACHE_SIZE = 1 << 18


class Gazetteer:
    """Knowledge-base names by kind, indexed by their first key for phrase matching."""

    def __init__(
        self, names: Iterable[tuple[str, str]], kinds: dict[str, str] | None = None
    ) -> None:
        """``names``: (surface form, kind) pairs; kinds not in ``kinds`` (by default
        :data:`KINDS`) are skipped."""
        kinds = KINDS if kinds is None else kinds
        phrases: dict[str, set[tuple[tuple[str, ...], str]]] = defaultdict(set)
        words: dict[str, set[str]] = defaultdict(set)
        for form, kind in names:
            short = kinds.get(kind)
            keys = entry_keys(form)
            if short is None or not keys:
                continue
            phrases[keys[0]].add((keys, short))
            for key in keys:
                words[key].add(short)
        # Longest phrases first, then by kind, so matching is the same on every run.
        self.phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
            first: tuple(sorted(found, key=lambda p: (-len(p[0]), p[1], p[0])))
            for first, found in phrases.items()
        }
        self.words: dict[str, tuple[str, ...]] = {w: tuple(sorted(k)) for w, k in words.items()}

    def __len__(self) -> int:
        return sum(len(found) for found in self.phrases.values())


@dataclass(frozen=True, slots=True)
class _Word:
    norm: str
    stems: tuple[str, ...]  # every stem of every analysis, the whole word first
    stem_set: frozenset[str]
    here: tuple[str, ...]  # the word's features at its own position
    left: tuple[str, ...]  # as the previous token (seen from the next one)
    right: tuple[str, ...]  # as the next token
    far_left: tuple[str, ...]  # two before
    far_right: tuple[str, ...]  # two after
    farther_left: tuple[str, ...]  # three before
    farther_right: tuple[str, ...]  # three after


def bucket(centibels: int | None) -> str:
    """The feature value of a frequency: ``centibels // BUCKET_WIDTH``, or :data:`ABSENT`."""
    return ABSENT if centibels is None else str(centibels // BUCKET_WIDTH)


def _shape(word: str) -> str:
    if word.isdigit():
        return "D"
    if any(ch.isdigit() for ch in word):
        return "DX"
    if not any(ch.isalpha() for ch in word):
        return "P"
    if word.isascii():
        return "L"
    return "A" if word.isalpha() else "AX"


def _length(word: str) -> str:
    n = len(word)
    return str(n) if n < 6 else "6+" if n < 9 else "9+"


#: Marks that open a quotation or brackets -> the mark that closes them (``"`` does both).
_CLOSING = {'"': '"', chr(0x00AB): chr(0x00BB), chr(0x201C): chr(0x201D), "(": ")"}
#: Tokens between the marks, at most, for a run to count as quoted.
MAX_QUOTED = 10


def quoted(norms: Sequence[str]) -> list[str]:
    """For each token, ``q1`` / ``q`` when it is the first / a later token between quotation
    marks, ``pr1`` / ``pr`` between brackets, else ``""`` (runs of 1 to :data:`MAX_QUOTED`
    tokens whose closing mark is in the sentence)."""
    marks = [""] * len(norms)
    i = 0
    while i < len(norms):
        closing = _CLOSING.get(norms[i])
        if closing is not None:
            last = min(len(norms), i + MAX_QUOTED + 2)
            end = next((j for j in range(i + 1, last) if norms[j] == closing), 0)
            if end > i + 1:
                kind = "pr" if norms[i] == "(" else "q"
                marks[i + 1 : end] = [kind + "1"] + [kind] * (end - i - 2)
                i = end
        i += 1
    return marks


class Features:
    """Turns sentences into crfsuite feature lists with a :class:`Gazetteer`."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        names: Gazetteer | None = None,
        frequencies: Mapping[str, int] | None = None,
        cues: Gazetteer | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.names = names if names is not None else Gazetteer(())
        self.frequencies: Mapping[str, int] = frequencies if frequencies is not None else {}
        self.cues = cues if cues is not None else Gazetteer(())
        self._cache: dict[str, _Word] = {}

    def word(self, token: str) -> _Word:
        found = self._cache.get(token)
        if found is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            found = self._cache[token] = self._word(token)
        return found

    def _word(self, token: str) -> _Word:
        norm = normalize_phrase(token) or token
        analyses = analyze(norm)
        stems = [a.stem for a in analyses]
        deepest = max(analyses, key=lambda a: (len(a.proclitics), not a.enclitic))
        kb = sorted({k for stem in stems for k in self.gazetteer.words.get(stem, ())})
        listed = sorted({k for stem in stems for k in self.names.words.get(stem, ())})
        cued = ["c=" + k for k in sorted({k for s in stems for k in self.cues.words.get(s, ())})]
        shape = _shape(norm)
        here = [
            "w=" + norm,
            "sh=" + shape,
            "ln=" + _length(norm),
            *("s=" + stem for stem in dict.fromkeys(stems[1:])),
        ][: 3 + MAX_STEMS]
        here += ["st=" + deepest.stem, "pc=" + "+".join(deepest.proclitics)]
        here += ["p1=" + norm[:1], "p2=" + norm[:2], "p3=" + norm[:3]]
        here += ["x1=" + norm[-1:], "x2=" + norm[-2:], "x3=" + norm[-3:], "x4=" + norm[-4:]]
        here += ["sx2=" + deepest.stem[-2:], "sx3=" + deepest.stem[-3:]]
        here += ["k=" + kind for kind in kb]
        here += ["n=" + kind for kind in listed]
        here += cued
        near = ["w=" + norm, "st=" + deepest.stem, "x2=" + norm[-2:], "sh=" + shape]
        if self.frequencies:
            level = bucket(self.frequencies.get(norm))
            here.append("f=" + level)
            here += ["nf=" + kind + level for kind in listed]
            here += ["kf=" + kind + level for kind in kb]
        near += ["k=" + kind for kind in kb]
        near += ["n=" + kind for kind in listed]
        near += cued
        return _Word(
            norm=norm,
            stems=tuple(dict.fromkeys(stems)),
            stem_set=frozenset(stems),
            here=tuple(here),
            left=tuple("-1" + f for f in near),
            right=tuple("+1" + f for f in near),
            far_left=("-2w=" + norm, *("-2" + f for f in cued)),
            far_right=("+2w=" + norm, *("+2" + f for f in cued)),
            farther_left=tuple("-3" + f for f in cued),
            farther_right=tuple("+3" + f for f in cued),
        )

    def phrases(self, words: Sequence[_Word], gazetteer: Gazetteer | None = None) -> list[str]:
        """For each token, ``B-kind`` / ``I-kind`` of the longest name of ``gazetteer`` (by
        default the knowledge base's) it is in (names matched left to right, without
        overlaps), or ``""``."""
        marks = [""] * len(words)
        index = (self.gazetteer if gazetteer is None else gazetteer).phrases
        i = 0
        while i < len(words):
            best: tuple[int, str] = (0, "")
            for stem in words[i].stems:
                for keys, kind in index.get(stem, ()):
                    if len(keys) <= best[0] or i + len(keys) > len(words):
                        continue
                    if all(keys[j] in words[i + j].stem_set for j in range(1, len(keys))):
                        best = (len(keys), kind)
                        break  # the rest under this stem are no longer
            if best[0]:
                marks[i] = "B-" + best[1]
                for j in range(i + 1, i + best[0]):
                    marks[j] = "I-" + best[1]
                i += best[0]
            else:
                i += 1
        return marks

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """The feature list of every token of one sentence."""
        words = [self.word(token) for token in tokens]
        marks = self.phrases(words)
        places = self.phrases(words, self.names) if self.names.phrases else [""] * len(words)
        n = len(words)
        inside = quoted([word.norm for word in words])
        out: list[list[str]] = []
        for i, word in enumerate(words):
            features = list(word.here)
            if inside[i]:
                features.append(inside[i])
            if i:
                prev = words[i - 1]
                features += prev.left
                features.append("b-=" + prev.norm + "|" + word.norm)
                if i > 1:
                    features += words[i - 2].far_left
                    if i > 2:
                        features += words[i - 3].farther_left
                if marks[i - 1]:
                    features.append("-1G=" + marks[i - 1])
                if places[i - 1]:
                    features.append("-1P=" + places[i - 1])
            else:
                features.append("BOS")
            if i + 1 < n:
                nxt = words[i + 1]
                features += nxt.right
                features.append("b+=" + word.norm + "|" + nxt.norm)
                if i + 2 < n:
                    features += words[i + 2].far_right
                    if i + 3 < n:
                        features += words[i + 3].farther_right
                if marks[i + 1]:
                    features.append("+1G=" + marks[i + 1])
                if places[i + 1]:
                    features.append("+1P=" + places[i + 1])
            else:
                features.append("EOS")
            if marks[i]:
                features.append("G=" + marks[i])
            if places[i]:
                features.append("P=" + places[i])
            out.append(features)
        return out
