"""The knowledge base: the shipped files, the look-ups by date, nisba generation, validation."""

from __future__ import annotations

import itertools
import re
import shutil
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

import marsad.kb
from marsad.errors import DataError
from marsad.kb import KnowledgeBase, Role, default_kb, load_kb
from marsad.kb.load import SPLIT_TABLES
from marsad.kb.tsv import COLUMNS

KB_SRC = Path(marsad.kb.__file__).parent
DATA = KB_SRC / "data"
SEED_DAY = date(2021, 5, 19)  # the Karabakh article of the seed: Wednesday 19 May 2021


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


# --- the shipped data -----------------------------------------------------------------------------


def test_shipped_files_load(kb: KnowledgeBase) -> None:
    assert default_kb() is kb  # cached
    assert len(kb.countries()) >= 46
    assert len(kb.persons()) >= 200
    assert len(kb.roles()) >= 300
    assert {"president", "prime_minister", "acting_prime_minister"} <= {
        office.office for office in kb.offices()
    }
    assert {"un", "nato", "csto", "osce-minsk-group"} <= {o.id for o in kb.organisations()}
    assert load_kb(DATA).country("RUS") == kb.country("RUS")  # an explicit directory too


def test_coverage_named_in_the_brief(kb: KnowledgeBase) -> None:
    arab_league: tuple[str, ...] = (
        "DZA",
        "BHR",
        "COM",
        "DJI",
        "EGY",
        "IRQ",
        "JOR",
        "KWT",
        "LBN",
        "LBY",
        "MRT",
    )
    arab_league += ("MAR", "OMN", "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM")
    others: tuple[str, ...] = (
        "USA",
        "GBR",
        "FRA",
        "RUS",
        "CHN",
        "TUR",
        "IRN",
        "ISR",
        "ARM",
        "AZE",
        "GEO",
        "UKR",
    )
    others += ("BLR", "KAZ", "ETH", "ERI", "PAK", "AFG", "IND", "DEU", "ITA", "ESP", "JPN", "CAN")
    assert len(set(arab_league)) == 22
    for iso3 in (*arab_league, *others):
        assert kb.country(iso3) is not None, iso3


def test_pashinyan_acting_on_the_day_of_the_seed_article(kb: KnowledgeBase) -> None:
    role = kb.role_at("nikol-pashinyan", SEED_DAY)
    assert role is not None
    assert (role.country, role.office, role.sector) == ("ARM", "acting_prime_minister", "GOV")
    assert role.start == date(2021, 4, 25)
    assert role.end == date(2021, 8, 2)
    after = kb.role_at("nikol-pashinyan", date(2021, 8, 2))
    assert after is not None
    assert after.office == "prime_minister"
    assert kb.role_at("nikol-pashinyan", date(2018, 5, 7)) is None


def _holder_id(kb: KnowledgeBase, country: str, office: str, when: date) -> str | None:
    person = kb.holder(country, office, when)
    return None if person is None else person.id


@pytest.mark.parametrize(
    ("country", "office", "when", "expected"),
    [
        ("RUS", "president", SEED_DAY, "vladimir-putin"),
        ("RUS", "president", date(2009, 1, 1), "dmitry-medvedev"),
        ("RUS", "president", date(2008, 5, 7), "dmitry-medvedev"),  # inauguration day
        ("RUS", "president", date(2008, 5, 6), "vladimir-putin"),
        ("RUS", "foreign_minister", SEED_DAY, "sergey-lavrov"),
        ("RUS", "defence_minister", date(2021, 5, 17), "sergei-shoigu"),
        ("RUS", "defence_minister", date(2025, 1, 1), "andrei-belousov"),
        ("ARM", "defence_minister", date(2021, 5, 17), "vagharshak-harutyunyan"),
        ("ARM", "prime_minister", SEED_DAY, None),  # Pashinyan was acting
        ("ARM", "acting_prime_minister", SEED_DAY, "nikol-pashinyan"),
        ("AZE", "president", SEED_DAY, "ilham-aliyev"),
        ("AZE", "president", date(2001, 1, 1), "heydar-aliyev"),
        ("USA", "president", SEED_DAY, "joe-biden"),
        ("GBR", "prime_minister", date(2022, 10, 1), "liz-truss"),
    ],
)
def test_holder(
    kb: KnowledgeBase, country: str, office: str, when: date, expected: str | None
) -> None:
    assert _holder_id(kb, country, office, when) == expected


def test_holder_of_an_igo_office_needs_the_organisation(kb: KnowledgeBase) -> None:
    when = date(2020, 1, 1)
    with pytest.raises(ValueError, match="org="):
        kb.holder("IGO", "secretary_general", when)
    nato = kb.holder("IGO", "secretary_general", when, org="nato")
    league = kb.holder("IGO", "secretary_general", when, org="arab-league")
    un = kb.holder("UNO", "secretary_general", when)
    assert nato is not None
    assert league is not None
    assert un is not None
    assert (nato.id, league.id, un.id) == (
        "jens-stoltenberg",
        "ahmed-aboul-gheit",
        "antonio-guterres",
    )


