"""Readers that turn files and streams into articles (and writers, later)."""

from marsad.io.dates import parse_date
from marsad.io.readers import (
    Located,
    Origin,
    ReadFailure,
    ReadResult,
    read_examples,
    read_located,
    read_path,
)

__all__ = [
    "Located",
    "Origin",
    "ReadFailure",
    "ReadResult",
    "parse_date",
    "read_examples",
    "read_located",
    "read_path",
]
