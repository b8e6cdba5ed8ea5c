"""PLOVER contexts judged from cue words (``lang/ar/contexts.tsv``) over an article or a sentence.

Each cue phrase found in the text adds its weight (1 to 3) to its context; one phrase counts at
most twice, so a word repeated down a long story does not decide it alone. A context is kept when
its score reaches a threshold that grows slowly with the length of the text in words (punctuation
not counted):

    under 80 words: 2 · under 400: 3 · under 1200: 4 · longer: 5

So a single decisive cue (weight 3) settles a short or ordinary article, two strong ones a long
one, and weak cues only count when several agree. Contexts come out by score, highest first, then
by name. Matching is one pass of the phrase matcher per sentence over a single table: the longest
phrase at a position wins, and ``block`` rows only hide the cues inside them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from marsad.coding.lang_files import read_lang_file
from marsad.errors import DataError
from marsad.matcher import PhraseMatcher
from marsad.text.normalize import normalize_phrase
from marsad.text.tokenize import entry_keys
from marsad.types import Document

# PLOVER's 37 contexts, in the manual's order.
CONTEXTS: tuple[str, ...] = (
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
)
BLOCK = "block"  # a phrase that only hides the cues inside it
MAX_REPEATS = 2  # a phrase counts at most this many times in one text
THRESHOLDS: tuple[tuple[int, int], ...] = ((80, 2), (400, 3), (1200, 4))  # (words under, score)
LONG_THRESHOLD = 5

_FILE = "contexts.tsv"


@dataclass(frozen=True, slots=True)
class ContextCue:
    context: str  # a PLOVER context, or BLOCK
    weight: int
    form: str  # normalised
    line: int


def parse_contexts(text: str, where: str = f"lang/ar/{_FILE}") -> list[ContextCue]:
    """The cues of a contexts table; a DataError names the file and line of any fault."""
    known = frozenset(CONTEXTS)
    cues: list[ContextCue] = []
    seen: dict[tuple[str, ...], list[tuple[str, int]]] = {}  # keys -> (context or BLOCK, line)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        at = f"{where}:{number}"
        cells = line.split("\t")
        if len(cells) != 4:
            raise DataError(f"{at}: expected 4 columns (context, weight, forms, note)")
        context, weight_cell, forms = (c.strip() for c in cells[:3])
        if context != BLOCK and context not in known:
            raise DataError(f"{at}: {context!r} is not a PLOVER context")
        allowed = (0,) if context == BLOCK else (1, 2, 3)
        if weight_cell not in {str(w) for w in allowed}:
            raise DataError(f"{at}: weight {weight_cell!r} must be one of {allowed}")
        if not forms:
            raise DataError(f"{at}: no forms")
        for form in filter(None, (f.strip() for f in forms.split("|"))):
            keys = entry_keys(form)
            for other, other_line in seen.get(keys, ()):
                # the same phrase may tell several contexts, but not one twice, and a block
                # row hides a phrase from every context
                if BLOCK in (context, other) or other == context:
                    raise DataError(
                        f"{at}: {form!r} is already listed under {other} at line {other_line}"
                    )
            seen.setdefault(keys, []).append((context, number))
            cues.append(ContextCue(context, int(weight_cell), normalize_phrase(form), number))
    return cues


@cache
def context_matcher() -> PhraseMatcher[ContextCue]:
    """The whole table as one matcher, built on first use."""
    matcher: PhraseMatcher[ContextCue] = PhraseMatcher()
    for cue in parse_contexts(read_lang_file(_FILE)):
        matcher.add(entry_keys(cue.form), cue)
    return matcher


def threshold(words: int) -> int:
    """The score a context needs in a text of ``words`` words (see the module docstring)."""
    for under, needed in THRESHOLDS:
        if words < under:
            return needed
    return LONG_THRESHOLD


def _found(doc: Document, start: int, stop: int) -> list[ContextCue]:
    matcher = context_matcher()
    return [m.value for m in matcher.find_all(doc.tokens, start, stop)]


def _scores(cues: Iterable[ContextCue]) -> Counter[str]:
    counts = Counter(c for c in cues if c.context != BLOCK)
    scores: Counter[str] = Counter()
    for cue, n in counts.items():
        scores[cue.context] += cue.weight * min(n, MAX_REPEATS)
    return scores


def _chosen(scores: Counter[str], words: int) -> tuple[str, ...]:
    needed = threshold(words)
    kept = [(-score, name) for name, score in scores.items() if score >= needed]
    return tuple(name for _, name in sorted(kept))


def _words(doc: Document, start: int, stop: int) -> int:
    return sum(1 for t in doc.tokens[start:stop] if not t.is_punct)


def context_scores(doc: Document, sentence_index: int | None = None) -> dict[str, int]:
    """Each context's score over the article, or over one sentence when an index is given."""
    if sentence_index is not None:
        s = doc.sentences[sentence_index]
        return dict(_scores(_found(doc, s.token_start, s.token_end)))
    ranges = [(s.token_start, s.token_end) for s in doc.sentences] or [(0, len(doc.tokens))]
    return dict(_scores(cue for start, stop in ranges for cue in _found(doc, start, stop)))


def article_contexts(doc: Document) -> tuple[str, ...]:
    """The PLOVER contexts of the whole article, by score then name. Needs the tokens layer."""
    return _chosen(Counter(context_scores(doc)), _words(doc, 0, len(doc.tokens)))


def sentence_contexts(doc: Document, sentence_index: int) -> tuple[str, ...]:
    """The PLOVER contexts of one sentence, judged as a short text of its own."""
    s = doc.sentences[sentence_index]
    scores = Counter(context_scores(doc, sentence_index))
    return _chosen(scores, _words(doc, s.token_start, s.token_end))
