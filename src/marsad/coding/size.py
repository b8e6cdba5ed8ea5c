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

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from marsad.coding.lexicon import expand_forms
from marsad.coding.resources import read_lang_json
from marsad.errors import DataError
from marsad.lang.ar import clitics, data_file
from marsad.matcher import Match, PhraseMatcher
from marsad.temporal.lexicon import date_words
from marsad.text.normalize import normalize_phrase
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
class _Numbers:
    words: dict[str, int]  # one word: its value
    pairs: dict[tuple[str, str], int]  # two words: "khamsat 'ashar" (15), "thalath mi'a" (300)
    scales: dict[str, int]  # multiply the number before them
    needs_noun: frozenset[str]
    proclitics: frozenset[str]
    conjunction: str
    article: str
    group_separators: str
    group_size: int
    year_min: int
    year_max: int
    vague: tuple[str, ...]
    dual_suffixes: tuple[str, ...]
    ta_marbuta: str  # written as ``ta`` before a dual suffix
    ta: str
    accusative: str  # a singular ending so makes no dual


@dataclass(frozen=True)
class _Lexicon:
    numbers: _Numbers
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


def _forms(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where} must be a list of non-empty strings")
    return [normalize_phrase(v) for v in value]


def _valued(table: object, where: str) -> Iterator[tuple[int, str]]:
    if not isinstance(table, dict):
        raise DataError(f"{where} must be an object of value: forms")
    for value, forms in table.items():
        for form in _forms(forms, f"{where}[{value}]"):
            yield int(value), form


@cache
@data_file("numbers.json")
def _numbers() -> _Numbers:
    data = read_lang_json("numbers.json")
    where = "lang/ar/numbers.json"
    units = dict((form, value) for value, form in _valued(data["units"], f"{where}: units"))
    words = dict(units)
    pairs: dict[tuple[str, str], int] = {}
    for name in ("tens", "hundreds", "thousands"):
        words.update((form, value) for value, form in _valued(data[name], f"{where}: {name}"))
    for value, form in _valued(data["teens"], f"{where}: teens"):
        first, second = form.split()
        pairs[first, second] = value
    for hundred in _forms(data["hundred_after_unit"], f"{where}: hundred_after_unit"):
        pairs.update(((u, hundred), v * 100) for u, v in units.items() if 3 <= v <= 9)
    digits, dual = data["digits"], data["dual"]
    return _Numbers(
        words=words,
        pairs=pairs,
        scales={form: value for value, form in _valued(data["scales"], f"{where}: scales")},
        needs_noun=frozenset(_forms(data["needs_noun"], f"{where}: needs_noun")),
        proclitics=frozenset(_forms(data["proclitics"], f"{where}: proclitics")),
        conjunction=normalize_phrase(data["and"]),
        article=clitics().article,
        group_separators="".join(_forms(digits["group_separators"], f"{where}: digits")),
        group_size=int(digits["group_size"]),
        year_min=int(data["year"]["min"]),
        year_max=int(data["year"]["max"]),
        vague=tuple(_forms(data["vague"], f"{where}: vague")),
        dual_suffixes=tuple(_forms(dual["suffixes"], f"{where}: dual suffixes")),
        ta_marbuta=normalize_phrase(dual["ta_marbuta"]),
        ta=normalize_phrase(dual["ta_marbuta_becomes"]),
        accusative=normalize_phrase(dual["skip_accusative"]),
    )


def _duals(singulars: Iterable[str], plurals: frozenset[str], nums: _Numbers) -> set[str]:
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
    return [form for spec in _forms(specs, where) for form in expand_forms(spec, where)]


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
    nums = _numbers()
    where = "lang/ar/casualties.json"
    words: PhraseMatcher[_Word] = PhraseMatcher()
    plurals = frozenset(
        [f for g in data["people"] for f in _forms(g["plural"], f"{where}: people")]
        + [f for v in data["victims"].values() for f in _forms(v["plural"], f"{where}: victims")]
    )
    for name, specs in data["cues"].items():
        _add(words, _specs(specs, f"{where}: cues"), _Word("cue", _kind(name, where)))
    for name, specs in data["cues_after"].items():
        _add(words, _specs(specs, f"{where}: cues_after"), _Word("after", _kind(name, where)))
    for name, victims in data["victims"].items():
        kind = _kind(name, where)
        singular = _forms(victims["singular"], f"{where}: victims")
        _add(words, singular, _Word("victim_one", kind))
        _add(words, _forms(victims["counted"], where), _Word("victim_counted", kind))
        _add(words, _forms(victims["plural"], where), _Word("victim_plural", kind))
        _add(words, _duals(singular, plurals, nums), _Word("victim_dual", kind))
    for group in data["people"]:
        singular = _forms(group["singular"], f"{where}: people")
        _add(words, singular, _Word("person_one"))
        _add(words, _forms(group["plural"], where), _Word("person_plural"))
        _add(words, _duals(singular, plurals, nums), _Word("person_dual"))
    for key, role in _LISTED:
        _add(words, _forms(data[key], f"{where}: {key}"), _Word(role))
    _add(words, nums.vague, _Word("vague"))
    return _Lexicon(
        numbers=nums,
        words=words,
        gap=_phrases(_forms(data["gap"], f"{where}: gap")),
        not_after=_phrases(_forms(data["not_after"], f"{where}: not_after")),
        not_before=frozenset(
            k for f in _forms(data["not_before"], f"{where}: not_before") for k in entry_keys(f)
        ),
        not_before_marks=frozenset(data["not_before_marks"]),
        not_after_marks=frozenset(data["not_after_marks"]),
        nisba_endings=tuple(_forms(data["nisba_endings"], f"{where}: nisba_endings")),
        nisba_min_length=int(data["nisba_min_length"]),
        window=int(data["window"]),
        lookahead=int(data["lookahead"]),
    )


