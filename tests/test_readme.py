"""The README's examples, as written (issue 22): those that need no server, network, install or long run are
run from the repository root (outputs redirected to a temporary folder); every other ``khabar`` example,
in a code block or inline, is checked for a command and options that exist."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command

from khabar.interfaces.cli import app

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
# Run: quick, local, no server. Not run (checked only): installs and test runs, training (minutes to hours),
# a batch over the whole ANT corpus, the NER's evaluation on the test corpora, benchmarks, demo and serve.
NOT_RUN = re.compile(r"^(pip |python3? -m |\. |khabar (train|batch|demo|serve|build)|khabar eval ner|python benchmarks/|duckdb )")
SHARED = REPO.parent / "shared"


def code_lines() -> list[str]:
    """Every command line of the README's code blocks (comments dropped; && chains split)."""
    lines = []
    for body in re.findall(r"```\w*\n(.*?)```", README, re.S):
        for line in body.splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            lines += [part.strip() for part in command.split("&&") if re.match(r"(khabar|python3?|pip|duckdb|\.) ", part.strip())]
    return lines


def inline_examples() -> list[str]:
    """``khabar ...`` in backticks in the prose: commands with their options, or synopses."""
    return [m for m in re.findall(r"`(khabar [^`]+)`", README)]


def khabar_words(line: str) -> list[str]:
    return shlex.split(line.split(">")[0])[1:]


def resolve(words: list[str]) -> tuple[object, list[str], list[str]]:
    """The click command a line names, its path, and the option names written after it."""
    command = get_command(app)
    path = []
    for word in words:
        sub = getattr(command, "commands", {}).get(word)
        if sub is None:
            break
        command, path = sub, [*path, word]
    options = [w.split("=")[0] for w in words if re.match(r"--?[a-z]", w)]
    options += re.findall(r"\[(--?[a-z][\w-]*)", " ".join(words))  # synopses: [--limit N]
    return command, path, options


def known_options(command: object) -> set[str]:
    names = {"--help", "-h"}
    for param in getattr(command, "params", []):
        names |= set(param.opts) | set(getattr(param, "secondary_opts", []))
    return names


@pytest.mark.parametrize("line", [*code_lines(), *inline_examples()])
def test_every_khabar_example_names_a_command_and_options_that_exist(line: str) -> None:
    if not line.startswith("khabar "):
        return
    words = [w for w in re.split(r"\s+", line.replace("|", " ").replace("[", " [").replace("]", " ")) if w][1:]
    command, path, options = resolve(words)
    assert path, f"no command in {line!r}"
    if getattr(command, "context_settings", {}).get("ignore_unknown_options"):
        return  # khabar train passes its options through to the training script
    flags = {re.sub(r"[^\w-].*$", "", o) for o in options}
    unknown = {o for o in flags if o not in known_options(command) and o not in ("--", "-")}
    assert not unknown, f"{line!r}: {' '.join(path)} has no option {unknown}"


RUN = [line for line in code_lines() if not NOT_RUN.match(line)]
RUN += [m for m in inline_examples() if re.fullmatch(r"khabar (analyze|render) examples/seed\.txt[^A-Z\[|]*", m)]


def test_the_examples_that_are_run_are_the_expected_ones() -> None:
    assert "khabar analyze examples/seed.txt" in RUN and "khabar render examples/seed.txt > seed.html" in RUN
    assert any(line.startswith("khabar eval quotes") for line in RUN)


@pytest.mark.slow
def test_the_readme_examples_run_as_written(tmp_path: Path) -> None:
    """In README order, so that a score.py line reads the out.jsonl the line before wrote."""
    bin_dir = str(Path(sys.executable).parent)  # the khabar console script of this environment
    env = {**os.environ, "COLUMNS": "120", "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    for line in RUN:
        needs = set(re.findall(r"\.\./shared/(\w+)", line)) | ({"eval"} if line.startswith("khabar eval") else set())
        if any(not (SHARED / part).is_dir() for part in needs):  # khabar eval reads ../shared/eval by default
            continue  # a clone without (that part of) the shared data: these say what they need (tests/interfaces)
        command = re.sub(r"(?<=[ >])(out\.jsonl|seed\.html)\b", lambda m: str(tmp_path / m.group(1)), line)
        result = subprocess.run(["bash", "-c", command], cwd=REPO, capture_output=True, text=True, timeout=600, env=env)
        assert result.returncode == 0, f"{line}\n{result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, line
        written = re.search(r"> (\S+)$", command)
        assert result.stdout.strip() or (written and Path(written.group(1)).stat().st_size > 0), line
