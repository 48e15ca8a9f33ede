"""A run builds the parser of its command's group only: it must read every command line
exactly as the whole parser does."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plantui.cli.main import COMMANDS, build_parser, command_of

ALL = [command for commands in COMMANDS.values() for command in commands]
WORDS = st.sampled_from(
    [
        *ALL,
        *("--db", "--li", "--library", "--plan", "--pl", "--as", "--clock-ok", "--version"),
        *("-h", "--help", "--", "-", "--db=x.db", "--as=Jess", "--nope"),
        *("ask", "title=Close [/] gap", "A1", "x.db", "--type", "--json", "--screen", "asks"),
    ]
)


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> object:
    """The Namespace, or how argparse stopped (exit code and what it printed)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            return vars(parser.parse_args(argv))
        except SystemExit as stop:
            return ("exit", stop.code, out.getvalue(), err.getvalue())


def test_each_group_adds_exactly_the_commands_the_map_names() -> None:
    for name, commands in COMMANDS.items():
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(name).register(sub)
        assert tuple(sub.choices) == commands, name
    assert len(ALL) == len(set(ALL))
    assert list(build_parser()._subparsers._group_actions[0].choices) == ALL  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], "tui"),
        (["--db", "list", "list", "ask"], "list"),  # a value that is a command's name
        (["--li", "plans", "screenshot"], "screenshot"),  # argparse takes option prefixes
        (["--db=x.db", "show", "A1"], "show"),
        (["--clock-ok", "--as", "Jess", "add", "ask"], "add"),
        (["-h"], None),
        (["--db", "x.db", "--help", "list"], None),
        (["frobnicate"], None),
        (["--", "list"], None),
    ],
)
def test_the_command_is_read_past_global_options(argv: list[str], command: str | None) -> None:
    assert command_of(argv) == command


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=6))
def test_the_narrowed_parser_reads_any_command_line_as_the_whole_one_does(
    argv: list[str],
) -> None:
    assert _parse(build_parser(command_of(argv)), argv) == _parse(build_parser(), argv)
