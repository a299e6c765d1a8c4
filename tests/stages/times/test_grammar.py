"""The grammar's word scan: a pattern tried only where a word of its lead set stands finds every match that
scanning the whole text finds at a word start (the only matches the tagger reads)."""

from __future__ import annotations

import pytest

from khabar.stages.normalise import normalise
from khabar.stages.times.grammar import proclitic_offsets
from khabar.stages.times.lexicon import load_time_lexicon
from khabar.stages.times.patterns import build_grammar
from khabar.stages.times.tagger import _matches
from khabar.stages.times.tense import at_word_start

# Short invented sentences, together touching every kind of pattern (the test checks that they do).
SENTENCES = [
    "قال الوزير الثلاثاء 25 أكتوبر 2016 إن الاجتماع سيعقد يوم الأحد المقبل، وفي مارس الماضي وصل.",
    "اليوم الأحد 27 مارس 2016 - 10:30 أعلنت الشركة، وكان ذلك في شهر يوليو/تموز من العام الماضي، اليوم 15 مايو.",
    "في الرابع من أيار/مايو وفي 01/10/2020 و2018-5-28 وصلت البعثة بين 21 و27 يونيو 2018.",
    "بدأ شهر رمضان المبارك في 5 رمضان 1439 هـ، وفي عام 1438 هجري، ومنذ عام 2014 وحتى 2016.",
    "صباح اليوم ومساء أمس السبت، وأول أمس الجمعة وفي وقت سابق من يوم الخميس، وغدا، وصباح اليوم التالي.",
    "الأسبوع الماضي وهذا العام ومطلع العام الجاري وفي وقت لاحق من الشهر الجاري وفي الأسابيع الماضية.",
    "وقعت الحادثة العام نفسه، وفي ذلك العام، ونهاية الأسبوع الماضي، وعطلة نهاية الأسبوع.",
    "قبل ثلاثة أيام، وبعد يومين، ومنذ أكثر من ساعة، وخلال السنوات الخمس الماضية، والعشرة أعوام الأخيرة.",
    "استمر القتال 19 عاما ونحو ساعة، ودام شهرا، وبعد ذلك بأسبوع، وبقي لسنوات طويلة، ونصف ساعة، وسنة ونصف.",
    "خمسة وعشرين يوما وسنة كاملة، وكل عام وكل ثلاثة أشهر، وثلاث مرات في اليوم، خلال العامين الماضيين، كل يوم جمعة.",
    "عند الساعة 16:20 والساعة العاشرة والنصف صباحا، وفي 18:00 بتوقيت غرينتش.",
    "الموسم الماضي والمرحلة المقبلة والوضع الحالي، وسيعود يوما ما، كما قال في وقت سابق اليوم.",
    "في الثاني من الشهر الحالي، وصيف 2015 والصيف الماضي وهذا الشتاء، وفي التسعينيات من القرن الماضي.",
    "في الربع الأول من العام 2018، والنصف الثاني من هذا العام، والسنة المالية الجديدة، والعام الدراسي 2017.",
    "وللعام 2014 وبالأمس وللأسبوع الثاني، والصفرة البسيطة و2016-2017 و2016/2017 والمادة 17.",
]


@pytest.fixture(scope="module")
def grammar():  # type: ignore[no-untyped-def]
    return build_grammar(load_time_lexicon())


def test_every_word_start_match_is_found_from_the_scan(grammar) -> None:  # type: ignore[no-untyped-def]
    tried = [False] * len(grammar.patterns)
    for sentence in SENTENCES:
        view = normalise(sentence).text
        opens = grammar.scan(view).starts
        for index, pattern in enumerate(grammar.patterns):
            everywhere = [m.span() for m in pattern.regex.finditer(view) if at_word_start(view, m.start())]
            scanned = [m.span() for m in _matches(pattern.regex, view, opens.get(pattern.lead, []))
                       if at_word_start(view, m.start())]
            assert set(everywhere) <= set(scanned), (pattern.kind, pattern.regex.pattern[:60], view)
            tried[index] = tried[index] or bool(everywhere)
    assert all(tried), [p.regex.pattern[:60] for p, t in zip(grammar.patterns, tried, strict=True) if not t]


def test_the_scan_tells_which_word_sets_an_article_holds(grammar) -> None:  # type: ignore[no-untyped-def]
    view = normalise("قال الوزير الثلاثاء إن 2016 كان صعبا").text
    words = view.split()
    assert grammar.scan(view).present == grammar.present(words, has_digit=True)


def test_a_match_starts_at_a_word_or_after_its_proclitic() -> None:
    assert proclitic_offsets("وبالعام") == (0, 1, 2)
    assert proclitic_offsets("للعام") == (0, 1, 2)
    assert proclitic_offsets("العام") == (0,)
