"""Split normalised text into sentences, keeping quotations whole.

A sentence ends at a terminator (full stop, question or exclamation mark, ellipsis) followed by
whitespace, or at a line break. Closing quote marks and brackets right after the terminator stay
with the sentence. A sentence that starts inside a quotation opened earlier is marked, so later
stages know who is speaking. The marks themselves come from ``lang/ar/punctuation.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from marsad.lang.ar import Punctuation, punctuation


@dataclass(frozen=True, slots=True)
class _Marks:
    punct: Punctuation
    pattern: re.Pattern[str]  # every character the splitter reacts to
    openers: frozenset[str]
    closers: frozenset[str]


@dataclass(slots=True)
class _QuoteState:
    """Open quotations: nesting depth of paired marks, and whether a toggling mark is open."""

    depth: int = 0
    toggled: bool = False

    @property
    def inside(self) -> bool:
        return self.depth > 0 or self.toggled

    def closes(self, ch: str, marks: _Marks) -> bool:
        """Whether ``ch`` would close a quotation that is open now."""
        if ch in marks.punct.toggle_quotes:
            return self.toggled
        return ch in marks.closers and self.depth > 0

    def update(self, ch: str, marks: _Marks, *, closing: bool = False) -> None:
        if ch in marks.openers:
            self.depth += 1
        elif ch in marks.closers:
            self.depth = max(0, self.depth - 1)
        elif ch in marks.punct.toggle_quotes:
            # After a terminator a toggling mark can only close what is open.
            self.toggled = False if closing else not self.toggled


@cache
def _marks() -> _Marks:
    punct = punctuation()
    openers = frozenset(o for o, _ in punct.paired_quotes)
    closers = frozenset(c for _, c in punct.paired_quotes)
    reacting = (
        punct.sentence_terminators
        | punct.paragraph_breaks
        | punct.bullets
        | punct.toggle_quotes
        | openers
        | closers
    )
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(reacting)) + "]")
    return _Marks(punct, pattern, openers, closers)


GLUED_WORD = 3  # letters before a full stop with no space after it that make it end a sentence


@dataclass(slots=True)
class _Splitter:
    text: str
    marks: _Marks
    quotes: _QuoteState = field(default_factory=_QuoteState)
    found: list[tuple[int, int, bool]] = field(default_factory=list)
    start: int = 0
    starts_in_quote: bool = False

    def emit(self, end: int) -> None:
        """Close the sentence ``[start, end)``, trimmed of whitespace, if anything is left."""
        s, e = self.start, end
        while s < e and self.text[s].isspace():
            s += 1
        while e > s and self.text[e - 1].isspace():
            e -= 1
        if s < e:
            self.found.append((s, e, self.starts_in_quote))
        self.start = end
        self.starts_in_quote = self.quotes.inside

    def is_abbreviation_or_enumerator(self, dot: int) -> bool:
        """A full stop after an abbreviation (a title) or a list number does not end a sentence."""
        if self.text[dot] != ".":
            return False
        word_start = dot
        while word_start > self.start and not self.text[word_start - 1].isspace():
            word_start -= 1
        word = self.text[word_start:dot]
        # "a.b." style abbreviations: only the last piece needs to be known.
        last_piece = word.rsplit(".", 1)[-1]
        if last_piece in self.marks.punct.abbreviations:
            return True
        # Only short numbers: a year alone before a full stop is a sentence of its own.
        is_list_number = word.isdigit() and len(word) <= 2
        return is_list_number and not self.text[self.start : word_start].strip()

    def is_spaced_bullet(self, at: int) -> bool:
        """A bullet with whitespace on both sides and words after, not between two numbers
        (``200 * 200``)."""
        text, n = self.text, len(self.text)
        if not (0 < at < n - 1 and text[at - 1].isspace() and text[at + 1].isspace()):
            return False
        before, after = at - 1, at + 1
        while before >= 0 and text[before].isspace():
            before -= 1
        while after < n and text[after].isspace():
            after += 1
        product = before >= 0 and text[before].isdigit() and after < n and text[after].isdigit()
        return after < n and not product

    def glued_stop(self, run_end: int) -> bool:
        """Whether a lone full stop joins two words of a script with no capitals, the one before
        it three letters or more ("Salih.wa-qutila": a space left out, or put before the stop
        instead of after it: "Salih .wa-qutila"); Latin letters are left alone ("U.S.",
        "spa.gov.sa"), as are short abbreviations the list lacks."""
        text, dot = self.text, run_end - 1
        if text[dot] != "." or run_end >= len(text):
            return False
        word_end = dot - 1 if dot > 0 and text[dot - 1] == " " else dot
        if word_end < GLUED_WORD:
            return False
        before, after = text[word_end - GLUED_WORD : word_end], text[run_end]
        letters = before + after
        return (
            letters.isalpha()
            and not letters.isascii()
            and not any(ch.isupper() or ch.islower() for ch in letters)
        )

    def end_after_terminator(self, run_end: int) -> int | None:
        """Where the sentence ends after a terminator run, or None when it does not end here."""
        text, n = self.text, len(self.text)
        closers = self.marks.punct.trailing_closers
        end = run_end
        while end < n and text[end] in closers:
            end += 1
        if end < n and not text[end].isspace() and not self.glued_stop(run_end):
            return None  # 3.5, a.b, or a terminator inside a word
        for ch in text[run_end:end]:
            self.quotes.update(ch, self.marks, closing=True)
        return self.absorb_spaced_closing_quote(end)

    def absorb_spaced_closing_quote(self, end: int) -> int:
        """A closing quote set off by a space (``word. "``) still belongs to this sentence."""
        text, breaks = self.text, self.marks.punct.paragraph_breaks
        after = end
        while after < len(text) and text[after].isspace() and text[after] not in breaks:
            after += 1
        alone = not text[after + 1 : after + 2].strip()  # followed by whitespace or the end
        if after < len(text) and alone and self.quotes.closes(text[after], self.marks):
            self.quotes.update(text[after], self.marks, closing=True)
            return after + 1
        return end

    def split(self) -> list[tuple[int, int, bool]]:
        text, punct = self.text, self.marks.punct
        pos = 0
        while (hit := self.marks.pattern.search(text, pos)) is not None:
            i = hit.start()
            ch = text[i]
            pos = i + 1
            if ch in punct.paragraph_breaks:
                self.quotes = _QuoteState()
                self.emit(i)
                self.start = i + 1
            elif ch in punct.bullets:
                if self.is_spaced_bullet(i) and not self.quotes.inside:
                    # a headline and its dateline run on one line: "... al-'Iraq * Anqara -":
                    # the bullet opens the next sentence, as one at a line's start does
                    self.emit(i)
            elif ch in punct.sentence_terminators:
                run_end = i + 1
                while run_end < len(text) and text[run_end] in punct.sentence_terminators:
                    run_end += 1
                pos = run_end
                if run_end == i + 1 and self.is_abbreviation_or_enumerator(i):
                    continue
                end = self.end_after_terminator(run_end)
                if end is not None:
                    self.emit(end)
                    pos = end
            else:
                self.quotes.update(ch, self.marks)
        self.emit(len(text))
        return self.found


def split_sentences(norm: str) -> list[tuple[int, int, bool]]:
    """``(start, end, starts_inside_quote)`` of each sentence in the normalised text."""
    return _Splitter(norm, _marks()).split()
