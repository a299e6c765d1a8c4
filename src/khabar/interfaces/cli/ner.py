"""``khabar train ner`` / ``khabar train embeddings`` and ``khabar eval ner``: make and measure the NER model."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from khabar.errors import KhabarError
from khabar.interfaces.cli.common import fail, need_data, need_modules, usage_error

DATA_HELP = "The shared data folder (corpora, gazetteers, news)."
PASSTHROUGH = {"allow_extra_args": True, "ignore_unknown_options": True}

train_app = typer.Typer(help="Train khabar's models from ../shared/data (seeded, reproducible).", no_args_is_help=True)


@train_app.command("ner", context_settings=PASSTHROUGH)
def train_ner(ctx: typer.Context, data: Annotated[Path, typer.Option(help=DATA_HELP)] = Path("../shared/data")) -> None:
    """Train the neural NER tagger into khabar/resources/ner and write its model card.

    Every option of ``python -m khabar.training.ner`` passes through (``--dev`` for a tuning run that
    holds out the tail of ANERcorp train, ``--eval DIR`` for the in-domain articles, ``--out DIR``,
    ``--epochs`` ...). Needs ``pip install 'khabar[train]'`` (torch, CPU build) and ``khabar train embeddings``.
    """
    need_data(data, "khabar train ner", "the NER corpora (the shared data folder)", "--data")
    need_modules("khabar train ner", ("torch", "onnx"), "train")
    from khabar.training import ner

    raise typer.Exit(ner.main(["--data", str(data), *ctx.args]))


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
    model: Annotated[Path | None, typer.Option(help="A model folder other than the shipped one.")] = None,
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
