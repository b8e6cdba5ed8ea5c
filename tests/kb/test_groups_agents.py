"""International organisations, armed and political groups, and agent nouns.

Names are compared by the keys the matcher uses (``entry_keys``: ``normalize_phrase`` and then the
article dropped from each word), which is stricter than comparing ``normalize_phrase`` forms: two
names with equal normalised forms always have equal keys.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import marsad.kb
from marsad.kb import NON_STATE_CODES, PLOVER_SECTORS, KnowledgeBase, Organisation, default_kb
from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.stages.mentions import MentionStage
from marsad.text.normalize import normalize_phrase
from marsad.text.tokenize import entry_keys
from marsad.types import Article, Mention

DATA = Path(marsad.kb.__file__).parent / "data"
IGOS = "organisations.tsv"
GROUPS = "organisations-groups.tsv"
PARTIES = "organisations-parties.tsv"
IGO_CODES = frozenset({"IGO", "UNO", "EUR", "NGO"})

Key = tuple[str, ...]

# A name that may belong to several owners (organisation ids, "country:ISO3", "agent:term"), with
# the reason. Every entry must still be a real clash: a stale one fails the test.
ALLOWED_CLASHES: dict[str, str] = {}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def _first_column(name: str) -> list[str]:
    """The first cell of every data row of a shipped file (after its header row)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t", 1)[0] for line in lines if line.strip() and not line.startswith("#")]
    return rows[1:]


def _part(kb: KnowledgeBase, name: str) -> list[Organisation]:
    by_id = {org.id: org for org in kb.organisations()}
    return [by_id[org_id] for org_id in _first_column(name)]


def _owners(kb: KnowledgeBase) -> dict[Key, set[str]]:
    """Every key of an organisation name, country form or agent term, and who owns it."""
    owners: defaultdict[Key, set[str]] = defaultdict(set)
    for org in kb.organisations():
        for name in org.names:
            owners[entry_keys(name)].add(org.id)
    for country in kb.countries():
        for form in (*country.names, *country.capitals, *country.seats, *country.nisbas):
            owners[entry_keys(form)].add(f"country:{country.iso3}")
    for agent in kb.agents():
        owners[entry_keys(agent.term)].add(f"agent:{agent.term}")
    return owners


def _organisations_named(kb: KnowledgeBase, name: str) -> list[Organisation]:
    key = entry_keys(name)
    return [org for org in kb.organisations() if key in {entry_keys(n) for n in org.names}]


def _organisation(kb: KnowledgeBase, name: str) -> Organisation:
    found = _organisations_named(kb, name)
    assert len(found) == 1, (name, [org.id for org in found])
    return found[0]


# --- the two files --------------------------------------------------------------------------


def test_the_parts_are_read_as_one_table(kb: KnowledgeBase) -> None:
    igos, groups, parties = _first_column(IGOS), _first_column(GROUPS), _first_column(PARTIES)
    assert not set(igos) & set(groups) and not set(parties) & set(igos + groups)
    assert sorted(igos + groups + parties) == sorted(org.id for org in kb.organisations())
    assert len(igos) >= 50
    assert len(groups) >= 45
    assert len(parties) >= 90


def test_every_igo_has_an_organisation_code(kb: KnowledgeBase) -> None:
    for org in _part(kb, IGOS):
        assert org.code in IGO_CODES, (org.id, org.code)
        assert org.sector is None or org.sector in PLOVER_SECTORS, org.id


def test_every_group_belongs_to_a_country_or_is_transnational(kb: KnowledgeBase) -> None:
    iso3 = set(_first_column("iso3166.tsv"))
    assert "IMG" in NON_STATE_CODES
    for org in [*_part(kb, GROUPS), *_part(kb, PARTIES)]:
        assert org.code in iso3 or org.code == "IMG", (org.id, org.code)
        assert org.sector in PLOVER_SECTORS, org.id  # a group always has a sector
        assert org.sector != "UAF", org.id  # a named group is not unidentified


# --- names ----------------------------------------------------------------------------------


def _clashes(kb: KnowledgeBase) -> Iterator[tuple[Key, set[str]]]:
    for key, owners in _owners(kb).items():
        organisations = {owner for owner in owners if ":" not in owner}
        if organisations and len(owners) > 1:
            yield key, owners


def test_no_name_belongs_to_two_organisations_or_to_an_organisation_and_a_country(
    kb: KnowledgeBase,
) -> None:
    allowed = {entry_keys(name) for name in ALLOWED_CLASHES}
    clashes = {" ".join(key): sorted(owners) for key, owners in _clashes(kb) if key not in allowed}
    assert clashes == {}


