"""The knowledge base: countries, people and their offices bounded in time, organisations,
offices and generic agents, read from the TSV files in ``kb/data`` (see its README.md).

Importing this package reads nothing; :func:`default_kb` loads the shipped files on first use.
"""

from marsad.kb.knowledge_base import KnowledgeBase
from marsad.kb.load import default_kb, iter_names, load_kb
from marsad.kb.model import (
    NON_STATE_CODES,
    PLOVER_SECTORS,
    Agent,
    Country,
    DatePrecision,
    NisbaAffixes,
    Office,
    Organisation,
    Person,
    Role,
)

__all__ = [
    "NON_STATE_CODES",
    "PLOVER_SECTORS",
    "Agent",
    "Country",
    "DatePrecision",
    "KnowledgeBase",
    "NisbaAffixes",
    "Office",
    "Organisation",
    "Person",
    "Role",
    "default_kb",
    "iter_names",
    "load_kb",
]
