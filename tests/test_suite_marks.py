"""The suite's own shape: a module's marks are set once, so that none is lost.

A second ``pytestmark = ...`` in a module replaces the first without a word: the monkey's
``slow`` mark was lost that way once, and its three long runs joined the default run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).parent


def _assignments(path: Path) -> int:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sum(
        1
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets)
    )


@pytest.mark.parametrize(
    "path", sorted(TESTS.rglob("*.py")), ids=lambda p: str(p.relative_to(TESTS))
)
def test_a_module_sets_its_marks_once(path: Path) -> None:
    assert _assignments(path) <= 1


def test_the_monkey_is_left_to_the_slow_run() -> None:
    from tests.hostile import test_monkey

    marks = test_monkey.pytestmark
    names = {mark.name for mark in (marks if isinstance(marks, list) else [marks])}
    assert "slow" in names
