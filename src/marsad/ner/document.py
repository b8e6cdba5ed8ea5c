"""One document's sentences tagged together: a name the tagger found in one sentence is a name
wherever else the document writes it.

The CRF tags each sentence alone, and misses a name in one sentence that it found in another
(a person named in full, then by surname alone; a place it knows in one context but not in the
next). :func:`propagate` takes the tagger's tags for every sentence of a document and, wherever
a run of untagged tokens spells a name found elsewhere in that document (the same tokens in
matching form), tags the run with that name's type, longest names first. A name of one token
counts only when it has :data:`MIN_CHARS` letters or more; the last word of a person's name of
two words or more counts as a name of that person (the surname). A name tagged with more than
one type takes the type it was given most often (the first in name order on a tie). Tags the
tagger gave are never changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from marsad.ner.tagger import Tagger, spans

#: Letters a one-token name must have to be looked for elsewhere.
MIN_CHARS = 3
#: Sentences per document where a text has no document breaks (the ANERcorp files): the
#: benchmark cuts the test split into runs of this many sentences, as the dev slices are cut.
WINDOW = 25


def _names(
    keys: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]
) -> dict[tuple[str, ...], str]:
    counts: dict[tuple[str, ...], Counter[str]] = {}
    for words, found in zip(keys, tags, strict=True):
        for start, end, kind in spans(found):
            name = tuple(words[start:end])
            if len(name) > 1 or len(name[0]) >= MIN_CHARS:
                counts.setdefault(name, Counter())[kind] += 1
            if kind == "PERS" and len(name) > 1 and len(name[-1]) >= MIN_CHARS:
                counts.setdefault(name[-1:], Counter())[kind] += 1
    return {
        name: min(kinds.items(), key=lambda item: (-item[1], item[0]))[0]
        for name, kinds in counts.items()
    }


def propagate(keys: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> list[list[str]]:
    """The tags of a document's sentences with its names tagged wherever they recur.

    ``keys``: each sentence's tokens in matching form; ``tags``: the tagger's BIO tags for
    them. Only tokens tagged ``O`` change, and only a whole run that does not cut a name the
    tagger found."""
    names = _names(keys, tags)
    out = [list(found) for found in tags]
    if not names:
        return out
    longest = max(map(len, names))
    for words, found in zip(keys, out, strict=True):
        i = 0
        while i < len(words):
            size = 0
            if found[i] == "O":
                for n in range(min(longest, len(words) - i), 0, -1):
                    kind = names.get(tuple(words[i : i + n]))
                    free = all(tag == "O" for tag in found[i : i + n])
                    cut = i + n < len(words) and found[i + n].startswith("I-")
                    if kind is not None and free and not cut:
                        found[i : i + n] = ["B-" + kind] + ["I-" + kind] * (n - 1)
                        size = n
                        break
            i += max(size, 1)
    return out


def tag_in_documents(
    tagger: Tagger, sentences: Sequence[Sequence[str]], window: int = WINDOW
) -> list[list[str]]:
    """Tags for a run of sentences with no document breaks, cut into documents of ``window``
    consecutive sentences, each tagged by :meth:`Tagger.tag_document`."""
    tags: list[list[str]] = []
    for start in range(0, len(sentences), window):
        tags += tagger.tag_document(sentences[start : start + window])
    return tags
