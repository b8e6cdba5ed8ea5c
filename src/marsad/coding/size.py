"""How many people an event killed, injured or arrested: PLOVER's ``size``, read from its clause.

One pass over the clause's tokens. A *cue* ("maqtal", killing; "usiba", was injured;
"i'tiqal", arrest) opens a count of its kind; a number after it (digits or words, "khamsa
wa-'ishrun", 25; "1,500") followed by a noun of people ("shakhsan", persons; "junud", soldiers;
"akharin", others) or by nothing that makes it something else is the count. A noun that names
the casualty ("qatilan", killed; "jarha", wounded) carries its kind itself ("saqata 7 qatla
wa-12 jarihan", 7 killed and 12 wounded). A lone singular after a cue is one ("qutila jundi",
a soldier was killed), a dual two ("jundiyyan", two soldiers). Years, dates, times, ages,
prices and articles of law are not counts. Vague quantities ("'asharat", dozens) give no count.

The words are data: ``lang/ar/numbers.json`` and ``lang/ar/casualties.json`` (see the README
there for every convention).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from marsad.coding.lang_files import read_lang_json
from marsad.coding.lexicon import expand_forms
from marsad.coding.numbers import Number, Numbers, numbers, read_number, word_forms
from marsad.errors import DataError
from marsad.lang.ar import data_file
from marsad.matcher import Match, PhraseMatcher
from marsad.temporal.lexicon import date_words
from marsad.text.tokenize import entry_keys
from marsad.types import Document, EventRecord, Size, Span, Token

Kind = Literal["dead", "injured", "arrested"]
KINDS: tuple[Kind, ...] = ("dead", "injured", "arrested")


# --- the word lists ---------------------------------------------------------------------------

Role = Literal[
    "cue",  # opens a count of its kind
    "after",  # a cue that follows its count
    "victim_one",  # names a casualty: one alone, the counted noun after a number
    "victim_counted",  # names a casualty, counts only after a number
    "victim_plural",  # after a number the counted noun; alone it opens a count
    "victim_dual",  # two casualties
    "person_one",  # a person: one right after a cue
    "person_plural",
    "person_dual",
    "others",  # "akharin"
    "follower",  # may follow a bare count
    "subset",  # what follows is part of a count already given
    "release",  # what follows was not done by this event
    "vague",  # a quantity without a number
]

# When one phrase has several roles, the first of these wins.
_PRIORITY: tuple[Role, ...] = (
    "vague",
    "subset",
    "release",
    "victim_dual",
    "victim_one",
    "victim_plural",
    "victim_counted",
    "person_dual",
    "person_one",
    "person_plural",
    "others",
    "cue",
    "after",
    "follower",
)
_STRONG: frozenset[Role] = frozenset(_PRIORITY[3:11])  # a noun after a number makes it a count
_VICTIM: frozenset[Role] = frozenset({"victim_one", "victim_counted", "victim_plural"})
# Plain lists of casualties.json and the role their words take.
_LISTED: tuple[tuple[str, Role], ...] = (
    ("others", "others"),
    ("followers", "follower"),
    ("subset", "subset"),
    ("release", "release"),
)


@dataclass(frozen=True, slots=True)
class _Word:
    role: Role
    kind: Kind | None = None


@dataclass(frozen=True)
class _Lexicon:
    numbers: Numbers
    words: PhraseMatcher[_Word]
    gap: PhraseMatcher[bool]
    not_after: PhraseMatcher[bool]
    not_before: frozenset[str]
    not_before_marks: frozenset[str]
    not_after_marks: frozenset[str]
    nisba_endings: tuple[str, ...]
    nisba_min_length: int
    window: int
    lookahead: int


def _duals(singulars: Iterable[str], plurals: frozenset[str], nums: Numbers) -> set[str]:
    """The dual of each singular (see numbers.json, ``dual``)."""
    found: set[str] = set()
    for singular in singulars:
        if " " in singular or singular.endswith(nums.accusative):
            continue
        base = singular
        if singular.endswith(nums.ta_marbuta):
            base = singular[: -len(nums.ta_marbuta)] + nums.ta
        found.update(base + s for s in nums.dual_suffixes if base + s not in plurals)
    return found


def _add(matcher: PhraseMatcher[_Word], forms: Iterable[str], word: _Word) -> None:
    for form in forms:
        matcher.add(entry_keys(form), word)


def _specs(specs: object, where: str) -> list[str]:
    return [form for spec in word_forms(specs, where) for form in expand_forms(spec, where)]


def _phrases(forms: Iterable[str]) -> PhraseMatcher[bool]:
    matcher: PhraseMatcher[bool] = PhraseMatcher()
    for form in forms:
        matcher.add(entry_keys(form), True)
    return matcher


def _kind(name: str, where: str) -> Kind:
    for kind in KINDS:
        if kind == name:
            return kind
    raise DataError(f"{where}: unknown kind {name!r}; expected one of {', '.join(KINDS)}")


@cache
@data_file("casualties.json")
def _lexicon() -> _Lexicon:
    data = read_lang_json("casualties.json")
    nums = numbers()
    where = "lang/ar/casualties.json"
    words: PhraseMatcher[_Word] = PhraseMatcher()
    plurals = frozenset(
        [f for g in data["people"] for f in word_forms(g["plural"], f"{where}: people")]
        + [
            f
            for v in data["victims"].values()
            for f in word_forms(v["plural"], f"{where}: victims")
        ]
    )
    for name, specs in data["cues"].items():
        _add(words, _specs(specs, f"{where}: cues"), _Word("cue", _kind(name, where)))
    for name, specs in data["cues_after"].items():
        _add(words, _specs(specs, f"{where}: cues_after"), _Word("after", _kind(name, where)))
    for name, victims in data["victims"].items():
        kind = _kind(name, where)
        singular = word_forms(victims["singular"], f"{where}: victims")
        _add(words, singular, _Word("victim_one", kind))
        _add(words, word_forms(victims["counted"], where), _Word("victim_counted", kind))
        _add(words, word_forms(victims["plural"], where), _Word("victim_plural", kind))
        _add(words, _duals(singular, plurals, nums), _Word("victim_dual", kind))
    for group in data["people"]:
        singular = word_forms(group["singular"], f"{where}: people")
        _add(words, singular, _Word("person_one"))
        _add(words, word_forms(group["plural"], where), _Word("person_plural"))
        _add(words, _duals(singular, plurals, nums), _Word("person_dual"))
    for key, role in _LISTED:
        _add(words, word_forms(data[key], f"{where}: {key}"), _Word(role))
    _add(words, nums.vague, _Word("vague"))
    return _Lexicon(
        numbers=nums,
        words=words,
        gap=_phrases(word_forms(data["gap"], f"{where}: gap")),
        not_after=_phrases(word_forms(data["not_after"], f"{where}: not_after")),
        not_before=frozenset(
            k for f in word_forms(data["not_before"], f"{where}: not_before") for k in entry_keys(f)
        ),
        not_before_marks=frozenset(data["not_before_marks"]),
        not_after_marks=frozenset(data["not_after_marks"]),
        nisba_endings=tuple(word_forms(data["nisba_endings"], f"{where}: nisba_endings")),
        nisba_min_length=int(data["nisba_min_length"]),
        window=int(data["window"]),
        lookahead=int(data["lookahead"]),
    )


# --- the pass over a clause --------------------------------------------------------------------


@dataclass(slots=True)
class _Cue:
    kind: Kind | None  # None: a release or a subset, under which nothing counts
    id: int
    since: int  # the token after the cue, or after the last count it took
    counted: bool = False


def _best(found: list[Match[_Word]]) -> tuple[_Word | None, int]:
    """The role of the longest, least stripped phrase, and where it ends."""
    if not found:
        return None, 0
    top = [m.value for m in found if (m.end, m.cost) == (found[0].end, found[0].cost)]
    for role in _PRIORITY:
        for word in top:
            if word.role == role:
                return word, found[0].end
    return None, found[0].end


@dataclass
class _Reader:
    lex: _Lexicon
    tokens: Sequence[Token]
    start: int
    end: int
    cue: _Cue | None = None
    counts: dict[Kind, dict[int, int]] = field(default_factory=dict)
    ids: int = 0

    def run(self) -> Size | None:
        i = self.start
        while i < self.end:
            i = max(self.step(i), i + 1)
        if not self.counts:
            return None
        found = {kind: max(by_cue.values()) for kind, by_cue in self.counts.items()}
        return Size(found.get("dead"), found.get("injured"), found.get("arrested"))

    def new_id(self) -> int:
        self.ids += 1
        return self.ids

    def word_at(self, i: int) -> tuple[_Word | None, int]:
        return _best(self.lex.words.matches_at(self.tokens, i, self.end))

    def step(self, i: int) -> int:
        number = read_number(self.tokens, i, self.end, self.lex.numbers)
        if number is not None:
            return self.read_number(i, number)
        word, stop = self.word_at(i)
        if word is None:
            return i + 1
        role, conj = word.role, self.has_and(self.tokens[i])
        if role == "vague":
            cue = self.active(i)
            if cue is not None:
                cue.counted, cue.since = True, stop  # the count is there but not known
        elif role in ("subset", "release"):
            self.cue = _Cue(None, self.new_id(), stop)
        elif role in {"cue", "victim_plural"}:
            assert word.kind is not None
            self.cue = _Cue(word.kind, self.new_id(), stop)
        elif role in ("victim_one", "victim_dual"):
            assert word.kind is not None
            self.own(word.kind, 2 if role == "victim_dual" else 1, i, stop, conj)
        elif role in ("person_one", "person_dual"):
            self.attach(2 if role == "person_dual" else 1, i, stop, conj, strong=False)
        return stop

    def read_number(self, i: int, number: Number) -> int:
        j = number.end
        if i > 0 and self.blocked_before(self.tokens[i - 1]):
            return j
        follower, kind, after = self.follower(j)
        if follower == "none" or (follower == "weak" and (number.needs_noun or number.is_year)):
            return j
        if kind is not None:
            self.own(kind, number.value, i, after, number.coordinated)
        else:
            self.attach(number.value, i, after, number.coordinated, strong=follower == "strong")
        return after

    def follower(self, j: int) -> tuple[Literal["strong", "weak", "none"], Kind | None, int]:
        """What the token after a number makes of it, its kind if it names one, and where
        the count ends."""
        if j >= self.end:
            return "weak", None, j
        token, lex = self.tokens[j], self.lex
        if token.is_punct:
            return ("none" if token.text in lex.not_after_marks else "weak"), None, j
        if lex.not_after.matches_at(self.tokens, j, self.end):
            return "none", None, j
        if date_words().months.matches_at(self.tokens, j, self.end):
            return "none", None, j
        word, stop = self.word_at(j)
        if word is not None and word.role in _STRONG:
            return "strong", word.kind if word.role in _VICTIM else None, stop
        if self.is_nisba(token):
            return "strong", None, j + 1
        if word is not None or self.has_and(token):
            return "weak", None, j
        return "none", None, j

    def active(self, i: int) -> _Cue | None:
        cue = self.cue
        if cue is not None and i - cue.since <= self.lex.window:
            return cue
        return None

    def own(self, kind: Kind, value: int, i: int, stop: int, conj: bool) -> None:
        """A count whose noun names its kind ("15 qatilan", 15 killed)."""
        cue = self.active(i)
        if cue is not None and cue.kind is None:
            return
        if cue is not None and cue.kind == kind and (conj or not cue.counted):
            cue.counted, cue.since = True, stop
            self.record(kind, value, cue.id)
        else:
            self.record(kind, value, self.new_id())

    def attach(self, value: int, i: int, stop: int, conj: bool, *, strong: bool) -> None:
        """A count of people whose kind the cue before it gives, or one that follows it."""
        cue = self.active(i)
        if cue is not None:
            if cue.kind is None or (cue.counted and not conj):
                return
            if strong or self.gap_ok(cue.since, i):
                cue.counted, cue.since = True, stop
                self.record(cue.kind, value, cue.id)
            return
        kind = self.cue_after(stop)
        if kind is not None:
            self.record(kind, value, self.new_id())

    def record(self, kind: Kind, value: int, cue_id: int) -> None:
        by_cue = self.counts.setdefault(kind, {})
        by_cue[cue_id] = by_cue.get(cue_id, 0) + value

    def gap_ok(self, i: int, stop: int) -> bool:
        """Whether only gap words ("ila", up to; "nahwa", about) stand between the cue and
        the count."""
        while i < stop:
            found = self.lex.gap.matches_at(self.tokens, i, stop)
            if not found:
                return False
            i = found[0].end
        return True

    def cue_after(self, j: int) -> Kind | None:
        for k in range(j, min(j + self.lex.lookahead, self.end)):
            if self.tokens[k].is_punct:
                return None
            for match in self.lex.words.matches_at(self.tokens, k, self.end):
                if match.value.role == "after":
                    return match.value.kind
        return None

    def blocked_before(self, token: Token) -> bool:
        if token.is_punct:
            return token.text in self.lex.not_before_marks
        return not self.lex.not_before.isdisjoint(token.keys)

    def has_and(self, token: Token) -> bool:
        conj = self.lex.numbers.conjunction
        return token.text.startswith(conj) and any(
            a.proclitics[:1] == (conj,) for a in token.analyses
        )

    def is_nisba(self, token: Token) -> bool:
        lex = self.lex
        return any(
            len(key) >= lex.nisba_min_length and key.endswith(lex.nisba_endings)
            for key in token.keys
        )


def clause_size(doc: Document, start: int, end: int) -> Size | None:
    """The counts in the tokens ``doc.tokens[start:end]`` (a clause or a sentence), or None
    when they give none."""
    end = min(end, len(doc.tokens))
    if start >= end:
        return None
    return _Reader(_lexicon(), doc.tokens, start, end).run()


def token_range(doc: Document, span: Span) -> tuple[int, int]:
    """The tokens that start inside the raw ``span``, as ``(start, end)`` indices."""
    tokens = doc.tokens
    lo = bisect_left(tokens, span.start, key=lambda t: t.span.start)
    hi = bisect_left(tokens, span.end, key=lambda t: t.span.start)
    return lo, hi


def event_size(doc: Document, event: EventRecord) -> Size | None:
    """The size of an event: the counts in the clause of its first evidence."""
    start, end = token_range(doc, event.evidence[0].clause)
    return clause_size(doc, start, end)
