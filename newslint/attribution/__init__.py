"""Attribution analysis: speech clauses, who speaks each quotation, and the gender the article gives them."""
from __future__ import annotations

from newslint.attribution.clauses import SpeechClause, Subject, speech_clauses
from newslint.attribution.evidence import Evidence, established_gender
from newslint.attribution.speakers import Attribution, Speaker, attributions, speaker_analysis

__all__ = [
    "Attribution", "Evidence", "Speaker", "SpeechClause", "Subject", "attributions", "established_gender",
    "speaker_analysis", "speech_clauses",
]
