"""Names in office (persons' ``office_names_ar``): a name shared by several people names the one
who held a role on the article's day, and no one when none did or when two did."""

from __future__ import annotations

import pytest

from marsad.kb import KnowledgeBase, default_kb
from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.stages.mentions import MentionStage
from marsad.text.tokenize import entry_keys
from marsad.types import Article


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


@pytest.fixture(scope="module")
def pipeline(kb: KnowledgeBase) -> Pipeline:
    return Pipeline([*default_stages(("normalize", "sentences", "tokens")), MentionStage(kb)])


def person_named(pipeline: Pipeline, text: str, day: str) -> list[str | None]:
    doc = pipeline(Article("office-names", text, day))
    return [m.kb_id for m in doc.mentions if m.kind == "person"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("1995-06-01", ["bill-clinton"]),  # president
        ("2011-06-01", ["hillary-clinton"]),  # secretary of state
        ("2016-06-01", []),  # neither holds a role: no one is named
    ],
)
def test_a_shared_surname_names_who_was_in_office(
    pipeline: Pipeline, day: str, expected: list[str]
) -> None:
    assert person_named(pipeline, "وانتقدت كلينتون الحكومة.", day) == expected


def test_a_name_two_people_held_office_under_that_day_names_neither(pipeline: Pipeline) -> None:
    text = "وقال إيفانوف إن المحادثات مثمرة."
    assert person_named(pipeline, text, "2002-06-01") == []  # Igor (FM) and Sergei (defence)
    assert person_named(pipeline, text, "2006-06-01") == ["sergei-ivanov"]


def test_a_name_listed_with_and_without_the_article_names_its_one_holder(
    pipeline: Pipeline,
) -> None:
    # «طالباني|الطالباني»: both entries match «الطالباني», one person, not two
    assert person_named(pipeline, "وقال الطالباني إن", "2010-06-01") == ["jalal-talabani"]


def test_a_full_name_needs_no_office(pipeline: Pipeline) -> None:
    assert person_named(pipeline, "وقال جورج دبليو بوش إن", "2015-06-01") == ["george-w-bush"]
    assert person_named(pipeline, "وقال بوش إن", "2015-06-01") == []


def test_every_office_name_can_name_someone(kb: KnowledgeBase) -> None:
    for person in kb.persons():
        if not person.office_names:
            continue
        assert kb.roles_of(person.id), f"{person.id}: office names but no role"
        own = {tuple(entry_keys(name)) for name in person.names}
        for name in person.office_names:
            assert tuple(entry_keys(name)) not in own, f"{person.id}: {name} is a name already"


def test_a_one_word_name_listed_with_the_article_needs_it(pipeline: Pipeline) -> None:
    # «الأسد» is Bashar al-Assad, «أسد» a lion; «البشير» the Sudanese president, «بشير» a name
    assert person_named(pipeline, "وقال الأسد إن", "2015-06-01") == ["bashar-al-assad"]
    assert person_named(pipeline, "وهرب أسد من حديقة الحيوان", "2015-06-01") == []
    assert person_named(pipeline, "وقال البشير إن", "2015-06-01") == ["omar-al-bashir"]
    assert person_named(pipeline, "ووقع صالح بشير عقدا مع النادي", "2015-06-01") == []
