"""Actor resolution: the first five stages on short Arabic texts with an article date.

Cases are rows of ``cases/actors.tsv``; a row with a ``bug`` cell shows a known bug and runs
as a strict xfail.
"""

from __future__ import annotations

from functools import cache

import pytest

from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.types import ActorRef, Article, Document
from tests.lang.ar.conftest import read_cases

FIRST_FIVE = ("normalize", "sentences", "tokens", "mentions", "actors")
FIELDS = ("code", "sector", "identifier", "office", "method")


@cache
def pipeline() -> Pipeline:
    return Pipeline(default_stages(FIRST_FIVE), strict=True)


def resolve(text: str, date: str) -> Document:
    doc = pipeline()(Article(id="actors-test", text=text, date=date))
    assert doc.errors == ()
    return doc


def cell(value: str) -> str | None:
    return None if value == "-" else value


def params() -> list[object]:
    out: list[object] = []
    for i, row in enumerate(read_cases("actors.tsv")):
        marks = [pytest.mark.xfail(reason=row["bug"], strict=True)] if row["bug"] else []
        out.append(pytest.param(row, id=f"{i}-{row['why']}"[:60], marks=marks))
    return out


def describe(actors: tuple[ActorRef, ...]) -> list[tuple[object, ...]]:
    return [(a.entity_text, *(getattr(a, f) for f in FIELDS)) for a in actors]


def test_there_are_enough_cases() -> None:
    rows = read_cases("actors.tsv")
    assert len(rows) >= 14
    assert {row["method"] for row in rows} >= {
        "person-role",
        "person-former-role",
        "title-holder",
        "metonym",
        "agent-country",
        "side-country",
        "organisation",
    }


@pytest.mark.parametrize("case", params())
def test_actor_case(case: dict[str, str]) -> None:
    doc = resolve(case["text"], case["date"])
    assert len(doc.actors) == int(case["actors"]), describe(doc.actors)
    for actor in doc.actors:  # every span slices the raw text to what it says was written
        assert doc.text[actor.span.start : actor.span.end] == actor.entity_text
    if case["entity_text"] == "-":
        return
    found = [a for a in doc.actors if a.entity_text == case["entity_text"]]
    assert len(found) == 1, describe(doc.actors)
    (actor,) = found
    want = {name: cell(case[name]) for name in FIELDS}
    assert {name: getattr(actor, name) for name in FIELDS} == want


def test_title_without_a_name_follows_the_date() -> None:
    """«الرئيس الروسي» names whoever held the office on the article's date."""
    holders = {
        date: resolve("قال الرئيس الروسي إن", date).actors[0].identifier
        for date in ("2005-01-01", "2009-01-01", "2012-05-06", "2012-05-07", "2021-05-19")
    }
    assert holders == {
        "2005-01-01": "vladimir-putin",
        "2009-01-01": "dmitry-medvedev",
        "2012-05-06": "dmitry-medvedev",
        "2012-05-07": "vladimir-putin",  # a spell covers start <= day < end
        "2021-05-19": "vladimir-putin",
    }


def test_a_former_title_names_nobody_in_office() -> None:
    """«الرئيس الأمريكي السابق»: a former president, never the one in office that day."""
    (actor,) = resolve("وقال الرئيس الأمريكي السابق إن", "2018-05-19").actors
    assert (actor.code, actor.sector, actor.identifier, actor.office, actor.method) == (
        "USA",
        "ELI",
        None,
        "president",
        "title-former",
    )


def test_igo_title_takes_the_holder_of_its_own_organisation() -> None:
    """The same title names different people in different organisations on one day."""
    text = "وقال الأمين العام لجامعة الدول العربية والأمين العام للأمم المتحدة إن"
    doc = resolve(text, "2021-05-19")
    assert [(a.code, a.identifier, a.office, a.method) for a in doc.actors] == [
        ("IGO", "ahmed-aboul-gheit", "secretary_general", "title-holder"),
        ("UNO", "antonio-guterres", "secretary_general", "title-holder"),
    ]


def test_actors_in_a_longer_text_point_into_the_raw_text() -> None:
    text = (
        "بحث الرئيسُ الروسيّ، فلاديمير بوتين، في اتصال هاتفي مع نظيره الأذربيجاني إلهام علييف "
        "الوضع في قره باغ.\n\nوقال لافروف إن موسكو مستعدة للوساطة بين أرمينيا وأذربيجان."
    )
    doc = resolve(text, "2021-05-19")
    assert [a.sentence for a in doc.actors] == sorted(a.sentence for a in doc.actors)
    assert {a.identifier for a in doc.actors} >= {
        "vladimir-putin",
        "ilham-aliyev",
        "sergey-lavrov",
    }
    for actor in doc.actors:
        assert text[actor.span.start : actor.span.end] == actor.entity_text
        assert actor.token_start < actor.token_end
        tokens = doc.tokens[actor.token_start : actor.token_end]
        assert (tokens[0].span.start, tokens[-1].span.end) == (actor.span.start, actor.span.end)
        assert all(t.sentence == actor.sentence for t in tokens)
