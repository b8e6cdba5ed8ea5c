"""Scoring marsad against gold files: detection per type on GSR CSV sentences, source and
target codes on gold actors, and coded PLOVER records against PLOVER gold records.

Each scorer reads its files (``InputError`` with file and line when one is bad), codes what it
needs with a pipeline through a ``SentenceCoder`` (each distinct sentence once), and returns a
frozen report that ``marsad.eval.report`` renders as a table or as JSON.
"""

from marsad.eval.actors import (
    ActorGold,
    ActorResult,
    ActorScores,
    ActorsReport,
    GoldActor,
    evaluate_actors,
    read_actor_gold,
    sentence_dates,
)
from marsad.eval.detection import (
    LABELS,
    CodedSentence,
    Confusion,
    DetectionReport,
    GsrRow,
    Judged,
    SentenceCoder,
    Share,
    TypeScore,
    evaluate_detection,
    gsr_date,
    read_gsr_csv,
    read_gsr_csvs,
)
from marsad.eval.plover import (
    PloverFile,
    PloverRecord,
    PloverReport,
    evaluate_plover,
    match_records,
    read_plover,
)

__all__ = [
    "LABELS",
    "ActorGold",
    "ActorResult",
    "ActorScores",
    "ActorsReport",
    "CodedSentence",
    "Confusion",
    "DetectionReport",
    "GoldActor",
    "GsrRow",
    "Judged",
    "PloverFile",
    "PloverRecord",
    "PloverReport",
    "SentenceCoder",
    "Share",
    "TypeScore",
    "evaluate_actors",
    "evaluate_detection",
    "evaluate_plover",
    "gsr_date",
    "match_records",
    "read_actor_gold",
    "read_gsr_csv",
    "read_gsr_csvs",
    "read_plover",
    "sentence_dates",
]