def test_a_state_seat_wins_over_a_regional_one_without_org(kb: KnowledgeBase) -> None:
    when = date(2015, 7, 21)
    assert _holder_id(kb, "IRQ", "president", when) == "fuad-masum"
    regional = kb.holder("IRQ", "president", when, org="kurdistan-regional-government")
    assert regional is not None
    assert regional.id == "masoud-barzani"
    assert _holder_id(kb, "RUS", "president", when) == "vladimir-putin"


def test_role_at_prefers_the_highest_ranked_office(kb: KnowledgeBase) -> None:
    # On 2000-01-01 Putin was both prime minister and acting president.
    role = kb.role_at("vladimir-putin", date(2000, 1, 1))
    assert role is not None
    assert role.office == "acting_president"
    roles = kb.roles_of("vladimir-putin")
    assert [r.start for r in roles] == sorted(r.start for r in roles)
    assert kb.roles_of("nobody") == ()


# Offices many hold at once: the UN's envoys for Syria, Yemen and Libya serve side by side, as
# a state's envoys do (KnowledgeBase.holder names nobody when several match).
SHARED_SEATS = frozenset({"envoy"})


def test_every_role_person_exists_and_no_spells_overlap(kb: KnowledgeBase) -> None:
    ids = {person.id for person in kb.persons()}
    offices = {office.office for office in kb.offices()}
    spells: defaultdict[tuple[str, str, str | None], list[Role]] = defaultdict(list)
    for role in kb.roles():
        assert role.person_id in ids
        assert role.office in offices
        # an office and its acting form are one seat: two people never hold it on the same day
        office = role.office.removeprefix("acting_")
        spells[(role.country, office, role.org)].append(role)
    for seat, roles in spells.items():
        if seat[1] in SHARED_SEATS:
            continue
        roles.sort(key=lambda role: role.start)
        for before, after in itertools.pairwise(roles):
            assert before.end is not None, (seat, before.person_id, after.person_id)
            assert before.end <= after.start, (seat, before.person_id, after.person_id)


def test_every_person_has_a_role(kb: KnowledgeBase) -> None:
    with_roles = {role.person_id for role in kb.roles()}
    assert [person.id for person in kb.persons() if person.id not in with_roles] == []


def test_date_precision_flags(kb: KnowledgeBase) -> None:
    oskanian = kb.roles_of("vartan-oskanian")[0]
    assert oskanian.start_precision == "month"
    assert oskanian.start.day == 1
    assert oskanian.end_precision == "day"
    guliyev = kb.roles_of("vilayat-guliyev")[0]
    assert guliyev.start_precision == "before"
    assert kb.roles_of("sergey-lavrov")[0].start_precision == "day"


def test_seed_article_names_resolve(kb: KnowledgeBase) -> None:
    names = {name: person.id for person in kb.persons() for name in person.names}
    for name, person_id in [
        ("بوتين", "vladimir-putin"),
        ("فلاديمير بوتين", "vladimir-putin"),
        ("إلهام علييف", "ilham-aliyev"),
        ("علييف", "ilham-aliyev"),
        ("سيرغي لافروف", "sergey-lavrov"),
        ("لافروف", "sergey-lavrov"),
        ("سيرغي شويغو", "sergei-shoigu"),
        ("فاغارشاك أروتيونيان", "vagharshak-harutyunyan"),
        ("نيكول باشينيان", "nikol-pashinyan"),
    ]:
        assert names.get(name) == person_id, name
    rus = kb.country("RUS")
    assert rus is not None
    assert "الكرملين" in rus.seats
    assert "موسكو" in rus.capitals
    assert "روسيا الاتحادية" in rus.names
    assert "أذربيجان" in (kb.country("AZE") or rus).names
    titles = {title: office.office for office in kb.offices() for title in office.titles}
    assert titles["القائم بأعمال رئيس الوزراء"] == "acting_prime_minister"
    assert titles["وزير الدفاع"] == "defence_minister"
    pseudo = {agent.term for agent in kb.agents() if agent.sector is None}
    assert {"الجانب", "الجانبان", "الطرف", "الطرفان"} <= pseudo


# --- nisbas ---------------------------------------------------------------------------------------


