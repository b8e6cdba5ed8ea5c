"""PETRARCH/TABARI dictionaries: parsing, CAMEO → PLOVER, the import into part files, and the
loader's imported entries and MARSAD_KB_PATH."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

import marsad.kb
from marsad.errors import DataError
from marsad.kb import KnowledgeBase, default_kb, iter_names, load_kb
from marsad.kb.cameo import PloverCode, cameo_map
from marsad.kb.load import KB_PATH_VAR
from marsad.kb.model import PLOVER_SECTORS
from marsad.kb.petrarch import ImportResult, import_dictionaries
from marsad.kb.petrarch_entries import ActorEntry, AgentEntry, DatedCode, Problem, parse_code, slug
from marsad.kb.petrarch_parse import is_agents_text, parse_actors, parse_agents, read_dictionary
from marsad.kb.petrarch_write import import_rows, write_import
from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.stages.actors import ActorStage
from marsad.stages.mentions import MentionStage
from marsad.types import Article

CASES = Path(__file__).parent / "cases"
PHOENIX = sorted(CASES.glob("phoenix-*.txt"))
DATA = Path(marsad.kb.__file__).parent / "data"
TODAY = date(2026, 1, 1)  # the day two-digit years are read against in these tests


@pytest.fixture(autouse=True)
def _no_kb_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KB_PATH_VAR, raising=False)


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return load_kb(extra_dirs=())


@pytest.fixture(scope="module")
def result(shipped: KnowledgeBase) -> ImportResult:
    return import_dictionaries(PHOENIX, shipped, today=TODAY)


@pytest.fixture(scope="module")
def imported_dir(result: ImportResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("imported")
    write_import(result, out, "phoenix", [path.name for path in PHOENIX])
    return out


@pytest.fixture(scope="module")
def kb(imported_dir: Path) -> KnowledgeBase:
    return load_kb(extra_dirs=[imported_dir])


# --- dated codes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "start", "end"),
    [
        ("RUSGOV 991231-080507", "RUSGOV", date(1999, 12, 31), date(2008, 5, 7)),
        ("AFGGOV >011222", "AFGGOV", date(2001, 12, 22), None),
        ("HTIOPPMED <061231", "HTIOPPMED", None, date(2006, 12, 31)),
        ("RUSELI", "RUSELI", None, None),
        ("IGOUNO", "IGOUNO", None, None),
        ("---", "---", None, None),
        ("HRVGOV >20120219", "HRVGOV", date(2012, 2, 19), None),
        ("AFGELI 19270101-730717", "AFGELI", date(1927, 1, 1), date(1973, 7, 17)),
        ("IGOUNO  >070201", "IGOUNO", date(2007, 2, 1), None),  # spaces are tolerated
        ("SSDGOV > 110709", "SSDGOV", date(2011, 7, 9), None),
        # two-digit years: 50 and more are 19xx, below 20xx unless that is in the future
        ("USAGOV 330304-450412", "USAGOV", date(1933, 3, 4), date(1945, 4, 12)),
        ("AFGELI 750101-000101", "AFGELI", date(1975, 1, 1), date(2000, 1, 1)),
        # a start still after its end is read a century earlier
        ("AFGELI 430101-920428", "AFGELI", date(1943, 1, 1), date(1992, 4, 28)),
    ],
)
def test_dated_codes(text: str, code: str, start: date | None, end: date | None) -> None:
    parsed = parse_code(text, TODAY)
    assert (parsed.code, parsed.start, parsed.end) == (code, start, end)
    assert parsed.dated == (start is not None or end is not None)


def test_the_future_rule_depends_on_today() -> None:
    assert parse_code("USAGOV >250120", date(2026, 1, 1)).start == date(2025, 1, 20)
    assert parse_code("USAGOV >250120", date(2024, 1, 1)).start == date(1925, 1, 20)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("ARMUNR 9008223-911221", "bad date '9008223'"),
        ("GBRGOV >201005011", "bad date '201005011'"),
        ("EGYGOV 20121207-20120802", "the end is before the start"),
        ("MNEGOV 20121204", "a date needs >, < or a range"),
        ("RUSGO", "three-character parts"),
        ("rusgov", "three-character parts"),
        ("RUSGOV 991331-000101", "no such day"),
        ("RUSGOV 1999-2000", "bad date '1999'"),
        ("RUSGOV >", "bad code [RUSGOV >]"),
    ],
)
def test_malformed_codes(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=re.escape(reason)):
        parse_code(text, TODAY)


# --- actor dictionaries --------------------------------------------------------------------------

SAMPLE = """\
# a comment
HOSNI_MUBARAK_  # CountryInfo.txt
+PRESIDENT_MUBARAK_
\t[EGYELI 460101-811007]
\t[EGYGOV 811014-110211]\t
\t[EGYELI]
IVO_JOSIPOVIC_
PRESIDENT_JOSIPOVIC_
\t[HRVGOV >20120219]
U.N._

