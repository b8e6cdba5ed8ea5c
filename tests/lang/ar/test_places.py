"""Event places: toponyms in the event's clause, resolved with the offline gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

import marsad
from marsad.eval.places import read_cases, score_cases
from marsad.places.gazetteer import gazetteer, place_words
from marsad.places.toponyms import find_toponyms
from marsad.stages import default_stages
from marsad.types import Article, Document, EventRecord

CASES = Path(__file__).parent / "places"
PIPELINE = marsad.load(strict=True)


def _code(text: str, date: str = "2023-10-17") -> Document:
    return PIPELINE(Article("case", text, date))


def _event(doc: Document, trigger: str) -> EventRecord:
    (event,) = [e for e in doc.events if any(trigger in ev.text for ev in e.evidence)]
    return event


def _country(doc: Document, trigger: str) -> str | None:
    place = _event(doc, trigger).place
    return place.country_code if place else None


def test_tripoli_is_in_lebanon_when_the_actors_are_lebanese() -> None:
    doc = _code("التقى الرئيس اللبناني ميشال عون رئيس الحكومة في طرابلس يوم الأحد.")
    place = _event(doc, "التقى").place
    assert place is not None and place.country_code == "LBN"
    assert place.resolved_place == "Tripoli" and abs(place.lat - 34.43) < 0.1  # type: ignore[operator]


def test_tripoli_is_in_libya_when_the_actors_are_libyan() -> None:
    doc = _code("اجتمع رئيس الوزراء الليبي عبد الحميد الدبيبة مع وزير الخارجية التركي في طرابلس.")
    assert _country(doc, "اجتمع") == "LBY"


def test_tripoli_is_in_lebanon_when_the_article_is_about_lebanon() -> None:
    doc = _code(
        "تصاعدت الأزمة في لبنان خلال الأسبوع الجاري. "
        "وتظاهر المئات في طرابلس أمس احتجاجا على انقطاع الكهرباء."
    )
    assert _country(doc, "تظاهر") == "LBN"


def test_tripoli_alone_is_the_larger_one() -> None:
    doc = _code("تظاهر المئات في طرابلس أمس.")
    assert _country(doc, "تظاهر") == "LBY"


def test_karabakh_is_azerbaijan_as_plover_has_it() -> None:
    doc = _code("هاجمت القوات الأذربيجانية مواقع في إقليم قره باغ.")
    place = _event(doc, "هاجمت").place
    assert place is not None
    assert (place.country_code, place.resolution, place.feature) == ("AZE", 2, "RGN")
    assert place.extracted_place == "إقليم قره باغ"  # a curated name with its head


def test_karabakh_towns_are_azerbaijan_too() -> None:
    doc = _code("قصفت القوات الأذربيجانية مدينة ستيباناكيرت أمس.")
    assert _country(doc, "قصفت") == "AZE"


def test_syunik_is_armenia() -> None:
    doc = _code("قتل جندي أرميني في تبادل لإطلاق النار في منطقة سيونيك الأحد.")
    place = _event(doc, "قتل").place
    assert place is not None and (place.resolved_place, place.country_code) == ("Syunik", "ARM")


def test_a_place_talked_about_is_not_where_the_event_is() -> None:
    doc = _code("بحث بوتين وعلييف في اتصال هاتفي الوضع في قره باغ.")
    assert _event(doc, "بحث").place is None


@pytest.mark.parametrize(
    "text",
    [
        "وطالبت الوزارة بتنفيذ استراتيجية تصريف الأمطار ودرء مخاطر السيول في المدن.",  # floods
        "ودعا رئيس البلدية إلى إغلاق مطعم بخاري لمخالفته الاشتراطات الصحية.",  # a rice dish
    ],
)
def test_ordinary_words_that_spell_a_city_are_no_place(text: str) -> None:
    """«السيول» (floods) is no Seoul, «بخاري» (the rice dish) no Bukhara."""
    doc = _code(text, "2015-07-22")
    found = find_toponyms(doc.tokens, 0, len(doc.tokens), gazetteer(), place_words(), nisbas={})
    assert [doc.raw(doc.tokens[t.start].span) for t in found] == []


def test_a_municipality_heads_its_town() -> None:
    """«ببلدية القنفذة» (in the municipality of Al Qunfudhah): «بلدية» heads a town's name."""
    doc = _code("قام المراقبون الصحيون ببلدية القنفذة بجولة على المحلات.", "2015-08-06")
    found = find_toponyms(doc.tokens, 0, len(doc.tokens), gazetteer(), place_words(), nisbas={})
    assert [(t.head, t.candidates[0].country) for t in found] == [("city", "SAU")]


