"""The shell's conventions, generated from the command's own parser so they never drift from
it: completion scripts for bash, zsh and fish (``shtab``) and a man page (``argparse-manpage``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

SHELLS = ("bash", "zsh", "fish")
"""The shells ``followup completion`` writes a script for."""

ENVIRONMENT = (
    ("FOLLOWUP_DB", "the data file, when --db is not given"),
    ("FOLLOWUP_CONFIG", "the settings file, instead of settings.toml in the user config folder"),
    ("FOLLOWUP_NOW", "an ISO 8601 instant to take as now (for trying out dates and for tests)"),
    ("NO_COLOR", "when set and not empty, no colour in status tables or in the app"),
)
"""The environment variables the command reads, and what each changes."""


def completion(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script of ``parser`` for ``shell`` (one of :data:`SHELLS`)."""
    import shtab

    _complete_paths(parser, shtab.FILE)
    script: str = shtab.complete(parser, shell=shell)
    return script


def _complete_paths(parser: argparse.ArgumentParser, files: object) -> None:
    """Mark every option that takes a path, in ``parser`` and its subcommands, to complete
    file names (shtab reads a ``complete`` attribute on the action)."""
    for action in parser._actions:
        if action.type is Path:
            action.complete = files  # type: ignore[attr-defined]
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _complete_paths(sub, files)


def man_page(parser: argparse.ArgumentParser, version: str) -> str:
    """The man page (section 1, in roff) of ``parser``, its subcommands and its environment."""
    from argparse_manpage.manpage import Manpage

    page = Manpage(parser)
    page.source = f"followup {version}"
    page.manual = "User Commands"
    page.description = "know when to follow up after a job interview, and what to say"
    environment = "\n".join(f".TP\n.B {name}\n{meaning}" for name, meaning in ENVIRONMENT)
    page.add_section("environment", ">", environment)
    return str(page)
