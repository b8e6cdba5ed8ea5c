"""One exception tree. Every message starts with a stable code users can search for."""

from __future__ import annotations


class MarsadError(Exception):
    code = "MARSAD"

    # The code is added when shown, not stored, so the error pickles to worker processes
    # and back without gaining a second prefix.
    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(MarsadError):
    """An article or input file that cannot be read as text."""

    code = "INPUT"


class DataError(MarsadError):
    """A broken language-data or knowledge-base file shipped with (or given to) marsad."""

    code = "DATA"


class PipelineError(MarsadError):
    """Stages that do not fit together, or a stage that failed in strict mode."""

    code = "PIPELINE"


class StoreError(MarsadError):
    code = "STORE"