def test_an_event_with_no_toponym_in_its_clause_gets_no_place() -> None:
    doc = _code("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع نظيره التركي أمس.")
    assert all(e.place is None for e in doc.events)


def test_an_actor_country_is_not_a_place_but_the_locus_is() -> None:
    doc = _code("أرسلت روسيا تعزيزات عسكرية إلى سوريا أمس.")
    assert _country(doc, "تعزيزات") == "SYR"
    assert [p.country_code for p in doc.places] == ["SYR"]


def test_the_capital_named_by_a_nisba_alone() -> None:
    doc = _code("تظاهر المئات أمام السفارة الإسرائيلية في العاصمة الأردنية أمس.")
    place = _event(doc, "تظاهر").place
    assert place is not None and place.resolved_place == "Amman"


def test_a_country_named_after_the_word_capital_is_its_capital_city() -> None:
    doc = _code("اعتقلت الشرطة التونسية ناشطين في العاصمة تونس أمس.")
    place = _event(doc, "اعتقلت").place
    assert place is not None and (place.resolved_place, place.resolution) == ("Tunis", 4)


def test_the_town_before_its_region() -> None:
    doc = _code("قتل ثلاثة مدنيين أمس في قصف على مدينة سراقب بريف إدلب.")
    place = _event(doc, "قتل").place
    assert place is not None and place.resolved_place == "Saraqib"


def test_a_sub_city_place_resolves_to_resolution_five() -> None:
    doc = _code("قصفت الطائرات الإسرائيلية مخيم جباليا شمال قطاع غزة أمس.")
    place = _event(doc, "قصفت").place
    assert place is not None and (place.feature, place.resolution) == ("CMP", 5)


def test_document_places_point_into_the_raw_text() -> None:
    text = "قتل ثلاثة مدنيين أمس في قصف على مدينة سراقب بريف إدلب."
    doc = _code(text)
    assert [p.resolved_place for p in doc.places] == ["Saraqib", "Idlib"]
    for place in doc.places:
        assert place.span is not None
        assert text[place.span.start : place.span.end] == place.extracted_place


def test_the_record_carries_event_loc() -> None:
    text = "هاجمت القوات الأذربيجانية مواقع في إقليم قره باغ."
    record = _event(_code(text), "هاجمت").to_plover(text)
    assert record["event_loc"]["country_code"] == "AZE"
    assert set(record["event_loc"]) == {
        *("extracted_place", "resolved_place", "geonameid", "lat", "lon"),
        *("admin1", "country_code", "feature", "resolution"),
    }


@pytest.mark.parametrize("name", ["cases.jsonl", "heldout.jsonl", "second-heldout.jsonl"])
def test_the_case_sets_meet_the_targets(name: str) -> None:
    results = score_cases(PIPELINE, default_stages(("dates", "places")), read_cases(CASES / name))
    placed = [r for r in results if r.case.place is not None]
    dates = sum(r.date_right for r in results) / len(results)
    country = sum(r.country_right for r in placed) / len(placed)
    near = sum(r.near for r in placed) / len(placed)
    assert dates >= 0.95 and country >= 0.9 and near >= 0.85, (dates, country, near)


def test_the_case_set_is_large_enough() -> None:
    assert len(read_cases(CASES / "cases.jsonl")) >= 150