def test_the_allowed_clashes_are_still_clashes(kb: KnowledgeBase) -> None:
    clashing = {key for key, _ in _clashes(kb)}
    for name, reason in ALLOWED_CLASHES.items():
        assert reason, name
        assert entry_keys(name) in clashing, f"stale entry in ALLOWED_CLASHES: {name}"


def test_the_key_is_the_normalised_form_without_articles() -> None:
    # What the clash test compares: normalize_phrase, then the article off each word.
    assert entry_keys("الأمم المتحدة") == tuple(normalize_phrase("أمم متحدة").split())
    assert entry_keys("الحوثيين") == entry_keys("حوثيين")


def test_each_agent_form_is_listed_once(kb: KnowledgeBase) -> None:
    seen: dict[Key, str] = {}
    for agent in kb.agents():
        key = entry_keys(agent.term)
        assert key not in seen, f"{agent.term} and {seen[key]} are one form for the matcher"
        seen[key] = agent.term


@pytest.mark.parametrize(
    ("name", "code", "sector"),
    [
        ("داعش", "IMG", "REB"),
        ("تنظيم الدولة", "IMG", "REB"),
        ("الحوثيين", "YEM", "REB"),
        ("أنصار الله", "YEM", "REB"),
        ("قسد", "SYR", "REB"),
        ("الحشد الشعبي", "IRQ", "PRM"),
        ("البنك الدولي", "IGO", "GOV"),
        ("المحكمة الجنائية الدولية", "IGO", "JUD"),
        ("محكمة العدل الدولية", "UNO", "JUD"),
        ("اليونيسف", "UNO", None),
        ("الأونروا", "UNO", "REF"),
        ("الناتو", "IGO", "MIL"),
        ("أوبك", "IGO", "GOV"),
        ("البرلمان الأوروبي", "EUR", "LEG"),
        ("اللجنة الدولية للصليب الأحمر", "NGO", "MED"),
        ("أطباء بلا حدود", "NGO", "MED"),
        ("منظمة العفو الدولية", "NGO", None),
        ("حزب الله", "LBN", "REB"),
        ("حركة فتح", "PSE", "PTY"),
        ("كتائب القسام", "PSE", "REB"),
        ("حركة طالبان", "AFG", "GOV"),  # governing since 2021-08-15 (changes column)
        ("قوات الدعم السريع", "SDN", "REB"),
        ("البوليساريو", "MAR", "REB"),
        ("الحرس الثوري", "IRN", "MIL"),
        ("الكنيست", "ISR", "LEG"),
        ("البنتاغون", "USA", "MIL"),
        ("حكومة إقليم كردستان", "IRQ", "GOV"),
        ("مجموعة فاغنر", "RUS", "PRM"),
        ("جماعة الإخوان المسلمين", "EGY", "PTY"),
    ],
)
def test_spot_checks(kb: KnowledgeBase, name: str, code: str, sector: str | None) -> None:
    org = _organisation(kb, name)
    # as of mid-2025: the row's own status, or the last recorded change by then
    assert org.status_on(date(2025, 6, 1)) == (code, sector), org.id


def test_one_id_for_every_name_of_hts(kb: KnowledgeBase) -> None:
    names = ("هيئة تحرير الشام", "جبهة النصرة", "جبهة فتح الشام")
    assert {_organisation(kb, name).id for name in names} == {"hts"}
    note = _organisation(kb, "جبهة النصرة").note
    for renaming in ("January 2012", "28 July 2016", "28 January 2017", "8 December 2024"):
        assert renaming in note


def test_the_taliban_note_records_that_they_govern_since_august_2021(kb: KnowledgeBase) -> None:
    assert "15 August 2021" in _organisation(kb, "طالبان").note


@pytest.mark.parametrize(
    "word",
    [
        "القاعدة",  # the base, a rule
        "الدولة الإسلامية",  # أكبر دولة إسلامية: the matcher ignores the article
        "الدولة",
        "الجهاد",
        "فتح",
        "أمل",
        "النهضة",
        "النصرة",
        "الحشد",
        "الإخوان",
        "الشباب",
        "حركة الشباب",
        "الجبهة الشعبية",
        "حزب العمال",
        "الأطلسي",
        "الجنائية الدولية",
        "الصحة العالمية",
        "الفاو",
        "الدوما",
        "المقاومة الإسلامية",
    ],
)
def test_common_words_are_not_names(kb: KnowledgeBase, word: str) -> None:
    assert _organisations_named(kb, word) == []
    assert entry_keys(word) not in {entry_keys(agent.term) for agent in kb.agents()}