# --- numbers ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Number:
    value: int
    end: int  # token after the number
    coordinated: bool  # written with "wa" (and): part of a count already begun
    needs_noun: bool  # "ahad" alone is "anyone"
    is_year: bool  # four bare digits in the year range


def _word_stems(token: Token, nums: _Numbers) -> Iterator[tuple[str, bool]]:
    """Readings of a token as a number word: ``(stem, written with "wa")``. No article, no
    pronoun; a stem the analyser took the article from ("wa-alfayn", and two thousand) gets it
    back."""
    yield token.text, False
    for analysis in token.analyses:
        proclitics, stem = analysis.proclitics, analysis.stem
        if analysis.enclitic or not proclitics:
            continue
        if proclitics[-1] == nums.article:
            proclitics, stem = proclitics[:-1], nums.article + stem
        if proclitics and all(p in nums.proclitics for p in proclitics):
            yield stem, proclitics[0] == nums.conjunction


def _digits(text: str, nums: _Numbers) -> tuple[float, bool] | None:
    """The value of a token of digits (behind number proclitics) and whether it has "wa" (and)."""
    body = text
    while body and not body[0].isdigit() and body[0] in nums.proclitics:
        body = body[1:]
    if not body or not body[0].isdigit():
        return None
    parts = re.split(f"[{re.escape(nums.group_separators)}]", body)
    if not all(p.isascii() and p.isdigit() for p in parts):
        return None
    seps = set(re.findall(f"[{re.escape(nums.group_separators)}]", body))
    if len(parts) == 1:
        value = float(body)
    elif len(seps) == 1 and all(len(p) == nums.group_size for p in parts[1:]):
        value = float("".join(parts))
    elif len(parts) == 2:
        value = float(f"{parts[0]}.{parts[1]}")
    else:
        return None
    return value, body != text and text.startswith(nums.conjunction)


def _term(
    tokens: Sequence[Token], i: int, end: int, nums: _Numbers, coordinated: bool
) -> tuple[int, int, bool, str] | None:
    """One number word (or a two-word teen or hundred) at ``i``: value, end, "wa" (and), stem."""
    token = tokens[i]
    if token.is_punct:
        return None
    second = tokens[i + 1].text if i + 1 < end else ""
    for stem, has_and in _word_stems(token, nums):
        if coordinated and not has_and:
            continue
        pair = nums.pairs.get((stem, second))
        if pair is not None:
            return pair, i + 2, has_and, stem
        value = nums.words.get(stem)
        if value is not None:
            return value, i + 1, has_and, stem
    return None


def _joins(last: int, value: int) -> bool:
    """Whether "wa" (and) + ``value`` continues a compound number whose last part is
    ``last``: units before tens ("khamsa wa-'ishrun", 25), smaller parts after hundreds and
    thousands."""
    if 1 <= last <= 9:
        return 20 <= value <= 90 and value % 10 == 0
    return last >= 100 and value < 10 ** (len(str(last)) - 1)


def _number(tokens: Sequence[Token], i: int, end: int, nums: _Numbers) -> _Number | None:
    token = tokens[i]
    if token.is_punct:
        return None
    j = i + 1
    digits = _digits(token.text, nums)
    if digits is not None:
        value, coordinated = digits
        if j < end and tokens[j].text in nums.scales:
            value, j = value * nums.scales[tokens[j].text], j + 1
        elif not value.is_integer():
            return None
        bare = j == i + 1 and token.text.isdigit()
        year = bare and len(token.text) == 4 and nums.year_min <= value <= nums.year_max
        return _Number(int(value), j, coordinated, False, year)
    first = _term(tokens, i, end, nums, coordinated=False)
    if first is None:
        return None
    total, (group, j, coordinated, stem) = 0, first
    last = group
    while j < end:
        scale = nums.scales.get(tokens[j].text)
        if scale is not None and 0 < group < scale:
            total, group, last, j = total + group * scale, 0, scale, j + 1
            continue
        more = _term(tokens, j, end, nums, coordinated=True)
        if more is None or not _joins(last, more[0]):
            break
        group, last, j = group + more[0], more[0], more[1]
    needs_noun = j == i + 1 and stem in nums.needs_noun
    return _Number(total + group, j, coordinated, needs_noun, False)


def number_at(tokens: Sequence[Token], i: int, end: int) -> bool:
    """Whether a count (digits or number words) starts at token ``i``."""
    found = _number(tokens, i, end, _numbers())
    return found is not None and not found.is_year


def count_before(tokens: Sequence[Token], end: int) -> bool:
    """Whether a count (digits or number words) ends right before token ``end``."""
    for i in range(max(0, end - 3), end):
        found = _number(tokens, i, end, _numbers())
        if found is not None and not found.is_year and found.end == end:
            return True
    return False


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
        number = _number(self.tokens, i, self.end, self.lex.numbers)
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

    def read_number(self, i: int, number: _Number) -> int:
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
