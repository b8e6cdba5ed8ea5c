"""The loaded knowledge base: :class:`KnowledgeBase` holds the checked records and answers
look-ups by id and by date (who held an office on a day, which role a person held)."""

from __future__ import annotations

from datetime import date

from marsad.kb.model import Agent, Country, NisbaAffixes, Office, Organisation, Person, Role


class KnowledgeBase:
    """The loaded, checked knowledge base, with look-ups by id and by date."""

    __slots__ = (
        "_agents",
        "_countries",
        "_country",
        "_english_agents",
        "_nisba_affixes",
        "_office",
        "_offices",
        "_organisation",
        "_organisations",
        "_person",
        "_persons",
        "_roles",
        "_roles_of",
        "_seats",
    )

    def __init__(
        self,
        *,
        countries: tuple[Country, ...],
        persons: tuple[Person, ...],
        roles: tuple[Role, ...],
        offices: tuple[Office, ...],
        organisations: tuple[Organisation, ...],
        agents: tuple[Agent, ...],
        nisba_affixes: NisbaAffixes,
    ) -> None:
        self._countries = countries
        self._persons = persons
        self._roles = roles
        self._offices = offices
        self._organisations = organisations
        self._agents = tuple(agent for agent in agents if agent.term)
        self._english_agents = tuple(agent for agent in agents if agent.term_en)
        self._nisba_affixes = nisba_affixes
        self._country = {country.iso3: country for country in countries}
        self._person = {person.id: person for person in persons}
        self._office = {office.office: office for office in offices}
        self._organisation = {organisation.id: organisation for organisation in organisations}
        roles_of: dict[str, list[Role]] = {}
        seats: dict[tuple[str, str], list[Role]] = {}
        for role in roles:
            roles_of.setdefault(role.person_id, []).append(role)
            seats.setdefault((role.country, role.office), []).append(role)
        self._seats = {seat: tuple(spells) for seat, spells in seats.items()}
        self._roles_of = {
            person_id: tuple(sorted(spells, key=lambda role: role.start))
            for person_id, spells in roles_of.items()
        }

    def countries(self) -> tuple[Country, ...]:
        return self._countries

    def country(self, iso3: str) -> Country | None:
        return self._country.get(iso3)

    def persons(self) -> tuple[Person, ...]:
        return self._persons

    def person(self, person_id: str) -> Person | None:
        return self._person.get(person_id)

    def roles(self) -> tuple[Role, ...]:
        return self._roles

    def roles_of(self, person_id: str) -> tuple[Role, ...]:
        """Every spell of a person, earliest first."""
        return self._roles_of.get(person_id, ())

    def seat_filled(self, country: str, office: str, when: date) -> bool:
        """Whether somebody held ``office`` of ``country`` on ``when``."""
        return any(role.active_on(when) for role in self._seats.get((country, office), ()))

    def office_of_on(self, person_id: str, office: str, when: date) -> Role | None:
        """The person's spell in ``office`` in force on ``when``, if any."""
        return next(
            (r for r in self.roles_of(person_id) if r.office == office and r.active_on(when)), None
        )

    def role_at(self, person_id: str, when: date) -> Role | None:
        """The role in force on ``when``; of several, the one whose office ranks highest
        (then the one that began last)."""
        active = [role for role in self.roles_of(person_id) if role.active_on(when)]
        if not active:
            return None
        return min(active, key=lambda role: (self._rank(role.office), -role.start.toordinal()))

    def _rank(self, office: str) -> int:
        known = self._office.get(office)
        return known.rank if known else _NO_OFFICE_RANK  # an imported spell without an office

    def holder(
        self, country: str, office: str, when: date, org: str | None = None
    ) -> Person | None:
        """Who held ``office`` of ``country`` (and of organisation ``org``) on ``when``.

        Without ``org``, a country's own seat wins over the same office of a body of that
        country (the president of the Kurdistan Region is IRQ ``president`` with its ``org``:
        «the Iraqi president» is the Republic's). Raises ValueError when several people still
        match, as happens for an IGO office asked for without ``org``."""
        active = [
            role
            for role in self._seats.get((country, office), ())
            if (org is None or role.org == org) and role.active_on(when)
        ]
        matches = {role.person_id for role in active}
        if org is None and len(matches) > 1:
            national = {role.person_id for role in active if role.org is None}
            matches = national if len(national) == 1 else matches
        if not matches:
            return None
        if len(matches) > 1:
            raise ValueError(
                f"{len(matches)} holders of {office} for {country} on {when}: "
                f"{', '.join(sorted(matches))} (pass org= to choose)"
            )
        return self._person[matches.pop()]

    def offices(self) -> tuple[Office, ...]:
        return self._offices

    def office(self, key: str) -> Office | None:
        return self._office.get(key)

    def organisations(self) -> tuple[Organisation, ...]:
        return self._organisations

    def organisation(self, organisation_id: str) -> Organisation | None:
        return self._organisation.get(organisation_id)

    def agents(self) -> tuple[Agent, ...]:
        """The agent nouns with an Arabic term: the ones the matcher looks for."""
        return self._agents

    def english_agents(self) -> tuple[Agent, ...]:
        """The agent nouns with an English term (imported), kept for the English coder."""
        return self._english_agents

    def nisba_affixes(self) -> NisbaAffixes:
        return self._nisba_affixes

    def people_forms(self) -> dict[str, bool]:
        """The nisba forms without the article that name a country's people in the plural, each
        with whether it is the genitive/accusative: the sound plurals made from each masculine
        singular ("filastiniyyun"; "filastiniyyin", oblique) and the listed forms made from
        none, the broken plurals ("atrak", "afghan"), whose case the spelling does not show."""
        affixes = self._nisba_affixes
        forms: dict[str, bool] = {}
        for country in self._countries:
            bases = country.nisba_bases
            for form in country.nisbas:
                if not form.startswith(affixes.article) and not form.startswith(bases):
                    forms[form] = False
            for base in bases:
                for suffix in affixes.plural:
                    forms[base + suffix] = suffix in affixes.oblique
        return forms


_NO_OFFICE_RANK = 1_000  # below every office of offices.tsv
