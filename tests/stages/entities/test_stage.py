"""The entity stage with a stand-in tagger: mentions without clitics, clusters, canonical names, titles."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.model import Document, check_offsets
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.byline import load_outlets
from khabar.stages.entities import EntityTagger
from khabar.stages.entities.coref import load_heads, same_entity
from khabar.stages.entities.mentions import decode_bio
from khabar.stages.entities.roles import load_titles
from khabar.stages.normalise import normalise_query


class DictionaryTagger:
    """Tags known names (as token sequences, clitics allowed on the first token) — a stand-in for the model."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = {tuple(normalise_query(n).split()): label for n, label in names.items()}

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [self._tag([normalise_query(w) for w in s]) for s in sentences]

    def _tag(self, words: list[str]) -> list[str]:
        tags = ["O"] * len(words)
        for i in range(len(words)):
            for name, label in sorted(self.names.items(), key=lambda kv: -len(kv[0])):
                size = len(name)
                window = words[i : i + size]
                if len(window) == size and tags[i] == "O" and (
                    window == list(name) or (window[1:] == list(name[1:]) and window[0][-len(name[0]):] == name[0]
                                             and len(window[0]) - len(name[0]) in (1, 2))):
                    tags[i : i + size] = [f"B-{label}"] + [f"I-{label}"] * (size - 1)
                    break
        return tags


SEED_NAMES = {
    "جان إيف لو دريان": "PER", "لو دريان": "PER", "أشتون كارتر": "PER", "كارتر": "PER", "فرانسوا هولاند": "PER",
    "هولاند": "PER", "إبراهيم الجعفري": "PER", "داعش": "ORG", "تنظيم داعش": "ORG", "البيشمركة": "ORG",
    "الاتحاد الأوروبي": "ORG", "الموصل": "LOC", "الرقة": "LOC", "العراق": "LOC", "سوريا": "LOC", "فرنسا": "LOC",
    "باريس": "LOC", "الولايات المتحدة": "LOC",
}


@pytest.fixture(scope="module")
def seed_doc(seed_text: str) -> Document:
    stage = EntityTagger(DictionaryTagger(SEED_NAMES), load_heads(), load_titles(), load_outlets())
    return Pipeline([*core_stages(), stage])(Document(id="seed", text=seed_text))


def by_name(doc: Document) -> dict[str, object]:
    return {doc.text_of(e.canonical): e for e in doc.entities}


def test_mentions_are_clustered_under_the_fullest_name(seed_doc: Document) -> None:
    entities = by_name(seed_doc)
    le_drian = entities["جان إيف لو دريان"]
    assert le_drian.label == "PER" and le_drian.type == "person"  # type: ignore[attr-defined]
    assert {seed_doc.text_of(m) for m in le_drian.mentions} == {"جان إيف لو دريان", "لو دريان"}  # type: ignore[attr-defined]
    assert len(le_drian.mentions) == 4  # type: ignore[attr-defined]
    assert {seed_doc.text_of(m) for m in entities["تنظيم داعش"].mentions} == {"داعش", "تنظيم داعش"}  # type: ignore[attr-defined]
    assert len(seed_doc.entities) == len({e.id for e in seed_doc.entities})


def test_mentions_exclude_attached_clitics(seed_doc: Document) -> None:
    texts = {seed_doc.text_of(m) for e in seed_doc.entities for m in e.mentions}
    assert {"الرقة", "فرنسا", "الموصل", "البيشمركة"} <= texts
    assert not {"والرقة", "لفرنسا", "بالموصل", "والبيشمركة", "لتنظيم داعش"} & texts


def test_titles_in_apposition_become_roles(seed_doc: Document) -> None:
    roles = {seed_doc.text_of(e.canonical): [seed_doc.text_of(r) for r in e.roles] for e in seed_doc.entities}
    assert roles["جان إيف لو دريان"] == ["وزير الدفاع الفرنسي"]
    assert roles["أشتون كارتر"] == ["وزير الدفاع الأمريكي"]
    assert roles["فرانسوا هولاند"] == ["الرئيس الفرنسي"]
    assert roles["إبراهيم الجعفري"] == ["وزير الخارجية العراقي"]


def test_the_byline_names_a_place_and_an_outlet(seed_doc: Document) -> None:
    entities = by_name(seed_doc)
    assert entities["المغرب اليوم"].label == "ORG" and entities["المغرب اليوم"].type == "media"  # type: ignore[attr-defined]
    paris = entities["باريس"]
    assert paris.label == "LOC" and paris.mentions[0].start == 0  # type: ignore[attr-defined]


def test_the_byline_s_author_is_a_credit_not_an_entity() -> None:
    text = "هسبريس - مصطفى شاكري\nقال خليفة حفتر إن مصطفى شاكري وصل."
    stage = EntityTagger(DictionaryTagger({"مصطفى شاكري": "PER", "خليفة حفتر": "PER"}), load_heads(), load_titles(), load_outlets())
    doc = Pipeline([*core_stages(), stage])(Document(id="d", text=text))
    assert doc.byline is not None and doc.text_of(doc.byline.author) == "مصطفى شاكري"  # type: ignore[arg-type]
    mentions = [m for e in doc.entities if e.label == "PER" for m in e.mentions]
    assert doc.byline.author.start not in {m.start for m in mentions}  # type: ignore[union-attr]
    assert {doc.text_of(m) for m in mentions} == {"خليفة حفتر", "مصطفى شاكري"}  # named in the text, he counts


