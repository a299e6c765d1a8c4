"""The silver name list: what it keeps, and the sentences it reads from the news."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

from khabar.stages.entities.features import FeatureExtractor, Lexicon
from khabar.training.silver import halves, news_sentences, silver_list, write_silver


def test_a_word_mostly_tagged_as_one_type_is_listed() -> None:
    tagged = Counter({("رامسفيلد", "PER"): 9, ("رامسفيلد", "LOC"): 1, ("الموصل", "LOC"): 2, ("قال", "PER"): 1})
    seen = Counter({"رامسفيلد": 12, "الموصل": 2, "قال": 500})
    assert silver_list(tagged, seen, known=[]) == {"رامسفيلد": "PER"}  # الموصل: too rare; قال: rarely a name


def test_words_the_model_was_trained_on_are_left_out() -> None:
    tagged = Counter({("بوش", "PER"): 20})
    assert silver_list(tagged, Counter({"بوش": 20}), known=["وبوش"]) == {}  # the stem is what counts


def test_halves_cover_every_sentence_once() -> None:
    first, second = halves(7)
    assert list(first) + list(second) == list(range(7))


def test_news_sentences_stop_after_the_token_budget(tmp_path: Path) -> None:
    folder = tmp_path / "news" / "ant"
    folder.mkdir(parents=True)
    articles = [{"title": "عنوان", "text": "قال الرئيس إن الوضع مستقر. وأضاف أن الحوار مستمر."}] * 50
    with gzip.open(folder / "a.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(a, ensure_ascii=False) for a in articles))
    sentences = news_sentences(tmp_path, 30)
    assert sentences[0] == ["عنوان"] and sentences[1][-1] == "."
    assert 30 <= sum(map(len, sentences)) < 60


def test_the_listed_type_becomes_a_feature(tmp_path: Path) -> None:
    write_silver({"رامسفيلد": "PER"}, tmp_path / "silver.tsv")
    extractor = FeatureExtractor(Lexicon.read(tmp_path))
    assert "sv=PER" in extractor.static("ورامسفيلد")
    assert not any(f.startswith("sv=") for f in extractor.static("قال"))
