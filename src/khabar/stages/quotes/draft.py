"""A quote while it is being built: content and cue as characters, the speaker filled in later."""

from __future__ import annotations

from dataclasses import dataclass

from khabar.model import QuoteKind
from khabar.stages.quotes.linking import Speaker


@dataclass(slots=True)
class Draft:
    """A quote being built: content and cue as characters, speaker to be completed."""

    kind: QuoteKind
    content: tuple[int, int]
    cue: tuple[int, int] | None
    anchor: int  # the cue's token (orders quotes and finds "the previous speaker")
    speaker: Speaker | None = None
    implied: bool = False  # the speaker is the previous one or a pronoun's antecedent
    last: int = -1  # the content's last token
    nested: bool = False  # the cue stands inside another speaker's quotation
    participle: bool = False  # ", مضيفا أن ...": continues the subject of the clause before
