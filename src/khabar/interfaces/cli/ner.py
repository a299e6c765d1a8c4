"""``khabar train ner`` / ``clusters`` / ``embeddings`` and ``khabar eval ner``: make and measure the NER models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from khabar.errors import KhabarError
from khabar.interfaces.cli.common import fail, need_data, need_modules, usage_error
from khabar.training.ant import ANT_DIR

DATA_HELP = "The shared data folder (corpora, gazetteers, news)."
PASSTHROUGH = {"allow_extra_args": True, "ignore_unknown_options": True}

train_app = typer.Typer(help="Train khabar's models from ../shared/data (seeded, reproducible).", no_args_is_help=True)


NEURAL_KIND, CRF_KIND = "bilstm-crf", "crf"
KIND_HELP = ("bilstm-crf: the accurate neural tagger (torch, the train extra), into khabar/resources/ner_accurate; "
             "crf: the fast default, into khabar/resources/ner (needs clusters.tsv there: khabar train clusters).")


@train_app.command("ner", context_settings=PASSTHROUGH)
def train_ner(
    ctx: typer.Context,
    data: Annotated[Path, typer.Option(help=DATA_HELP)] = Path("../shared/data"),
    kind: Annotated[str, typer.Option(help=KIND_HELP)] = NEURAL_KIND,
) -> None:
    """Train a NER model and write its model card: by default the accurate (neural) one into
    khabar/resources/ner_accurate; --kind crf the fast default into khabar/resources/ner.

    Every option of ``python -m khabar.training.ner`` (neural) or ``python -m khabar.training.ner_crf`` (crf)
    passes through (``--dev`` for a tuning run that holds out the tail of ANERcorp train, ``--out DIR``,
    ``--epochs`` or ``--c1`` ...). The neural one needs ``pip install 'khabar[train]'`` (torch, CPU build) and
    ``khabar train embeddings``.
    """
    if kind not in (NEURAL_KIND, CRF_KIND):
        raise usage_error(f"--kind {kind!r}: give {NEURAL_KIND} (accurate) or {CRF_KIND} (fast)")
    need_data(data, "khabar train ner", "the NER corpora (the shared data folder)", "--data")
    if kind == CRF_KIND:
        from khabar.training import ner_crf

        raise typer.Exit(ner_crf.main(["--data", str(data), *ctx.args]))
    need_modules("khabar train ner", ("torch", "onnx"), "train")
    from khabar.training import ner

    raise typer.Exit(ner.main(["--data", str(data), *ctx.args]))


@train_app.command("clusters", context_settings=PASSTHROUGH)
def train_clusters(ctx: typer.Context, data: Annotated[Path, typer.Option(help=DATA_HELP)] = Path("../shared/data")) -> None:
    """Train word2vec on the ANT news and write the k-means word clusters the fast (CRF) model's features use,
    into khabar/resources/ner/clusters.tsv.

    Options of ``python -m khabar.training.clusters`` pass through. Needs ``pip install 'khabar[build]'`` (gensim).
    """
    need_data(data / ANT_DIR, "khabar train clusters", "the ANT news corpus (the shared data folder)", "--data")
    need_modules("khabar train clusters", ("gensim",), "build")
    from khabar.training import clusters

    raise typer.Exit(clusters.main(["--data", str(data), *ctx.args]))


@train_app.command("embeddings", context_settings=PASSTHROUGH)
def train_embeddings(ctx: typer.Context, data: Annotated[Path, typer.Option(help=DATA_HELP)] = Path("../shared/data")) -> None:
    """Train the fastText subword embeddings the NER model reads, on the ANT news.

    Options of ``python -m khabar.training.embeddings`` pass through (``--eval DIR`` leaves the evaluation
    articles out). Needs ``pip install 'khabar[build]'`` (gensim).
    """
    need_data(data, "khabar train embeddings", "the ANT news corpus (the shared data folder)", "--data")
    need_modules("khabar train embeddings", ("gensim",), "build")
    from khabar.training import embeddings

    raise typer.Exit(embeddings.main(["--data", str(data), *ctx.args]))


def eval_ner(
    files: Annotated[list[Path] | None, typer.Argument(help="CoNLL-style files to score (default: the test splits under --data); a .jsonl file: gold articles (as --gold).")] = None,
    data: Annotated[Path, typer.Option(help=DATA_HELP)] = Path("../shared/data"),
    gold: Annotated[Path, typer.Option(help="Gold articles for the document-level score (score.py's measure).")] = Path("../shared/eval/dev/gold.jsonl"),
    model: Annotated[str | None, typer.Option(help="The model: fast (the default), accurate, or a trained model's folder.")] = None,
    errors: Annotated[bool, typer.Option(help="List the missed and spurious document-level entities.")] = False,
    conll_files: Annotated[bool, typer.Option("--conll/--no-conll", help="Score the CoNLL files (off: the gold articles only).")] = True,
    system: Annotated[bool, typer.Option(help="Also score the whole entity stage (tagger + rules + coreference) on the CoNLL files.")] = True,
) -> None:
    """Print exact-span P/R/F1 per type on CoNLL files, then document-level entity scores on gold articles."""
    from khabar.evaluation import entities as evaluation
    from khabar.evaluation.conlleval import format_table
    from khabar.evaluation.quotes import gold_documents, read_gold
    from khabar.pipeline import default_pipeline
    from khabar.stages.entities import EntityTagger
    from khabar.training import conll

    corpora, gold = _what_to_score(files or [], data, gold, conll_files)
    try:
        stage = EntityTagger.load(model)  # its tagger is scored alone, then the whole stage
        for name, path in corpora.items():
            sentences = conll.read_file(path, conll.guess_parser(path))
            print(format_table(evaluation.score_conll(stage.tagger, sentences), f"{name}: the tagger alone ({len(sentences)} sentences)"))
            if system:
                print(format_table(evaluation.score_conll(evaluation.SystemTagger(stage), sentences),
                                   f"{name}: the entity stage (tagger + rules + coreference)"))
        if gold.is_file():
            articles = read_gold(gold)
            pipeline = default_pipeline(entities=stage)
            report = evaluation.score_documents(articles, [pipeline(doc) for doc in gold_documents(articles)])
            print(f"document-level entities on {gold} ({len(articles)} articles)")
            print("\n".join(report.lines(errors)))
    except KhabarError as error:
        raise fail(error) from error


def _what_to_score(files: list[Path], data: Path, gold: Path, conll_files: bool) -> tuple[dict[str, Path], Path]:
    """The CoNLL files to score and the gold articles: FILES given are used (a .jsonl one as the gold
    articles, the others as CoNLL), never ignored; a usage error names what is missing and where."""
    for path in files:
        if not path.is_file():
            raise usage_error(f"no such file: {path}")
    articles = [p for p in files if p.suffix.lower() in (".jsonl", ".json")]
    conll_given = [p for p in files if p not in articles]
    if len(articles) > 1:
        raise usage_error("give at most one gold articles file (.jsonl)")
    if conll_given and not conll_files:
        raise usage_error(f"--no-conll scores no CoNLL file, and {conll_given[0]} is one: drop one of the two")
    gold = articles[0] if articles else gold
    if conll_given or articles:
        corpora = {p.name: p for p in conll_given}
    else:
        corpora = evaluation_corpora(data) if conll_files else {}
    if not corpora and not gold.is_file():
        raise usage_error(f"nothing to score: khabar eval ner needs the test splits under --data (looked in {data}: "
                          f"ANERcorp and AQMAR from khabar's shared data) or gold articles (--gold, looked for {gold}), "
                          "or give CoNLL files or a gold .jsonl as FILES")
    return corpora, gold


def evaluation_corpora(data: Path) -> dict[str, Path]:
    from khabar.evaluation import entities as evaluation

    return evaluation.dev_corpora(data)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.add_typer(train_app, name="train")
    eval_app.command("ner")(eval_ner)
