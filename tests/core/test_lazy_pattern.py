"""The tone check's phrase patterns are built when first needed, or warmed one at a time."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from followup_tui.core.lazy_pattern import LazyPattern

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
from followup_tui.core import tone
from followup_tui.core.tone_phrases import PHRASES, TYPOS
from followup_tui.core.tone_rules import COMBOS
patterns = [p for _, p, _ in PHRASES] + [p for p, _ in TYPOS]
patterns += [p for _, parts, _ in COMBOS for p in parts]
print(sum(p.is_compiled for p in patterns), len(patterns))
steps = sum(1 for _ in tone.warm_steps())
print(sum(p.is_compiled for p in patterns), steps)
print(sum(1 for _ in tone.warm_steps()))
"""


def test_importing_the_tone_check_compiles_none_and_warming_compiles_all() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    compiled_at_import, total, compiled_after, steps, again = map(int, out)
    assert compiled_at_import == 0
    assert compiled_after == total
    assert steps >= total  # one step per pattern (OTHER_OFFER too)
    assert again == 0  # nothing left to build the second time


def test_a_lazy_pattern_matches_as_the_compiled_one_does() -> None:
    lazy = LazyPattern(r"\bhere (?:back|from you)\b", re.IGNORECASE)
    text = "Hope to HERE BACK soon; here from you later."
    assert not lazy.is_compiled
    eager = re.compile(lazy.pattern, lazy.flags)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.search(text) is not None and lazy.is_compiled
    assert lazy.search("nothing") is None
