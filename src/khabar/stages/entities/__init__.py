"""Named entities: the NER tagger, mentions without clitics, in-document coreference, titles, types."""

from khabar.stages.entities.stage import EntityTagger, SequenceTagger

__all__ = ["EntityTagger", "SequenceTagger"]
