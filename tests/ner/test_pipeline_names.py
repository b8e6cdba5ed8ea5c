"""Names the knowledge base lacks become actors when the pipeline uses the tagger."""

from __future__ import annotations

import marsad
from marsad.types import Article

SENTENCE = "وبحث وزير الخارجية البوروندي ويلي نداهيريوي مع نظيره المصري الأوضاع في السودان."


def test_an_unknown_name_joins_its_title_and_country() -> None:
    doc = marsad.load(tagger=True)(Article("a", SENTENCE, "2020-01-01"))
    named = [a for a in doc.actors if a.method == "unknown-person"]
    assert [(a.code, a.sector, a.identifier) for a in named] == [("BDI", "GOV", None)]
    assert named[0].entity_text.endswith("نداهيريوي")
    (event,) = doc.events
    assert event.actor[0].entity_text == named[0].entity_text


def test_a_bare_unknown_name_is_kept_with_no_code() -> None:
    doc = marsad.load(tagger=True)(
        Article("a", "وقال جان بيير كاموانزا إن الوضع هادئ.", "2020-01-01")
    )
    named = [a for a in doc.actors if a.method == "unknown-person"]
    assert len(named) == 1 and named[0].code is None
    assert "كاموانزا" in named[0].entity_text


def test_without_the_tagger_only_the_knowledge_base_names() -> None:
    doc = marsad.load()(Article("a", SENTENCE, "2020-01-01"))
    assert all(a.method != "unknown-person" for a in doc.actors)
    assert not any("نداهيريوي" in a.entity_text for a in doc.actors)