def test_parenthesised_alias_joins_its_name() -> None:
    text = "أعلن تنظيم الدولة الإسلامية (داعش) مسؤوليته. وقال داعش إن الهجوم نجح."
    stage = EntityTagger(DictionaryTagger({"تنظيم الدولة الإسلامية": "ORG"}), load_heads(), load_titles(), load_outlets())
    doc = Pipeline([*core_stages(), stage])(Document(id="d", text=text))
    (entity,) = doc.entities
    assert doc.text_of(entity.canonical) == "تنظيم الدولة الإسلامية"
    assert [doc.text_of(m) for m in entity.mentions] == ["تنظيم الدولة الإسلامية", "داعش"]


def test_a_short_name_goes_to_the_most_recent_person() -> None:
    text = "قالت آنا كامبل إنها سعيدة. ثم تحدث والدها ديريك كامبل. وأضاف كامبل أنه حزين."
    stage = EntityTagger(DictionaryTagger({"آنا كامبل": "PER", "ديريك كامبل": "PER", "كامبل": "PER"}),
                         load_heads(), load_titles(), load_outlets())
    doc = Pipeline([*core_stages(), stage])(Document(id="d", text=text))
    derek = next(e for e in doc.entities if doc.text_of(e.canonical) == "ديريك كامبل")
    assert len(derek.mentions) == 2


@pytest.mark.parametrize(
    ("label", "a", "b", "same"),
    [
        ("PER", "لو دريان", "جان إيف لو دريان", True),
        ("ORG", "داعش", "تنظيم داعش", True),
        ("ORG", "الخارجية البريطانية", "وزارة الخارجية البريطانية", True),
        ("LOC", "الولايات المتحدة", "الولايات المتحدة الأمريكية", True),
        ("LOC", "السعودية", "المملكة العربية السعودية", True),
        ("LOC", "العراق", "كردستان العراق", False),
        ("LOC", "العراق", "إقليم كردستان العراق", False),
        ("LOC", "الموصل", "مدينة الموصل", True),
        ("LOC", "الجزائر", "الجزائر العاصمة", False),  # the country and its capital
        ("LOC", "الداخلة", "الداخلة وادي الذهب", False),  # a town and the region named after it
        ("LOC", "القدس", "القدس الشرقية", True),
        ("PER", "عبد", "نسرين عبد الله", False),
        ("ORG", "الاتحاد الأوروبي", "الاتحاد الأفريقي", False),
    ],
)
def test_coreference_rules(label: str, a: str, b: str, same: bool) -> None:
    words = lambda s: tuple(normalise_query(s).split())  # noqa: E731
    assert same_entity(label, words(a), words(b), load_heads()) is same


def test_bio_decoding() -> None:
    assert decode_bio(["B-PER", "I-PER", "O", "I-ORG", "I-ORG", "B-LOC", "B-LOC"]) == [
        (0, 2, "PER"), (3, 5, "ORG"), (5, 6, "LOC"), (6, 7, "LOC")]


class RandomTagger:
    """Labels drawn by hypothesis: the stage must keep its invariants whatever the model says."""

    def __init__(self, data: st.DataObject) -> None:
        self.data = data

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        labels = st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC"])
        return [[self.data.draw(labels) for _ in s] for s in sentences]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإؤئىة،.()«»\n"), max_size=200), data=st.data())
def test_any_labels_give_valid_entities(text: str, data: st.DataObject) -> None:
    stage = EntityTagger(RandomTagger(data), load_heads(), load_titles(), frozenset())
    doc = Pipeline([*core_stages(), stage])(Document(id="p", text=text))
    check_offsets(doc)
    for entity in doc.entities:
        assert entity.canonical in entity.mentions
        for mention in entity.mentions:
            token = next(t for t in doc.tokens if t.start <= mention.start < t.end)
            assert mention.start >= token.stem_start  # never inside an attached clitic


@given(st.lists(st.integers(0, 60), max_size=12, unique=True), st.lists(st.integers(1, 70), max_size=6, unique=True))
def test_tokens_go_to_the_first_sentence_that_ends_after_them(starts: list[int], ends: list[int]) -> None:
    from khabar.model import Span, Token
    from khabar.stages.entities.stage import tokens_by_sentence

    tokens = [Token.plain(start, start + 1) for start in sorted(starts)]
    edges = sorted(ends)
    sentences = [Span(a, b) for a, b in zip([0, *edges], edges, strict=False)]
    expected: list[list[Token]] = [[] for _ in sentences]
    for token in tokens:
        owner = next((i for i, sentence in enumerate(sentences) if token.start < sentence.end), None)
        if owner is not None:
            expected[owner].append(token)
    assert tokens_by_sentence(sentences, tokens) == expected


class _TagsNames:
    """A tagger that marks "الولايات المتحدة" when its words stand side by side (and records what it saw)."""

    def __init__(self) -> None:
        self.seen: list[list[str]] = []

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        self.seen += [list(words) for words in sentences]
        out = []
        for words in sentences:
            tags = ["O"] * len(words)
            for i in range(len(words) - 1):
                if (words[i], words[i + 1]) == ("الولايات", "المتحدة"):
                    tags[i], tags[i + 1] = "B-LOC", "I-LOC"
            out.append(tags)
        return out


def test_a_hashtag_s_words_are_read_as_the_name_they_spell() -> None:
    from khabar.stages.entities.stage import tag_joined

    tagger = _TagsNames()
    labels = tag_joined(tagger, [["#", "الولايات", "_", "المتحدة", "_", "دعم"], ["قالت", "الولايات", "المتحدة"]])
    assert tagger.seen[0] == ["#", "الولايات", "المتحدة", "دعم"]  # the joiners are left out for the tagger
    assert labels == [["O", "B-LOC", "I-LOC", "I-LOC", "O", "O"], ["O", "B-LOC", "I-LOC"]]
