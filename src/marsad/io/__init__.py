"""Readers that turn files and streams into articles."""

from marsad.io.dates import parse_date
from marsad.io.located import Located, Origin, ReadFailure, ReadResult
from marsad.io.readers import input_files, read_examples, read_located, read_path

__all__ = [
    "Located",
    "Origin",
    "ReadFailure",
    "ReadResult",
    "input_files",
    "parse_date",
    "read_examples",
    "read_located",
    "read_path",
]
