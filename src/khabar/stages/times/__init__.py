"""Dates and times: TIMEX3-style time expressions, resolved against the publication date."""

from khabar.stages.times.hijri import gregorian_to_hijri, hijri_to_gregorian
from khabar.stages.times.tagger import TimeTagger, TimeTaggerOptions, publication_date
from khabar.stages.times.words import describe_time

__all__ = [
    "TimeTagger", "TimeTaggerOptions", "describe_time", "gregorian_to_hijri", "hijri_to_gregorian", "publication_date",
]