def test_nisba_forms_are_generated(kb: KnowledgeBase) -> None:
    rus = kb.country("RUS")
    arm = kb.country("ARM")
    aze = kb.country("AZE")
    assert rus is not None
    assert arm is not None
    assert aze is not None
    assert rus.nisba_bases == ("روسي",)
    for form in ["روسي", "روسية", "روسيان", "روسيون", "روسيين", "الروسي", "الروسية", "الروسيون"]:
        assert form in rus.nisbas, form
    assert "الروس" in rus.nisbas  # listed broken plural, with the article added
    for form in ["الأرمنية", "الأرمينية", "أرمني", "الأرمن"]:
        assert form in arm.nisbas, form
    for form in ["الأذربيجانية", "الأذري", "أذرية"]:
        assert form in aze.nisbas, form
    assert len(rus.nisbas) == len(set(rus.nisbas))


def test_nisba_affixes_come_from_data(kb: KnowledgeBase) -> None:
    affixes = kb.nisba_affixes()
    assert affixes.article == "ال"
    assert "ة" in affixes.suffixes
    assert affixes.forms("مصري")[:2] == ("مصري", "مصرية")


def test_no_arabic_literals_in_the_source() -> None:
    arabic = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
    for path in sorted(KB_SRC.glob("*.py")):
        assert not arabic.search(path.read_text(encoding="utf-8")), path.name


# --- validation -----------------------------------------------------------------------------------


