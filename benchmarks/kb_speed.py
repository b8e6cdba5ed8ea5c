"""Knowledge-base size against lookup speed: the gazetteer at 1x and at 10x the shipped KB.

Builds the mention gazetteer (``marsad.stages.mentions.build_gazetteer``, a trie over normalised
token sequences) from the shipped knowledge base and from one synthesised in memory at ``--factor``
times its size: for every real person, organisation, agent noun and country, factor - 1 fake ones
with distinct random Arabic-letter names (a fake person keeps the given name of the real one it
copies, so common first words like Muhammad get many more continuations; each fake person gets one
ministerial role). Then times the mention stage on the same sentences of real news, the first
``--articles`` articles of a SaudiNewsNet daily zip (test material only, never shipped; the
package's example articles when the zip is absent). Prints one table. Usage:

    .venv/bin/python benchmarks/kb_speed.py [--zip PATH] [--articles N] [--factor F] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import random
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from importlib.resources import files
from pathlib import Path

from marsad.kb import KnowledgeBase, load_kb
from marsad.kb.model import Agent, Country, Organisation, Person, Role
from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.stages.mentions import MentionStage, build_gazetteer
from marsad.types import Article, Document

DEFAULT_ZIP = Path(__file__).resolve().parents[2] / "shared/data/news-saudinewsnet/2015-07-21.zip"

# Arabic letters by code point (U+0628 BEH .. U+063A GHAIN, U+0641 FEH .. U+064A YEH), without
# TEH MARBUTA and ALEF MAKSURA, which only end words.
LETTERS = [
    chr(c) for c in (*range(0x0628, 0x063B), *range(0x0641, 0x064B)) if c not in (0x0629, 0x0649)
]


class Names:
    """Random words of Arabic letters, never the same phrase twice and never a real name."""

    def __init__(self, rng: random.Random, taken: set[str]) -> None:
        self._rng = rng
        self._taken = taken

    def word(self) -> str:
        return "".join(self._rng.choice(LETTERS) for _ in range(self._rng.randint(4, 7)))

    def like(self, real: str, *, keep_first: bool = False) -> str:
        """A fresh phrase with as many words as ``real`` (its first word kept if asked)."""
        words = real.split()
        while True:
            fake = [words[0]] if keep_first and len(words) > 1 else []
            fake += [self.word() for _ in range(len(words) - len(fake))]
            phrase = " ".join(fake)
            if phrase not in self._taken:
                self._taken.add(phrase)
                return phrase


def _all_names(kb: KnowledgeBase) -> set[str]:
    names: set[str] = set()
    for person in kb.persons():
        names.update(person.names)
    for country in kb.countries():
        names.update((*country.names, *country.nisbas, *country.capitals, *country.seats))
    for org in kb.organisations():
        names.update(org.names)
    names.update(agent.term for agent in kb.agents())
    return names


def scaled(kb: KnowledgeBase, factor: int, seed: int = 0) -> KnowledgeBase:
    """The knowledge base with ``factor - 1`` fakes added for every person, organisation,
    agent noun and country (the offices and their titles, a closed class, are kept as they are)."""
    rng = random.Random(seed)
    names = Names(rng, _all_names(kb))
    affixes = kb.nisba_affixes()
    persons: list[Person] = list(kb.persons())
    roles: list[Role] = list(kb.roles())
    organisations: list[Organisation] = list(kb.organisations())
    agents: list[Agent] = list(kb.agents())
    countries: list[Country] = list(kb.countries())
    codes = [c.iso3 for c in kb.countries()]
    for copy in range(1, factor):
        for person in kb.persons():
            fake = replace(
                person,
                id=f"{person.id}-fake-{copy}",
                names=tuple(names.like(n, keep_first=True) for n in person.names),
                wikidata=None,
            )
            persons.append(fake)
            start = date(rng.randint(2000, 2020), rng.randint(1, 12), 1)
            roles.append(
                Role(
                    person_id=fake.id,
                    country=rng.choice(codes),
                    sector="GOV",
                    office="minister",
                    start=start,
                    end=start.replace(year=start.year + rng.randint(1, 5)),
                )
            )
        for org in kb.organisations():
            organisations.append(
                replace(
                    org,
                    id=f"{org.id}-fake-{copy}",
                    names=tuple(names.like(n) for n in org.names),
                )
            )
        agents.extend(replace(a, term=names.like(a.term)) for a in kb.agents())
        for country in kb.countries():
            bases = tuple(names.word() + affixes.masculine_ending for _ in country.nisba_bases)
            countries.append(
                replace(
                    country,
                    iso3=f"{country.iso3}{copy}",
                    names=tuple(names.like(n) for n in country.names),
                    nisbas=tuple(form for base in bases for form in affixes.forms(base)),
                    capitals=tuple(names.like(n) for n in country.capitals),
                    seats=tuple(names.like(n) for n in country.seats),
                    nisba_bases=bases,
                )
            )
    return KnowledgeBase(
        countries=tuple(countries),
        persons=tuple(persons),
        roles=tuple(roles),
        offices=kb.offices(),
        organisations=tuple(organisations),
        agents=tuple(agents),
        nisba_affixes=affixes,
    )


def load_articles(path: Path, limit: int) -> tuple[list[Article], str]:
    if path.exists():
        with zipfile.ZipFile(path) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".json"))
            records = json.loads(archive.read(name))
        articles = [
            Article(id=f"{path.stem}-{i}", text=r["content"], date=r["date_extracted"][:10])
            for i, r in enumerate(records[:limit])
            if r.get("content")
        ]
        return articles, f"{path.name}, first {limit} articles"
    examples = files("marsad").joinpath("examples")
    articles = []
    for entry in sorted(examples.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            articles.append(Article(id=entry.name, text=entry.read_text(encoding="utf-8")))
    return articles, "the package's example articles (zip not found)"


def best_times(actions: Sequence[Callable[[], object]], repeat: int) -> list[float]:
    """The best wall time of each action over ``repeat`` rounds, in seconds. The actions take
    turns within a round, so noise from the rest of the machine falls on all of them alike."""
    best = [float("inf")] * len(actions)
    for _ in range(repeat):
        for i, action in enumerate(actions):
            started = time.perf_counter()
            action()
            best[i] = min(best[i], time.perf_counter() - started)
    return best


def measure(
    kbs: Sequence[KnowledgeBase], docs: Sequence[Document], repeat: int
) -> list[dict[str, float]]:
    builds = best_times([partial(build_gazetteer, kb) for kb in kbs], repeat)
    stages = [MentionStage(kb) for kb in kbs]
    entries = [len(stage.gazetteer()) for stage in stages]  # built once more, outside the timings
    # a first pass warms the caches keyed by token text (shared by both) and counts the mentions
    found = [sum(len(stage(doc).mentions) for doc in docs) for stage in stages]

    def run_all(stage: MentionStage) -> None:
        for doc in docs:
            stage(doc)

    runs = best_times([partial(run_all, stage) for stage in stages], repeat)
    sentences = sum(len(doc.sentences) for doc in docs)
    tokens = sum(len(doc.tokens) for doc in docs)
    return [
        {
            "persons": len(kb.persons()),
            "entries": entries[i],
            "build": builds[i],
            "sentence_us": runs[i] / sentences * 1e6,
            "token_us": runs[i] / tokens * 1e6,
            "mentions": found[i],
        }
        for i, kb in enumerate(kbs)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, default=DEFAULT_ZIP)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=7, help="rounds per timing (best)")
    args = parser.parse_args()

    articles, source = load_articles(args.zip, args.articles)
    prepare = Pipeline(default_stages(("normalize", "sentences", "tokens")))
    docs = [prepare(article) for article in articles]
    sentences = sum(len(doc.sentences) for doc in docs)
    tokens = sum(len(doc.tokens) for doc in docs)

    base = load_kb()
    started = time.perf_counter()
    big = scaled(base, args.factor)
    synth_seconds = time.perf_counter() - started
    one, many = measure([base, big], docs, args.repeat)

    print(f"Sentences: {source}: {len(docs)} articles, {sentences:,} sentences, {tokens:,} tokens")
    print(f"The {args.factor}x knowledge base was synthesised in {synth_seconds:.1f} s.\n")
    label = f"{args.factor}x"
    rows = [
        ("persons", f"{one['persons']:,.0f}", f"{many['persons']:,.0f}"),
        ("gazetteer entries", f"{one['entries']:,.0f}", f"{many['entries']:,.0f}"),
        ("index build (s)", f"{one['build']:.3f}", f"{many['build']:.3f}"),
        (
            "mention stage per sentence (us)",
            f"{one['sentence_us']:.1f}",
            f"{many['sentence_us']:.1f}",
        ),
        ("mention stage per token (us)", f"{one['token_us']:.2f}", f"{many['token_us']:.2f}"),
        ("mentions found", f"{one['mentions']:,.0f}", f"{many['mentions']:,.0f}"),
    ]
    width = max(len(r[0]) for r in rows)
    cells = max(len(c) for r in rows for c in r[1:])
    print(f"{'measure':<{width}}  {'1x':>{cells}}  {label:>{cells}}")
    print(f"{'-' * width}  {'-' * cells}  {'-' * cells}")
    for name, small, large in rows:
        print(f"{name:<{width}}  {small:>{cells}}  {large:>{cells}}")


if __name__ == "__main__":
    main()
