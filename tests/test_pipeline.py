"""Pipeline: the requires/produces check, the error policy, and the default stage table."""

from __future__ import annotations

import dataclasses
import logging
from importlib import resources

import pytest

import marsad
from marsad.errors import DataError, PipelineError
from marsad.io.readers import split_header
from marsad.pipeline import Pipeline, Stage, check_order
from marsad.stages import DEFAULT, STAGES, default_stages
from marsad.types import (
    Analysis,
    Article,
    Document,
    Span,
    StageError,
    Token,
    of_sentence,
    word_analysis,
    word_span,
    word_token,
)

# docs/index.md and the architecture: normalise, sentences, tokens, mentions, actors, events,
# dates, then the step that merges an event told twice into one record.
DOCUMENTED_ORDER = (
    "normalize",
    "sentences",
    "tokens",
    "mentions",
    "actors",
    "events",
    "dates",
    "places",
    "merge",
)


class Adds:
    """A stage that adds one layer (and remembers the articles it saw)."""

    def __init__(self, name: str, requires: set[str], produces: set[str]) -> None:
        self.name = name
        self.requires = frozenset(requires)
        self.produces = frozenset(produces)
        self.seen: list[str] = []

    def __call__(self, doc: Document) -> Document:
        self.seen.append(doc.article.id)
        for layer in sorted(self.produces):
            doc = doc.with_layer(layer)
        return doc


class Fails:
    """A stage that raises ``error`` on articles whose text contains ``trigger``."""

    def __init__(self, error: Exception, trigger: str = "") -> None:
        self.name = "fails"
        self.requires = frozenset({"a"})
        self.produces = frozenset({"b"})
        self.error = error
        self.trigger = trigger

    def __call__(self, doc: Document) -> Document:
        if self.trigger in doc.text:
            raise self.error
        return doc.with_layer("b")


def article(text: str = "نص", id: str = "art-1") -> Article:
    return Article(id=id, text=text)


# -- check_order -----------------------------------------------------------------------------


def test_check_order_accepts_stages_whose_needs_are_met_earlier() -> None:
    stages: list[Stage] = [Adds("one", set(), {"a"}), Adds("two", {"a"}, {"b"})]
    check_order(stages)
    assert Pipeline(stages).names == ("one", "two")


def test_check_order_rejects_a_need_no_stage_produces_and_names_the_stage() -> None:
    stages: list[Stage] = [Adds("one", set(), {"a"}), Adds("needy", {"a", "zzz"}, {"b"})]
    with pytest.raises(PipelineError) as info:
        check_order(stages)
    message = str(info.value)
    assert "'needy'" in message
    assert "zzz" in message
    assert message.startswith("[PIPELINE] ")
    with pytest.raises(PipelineError, match="needy"):
        Pipeline(stages)


def test_check_order_rejects_a_need_produced_only_by_a_later_stage() -> None:
    stages: list[Stage] = [Adds("late", {"a"}, {"b"}), Adds("early", set(), {"a"})]
    with pytest.raises(PipelineError, match=r"'late' needs \['a'\]"):
        check_order(stages)


def test_check_order_rejects_the_real_stages_out_of_order() -> None:
    with pytest.raises(PipelineError, match="'tokens'"):
        Pipeline(default_stages(("normalize", "tokens", "sentences")))
    with pytest.raises(PipelineError, match="'actors'"):
        Pipeline(default_stages(("normalize", "sentences", "tokens", "actors")))


def test_an_empty_pipeline_returns_the_bare_document() -> None:
    doc = Pipeline([])(article())
    assert (doc.layers, doc.errors, doc.events) == (frozenset(), (), ())


# -- error policy ----------------------------------------------------------------------------


def test_a_failing_stage_is_recorded_and_earlier_layers_are_kept(
    caplog: pytest.LogCaptureFixture,
) -> None:
    after = Adds("after", {"b"}, {"c"})
    pipeline = Pipeline([Adds("first", set(), {"a"}), Fails(ValueError("bad input")), after])
    with caplog.at_level(logging.WARNING, logger="marsad.pipeline"):
        doc = pipeline(article(id="broken"))
    assert doc.errors == (StageError("fails", "ValueError: bad input"),)
    assert doc.layers == frozenset({"a"})
    assert after.seen == []  # what needed the failed layer did not run
    assert any("fails" in r.getMessage() and "broken" in r.getMessage() for r in caplog.records)


def test_one_bad_article_does_not_stop_the_others() -> None:
    pipeline = Pipeline([Adds("first", set(), {"a"}), Fails(KeyError("x"), trigger="BAD")])
    docs = list(pipeline.pipe([article("ok", "1"), article("BAD", "2"), article("ok", "3")]))
    assert [d.article.id for d in docs] == ["1", "2", "3"]
    assert [d.errors for d in docs] == [(), (StageError("fails", "KeyError: 'x'"),), ()]
    assert [d.layers for d in docs] == [
        frozenset({"a", "b"}),
        frozenset({"a"}),
        frozenset({"a", "b"}),
    ]


def test_strict_re_raises_the_stage_error() -> None:
    pipeline = Pipeline([Adds("first", set(), {"a"}), Fails(ValueError("bad"))], strict=True)
    assert pipeline.strict
    with pytest.raises(ValueError, match="bad"):
        pipeline(article())
    with pytest.raises(ValueError, match="bad"):
        pipeline.code(article())


