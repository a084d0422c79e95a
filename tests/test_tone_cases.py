"""The tone check against a labelled set of realistic messages: it must warn on the ones
a hiring manager would wince at and stay quiet on the ones a careful person would send.

Run this module directly (``python -m tests.test_tone_cases``) to print precision, recall
and every miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from followup_tui.core.tone import ToneContext, check

CASES_FILE = Path(__file__).parent / "data" / "tone_cases.txt"
CONTEXT = ToneContext(
    interviewer_names=("Daniel Ortiz", "Lee Park", "Priya Nair"),
    recipient="Daniel Ortiz",
    private_notes=(
        "went ok I think - Priya seemed unsure about my dbt experience\n"
        "they might lowball the salary"
    ),
)
"""The message's setting: a panel, the person it goes to, and the user's private notes."""

PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled message."""

    warn: bool
    """True when a careful reader would want a warning."""
    text: str
    """The message."""


def load_cases() -> list[Case]:
    """Every labelled message in :data:`CASES_FILE`."""
    cases = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, _, text = line.partition(" | ")
        assert label in ("ok", "warn"), line
        cases.append(Case(label == "warn", text.replace("\\n", "\n")))
    return cases


@dataclass(frozen=True, slots=True)
class Score:
    """How the check did on the labelled set."""

    precision: float
    """Of the messages it warned on, the share that deserved it."""
    recall: float
    """Of the messages that deserved a warning, the share it warned on."""
    missed: tuple[str, ...]
    """Messages that deserved a warning and got none."""
    false_alarms: tuple[str, ...]
    """Messages a careful person would send that it warned on anyway."""


def score(cases: list[Case]) -> Score:
    """Precision and recall of :func:`check` on ``cases``."""
    flagged = [(case, bool(check(case.text, context=CONTEXT))) for case in cases]
    hits = sum(case.warn and got for case, got in flagged)
    warned = sum(got for _, got in flagged)
    deserved = sum(case.warn for case in cases)
    return Score(
        hits / warned if warned else 1.0,
        hits / deserved if deserved else 1.0,
        tuple(case.text for case, got in flagged if case.warn and not got),
        tuple(case.text for case, got in flagged if got and not case.warn),
    )


def test_the_labelled_set_is_large_and_balanced() -> None:
    cases = load_cases()
    warn = sum(case.warn for case in cases)
    assert len(cases) >= 200
    assert warn == len(cases) - warn
    assert len({case.text for case in cases}) == len(cases)


def test_precision_and_recall_on_the_labelled_set() -> None:
    result = score(load_cases())
    print(f"tone check: precision {result.precision:.3f}, recall {result.recall:.3f}")
    assert result.precision >= PRECISION_FLOOR, result.false_alarms
    assert result.recall >= RECALL_FLOOR, result.missed


def test_every_finding_says_why_in_one_line() -> None:
    for case in load_cases():
        for finding in check(case.text, context=CONTEXT):
            assert finding.message.strip() and "\n" not in finding.message, case.text


if __name__ == "__main__":
    found = score(load_cases())
    print(f"precision {found.precision:.3f}  recall {found.recall:.3f}")
    for text in found.missed:
        print(f"missed:      {text!r}")
    for text in found.false_alarms:
        print(f"false alarm: {text!r}")
