"""Resolve an actor phrase to a PLOVER country and sector, saying how and why.

The cascade, most specific first: a known person takes the role they held on the article's
date (or ELI after leaving office); a title with a country takes that office and its holder;
a counterpart ("naziruhu al-adharbayjani", his Azerbaijani counterpart) takes the office of
the actor before it; an agent noun with a country takes the agent's sector; a capital or seat
of government stands for the government; a country or organisation stands for itself.
"al-janiban" (the two sides) names the parties of the previous event, which only the event
coder knows: it is kept as a "sides" actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from marsad.actors.phrases import COUNTERPART, QUALIFIERS, TITLE_CHAIN, headed_body, phrase_head
from marsad.coding.resources import cues
from marsad.kb.model import ACTING_PREFIX
from marsad.types import Mention

if TYPE_CHECKING:
    from marsad.kb import KnowledgeBase
    from marsad.kb.model import Person


SIDES = "sides"  # method of a pseudo-actor standing for the parties of the previous event
UNKNOWN_PERSON = "unknown-person"  # a name found by the tagger, not in the knowledge base
UNKNOWN_ORG = "unknown-organisation"
NATIONALS = "nationals"  # a people named by its nationality: "al-filastiniyyun"
# the offices (offices.tsv) that speak for a body, of its sector: its spokesperson and its
# general secretariat
VOICES = frozenset({"spokesperson", "secretariat"})
# "musallahu al-Huthi" (the Houthi gunmen), "quwwat Huthiyya" (Houthi forces): armed men or
# forces of a rebel group are the group's rebels, not unaligned gunmen or an army
ARMED_HEAD_SECTORS = frozenset({"UAF", "MIL"})
GROUP_SECTORS = frozenset({"REB"})


@dataclass(frozen=True, slots=True)
class Resolution:
    code: str | None
    sector: str | None
    identifier: str | None
    office: str | None
    method: str
    reason: str
    takes_next: bool = False  # the word after the phrase was read as a given name


def _forces_of(person: Resolution, head: Mention) -> Resolution:
    """The body an agent noun heads in construct with a person ("quwwat al-Asad", Assad's
    forces; "ansar Salih", Saleh's supporters): the person's country, the agent's sector."""
    if head.sector is None:
        return person
    return replace(
        person,
        sector=head.sector,
        office=None,
        method="person-forces",
        reason=f"an agent noun of sector {head.sector} of a person's: {person.reason}",
    )


def reference_date(article_date: str | None) -> date:
    """The day roles are looked up on: the article's date, or the middle of its month/year."""
    if not article_date:
        return date.today()
    return _reference_day(article_date)


@lru_cache(maxsize=4096)
def _reference_day(article_date: str) -> date:
    """``reference_date`` of a date given, worked out once a date: a run's texts share a few."""
    parts = [int(p) for p in article_date.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        return date(parts[0], parts[1], 15)
    return date(parts[0], 7, 1)


def given_name_key(name: str) -> str:
    """The key a name is found by after a title: its first word as the lexicons key it, or
    its first two words joined when the first opens a given name of two (``compound_name_openers``:
    "'Abd Allah" and "'Abdallah" both key "'bdallh"; "al-malik 'Abd" is no King Abdullah)."""
    from marsad.text.normalize import normalize_phrase
    from marsad.text.tokenize import entry_keys

    words = normalize_phrase(name).split()
    if len(words) > 1 and words[0] in cues().compound_name_openers:
        return words[0] + words[1]
    keys = entry_keys(name)
    return keys[0] if keys else ""


class Cascade:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._first_names: dict[tuple[str, str], list[Person]] | None = None

    def _by_first_name(self, office: str, given: str) -> list[Person]:
        """The holders of ``office`` with a name whose first word (normalised) is ``given``, once
        for each such name: indexed by both, as an office may have had hundreds of holders."""
        if self._first_names is None:
            index: dict[tuple[str, str], list[Person]] = {}
            for role in self.kb.roles():
                person = self.kb.person(role.person_id)
                if person is None:
                    continue
                for name in person.names:
                    key = given_name_key(name)
                    if key:
                        index.setdefault((role.office, key), []).append(person)
            self._first_names = index
        return self._first_names.get((office, given), [])

    def _named_holder(self, office: str, given: str, when: date) -> tuple[Person, str] | None:
        """King Salman ("al-malik Salman"): the one holder of the office that day whose name
        begins so."""
        found = {
            p.id: p
            for p in self._by_first_name(office, given)
            if any(r.office == office and r.active_on(when) for r in self.kb.roles_of(p.id))
        }
        if len(found) != 1:
            return None
        person = next(iter(found.values()))
        role = next(
            r for r in self.kb.roles_of(person.id) if r.office == office and r.active_on(when)
        )
        return person, role.country

    def _country(self, code: str | None) -> str:
        country = self.kb.country(code) if code else None
        return country.name_en if country else (code or "no country")

    def _office_sector(self, office: str | None) -> str | None:
        known = self.kb.office(office) if office else None
        return known.sector if known else None

    def resolve(
        self,
        phrase: Sequence[Mention],
        when: date,
        last_office: str | None,
        *,
        former: bool = False,
        next_word: str = "",
        name_word: str = "",
        counted: bool = False,
        people: bool = False,
    ) -> Resolution | None:
        person = next((m for m in phrase if m.kind == "person"), None)
        head = phrase_head(phrase)
        # the state a title in construct serves ("safir khadim al-haramayn", read as the
        # state by the mentions stage) qualifies it as a nisba would
        qualifier = next((m for m in phrase if m.kind in QUALIFIERS), None) or next(
            (m for m in phrase[1:] if m.kind == "title" and m.kb_id is None and m.code), None
        )
        body = headed_body(phrase)
        if body is not None:  # "ra'is harakat al-Nahda Rashid al-Ghannushi": the party's head
            return self.resolve([body], when, last_office)
        if person is not None and person.kb_id is None:
            # "al-malik Salman" with "Salman" found by the tagger: still the holder so named
            if head is not None and head.kind == "title" and qualifier is None and name_word:
                named = self._title_named(head, name_word, when, takes_next=False)
                if named is not None:
                    return named
            return self._unknown_name(person, head, qualifier, last_office)
        if person is not None:
            found = self._person(person, head, qualifier, when, last_office)
            return _forces_of(found, head) if head is not None and head.kind == "agent" else found
        if head is not None and head.kind == "title":
            if former:
                return self._former_title(head, qualifier, last_office)
            if qualifier is None and next_word:
                named = self._title_named(head, next_word, when, takes_next=True)
                if named is not None:
                    return named
            return self._title(head, qualifier, when, last_office)
        if head is not None:
            return self._agent(head, qualifier, when)
        first = phrase[0]
        if first.kind == "metonym":
            return Resolution(
                first.code,
                first.sector,
                None,
                None,
                "metonym",
                f"a capital or seat of government standing for {self._country(first.code)}",
            )
        if first.kind == "country":
            return Resolution(
                first.code,
                first.sector,
                None,
                None,
                "country",
                f"the country name: {self._country(first.code)}",
            )
        if first.kind == "org" and first.kb_id is None:
            org_code = qualifier.code if qualifier and qualifier is not first else None
            return Resolution(
                org_code,
                None,
                None,
                None,
                UNKNOWN_ORG,
                "an organisation the knowledge base does not know (named-entity tagger)",
            )
        if first.kind == "org":
            org = self.kb.organisation(first.kb_id or "")
            name = org.name_en if org else first.kb_id
            nisba = next((m for m in phrase if m.kind == "nisba"), None)
            if nisba is not None:
                return Resolution(
                    nisba.code,
                    first.sector or "GOV",
                    None,
                    None,
                    "organisation-national",
                    f"a body named like {name} but qualified as {self._country(nisba.code)}'s",
                )
            code, sector = (first.code, first.sector)
            if org is not None:
                code, sector = org.status_on(when)  # the Taliban govern from 2021-08-15
            changed = org is not None and (code, sector) != (org.code, org.sector)
            return Resolution(
                code,
                sector,
                first.kb_id,
                None,
                "organisation",
                f"the organisation {name}" + (f" ({code} {sector} on {when})" if changed else ""),
            )
        if first.kind == "nisba" and counted:
            # "qutila 13 'iraqiyyan" (13 Iraqis were killed), "qutila 'iraqi" (an Iraqi was
            # killed): a nationality counted or hurt is people
            return Resolution(
                first.code,
                "CVL",
                None,
                None,
                "counted-nationals",
                f"people named by their nationality: of {self._country(first.code)}",
            )
        if first.kind == "nisba" and people:
            # "hajama al-filastiniyyun" (the Palestinians attacked): the people, coded as the
            # country with no sector, as CAMEO and the PLOVER gold code "Palestinians"
            return Resolution(
                first.code,
                None,
                None,
                None,
                NATIONALS,
                f"the people of {self._country(first.code)}, named by their nationality",
            )
        return None  # a nisba alone (an adjective) is not an actor

    def _person(
        self,
        person: Mention,
        head: Mention | None,
        qualifier: Mention | None,
        when: date,
        last_office: str | None,
    ) -> Resolution:
        pid = person.kb_id or ""
        known = self.kb.person(pid)
        name = known.name_en if known else pid
        role = self.kb.role_at(pid, when)
        if role is not None:
            return Resolution(
                role.country,
                role.sector,
                pid,
                role.office,
                "person-role",
                f"{name}: {role.office} of {self._country(role.country)} on {when}",
            )
        code = qualifier.code if qualifier else None
        office = None
        if head is not None and head.kind == "title":
            office = last_office if head.kb_id == COUNTERPART else head.kb_id
        # "wazir al-kharijiyya al-misri al-asbaq 'Amr Musa" (former Egyptian foreign minister
        # Amr Moussa): the past office in the phrase's country
        past = [
            r
            for r in self.kb.roles_of(pid)
            if r.end and r.end <= when and (code is None or r.country == code)
        ]
        if past:
            last = max(past, key=lambda r: r.end or when)
            return Resolution(
                last.country,
                "ELI",
                pid,
                last.office,
                "person-former-role",
                f"{name} left office ({last.office} of {self._country(last.country)}) "
                f"on {last.end}: a former official on {when}",
            )
        sector = self._office_sector(office) or (head.sector if head else None)
        return Resolution(
            code,
            sector,
            pid,
            office,
            "person-no-role",
            f"{name} holds no recorded office on {when}; country and sector from the phrase",
        )

    def _title(
        self, head: Mention, qualifier: Mention | None, when: date, last_office: str | None
    ) -> Resolution:
        counterpart = head.kb_id == COUNTERPART
        office = last_office if counterpart else head.kb_id
        # a title of one country's office ("khadim al-haramayn al-sharifayn") tells its country
        code = qualifier.code if qualifier else head.code
        gap = qualifier.token_start - head.token_end if qualifier else 0
        if qualifier is not None and qualifier.kind == "nisba" and gap in TITLE_CHAIN:
            # "ra'is hay'at al-taqa al-dharriyya al-iraniyya": the head of an Iranian body,
            # not Iran's president; the office is that body's, which the KB does not list
            return Resolution(
                code,
                head.sector,
                None,
                None,
                "title-chain",
                f"a {head.kb_id} of a body of {self._country(code)} (a genitive chain)",
            )
        sector = head.sector or self._office_sector(office)
        if sector is None and qualifier is not None and qualifier.kind == "org":
            # "al-amin al-'amm li-hilf al-Natu" (NATO secretary general) is a political office,
            # as in roles.tsv; "al-mutahaddith bi-ism harakat Hamas" (Hamas's spokesman)
            # speaks for the body, of its sector that day
            body = self.kb.organisation(qualifier.kb_id or "")
            spoken_for = body.status_on(when)[1] if body and office in VOICES else None
            sector = spoken_for or "GOV"
        method = "counterpart" if counterpart else "title"
        how = f"counterpart of the {office} named before it" if counterpart else f"the {office}"
        if code is None or office is None:
            return Resolution(
                code, sector, None, office, method, f"{how}; the country is not stated"
            )
        # "al-amin al-'amm li-l-jami'a al-'arabiyya" (Arab League secretary general): an IGO
        # office belongs to one organisation
        org = qualifier.kb_id if qualifier and qualifier.kind == "org" else None
        holder = self._holder(code, office, when, org)
        where = self._country(code) if org is None else (org or code)
        if holder is None:
            return Resolution(
                code,
                sector,
                None,
                office,
                method,
                f"{how} of {where}; no holder recorded on {when}",
            )
        return Resolution(
            code,
            sector,
            holder.id,
            office,
            f"{method}-holder",
            f"{how} of {where} on {when}: {holder.name_en}",
        )

    def _title_named(
        self, head: Mention, word: str, when: date, *, takes_next: bool
    ) -> Resolution | None:
        if not head.kb_id or head.kb_id == COUNTERPART:
            return None
        named = self._named_holder(head.kb_id, word, when)
        if named is None:
            return None
        holder, code = named
        role = self.kb.role_at(holder.id, when)
        return Resolution(
            code,
            role.sector if role else self._office_sector(head.kb_id),
            holder.id,
            head.kb_id,
            "title-name",
            f"the {head.kb_id} named «{word}» on {when}: {holder.name_en}",
            takes_next=takes_next,
        )

    def _unknown_name(
        self,
        person: Mention,
        head: Mention | None,
        qualifier: Mention | None,
        last_office: str | None,
    ) -> Resolution:
        office = None
        if head is not None and head.kind == "title":
            office = last_office if head.kb_id == COUNTERPART else head.kb_id
        code = qualifier.code if qualifier else None
        sector = self._office_sector(office) or (head.sector if head else None)
        return Resolution(
            code,
            sector,
            None,
            office,
            UNKNOWN_PERSON,
            "a name the knowledge base does not know (named-entity tagger); "
            + ("country and sector from the phrase" if code or sector else "no country stated"),
        )

    def _former_title(
        self, head: Mention, qualifier: Mention | None, last_office: str | None
    ) -> Resolution:
        office = last_office if head.kb_id == COUNTERPART else head.kb_id
        code = qualifier.code if qualifier else None
        return Resolution(
            code,
            "ELI",
            None,
            office,
            "title-former",
            f"a former {office} of {self._country(code)}: not the holder on the article's date",
        )

    def _holder(self, code: str, office: str, when: date, org: str | None) -> Person | None:
        # "ra'is wuzara' Arminiya" (prime minister of Armenia) in May 2021 was Pashinyan, then
        # acting prime minister
        for seat in (office, ACTING_PREFIX + office):
            try:
                holder = self.kb.holder(code, seat, when, org=org)
            except ValueError:  # several holders and nothing to choose between them
                return None
            if holder is not None:
                return holder
        return None

    def _agent(self, head: Mention, qualifier: Mention | None, when: date) -> Resolution:
        code = qualifier.code if qualifier else None
        if head.sector is None:  # "al-janib" (the side), "al-tarafan" (the two parties): a side
            if code is None:
                return Resolution(
                    None, None, None, None, SIDES, "both sides: the parties of the previous event"
                )
            return Resolution(
                code, "GOV", None, None, "side-country", f"the side of {self._country(code)}"
            )
        if code is None:
            return Resolution(
                None,
                head.sector,
                None,
                None,
                "agent",
                f"an agent noun of sector {head.sector}; the country is not stated",
            )
        group = self._armed_group(head, qualifier, when)
        if group is not None:
            return Resolution(
                code,
                group,
                None,
                None,
                "agent-group",
                f"armed men of a group of sector {group} of {self._country(code)}",
            )
        return Resolution(
            code,
            head.sector,
            None,
            None,
            "agent-country",
            f"an agent noun of sector {head.sector} of {self._country(code)}",
        )

    def _armed_group(self, head: Mention, qualifier: Mention | None, when: date) -> str | None:
        """The sector of the rebel group an armed agent noun belongs to, if it does."""
        if qualifier is None or qualifier.kind != "org" or head.sector not in ARMED_HEAD_SECTORS:
            return None
        if cues().coordinators & set(qualifier.proclitics):
            return None  # "quwwat al-nizam wa-Hizb Allah": the regime's forces and Hezbollah
        org = self.kb.organisation(qualifier.kb_id or "")
        sector = org.status_on(when)[1] if org is not None else qualifier.sector
        return sector if sector in GROUP_SECTORS else None
