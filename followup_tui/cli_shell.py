"""The commands that write the shell's conventions: ``followup completion`` and
``followup man`` (the scripts and page themselves are :mod:`followup_tui.shell`'s)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup_tui import __version__

if TYPE_CHECKING:
    import argparse

    from followup_tui.clock import Clock
    from followup_tui.settings import Settings


def cmd_completion(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Print the completion script for ``args.shell``."""
    from followup_tui.cli_parser import build_parser
    from followup_tui.shell import completion

    print(completion(build_parser(), args.shell), end="")
    return 0


def cmd_man(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Print the man page."""
    from followup_tui.cli_parser import build_parser
    from followup_tui.shell import man_page

    print(man_page(build_parser(), __version__), end="")
    return 0
