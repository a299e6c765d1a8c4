"""The Document as people are shown it (the API, ``khabar render``): its JSON with each layer's views added.

``model/layers.py`` declares the view fields (``Layer.views``); here each is said, with the stages' own
words, so that the web page and ``khabar render`` show them and say nothing of their own: a time's
``words`` and an event's ``date_words`` come from ``khabar.stages.times.describe_time`` and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from khabar.model import LIST_LAYERS, Document, Event, TimeExpression, to_dict
from khabar.stages.times import describe_time


def _time_words(time: TimeExpression, text: str) -> str:
    return describe_time(time.value, time.type)


def _event_date_words(event: Event, text: str) -> str | None:
    return None if event.date is None else describe_time(event.date)


#: (layer, view field) -> how the field is said from the item and the Document's text.
VIEWS: dict[tuple[str, str], Callable[[Any, str], Any]] = {
    ("times", "words"): _time_words,
    ("events", "date_words"): _event_date_words,
}


def document_view(doc: Document, *, tokens: bool = False) -> dict[str, Any]:
    """``to_dict(doc)`` with the view fields every layer declares, for people.

    >>> from khabar.model import Span, TimeExpression
    >>> doc = Document(id="d", text="قال أمس", times=(TimeExpression(Span(4, 7), "DATE", "REF-P1D"),))
    >>> document_view(doc)["times"][0]["words"]
    'قبل يوم من تاريخ النشر'
    """
    out = to_dict(doc, tokens=tokens)
    for layer in LIST_LAYERS:
        for field in layer.views:
            say = VIEWS[(layer.name, field.key)]
            for item, data in zip(getattr(doc, layer.name), out[layer.name], strict=True):
                data[field.key] = say(item, doc.text)
    return out
