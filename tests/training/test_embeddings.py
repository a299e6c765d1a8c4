"""The fastText embeddings script: its tokens, the evaluation articles it leaves out, a tiny training run."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from khabar.stages.entities.inputs import Embeddings
from khabar.training import embeddings


def test_tokens_are_khabar_s_as_the_model_s_forms() -> None:
    assert embeddings.tokens('قال لو دريان، إن "الحكومة" تعمل بالموصل منذ ٢٠١٤.') == [
        "قال", "لو", "دريان", "،", "ان", '"', "الحكومه", '"', "تعمل", "بالموصل", "منذ", "0000", "."]


def _ant(tmp_path: Path, articles: list[dict[str, str]]) -> Path:
    folder = tmp_path / "data" / embeddings.ANT_DIR
    folder.mkdir(parents=True)
    with gzip.open(folder / "ant_test.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(article, ensure_ascii=False) + "\n" for article in articles)
    return tmp_path / "data"


def test_articles_sharing_a_paragraph_with_the_evaluation_are_left_out(tmp_path: Path) -> None:
    shared = "وقال الرئيس الفلسطيني محمود عباس إنه سيعود إلى مكتبه يوم الثلاثاء بعد خروجه من المستشفى."
    data = _ant(tmp_path, [{"title": "خبر", "text": "مقدمة\n" + shared}, {"title": "آخر", "text": "نص لا يشبه شيئا"}])
    (tmp_path / "eval" / "dev2").mkdir(parents=True)
    (tmp_path / "eval" / "dev2" / "gold.jsonl").write_text(
        json.dumps({"id": "x", "text": "عنوان\n" + shared.replace("إنه", "إنّه")}, ensure_ascii=False) + "\n", encoding="utf-8")
    kept = list(embeddings.ant_articles(data, embeddings.eval_paragraphs(tmp_path / "eval")))
    assert kept == ["آخر\nنص لا يشبه شيئا"]
    assert len(list(embeddings.ant_articles(data, embeddings.eval_paragraphs(None)))) == 2


def test_a_tiny_run_writes_embeddings_that_compose_as_gensim_does(tmp_path: Path) -> None:
    gensim = pytest.importorskip("gensim.models", reason="gensim (the build/train extra) trains the embeddings")
    text = "\n".join(["قال الرئيس الفلسطيني محمود عباس في رام الله إن الحكومة ستجتمع"] * 30)
    data = _ant(tmp_path, [{"title": "خبر", "text": text}])
    out = tmp_path / "out" / "fasttext.npz"
    assert embeddings.main(["--data", str(data), "--out", str(out), "--dim", "8", "--min-count", "1",
                            "--buckets", "500", "--vocab", "5", "--epochs", "1"]) == 0
    loaded = Embeddings.load(out)
    assert len(loaded.words) == 5 and loaded.buckets.shape == (500, 8) and loaded.vectors.dtype == np.float16
    assert isinstance(gensim.FastText, type)
    assert np.isfinite(loaded.lookup(["بالحكومة", "قال"])).all()
