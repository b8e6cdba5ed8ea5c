"""PhraseMatcher: lexicon phrases found in tokens whatever clitics the tokens carry."""

from __future__ import annotations

import gc

import pytest

from marsad.matcher import Match, PhraseMatcher
from marsad.stages.normalize import NormalizeStage
from marsad.stages.sentences import SentenceStage
from marsad.stages.tokens import TokenStage
from marsad.text.normalize import normalize_phrase
from marsad.text.tokenize import analyze, entry_keys
from marsad.types import Analysis, Article, Document, Span, Token


def tokens_of(text: str) -> tuple[Token, ...]:
    """Tokens as the pipeline makes them (normalised, with their clitic analyses)."""
    doc = Document(Article(id="matcher-test", text=text))
    for stage in (NormalizeStage(), SentenceStage(), TokenStage()):
        doc = stage(doc)
    return doc.tokens


def hand_token(index: int, word: str, *, punct: bool = False) -> Token:
    """A token built without the stages; its analyses are those ``analyze`` gives its text."""
    text = normalize_phrase(word)
    start = index * 10
    return Token(
        index=index,
        text=text,
        span=Span(start, start + len(text)),
        norm_span=Span(start, start + len(text)),
        sentence=0,
        is_punct=punct,
        analyses=() if punct else analyze(text),
    )


def matcher(*entries: tuple[str, str]) -> PhraseMatcher[str]:
    """A matcher of ``(phrase, value)`` entries, each phrase keyed as the lexicons key it."""
    m: PhraseMatcher[str] = PhraseMatcher()
    for phrase, value in entries:
        m.add(entry_keys(phrase), value)
    return m


def spans(found: list[Match[str]]) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.value) for m in found]


# -- building ------------------------------------------------------------------------------


def test_empty_phrase_is_rejected() -> None:
    m: PhraseMatcher[str] = PhraseMatcher()
    with pytest.raises(ValueError, match="empty phrase"):
        m.add([], "nothing")
    with pytest.raises(ValueError, match="empty phrase"):
        m.add((), "nothing")
    assert len(m) == 0


def test_len_counts_every_entry_even_on_one_phrase() -> None:
    m = matcher(("الرئيس", "president"), ("الرئيس", "chair"), ("رئيس الوزراء", "pm"))
    assert len(m) == 3


# -- clitics -------------------------------------------------------------------------------


def test_single_word_entry_matches_through_article_and_prepositions() -> None:
    m = matcher(("الكرملين", "kremlin"))
    tokens = tokens_of("قال الكرملين وأعلن للكرملين وكرملين")
    found = m.find_all(tokens)
    assert [tokens[f.start].text for f in found] == ["الكرملين", "للكرملين", "وكرملين"]
    assert [f.value for f in found] == ["kremlin"] * 3
    # the cost counts the clitics stripped: ال ; ل + ال ; و
    assert [f.cost for f in found] == [1, 2, 1]


def test_multiword_phrase_matches_across_clitics_on_each_word() -> None:
    m = matcher(("وزير الخارجية", "fm"))
    tokens = tokens_of("وبحث ووزير الخارجية أمس")
    (found,) = m.find_all(tokens)
    assert (found.start, found.end, found.value) == (1, 3, "fm")
    assert found.cost == 2  # و on the first word, ال on the second
    assert [t.text for t in tokens[found.start : found.end]] == ["ووزير", "الخارجيه"]


def test_a_phrase_needs_every_word_in_order() -> None:
    m = matcher(("وزير الخارجية", "fm"))
    assert m.find_all(tokens_of("الخارجية وزير")) == []
    assert m.find_all(tokens_of("وزير الدفاع الخارجية")) == []


def test_fewest_clitics_first_a_word_before_a_preposition_and_a_word() -> None:
    # «بحث» is "discussed" before it is «ب» + «حث» ("urging")
    m = matcher(("حث", "urge"), ("بحث", "discuss"))
    tokens = tokens_of("بحث")
    here = m.matches_at(tokens, 0)
    assert [(x.value, x.cost) for x in here] == [("discuss", 0), ("urge", 1)]
    assert spans(m.find_all(tokens)) == [(0, 1, "discuss")]


def test_fewest_clitics_does_not_depend_on_the_order_entries_were_added() -> None:
    first = matcher(("بحث", "discuss"), ("حث", "urge"))
    second = matcher(("حث", "urge"), ("بحث", "discuss"))
    tokens = tokens_of("وبحث")
    assert spans(first.find_all(tokens)) == spans(second.find_all(tokens)) == [(0, 1, "discuss")]
    assert [m.cost for m in first.find_all(tokens)] == [1]