def test_a_data_error_always_propagates() -> None:
    stages: list[Stage] = [Adds("first", set(), {"a"}), Fails(DataError("broken table"))]
    for strict in (False, True):
        with pytest.raises(DataError, match="broken table"):
            Pipeline(stages, strict=strict)(article())


def test_a_data_error_stops_a_run_of_many_articles() -> None:
    stages: list[Stage] = [Adds("first", set(), {"a"}), Fails(DataError("bad"), trigger="X")]
    docs = Pipeline(stages).pipe([article("ok", "1"), article("X", "2"), article("ok", "3")])
    assert next(docs).article.id == "1"
    with pytest.raises(DataError):
        next(docs)


def test_code_returns_the_events_of_the_document() -> None:
    assert Pipeline([Adds("first", set(), {"a"})]).code(article()) == []


# -- the stage table -------------------------------------------------------------------------


def test_default_stages_reject_unknown_names() -> None:
    with pytest.raises(PipelineError) as info:
        default_stages(("normalize", "nonsense", "places"))
    message = str(info.value)
    assert "nonsense" in message and "places" in message
    assert "normalize" in message  # the known names are listed


def test_default_pipeline_stages_are_in_the_documented_order() -> None:
    assert DEFAULT == DOCUMENTED_ORDER
    assert tuple(s.name for s in default_stages()) == DOCUMENTED_ORDER
    assert marsad.load().names == DOCUMENTED_ORDER


@pytest.mark.parametrize("name", sorted(STAGES))
def test_each_registered_stage_is_named_as_registered(name: str) -> None:
    (stage,) = default_stages((name,))
    assert stage.name == name
    assert isinstance(stage.requires, frozenset)
    assert isinstance(stage.produces, frozenset)
    assert stage.produces, f"stage {name} produces nothing"


def test_default_stages_build_fresh_instances() -> None:
    first, second = default_stages(("normalize",)), default_stages(("normalize",))
    assert first[0] is not second[0]


def test_a_prefix_of_the_default_order_is_a_valid_pipeline() -> None:
    for n in range(1, len(DEFAULT) + 1):
        Pipeline(default_stages(DEFAULT[:n]))


def test_load_strict_builds_a_strict_pipeline() -> None:
    assert marsad.load(strict=True).strict
    assert not marsad.load().strict


# -- the document a stage hands on -----------------------------------------------------------


def test_with_layer_is_replace_with_the_layer_added() -> None:
    doc = Document(article=article(), norm_text="نص", layers=frozenset({"normalize"}))
    made = doc.with_layer("events", errors=(StageError("x", "bad"),))
    expected = dataclasses.replace(
        doc, layers=frozenset({"normalize", "events"}), errors=(StageError("x", "bad"),)
    )
    assert made == expected
    assert doc.layers == frozenset({"normalize"})  # the original is untouched
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.norm_text = "x"  # type: ignore[misc]


def test_with_layer_refuses_a_field_the_document_does_not_have() -> None:
    with pytest.raises(TypeError, match="no field tokenz"):
        Document(article=article()).with_layer("tokens", tokenz=())


def test_the_tokens_stage_records_are_the_constructors_records() -> None:
    span, moved = word_span(4, 9), word_span(5, 11)
    assert span == Span(4, 9) and hash(span) == hash(Span(4, 9))
    made = word_token(2, "word", moved, span, 1, False, (Analysis((), "word"),))
    expected = Token(2, "word", Span(5, 11), Span(4, 9), 1, False, (Analysis((), "word"),))
    assert made == expected and hash(made) == hash(expected)
    assert repr(made) == repr(expected)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 0  # type: ignore[misc]
    reading = word_analysis(("wa",), "word", "hu")
    assert reading == Analysis(("wa",), "word", "hu") and repr(reading) == repr(
        Analysis(("wa",), "word", "hu")
    )


def test_a_begun_document_is_the_constructors_document() -> None:
    begun, made = Document.begin(article()), Document(article=article())
    assert begun == made and repr(begun) == repr(made)
    first = begun.with_layer("norm").with_layer("sentences")
    again = made.with_layer("norm").with_layer("sentences")
    assert first.layers == again.layers == {"norm", "sentences"} and not begun.layers


def test_of_sentence_gives_the_items_of_one_sentence_of_a_layer_ordered_by_sentence() -> None:
    doc = marsad.analyze("قال الرئيس. واتصل وزير الخارجية بنظيره. ولم يعلق الجيش.", "2021-05-19")
    assert [a.sentence for a in doc.actors] == [0, 1, 1, 2]
    for sentence in range(4):
        found = of_sentence(doc.actors, sentence)
        assert found == tuple(a for a in doc.actors if a.sentence == sentence)
    assert of_sentence((), 0) == ()


def test_the_mentions_and_actors_of_each_stage_are_ordered_by_sentence() -> None:
    """``of_sentence`` bisects them, so every stage must hand them on in sentence order."""
    raw = resources.files("marsad").joinpath("examples", "ar-2021-05-karabakh.txt")
    date, text = split_header(raw.read_text(encoding="utf-8"))
    doc = Document.begin(Article(id="seed", text=text, date=date))
    for stage in default_stages():
        doc = stage(doc)
        for layer in (doc.mentions, doc.actors):
            sentences = [item.sentence for item in layer]
            assert sentences == sorted(sentences), stage.name
    assert len({a.sentence for a in doc.actors}) > 5
