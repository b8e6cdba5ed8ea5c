"""countries.tsv: one row for every ISO 3166 code, no form shared by two countries, and the
generated nisba forms resolve to the right country.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

import marsad.kb
from marsad.kb import KnowledgeBase, default_kb
from marsad.text.normalize import normalize_phrase
from marsad.text.tokenize import entry_keys

DATA = Path(marsad.kb.__file__).parent / "data"

#: Forms that two countries share on purpose, each with the reason; every other shared form fails.
ALLOWED_SHARED: dict[str, tuple[frozenset[str], str]] = {
    "عمان": (
        frozenset({"OMN", "JOR"}),
        "Oman and Amman are written alike without vowels; the resolver settles it from context",
    ),
}

#: Forms left out of countries.tsv as ambiguous (see the comment at the top of the file): none of
#: them may come back as a whole name, nisba, capital or seat, nor as a matcher key.
LEFT_OUT: dict[str, str] = {
    "مالي": "Mali, and the adjective 'financial'",
    "المالية": "'the finance', a generated form of the nisba of Mali",
    "بنين": "Benin, and 'sons'",
    "بوتان": "Bhutan, and butane gas",
    "المجر": "Hungary: keyed مجر, read in مجرى 'course' and مجرة 'galaxy'",
    "مجري": "the nisba of Hungary, and مجرى 'course'",
    "الكونغو": "both Congos",
    "كونغولي": "the nisba of both Congos",
    "كوريا": "both Koreas",
    "كوري": "the nisba of both Koreas",
    "غيني": "the nisba of three Guineas",
    "جمهورية الصين": "Taiwan's official name, also read as China",
    "جزر العذراء": "both Virgin Islands",
    "غويانا": "Guyana and French Guiana",
    "ألباني": "keyed باني 'builder'",
    "روماني": "Romanian, and 'Roman'",
    "بوركيني": "Burkinabe, and the burkini",
    "صحراوي": "Sahrawi, and 'desert'",
    "تركماني": "also the Turkmen of Iraq and Syria",
    "أوزبكي": "also the Uzbeks of Afghanistan",
    "طاجيكي": "also the Tajiks of Afghanistan",
    "ألبان": "also 'dairy products'",
    "سيول": "Seoul, and 'floods'",
    "ماليه": "Male, read as مالية 'finance'",
    "ديلي": "Dili, and the 'Daily' of newspaper names",
    "تالين": "Tallinn, read in ستالين",
    "أكرا": "Accra, read in باكراً 'early'",
    "برن": "Bern, read in برني (Bernie)",
    "أندورا": "Andorra, read in باندورا (Pandora)",
    "لاوس": "Laos, read in كلاوس (Klaus)",
    "توجو": "Togo, read in توّجوه 'they crowned him'",
    "بليز": "Belize, and the given name Blaise",
    "الاتحادية": "the Egyptian palace, and 'federal'",
    "بروكسل": "Brussels stands for the EU and NATO",
    "كيف": "Kyiv, and 'how'",
}


@dataclass(frozen=True, slots=True)
class Row:
    """What countries.tsv says about one country, for loaded and pending rows alike."""

    iso3: str
    name_en: str
    forms: tuple[tuple[str, str], ...]  # (kind, Arabic form): names, nisbas, capitals, seats


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def _iso_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for line in (DATA / "iso3166.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and not line.startswith("iso3\t"):
            iso3, name_en = line.split("\t")
            codes[iso3] = name_en
    return codes


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|")] if cell else []


def _rows(kb: KnowledgeBase) -> list[Row]:
    rows = [
        Row(
            iso3=country.iso3,
            name_en=country.name_en,
            forms=(
                *(("name", form) for form in country.names),
                *(("nisba", form) for form in country.nisbas),
                *(("capital", form) for form in country.capitals),
                *(("seat", form) for form in country.seats),
            ),
        )
        for country in kb.countries()
    ]
    return rows


def _key(form: str) -> str:
    """A form as the matcher looks it up: normalised, each word without the article."""
    return " ".join(entry_keys(form))


# --- coverage -------------------------------------------------------------------------------------


def test_every_iso_code_has_a_loaded_row(kb: KnowledgeBase) -> None:
    assert {country.iso3 for country in kb.countries()} == set(_iso_codes())


def test_every_iso_code_has_exactly_one_row(kb: KnowledgeBase) -> None:
    rows = _rows(kb)
    codes = [row.iso3 for row in rows]
    assert len(codes) == len(set(codes)), "a code has two rows"
    assert set(codes) == set(_iso_codes())


def test_english_names_are_those_of_iso3166(kb: KnowledgeBase) -> None:
    iso = _iso_codes()
    for row in _rows(kb):
        assert row.name_en == iso[row.iso3], row.iso3


# --- no form names two countries ------------------------------------------------------------------


def _shared(kb: KnowledgeBase, match_form: str) -> dict[str, frozenset[str]]:
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for row in _rows(kb):
        for _, form in row.forms:
            key = normalize_phrase(form) if match_form == "normalised" else _key(form)
            owners[key].add(row.iso3)
    return {form: frozenset(codes) for form, codes in owners.items() if len(codes) > 1}


@pytest.mark.parametrize("match_form", ["normalised", "matcher key"])
def test_no_form_is_shared_by_two_countries(kb: KnowledgeBase, match_form: str) -> None:
    allowed = {
        (normalize_phrase(form) if match_form == "normalised" else _key(form)): codes
        for form, (codes, _) in ALLOWED_SHARED.items()
    }
    shared = _shared(kb, match_form)
    unexpected = {form: codes for form, codes in shared.items() if allowed.get(form) != codes}
    assert not unexpected, unexpected
    assert set(allowed) <= set(shared), "an allowed form is no longer shared: drop it"


@pytest.mark.parametrize("form", sorted(LEFT_OUT))
def test_ambiguous_forms_stay_out(kb: KnowledgeBase, form: str) -> None:
    for row in _rows(kb):
        for kind, listed in row.forms:
            assert normalize_phrase(listed) != normalize_phrase(form), (row.iso3, kind, listed)
            assert _key(listed) != _key(form), (row.iso3, kind, listed, LEFT_OUT[form])


# --- generated forms resolve to the right country -------------------------------------------------


@pytest.mark.parametrize(
    ("form", "iso3"),
    [
        ("الأمريكية", "USA"),
        ("الأمريكيين", "USA"),
        ("الأميركيون", "USA"),
        ("الألمانية", "DEU"),
        ("روس", "RUS"),
        ("الروس", "RUS"),
        ("البرازيلي", "BRA"),
        ("الأرجنتينيين", "ARG"),
        ("اليونانيون", "GRC"),
        ("السويسرية", "CHE"),
        ("النيجيري", "NGA"),
        ("النيجري", "NER"),
        ("الهنغارية", "HUN"),
        ("كوريا الشمالية", "PRK"),
        ("كوريا الجنوبية", "KOR"),
        ("الكونغو الديمقراطية", "COD"),
        ("الكونغو برازافيل", "COG"),
        ("بيونغ يانغ", "PRK"),
        ("البيت الأزرق", "KOR"),
        ("غينيا بيساو", "GNB"),
        ("جمهورية مالي", "MLI"),
    ],
)
def test_form_resolves_to_one_country(kb: KnowledgeBase, form: str, iso3: str) -> None:
    owners = {
        row.iso3
        for row in _rows(kb)
        for _, listed in row.forms
        if normalize_phrase(listed) == normalize_phrase(form)
    }
    assert owners == {iso3}


def test_spot_checks_are_loaded_nisbas(kb: KnowledgeBase) -> None:
    usa, deu, rus = kb.country("USA"), kb.country("DEU"), kb.country("RUS")
    assert usa is not None and deu is not None and rus is not None
    assert {"الأمريكية", "الأمريكيين", "الأميركية"} <= set(usa.nisbas)
    assert "الألمانية" in deu.nisbas
    assert {"روس", "الروس"} <= set(rus.nisbas)