def test_only_a_clitic_reading_matches_when_that_is_all_there_is() -> None:
    m = matcher(("حث", "urge"))
    assert [(x.value, x.cost) for x in m.find_all(tokens_of("بحث"))] == [("urge", 1)]


def test_hand_built_tokens_match_like_stage_tokens() -> None:
    m = matcher(("وزير الخارجية", "fm"))
    tokens = [hand_token(0, "ووزير"), hand_token(1, "الخارجية")]
    assert spans(m.find_all(tokens)) == [(0, 2, "fm")]


def test_a_token_matches_only_the_keys_it_carries() -> None:
    m = matcher(("خارجية", "bare"))
    word = normalize_phrase("بالخارجيات")  # a surface no other test uses
    stem = normalize_phrase("خارجية")
    reading = Token(0, word, Span(0, 10), Span(0, 10), 0, analyses=(Analysis(("ب",), stem),))
    assert stem in reading.keys
    assert spans(m.find_all([reading])) == [(0, 1, "bare")]


def test_a_token_without_analyses_does_not_borrow_the_keys_of_an_earlier_token() -> None:
    m = matcher(("خارجية", "bare"))
    word = normalize_phrase("للخارجيات")  # a surface no other test uses
    stem = normalize_phrase("خارجية")
    reading = Token(0, word, Span(0, 10), Span(0, 10), 0, analyses=(Analysis(("ل",), stem),))
    assert spans(m.find_all([reading])) == [(0, 1, "bare")]
    bare = Token(0, word, Span(0, 10), Span(0, 10), 0, analyses=())
    assert stem not in bare.keys
    assert m.find_all([bare]) == []


# -- leftmost-longest ------------------------------------------------------------------------


def test_longest_phrase_wins_at_one_start() -> None:
    m = matcher(("رئيس", "head"), ("رئيس الوزراء", "pm"))
    tokens = tokens_of("قال رئيس الوزراء")
    assert spans(m.find_all(tokens)) == [(1, 3, "pm")]
    # matches_at lists every phrase starting there, longest first
    assert spans(m.matches_at(tokens, 1)) == [(1, 3, "pm"), (1, 2, "head")]


def test_leftmost_match_wins_over_an_overlapping_later_one() -> None:
    m = matcher(("رئيس الوزراء", "pm"), ("الوزراء العرب", "arab ministers"))
    tokens = tokens_of("رئيس الوزراء العرب")
    assert spans(m.find_all(tokens)) == [(0, 2, "pm")]


def test_matches_do_not_overlap_and_scanning_goes_on_after_each() -> None:
    m = matcher(("رئيس الوزراء", "pm"), ("وزير الخارجية", "fm"), ("الخارجية", "mfa"))
    tokens = tokens_of("رئيس الوزراء ووزير الخارجية ثم الخارجية")
    assert spans(m.find_all(tokens)) == [(0, 2, "pm"), (2, 4, "fm"), (5, 6, "mfa")]


def test_every_value_of_the_winning_phrase_is_returned() -> None:
    m = matcher(("الرئيس", "president"), ("الرئيس", "chair"), ("رئيس", "short"))
    found = m.find_all(tokens_of("الرئيس"))
    assert sorted(f.value for f in found) == ["chair", "president", "short"]


def test_a_longer_phrase_that_is_not_complete_falls_back_to_the_shorter() -> None:
    m = matcher(("رئيس", "head"), ("رئيس الوزراء الأول", "first pm"))
    tokens = tokens_of("رئيس الوزراء قال")
    assert spans(m.find_all(tokens)) == [(0, 1, "head")]


# -- boundaries ------------------------------------------------------------------------------


def test_punctuation_stops_a_phrase() -> None:
    m = matcher(("رئيس الوزراء", "pm"), ("رئيس", "head"))
    tokens = tokens_of("رئيس، الوزراء")
    assert [t.is_punct for t in tokens] == [False, True, False]
    assert spans(m.find_all(tokens)) == [(0, 1, "head")]


def test_no_phrase_starts_on_a_punctuation_token() -> None:
    m: PhraseMatcher[str] = PhraseMatcher()
    m.add(["،"], "comma")
    tokens = tokens_of("رئيس، الوزراء")
    assert tokens[1].is_punct
    assert m.matches_at(tokens, 1) == []
    assert m.find_all(tokens) == []


