"""Write a data file of N realistic interviews, every badge present, times around now.

::

    .venv/bin/python scripts/gen_interviews.py 1000 /tmp/coach.json
    FOLLOWUP_DB=/tmp/coach.json .venv/bin/followup          # look at it
    .venv/bin/python scripts/gen_interviews.py 50 /tmp/i.json --interchange   # for `import`

Times are relative to ``--now`` (default: the clock, or ``FOLLOWUP_NOW``), so the badges
are right when the file is opened at that time. The same N and seed give the same people,
companies and notes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench_support.dataset import generate, write_data_file

from followup_tui.clock import clock_from_env, parse_instant
from followup_tui.core.codec import interviews_to_document
from followup_tui.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    """Generate the file; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many interviews")
    parser.add_argument("output", type=Path, help="the file to write (must not exist)")
    parser.add_argument("--now", help="ISO 8601 instant the times are relative to")
    parser.add_argument("--seed", type=int, default=6, help="random seed (default 6)")
    parser.add_argument(
        "--interchange",
        action="store_true",
        help="write an interchange document (for `followup import`) instead of a data file",
    )
    args = parser.parse_args(argv)
    if args.output.exists():
        parser.error(f"{args.output} exists; choose a new file")
    now = parse_instant(args.now) if args.now else clock_from_env().now()
    calendar = load_settings().calendar()
    if args.interchange:
        document = interviews_to_document(generate(args.n, now, calendar, args.seed))
        args.output.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        write_data_file(args.output, args.n, now, calendar, args.seed)
    print(f"{args.n} interviews around {now.isoformat()} written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
