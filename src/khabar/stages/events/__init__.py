"""Who did what to whom: PLOVER event mentions with their participants, place, date and mode."""

from khabar.stages.events.finder import EventFinder, find_events
from khabar.stages.events.lexicon import EventLexicon

__all__ = ["EventFinder", "EventLexicon", "find_events"]