# --- agent nouns ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "sector"),
    [
        ("متظاهرون", "CVL"),
        ("المتظاهرين", "CVL"),
        ("محتجين", "CVL"),
        ("مدنيين", "CVL"),
        ("سكان", "CVL"),
        ("مواطنين", "CVL"),
        ("أهالي", "CVL"),
        ("مسلحون", "UAF"),
        ("مسلحين", "UAF"),
        ("لاجئين", "REF"),
        ("نازحون", "REF"),
        ("طلاب", "EDU"),
        ("طلبة", "EDU"),
        ("عمال", "LAB"),
        ("صحفيين", "JRN"),
        ("صحافيون", "JRN"),
        ("أطباء", "MED"),
        ("رجال الدين", "REL"),
        ("قوات الأمن", "COP"),
        ("الأجهزة الأمنية", "COP"),
        ("الشرطة", "COP"),
        ("الجيش", "MIL"),
        ("القوات المسلحة", "MIL"),
        ("حرس الحدود", "MIL"),
        ("البرلمان", "LEG"),
        ("مجلس النواب", "LEG"),
        ("مجلس الشعب", "LEG"),
        ("مجلس الشيوخ", "LEG"),
        ("وزارة الدفاع", "GOV"),
        ("وزارة الخارجية", "GOV"),
        ("وزارة الداخلية", "GOV"),
        ("الحكومة", "GOV"),
        ("المحكمة", "JUD"),
        ("القضاء", "JUD"),
        ("النيابة العامة", "JUD"),
        ("المعارضة", "OPP"),
        ("الحزب", "PTY"),
        ("متمردون", "REB"),
        ("انفصاليين", "REB"),
        ("ميليشيا", "PRM"),
        ("عصابات", "CRM"),
        ("مهربين", "CRM"),
        ("تجار المخدرات", "CRM"),
        ("رجال الأعمال", "BUS"),
        ("مزارعين", "AGR"),
    ],
)
def test_agent_sectors(kb: KnowledgeBase, term: str, sector: str) -> None:
    sectors = {entry_keys(agent.term): agent.sector for agent in kb.agents()}
    assert sectors.get(entry_keys(term)) == sector, term


@pytest.mark.parametrize(
    "adjective",
    ["صحفي", "صحفية", "أمني", "عسكري", "مدني", "مسلح", "إعلامي", "انفصالي", "مجهول", "طالب"],
)
def test_singular_adjectives_are_not_agents(kb: KnowledgeBase, adjective: str) -> None:
    assert entry_keys(adjective) not in {entry_keys(agent.term) for agent in kb.agents()}


def test_the_pseudo_actors_are_kept(kb: KnowledgeBase) -> None:
    pseudo = {agent.term for agent in kb.agents() if agent.sector is None}
    assert pseudo == {"الجانب", "الجانبان", "الجانبين", "الطرف", "الطرفان", "الطرفين", "الأطراف"}
    assert all(agent.note.startswith("needs context") for agent in kb.agents() if not agent.sector)


# --- in text: the longer name wins ----------------------------------------------------------


def _mentions(kb: KnowledgeBase, text: str) -> list[tuple[str, str, str | None]]:
    stages = [*default_stages(("normalize", "sentences", "tokens")), MentionStage(kb)]
    doc = Pipeline(stages, strict=True)(Article(id="groups", text=text))

    def label(mention: Mention) -> str | None:
        return mention.kb_id if mention.kind == "org" else mention.sector

    return [(doc.raw(m.span), m.kind, label(m)) for m in doc.mentions]


def test_in_text_the_longer_name_wins_and_adjectives_stay_silent(kb: KnowledgeBase) -> None:
    text = (
        "وقالت منظمة أطباء بلا حدود في مؤتمر صحفي إن مسلحي داعش نفذوا هجوم مسلح، "
        "وحذر صندوق النقد العربي وحركة طالبان باكستان قرب قاعدة عسكرية."
    )
    assert _mentions(kb, text) == [
        ("منظمة أطباء بلا حدود", "org", "msf"),
        ("مسلحي", "agent", "UAF"),
        ("داعش", "org", "isis"),
        ("صندوق النقد العربي", "org", "arab-monetary-fund"),
        ("وحركة طالبان باكستان", "org", "pakistani-taliban"),
    ]