def _broken(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """Copy the shipped data to tmp_path and replace ``old`` by ``new`` once in file ``name``."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    path = target / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def _line_of(directory: Path, name: str, needle: str) -> int:
    lines = (directory / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


LAVROV = "sergey-lavrov\tRUS\tGOV\tforeign_minister\t2004-03-09\t"
MISHUSTIN = "mikhail-mishustin\tMikhail Mishustin\tميخائيل ميشوستين|ميشوستين\tm"
SHOIGU = "sergei-shoigu\tRUS\tGOV\tdefence_minister\t2012-11-06\t2024-05-12"

BROKEN: list[tuple[str, str, str, str, str]] = [
    # (case, file, text to replace, replacement, reason in the message)
    ("column-count", "roles.tsv", LAVROV, "sergey-lavrov\tRUS\tGOV\t", "wrong column count"),
    ("bad-date", "roles.tsv", LAVROV, LAVROV.replace("2004-03-09", "2004-02-30"), "bad date"),
    ("date-format", "roles.tsv", LAVROV, LAVROV.replace("2004-03-09", "9.3.2004"), "bad date"),
    (
        "end-before-start",
        "roles.tsv",
        SHOIGU,
        SHOIGU.replace("2024-05-12", "2011-01-01"),
        "is not after start",
    ),
    (
        "unknown-person",
        "roles.tsv",
        LAVROV,
        LAVROV.replace("sergey-lavrov", "sergei-lavrov"),
        "unknown person id",
    ),
    (
        "unknown-office",
        "roles.tsv",
        LAVROV,
        LAVROV.replace("foreign_minister", "chancellor"),
        "unknown office",
    ),
    ("bad-country", "roles.tsv", LAVROV, LAVROV.replace("RUS", "RU"), "bad country code"),
    ("not-iso3", "roles.tsv", LAVROV, LAVROV.replace("RUS", "XYZ"), "bad country code"),
    ("unknown-sector", "roles.tsv", LAVROV, LAVROV.replace("GOV", "GVT"), "unknown sector"),
    (
        "overlap",
        "roles.tsv",
        SHOIGU,
        SHOIGU + "\t\t\nsergei-shoigu\tRUS\tGOV\tdefence_minister\t2020-01-01\t2021-01-01",
        "overlaps",
    ),
    (
        "acting-overlap",
        "roles.tsv",
        "nikol-pashinyan\tARM\tGOV\tacting_prime_minister\t2021-04-25",
        "nikol-pashinyan\tARM\tGOV\tacting_prime_minister\t2021-04-24",
        "overlaps the one on line",
    ),
    (
        "duplicate-person",
        "persons.tsv",
        "sergei-shoigu\tSergei Shoigu",
        "sergey-lavrov\tSergei Shoigu",
        "duplicate person id",
    ),
    ("duplicate-country", "countries.tsv", "CAN\tCanada", "JPN\tCanada", "duplicate country"),
    ("duplicate-office", "offices.tsv", "minister\tوزير|", "president\tوزير|", "duplicate office"),
    (
        "country-sector",
        "organisations.tsv",
        "un\tUnited Nations\tالأمم المتحدة|منظمة الأمم المتحدة|هيئة الأمم المتحدة\tUNO\tGOV",
        "un\tUnited Nations\tالأمم المتحدة\tUN\tGOV",
        "bad country code",
    ),
    ("agent-sector", "agents.tsv", "جيش\tMIL", "جيش\tARMY", "unknown sector"),
    ("bad-gender", "persons.tsv", MISHUSTIN, MISHUSTIN[:-1] + "x", "bad gender"),
    ("nisba-with-article", "countries.tsv", "\tروسي\t", "\tالروسي\t", "nisba"),
    ("month-flag-not-first", "roles.tsv", "1998-04-01", "1998-04-10", "must be written"),
    (
        "country-title-code",
        "offices.tsv",
        "المبعوث الدولي=UNO",
        "المبعوث الدولي=UN",
        "unknown country 'UN' in country_titles_ar",
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "reason"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_validation_errors(tmp_path: Path, name: str, old: str, new: str, reason: str) -> None:
    directory = _broken(tmp_path, name, old, new)
    needle = new.splitlines()[-1]
    line = _line_of(directory, name, needle)
    with pytest.raises(DataError) as raised:
        load_kb(directory)
    message = str(raised.value)
    assert message.startswith("[DATA] ")
    assert reason in message
    assert f"{name}:{line}:" in message


def test_every_file_is_required(tmp_path: Path) -> None:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    (target / "agents.tsv").unlink()
    with pytest.raises(DataError, match=r"agents\.tsv"):
        load_kb(target)


def test_header_is_checked(tmp_path: Path) -> None:
    directory = _broken(
        tmp_path, "agents.tsv", "term_ar\tsector\tnote", "term_ar\tsector\tnote\tcolour"
    )
    with pytest.raises(DataError, match=r"agents\.tsv:\d+: unknown or repeated columns"):
        load_kb(directory)


def test_the_known_files_are_the_shipped_files() -> None:
    shipped = {path.name for path in DATA.glob("*.tsv")}
    parts = {
        name
        for name in shipped
        if any(name.startswith(table.removesuffix(".tsv") + "-") for table in SPLIT_TABLES)
    }
    assert shipped - parts == set(COLUMNS)


def test_a_table_may_be_split_into_parts(tmp_path: Path) -> None:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    header = next(
        line
        for line in (target / "persons.tsv").read_text(encoding="utf-8").splitlines()
        if line.startswith("id\t")
    )
    cells = ["extra-person", "Extra Person", "شخص إضافي", "m"]
    cells += [""] * (len(header.split("\t")) - len(cells))
    (target / "persons-extra.tsv").write_text(
        header + "\n" + "\t".join(cells) + "\n", encoding="utf-8"
    )
    (target / "roles-extra.tsv").write_text(
        "person_id\tcountry\tsector\toffice\tstart\tend\torg\tnote\n"
        "extra-person\tMCO\tGOV\tprime_minister\t1990-01-01\t1990-06-01\t\t\n",
        encoding="utf-8",
    )
    kb = load_kb(target)
    assert kb.person("extra-person") is not None
    assert kb.holder("MCO", "prime_minister", date(1990, 3, 1)) == kb.person("extra-person")


def test_readme_row_counts_match_the_files(kb: KnowledgeBase) -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    counted = {
        name: int(rows) for name, rows in re.findall(r"^\| `(\w+\.tsv)` \| (\d+) \|", readme, re.M)
    }
    actual = {
        "countries.tsv": len(kb.countries()),
        "persons.tsv": len(kb.persons()),
        "roles.tsv": len(kb.roles()),
        "offices.tsv": len(kb.offices()),
        "organisations.tsv": len(kb.organisations()),
        "agents.tsv": len(kb.agents()),
        "nisba_affixes.tsv": len(kb.nisba_affixes().suffixes) + 2,
    }
    assert set(counted) == set(COLUMNS)
    for name, rows in actual.items():
        assert counted[name] == rows, name
    wikidata = sum(1 for person in kb.persons() if person.wikidata)
    assert f"certain ({wikidata} people)" in readme


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("2021-08-15:AFG", "is not YYYY-MM-DD:CODE:SECTOR"),
        ("2021-13-15:AFG:GOV", "bad date"),
        ("2021-08-15:XYZ:GOV", "bad country code"),
        ("2021-08-15:AFG:BOSS", "unknown sector"),
        ("2024-01-01:AFG:GOV|2021-08-15:AFG:REB", "in date order"),
    ],
)
def test_organisation_changes_are_checked(tmp_path: Path, cell: str, message: str) -> None:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    groups = target / "organisations-groups.tsv"
    lines = groups.read_text(encoding="utf-8").splitlines()
    fixed = [
        "\t".join([*line.split("\t")[:-1], cell]) if line.startswith("taliban\t") else line
        for line in lines
    ]
    groups.write_text("\n".join(fixed) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_kb(target)


def test_an_organisation_status_follows_its_changes(kb: KnowledgeBase) -> None:
    taliban = kb.organisation("taliban")
    assert taliban is not None
    assert taliban.status_on(date(2019, 1, 1)) == ("AFG", "REB")
    assert taliban.status_on(date(2021, 8, 15)) == ("AFG", "GOV")
