"""``followup compose`` on a closed interview: the answer to an offer, or one line on why
there is nothing to write (and, for an advanced round, the command for its next round)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup_tui.cli import main
from followup_tui.core.codec import interviews_to_document
from tests.support.board import NOW
from tests.support.closed import CLOSED

SAID = {
    "advanced": "Acme moved you to a next round: write from that one "
    "(followup compose acme-onsite)",
    "withdrew": "You withdrew from Acme: nothing more is owed to them",
    "no response": "Acme went quiet and your closing note is sent: nothing more is owed "
    "(w on the board keeps in touch)",
    "no response, kept warm": "Acme went quiet, and your closing and keep-warm notes are "
    "sent: nothing more is owed",
    "thanked after rejection": "Acme said no and you have thanked them: nothing more is owed",
    "archived": "Acme is archived: bring it back (x on the board) to write to them",
}
"""What ``followup compose`` says where nothing is offered."""

ANSWERS = {"offer accepted": "accept", "offer declined": "decline"}
"""A word of the answer it writes where one is left."""


@pytest.fixture
def pinned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The clock pinned, a name set; the data file not written yet."""
    monkeypatch.setenv("FOLLOWUP_NOW", NOW.isoformat())
    settings = tmp_path / "settings.toml"
    settings.write_text('name = "Alex Morgan"\ntimezone = "America/New_York"\n', "utf-8")
    monkeypatch.setenv("FOLLOWUP_CONFIG", str(settings))
    return tmp_path / "followup.json"


def test_the_table_covers_every_closed_outcome() -> None:
    assert set(SAID) | set(ANSWERS) == set(CLOSED)


@pytest.mark.parametrize("outcome", sorted(CLOSED))
def test_compose_on_a_closed_interview(
    pinned: Path, capsys: pytest.CaptureFixture[str], outcome: str
) -> None:
    interviews = CLOSED[outcome]
    doc = pinned.with_name("closed.json")
    doc.write_text(json.dumps(interviews_to_document(list(interviews))), "utf-8")
    assert main(["--db", str(pinned), "import", str(doc)]) == 0
    capsys.readouterr()
    code = main(["--db", str(pinned), "compose", interviews[0].id])
    out, err = capsys.readouterr()
    if outcome in ANSWERS:
        assert (code, err) == (0, "")
        assert out.startswith("Subject: ") and ANSWERS[outcome] in out.lower()
        return
    assert (code, out) == (2, "")
    assert err == f"followup: {SAID[outcome]}\n"


def test_compose_on_an_advanced_round_not_yet_added_says_to_add_it(
    pinned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    closed, *_ = CLOSED["advanced"]  # its next round left out
    doc = pinned.with_name("closed.json")
    doc.write_text(json.dumps(interviews_to_document([closed])), "utf-8")
    assert main(["--db", str(pinned), "import", str(doc)]) == 0
    capsys.readouterr()
    assert main(["--db", str(pinned), "compose", closed.id]) == 2
    said = "Acme moved you to a next round: write from that one (add it in the app first)"
    assert capsys.readouterr().err == f"followup: {said}\n"