UN_SECRETARY_GENERAL
+UNSG
\t[IGOUNO]
B+H_OCEAN_CARRIERS_\t[MNC]
TAIOAN_ +TAWIAN_
\t[XYZ 9008223-911221]
\tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]
ORTHOFIX_\t[MNCNLD] Antilles\tMedical
+ORPHAN_
"""


def test_parse_actors_entries_and_problems() -> None:
    items = list(parse_actors(SAMPLE.splitlines(), "sample.txt", TODAY))
    entries = [item for item in items if isinstance(item, ActorEntry)]
    problems = [str(item) for item in items if isinstance(item, Problem)]
    assert [(e.id, e.line) for e in entries] == [
        ("hosni-mubarak", 2),
        ("ivo-josipovic", 7),
        ("un-secretary-general", 12),
        ("b-h-ocean-carriers", 15),
    ]
    mubarak, josipovic, unsg, _ = entries
    assert mubarak.names == ("HOSNI MUBARAK", "PRESIDENT MUBARAK")
    assert mubarak.codes == (
        DatedCode("EGYELI", date(1946, 1, 1), date(1981, 10, 7), "EGYELI 460101-811007"),
        DatedCode("EGYGOV", date(1981, 10, 14), date(2011, 2, 11), "EGYGOV 811014-110211"),
        DatedCode("EGYELI", text="EGYELI"),
    )
    # names in a row before their codes are one entry; a blank line ends a codeless one
    assert josipovic.names == ("IVO JOSIPOVIC", "PRESIDENT JOSIPOVIC")
    assert unsg.names == ("UN SECRETARY GENERAL", "UNSG")
    assert problems == [
        "sample.txt:10: no code for U.N.",
        "sample.txt:16: bad name 'TAIOAN_ +TAWIAN_' (a synonym needs a '+' line of its own)",
        "sample.txt:17: skipped with the entry of line 16, which was not read",
        "sample.txt:18: skipped with the entry of line 16, which was not read",
        "sample.txt:19: text after the codes: '[MNCNLD] Antilles\\tMedical' "
        "(a comment starts with #)",
        "sample.txt:20: skipped with the entry of line 19, which was not read",
    ]
    # the lines of an entry that was not read never join the entry before it
    assert entries[-1].names == ("B+H OCEAN CARRIERS",)


def test_lines_out_of_place_are_reported() -> None:
    lines = ["+LONELY_", "\t[RUSGOV]", "RUSSIA_ [RUS]", "\tMOSCOW_\t[RUS]", "+RUSSIE_"]
    items = list(parse_actors(lines, "x.txt"))
    assert [str(item) for item in items if isinstance(item, Problem)] == [
        "x.txt:1: a synonym outside an entry",
        "x.txt:2: codes outside an entry",
        "x.txt:4: an indented line holds codes only",
    ]
    assert [(e.id, e.names) for e in items if isinstance(e, ActorEntry)] == [
        ("russia", ("RUSSIA", "RUSSIE"))
    ]


def test_slug() -> None:
    assert slug("BOUTROS BOUTROS-GHALI") == "boutros-boutros-ghali"
    assert slug("Jérôme Cahuzac") == "jerome-cahuzac"
    assert slug("ADEN ABYAN ISLAMIC ARMY (AAIA)") == "aden-abyan-islamic-army-aaia"
    assert slug("!!!") == ""


# --- agent dictionaries --------------------------------------------------------------------------

AGENTS = """\
!PERSON! = MAN, WOMAN
FIRE!PERSON! {} [~GOV]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
HUSBAND!PERSON![~AGR]
STATE_RUN TELEVISION [~GOVMED]
PEACEKEEPING_TROOPS {} [IGO~]
DEPARMENT_OF_ENVIRONMENT [~ENV}
ISLAMIC_EXTREMIST
!UNKNOWN!_OFFICER [~COP]
"""


def test_parse_agents() -> None:
    items = list(parse_agents(AGENTS.splitlines(), "agents.txt"))
    terms = [(a.term, a.code, a.plural_of) for a in items if isinstance(a, AgentEntry)]
    assert terms == [
        ("FIREMAN", "~GOV", ""),
        ("FIREWOMAN", "~GOV", ""),
        ("CHAMBER OF COMMERCE", "~BUS", ""),
        ("CHAMBERS OF COMMERCE", "~BUS", "CHAMBER OF COMMERCE"),
        ("HUSBANDMAN", "~AGR", ""),
        ("HUSBANDWOMAN", "~AGR", ""),
        ("STATE RUN TELEVISION", "~GOVMED", ""),
        ("PEACEKEEPING TROOPS", "IGO~", ""),
    ]
    assert [str(p) for p in items if isinstance(p, Problem)] == [
        "agents.txt:7: bad agent line: DEPARMENT_OF_ENVIRONMENT [~ENV}",
        "agents.txt:8: no agent code [~XXX]: ISLAMIC_EXTREMIST",
        "agents.txt:9: undefined substitution set !UNKNOWN!",
    ]


def test_the_kind_of_a_dictionary_is_told_by_its_codes() -> None:
    assert is_agents_text("# c\nPOLICE [~COP]\n")
    assert is_agents_text("!PERSON! = MAN, MEN\n")
    assert not is_agents_text("# c [~COP]\nRUSSIA_ [RUS]\nPOLICE [~COP]\n")


def test_files_that_cannot_be_read_are_one_problem(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"RUSSIA_ [RUS]\n\xff\xfe\n")
    (missing,) = read_dictionary(tmp_path / "missing.txt")
    (not_utf8,) = read_dictionary(binary)
    (directory,) = read_dictionary(tmp_path)
    assert isinstance(missing, Problem) and missing.reason == "no such file"
    assert isinstance(not_utf8, Problem) and not_utf8.reason.startswith("not UTF-8 text")
    assert isinstance(directory, Problem) and "directory" in directory.reason
    assert str(missing) == f"{tmp_path / 'missing.txt'}: no such file"


# --- CAMEO to PLOVER -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUSGOV", PloverCode("RUS", "GOV")),
        ("RUSELI", PloverCode("RUS", "ELI")),
        ("RUS", PloverCode("RUS", None)),
        ("AFGGOVAGR", PloverCode("AFG", "GOV")),  # the primary role wins
        ("HTIOPPMED", PloverCode("HTI", "OPP")),
        ("USAMED", PloverCode("USA", "JRN")),  # CAMEO MED is the media
        ("USAHLH", PloverCode("USA", "MED")),  # CAMEO HLH is health
        ("SYRINS", PloverCode("SYR", "REB")),
        ("IGOUNO", PloverCode("UNO", None)),
        ("IGOUNOREFHCR", PloverCode("UNO", "REF")),
        ("IGOUNOJUDICJ", PloverCode("UNO", "JUD")),
        ("IGOEUREEC", PloverCode("EUR", None)),  # the EU, not the region Europe
        ("IGOWSTNAT", PloverCode("IGO", None)),
        ("MNCUSA", PloverCode("MNC", None)),  # a home country is dropped
        ("NGOCHRPRODEV", PloverCode("NGO", None)),
        ("IMGMUSALQ", PloverCode("IMG", None)),
        ("MUS", PloverCode("MUS", None)),  # first: Mauritius
        ("MUSGOV", PloverCode("MUS", "GOV")),
        ("ROMGOV", PloverCode("ROU", "GOV")),
        ("ELI", PloverCode(None, "ELI")),
        ("MED", PloverCode(None, "JRN")),
        ("AFRREB", PloverCode(None, "REB")),  # a region is no country
        ("KKLREB", PloverCode(None, "REB", ("KKL",))),
        ("NGOCHRPRO214", PloverCode("NGO", None, ("214",))),
    ],
)
def test_actor_codes(code: str, expected: PloverCode) -> None:
    assert cameo_map().actor(code) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("~GOV", PloverCode(None, "GOV")),
        ("~GOVMED", PloverCode(None, "GOV")),
        ("~MED", PloverCode(None, "JRN")),
        ("~HLH", PloverCode(None, "MED")),
        ("~MUS", PloverCode(None, None)),  # a religion: later parts after ~ are roles
        ("~UAFMUS", PloverCode(None, "UAF")),
        ("IGO~", PloverCode("IGO", None)),
        ("~PPL", PloverCode(None, None, ("PPL",))),
    ],
)
def test_agent_codes(code: str, expected: PloverCode) -> None:
    assert cameo_map().agent(code) == expected


def test_the_mapping_table() -> None:
    table = cameo_map()
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert f"| `cameo_sectors.tsv` | {len(table)} |" in readme
    # the sectors named in the brief, and the two that change name
    for part in ("GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SPY", "BUS", "EDU", "LAB"):
        assert table.actor(f"RUS{part}").sector == part
    for part in ("AGR", "REF", "CVL", "ELI", "CRM", "UAF", "REL", "PTY"):
        assert table.actor(f"RUS{part}").sector == part
    assert {table.actor(f"RUS{part}").sector for part in ("MED", "HLH", "INS")} == {
        "JRN",
        "MED",
        "REB",
    }
    # every sector the table gives is a PLOVER sector
    rows = (DATA / "cameo_sectors.tsv").read_text(encoding="utf-8").splitlines()
    values = {line.split("\t")[1] for line in rows if line and not line.startswith("#")}
    assert values - {"plover", "-"} <= PLOVER_SECTORS | {
        "IGO",
        "NGO",
        "IMG",
        "MNC",
        "UNO",
        "EUR",
        "ROU",
        "TLS",
        "COD",
        "KOS",
    }


def test_a_broken_mapping_table_names_file_and_line(tmp_path: Path) -> None:
    from marsad.kb.cameo import load_cameo_map

    shutil.copy(DATA / "iso3166.tsv", tmp_path)
    (tmp_path / "cameo_sectors.tsv").write_text(
        "cameo\tplover\tnote\nGOV\tGOV\t\nMED\tMEDIA\tno such sector\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"cameo_sectors\.tsv:3: bad plover value 'MEDIA'"):
        load_cameo_map(tmp_path)


# --- the import ----------------------------------------------------------------------------------


def _roles_of(result: ImportResult, person: str) -> list[tuple[str, str, str, str]]:
    rows = import_rows(result)["roles"][1]
    return [(r[1], r[2], r[4], r[5]) for r in rows if r[0] == person]


def test_import_persons_and_roles(result: ImportResult) -> None:
    persons = {p.id: p for p in result.persons}
    assert {"mohammad-zahir-shah", "chan-sarun", "borut-pahor", "sheikh-ahmed-yassin"} <= set(
        persons
    )
    # Roosevelt's rule: 1932, not 2032; the spells of one sector stay apart when they do not touch
    assert _roles_of(result, "mohammad-zahir-shah") == [
        ("AFG", "ELI", "1932-01-01", "1933-11-08"),
        ("AFG", "ELI", "1973-07-17", "2007-07-23"),
        ("AFG", "GOV", "1933-11-08", "1973-07-17"),
    ]
    # CHAN_SARUN and CHAN_SARUN_ are one person; spells a day apart are one spell
    assert _roles_of(result, "chan-sarun") == [("KHM", "GOV", "2003-01-01", "")]
    # overlapping spells of one sector merge; a code without a sector gives UNK
    assert _roles_of(result, "gamal-abdel-nasser") == [("EGY", "GOV", "1954-11-14", "1970-09-28")]
    assert _roles_of(result, "boutros-boutros-ghali") == [
        ("UNO", "UNK", "1992-01-01", "1996-12-31")
    ]
    assert _roles_of(result, "ann-veneman") == [
        ("USA", "GOV", "2001-01-20", "2005-01-20"),
        ("UNO", "UNK", "2005-05-01", ""),
    ]
    assert persons["borut-pahor"].names == ("BORUT PAHOR", "PRESIDENT PAHOR", "PAHOR")


def test_import_organisations_and_agents(result: ImportResult) -> None:
    organisations = {o.id: (o.code, o.sector) for o in result.organisations}
    assert organisations["afghan-national-security-forces"] == ("AFG", "MIL")
    assert organisations["abraham-abraham"] == ("UNO", "REF")  # undated: not a person
    assert organisations["unocal"] == ("MNC", None)
    assert organisations["aden-abyan-islamic-army-aaia"] == ("YEM", "REB")
    assert organisations["abu-nidal-organization"] == ("IMG", None)
    agents = {a.term: a.sector for a in result.agents}
    assert agents["JOURNALIST"] == "JRN"
    assert agents["DOCTOR"] == "MED"
    assert agents["MINISTRY FOR DEFENCE"] == "GOV"
    assert agents["CHAMBERS OF COMMERCE"] == "BUS"
    assert "IMAM" not in agents  # ~MUS gives no sector
    assert "PEACEKEEPING TROOPS" not in agents  # IGO~ gives a country, not a sector


def test_import_skips_and_reports(result: ImportResult) -> None:
    skipped = {reason: tally.count for reason, tally in result.skipped.items()}
    assert skipped["a country (countries come from countries.tsv)"] == 2  # Armenia, Egypt
    known = result.skipped["id already in the knowledge base"]
    assert known.first == "HAMID KARZAI (phoenix-countries.actors.txt:18) as hamid-karzai"
    ids = {p.id for p in result.persons} | {o.id for o in result.organisations}
    # already known, under their id or the id of a synonym
    for ident in ("hosni-mubarak", "kofi-annan", "hamas", "nato", "un"):
        assert ident not in ids
    assert not any("ban-ki-moon" in ident for ident in ids)
    assert result.merged.count == 1
    assert result.undated.count > 0
    assert set(result.unknown) == {"KKL", "HMS"}
    assert [str(p) for p in result.problems] == [
        "phoenix-agents.txt:25: bad agent line: DEPARMENT_OF_ENVIRONMENT [~ENV}",
        "phoenix-agents.txt:36: no agent code [~XXX]: ISLAMIC_EXTREMIST",
        "phoenix-countries.actors.txt:41: bad date '9008223' (YYMMDD or YYYYMMDD)",
        "phoenix-international.actors.txt:8: no code for U.N.",
        "phoenix-international.actors.txt:26: bad date '2004017' (YYMMDD or YYYYMMDD)",
        "phoenix-milnonstate.actors.txt:18: bad name "
        "'ARMY_OF_MOHAMMED_AND_THE_JAISH_ADAN_AL_ISLAMI+_ISLAMIC_ADEN_ARMY_' "
        "(a synonym needs a '+' line of its own)",
    ]


# --- the loader: imported files and MARSAD_KB_PATH -----------------------------------------------


def test_written_files_load(kb: KnowledgeBase, shipped: KnowledgeBase, imported_dir: Path) -> None:
    assert sorted(path.name for path in imported_dir.iterdir()) == [
        "agents-phoenix-imported.tsv",
        "organisations-phoenix-imported.tsv",
        "persons-phoenix-imported.tsv",
        "roles-phoenix-imported.tsv",
    ]
    nasser = kb.person("gamal-abdel-nasser")
    assert nasser is not None
    assert (nasser.names, nasser.gender, nasser.imported) == ((), None, True)
    assert nasser.names_en == ("GAMAL ABDEL NASSER", "JAMA ABDEL NASSER")
    role = kb.role_at("gamal-abdel-nasser", date(1960, 1, 1))
    assert role is not None
    assert (role.country, role.sector, role.office, role.imported) == ("EGY", "GOV", "", True)
    unocal = kb.organisation("unocal")
    assert unocal is not None and unocal.names_en == ("UNOCAL",) and unocal.imported
    # English agents are kept apart: the Arabic ones the matcher reads are the shipped ones
    assert kb.agents() == shipped.agents()
    assert {a.term_en for a in kb.english_agents()} >= {"JOURNALIST", "POLICEMAN"}
    assert all(a.imported and not a.term for a in kb.english_agents())
    # no English name reaches the matcher's view
    assert list(iter_names(kb)) == list(iter_names(shipped))
    # shipped entries are untouched
    assert shipped.person("hosni-mubarak") == kb.person("hosni-mubarak")
    assert not any(p.imported for p in shipped.persons())


def test_imported_entries_do_not_disturb_arabic_resolution(kb: KnowledgeBase) -> None:
    names = ("normalize", "sentences", "tokens", "mentions", "actors")
    stages = [
        MentionStage(kb) if s.name == "mentions" else ActorStage(kb) if s.name == "actors" else s
        for s in default_stages(names)
    ]
    pipeline = Pipeline(stages)
    doc = pipeline(Article(id="t", text="قال الرئيس الأمريكي إن الشرطة", date="2019-06-01"))
    found = {(a.entity_text, a.code, a.sector, a.identifier, a.method) for a in doc.actors}
    assert ("الرئيس الأمريكي", "USA", "GOV", "donald-trump", "title-holder") in found
    assert any(a.sector == "COP" and a.method == "agent" for a in doc.actors)


def test_kb_path_variable(monkeypatch: pytest.MonkeyPatch, imported_dir: Path) -> None:
    plain = default_kb()
    assert plain.person("gamal-abdel-nasser") is None
    monkeypatch.setenv(KB_PATH_VAR, f"{imported_dir}{__import__('os').pathsep}")
    extended = default_kb()
    assert extended is default_kb()  # loaded once for this value
    assert extended.person("gamal-abdel-nasser") is not None
    monkeypatch.delenv(KB_PATH_VAR)
    assert default_kb() is plain


def test_kb_path_directory_must_exist_and_hold_parts_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(KB_PATH_VAR, str(tmp_path / "nowhere"))
    with pytest.raises(DataError, match="MARSAD_KB_PATH: not a directory"):
        load_kb()
    (tmp_path / "persons.tsv").write_text("id\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"persons\.tsv: a MARSAD_KB_PATH directory holds only"):
        load_kb(extra_dirs=[tmp_path])


PERSON_HEADER = "id\tname_en\tnames_ar\tgender\twikidata\tnote\tnames_en\n"


def _part(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_arabic_may_be_missing_only_in_imported_files(tmp_path: Path) -> None:
    row = "some-one\tSome One\t\tm\t\t\tSOME ONE\n"
    extra = tmp_path / "extra"
    _part(extra, "persons-mine.tsv", PERSON_HEADER + row)
    with pytest.raises(DataError, match=r"persons-mine\.tsv:2: empty names_ar"):
        load_kb(extra_dirs=[extra])
    (extra / "persons-mine.tsv").rename(extra / "persons-mine-imported.tsv")
    person = load_kb(extra_dirs=[extra]).person("some-one")
    assert person is not None and person.names_en == ("SOME ONE",) and person.imported
    _part(extra, "persons-mine-imported.tsv", PERSON_HEADER + row.replace("\tm\t", "\t\t"))
    person = load_kb(extra_dirs=[extra]).person("some-one")
    assert person is not None and person.gender is None
    # an imported row still needs a name
    _part(extra, "persons-mine-imported.tsv", PERSON_HEADER + "some-one\tSome One\t\t\t\t\t\n")
    with pytest.raises(DataError, match="no name"):
        load_kb(extra_dirs=[extra])


def test_an_office_and_a_gender_may_be_missing_only_in_imported_files(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    _part(extra, "persons-x.tsv", PERSON_HEADER + "some-one\tSome One\tشخص ما\tm\t\t\t\n")
    roles = "person_id\tcountry\tsector\toffice\tstart\tend\torg\tnote\n"
    roles += "some-one\tEGY\tGOV\t\t2001-01-01\t\t\t\n"
    _part(extra, "roles-x.tsv", roles)
    with pytest.raises(DataError, match=r"roles-x\.tsv:2: unknown office ''"):
        load_kb(extra_dirs=[extra])
    (extra / "roles-x.tsv").rename(extra / "roles-x-imported.tsv")
    kb = load_kb(extra_dirs=[extra])
    assert kb.role_at("some-one", date(2002, 1, 1)) is not None
    _part(extra, "persons-x.tsv", PERSON_HEADER + "some-one\tSome One\tشخص ما\t\t\t\t\n")
    with pytest.raises(DataError, match=r"persons-x\.tsv:2: bad gender ''"):
        load_kb(extra_dirs=[extra])


def test_duplicate_ids_across_directories_name_both_files(
    tmp_path: Path, imported_dir: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(imported_dir, copy)
    for path in copy.iterdir():
        if not path.name.startswith("persons-"):
            path.unlink()
    with pytest.raises(DataError) as raised:
        load_kb(extra_dirs=[imported_dir, copy])
    message = str(raised.value)
    assert f"{copy / 'persons-phoenix-imported.tsv'}:" in message
    assert "duplicate person id" in message
    assert f"first on {imported_dir / 'persons-phoenix-imported.tsv'}:" in message
    # and a shipped id taken again in a part
    extra = tmp_path / "extra"
    _part(extra, "persons-x.tsv", PERSON_HEADER + "hosni-mubarak\tH\tحسني\tm\t\t\t\n")
    with pytest.raises(DataError, match=r"duplicate person id 'hosni-mubarak' \(first on persons"):
        load_kb(extra_dirs=[extra])


def test_agents_may_be_split_and_keep_one_term_each(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    _part(extra, "agents-x.tsv", "term_ar\tsector\tnote\nمرتزقة\tUAF\t\n")
    kb = load_kb(extra_dirs=[extra])
    assert kb.agents()[-1].term == "مرتزقة"
    _part(extra, "agents-x.tsv", "term_ar\tsector\tnote\nجيش\tMIL\t\n")
    with pytest.raises(DataError, match=r"duplicate term 'جيش' \(first on agents\.tsv:\d+\)"):
        load_kb(extra_dirs=[extra])
    _part(extra, "agents-x.tsv", "term_ar\tsector\tnote\tterm_en\n\tCOP\t\tPOLICE\n")
    with pytest.raises(DataError, match="empty term_ar"):
        load_kb(extra_dirs=[extra])
