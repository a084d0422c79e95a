"""The ``followup`` command (``python -m followup_tui``, and the installed script).

A status the standings cache answers is printed by ``quick_status`` before the command
line (argparse, the settings, the rules) is imported; everything else goes to ``cli``.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``followup`` command; returns the exit code."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args[:1] == ["status"]:
        from followup_tui import quick_status

        code = quick_status.main(args)
        if code is not None:
            return code
    from followup_tui.cli import main as full

    return full(args)


if __name__ == "__main__":
    sys.exit(main())