def test_hand_built_punctuation_token_breaks_a_phrase() -> None:
    m = matcher(("وزير الخارجية", "fm"))
    tokens = [hand_token(0, "وزير"), hand_token(1, "-", punct=True), hand_token(2, "الخارجية")]
    assert m.find_all(tokens) == []


def test_start_and_stop_bound_the_search() -> None:
    m = matcher(("رئيس الوزراء", "pm"), ("رئيس", "head"))
    tokens = tokens_of("رئيس الوزراء رئيس الوزراء")
    assert spans(m.find_all(tokens, 2)) == [(2, 4, "pm")]
    # a phrase may not run past stop (the end of a sentence)
    assert spans(m.find_all(tokens, 0, 1)) == [(0, 1, "head")]
    assert spans(m.matches_at(tokens, 2, 3)) == [(2, 3, "head")]
    assert m.matches_at(tokens, 4) == []
    assert m.find_all(tokens, 3, 3) == []


def test_a_phrase_does_not_cross_a_sentence_when_searched_per_sentence() -> None:
    m = matcher(("رئيس الوزراء", "pm"))
    doc = Document(Article(id="s", text="قال رئيس. الوزراء غادروا."))
    for stage in (NormalizeStage(), SentenceStage(), TokenStage()):
        doc = stage(doc)
    assert len(doc.sentences) == 2
    for sentence in doc.sentences:
        assert m.find_all(doc.tokens, sentence.token_start, sentence.token_end) == []


# -- many matchers over one document ----------------------------------------------------------


def test_a_matcher_made_after_a_document_was_scanned_finds_its_phrases_in_it() -> None:
    tokens = tokens_of("استقبل الرئيس السفير في القصر")
    assert spans(matcher(("رئيس", "head")).find_all(tokens)) == [(1, 2, "head")]
    # the tokens' masks were computed before this matcher's first words existed
    later = matcher(("سفير", "envoy"), ("قصر", "palace"))
    assert spans(later.find_all(tokens)) == [(2, 3, "envoy"), (4, 5, "palace")]


def test_a_throwaway_matcher_finds_what_a_lasting_one_does() -> None:
    tokens = tokens_of("وصل وزير الخارجية إلى الخارجية الروسية")
    throwaway: PhraseMatcher[str] = PhraseMatcher(throwaway=True)
    lasting: PhraseMatcher[str] = PhraseMatcher()
    for m in (throwaway, lasting):
        m.add(entry_keys("خارجية"), "ministry")
        m.add(entry_keys("وزير الخارجية"), "fm")
    assert spans(throwaway.find_all(tokens)) == spans(lasting.find_all(tokens))
    assert spans(throwaway.find_all(tokens)) == [(1, 3, "fm"), (4, 5, "ministry")]


def test_matchers_that_are_gone_leave_the_others_whole() -> None:
    tokens = tokens_of("التقى الوزير نظيره في العاصمة")
    kept = matcher(("عاصمة", "capital"))
    for _ in range(200):  # bits are reused as matchers come and go
        assert spans(matcher(("وزير", "minister")).find_all(tokens)) == [(1, 2, "minister")]
    gc.collect()
    assert spans(kept.find_all(tokens)) == [(4, 5, "capital")]
    assert spans(matcher(("نظير", "counterpart")).find_all(tokens)) == [(2, 3, "counterpart")]


# -- where a phrase may start ----------------------------------------------------------------


def test_starts_in_gives_the_tokens_a_phrase_may_start_at() -> None:
    m = matcher(("مجلس الأمن", "unsc"), ("بغداد", "baghdad"))
    tokens = tokens_of("اجتمع مجلس الوزراء في بغداد ومجلس الأمن")
    # "majlis" may start a phrase (and does not end one there), "bi-Baghdad" too; so does
    # "wa-majlis" with its conjunction
    assert m.starts_in(tokens, 0, len(tokens)) == [1, 4, 5]
    assert m.starts_in(tokens, 2, 5) == [4]


def test_may_start_at_reads_the_next_token() -> None:
    m = matcher(("مجلس الأمن", "unsc"), ("بغداد", "baghdad"))
    tokens = tokens_of("اجتمع مجلس الوزراء في بغداد ومجلس الأمن")
    assert not m.may_start_at(tokens, 1)  # "majlis al-wuzara'": no phrase goes on so
    assert m.may_start_at(tokens, 4)  # a phrase of one word
    assert m.may_start_at(tokens, 5)  # "wa-majlis al-amn"
    assert not m.may_start_at(tokens, 5, stop=6)  # its second word lies past the stop
    assert not m.may_start_at(tokens, 0)
