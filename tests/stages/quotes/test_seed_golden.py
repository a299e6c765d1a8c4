"""The seed article (examples/seed.txt): its 16 statements, each with its speaker and cue.

Statement 14 ("وحذر من أن ...") has no subject of its own: it continues فرانسوا هولاند.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

PEOPLE = (("PER", "جان إيف لو دريان", "لو دريان"), ("PER", "أشتون كارتر", "كارتر"), ("PER", "فرانسوا هولاند", "هولاند"),
          ("PER", "إبراهيم الجعفري"), ("ORG", "داعش", "تنظيم داعش"), ("LOC", "الموصل"), ("LOC", "الرقة"))
LE_DRIAN, CARTER, HOLLANDE = "جان إيف لو دريان", "أشتون كارتر", "فرانسوا هولاند"

# (kind, speaker, cue, the content's first words)
SEED = [
    ("indirect", LE_DRIAN, "قال", "إنه يجري حالياً مراقبة المنطقة"),
    ("indirect", LE_DRIAN, "أضاف", "إن الانتصار في الموصل سيكون"),
    ("indirect", LE_DRIAN, "قال", "إن تشديد الأمن على الحدود"),
    ("indirect", LE_DRIAN, "أضاف", "أن هناك حاجة إلى تعاون استخباراتي"),
    ("direct", LE_DRIAN, "استطرد", "إن الخلافة أمر يتعلق بالأرض"),
    ("indirect", CARTER, "قال", "إن التحالف سيركز على مدينة الرقة"),
    ("direct", CARTER, "قال", "نحن كأعضاء في التحالف"),
    ("indirect", CARTER, "مشيراً", "إلى أن الاستعدادات قد بدأت"),
    ("mixed", CARTER, "أضاف", "أن عمليات الرقة ستقوم بها"),
    ("mixed", CARTER, "معتبراً", 'أن "الانتصار الدائم"'),
    ("indirect", HOLLANDE, "دعا", "إلى الوحدة بين القوات العراقية"),
    ("indirect", HOLLANDE, "قال", "إنه كان من الضروري"),
    ("direct", HOLLANDE, "أضاف", "مستقبل المدينة والعراق على المحك"),
    ("indirect", HOLLANDE, "حذر", "من أن داعش أثناء التقهقر"),
    ("indirect", HOLLANDE, "مضيفاً", "أن تبادل المعلومات الاستخباراتية"),
    ("direct", HOLLANDE, "قال", "الرقة ستكون آخر معاقل داعش"),
]


def test_the_seed_statements_with_their_speakers(seed_text: str, quotes_of: Callable[..., list[Any]]) -> None:
    found = [(kind, speaker, cue, content) for kind, speaker, cue, content in quotes_of(seed_text, *PEOPLE)]
    assert len(found) == len(SEED)
    for (kind, speaker, cue, content), expected in zip(found, SEED, strict=True):
        assert (kind, speaker, cue) == expected[:3], content
        assert content.startswith(expected[3]), content


def test_the_seed_speakers_are_named_by_their_phrase_without_entities(seed_text: str,
                                                                      quotes_of: Callable[..., list[Any]]) -> None:
    found = quotes_of(seed_text)
    assert len(found) == len(SEED)
    for (_, phrase, _, content), expected in zip(found, SEED, strict=True):
        surname = expected[1].split()[-1]
        assert phrase is not None and surname in phrase, content


def test_the_seed_implied_speaker_is_hollande(seed_text: str, analyse: Callable[..., Any]) -> None:
    doc = analyse(seed_text, *PEOPLE)
    warned = next(q for q in doc.quotes if doc.text_of(q.cue) == "حذر")
    assert doc.text_of(doc.entity(warned.speaker_id).canonical) == HOLLANDE
    assert doc.text_of(warned.content) == "من أن داعش أثناء التقهقر سوف يسعى لمهاجمة أماكن أخرى"
