"""``followup compose`` and ``followup tone``: the composer and its check, from the shell."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from followup_tui.cli import main
from followup_tui.core.board import rank
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.codec import interviews_to_document
from followup_tui.core.compose import compose
from followup_tui.core.policy import STANDARD
from followup_tui.demo import load_demo
from followup_tui.settings import Settings
from tests.support.board import NOW, NY

PINNED = NOW.isoformat()
ME = 'name = "Alex Morgan"\ntimezone = "America/New_York"\n'


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo interviews in a data file, the clock pinned, a name set."""
    monkeypatch.setenv("FOLLOWUP_NOW", PINNED)
    settings = tmp_path / "settings.toml"
    settings.write_text(ME, encoding="utf-8")
    monkeypatch.setenv("FOLLOWUP_CONFIG", str(settings))
    doc = tmp_path / "demo.json"
    doc.write_text(json.dumps(interviews_to_document(load_demo(NOW, BusinessCalendar(NY)))))
    db = tmp_path / "followup.json"
    assert main(["--db", str(db), "import", str(doc)]) == 0
    return db


def run(capsys: pytest.CaptureFixture[str], *args: str, stdin: str = "") -> tuple[int, str, str]:
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            "sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8", "surrogateescape")))
        )
        code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_compose_prints_what_the_composer_opens_with(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(data), "compose", "demo-acme")
    assert code == 0
    subject, blank, *body = out.split("\n")
    calendar = BusinessCalendar(NY)
    acme = next(i for i in load_demo(NOW, calendar) if i.id == "demo-acme")
    (row,) = [r for r in rank([acme], "standard", NOW, calendar)]
    sender = Settings(name="Alex Morgan", timezone="America/New_York")
    expected = compose(
        acme, row.standing.actions[0], sender, now=NOW, calendar=calendar, policy=STANDARD
    )
    assert expected is not None
    assert subject == f"Subject: {expected.draft.subject}" and blank == ""
    assert "\n".join(body).rstrip() == expected.draft.body.rstrip()
    assert body[0] == "Hi Dana,"


def test_compose_takes_another_person_step_and_wording(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(data)
    _, out, _ = run(capsys, "--db", db, "compose", "demo-acme", "--to", "Lee Park")
    assert "\nHi Lee,\n" in out
    _, out, _ = run(capsys, "--db", db, "compose", "demo-acme", "--wording", "formal")
    assert "\nDear Dana,\n" in out
    _, out, _ = run(capsys, "--db", db, "compose", "demo-cyberdyne", "--step", "offer_decline")
    assert "decided to decline" in out or "not to accept" in out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["compose", "nobody"], "no interview has the id 'nobody'"),
        (["compose", "demo-acme", "--to", "Zed"], "'Zed' is not on the panel of Acme Robotics"),
        (["compose", "demo-acme", "--wording", "rude"], "no wording 'rude'"),
        (["compose", "demo-acme", "--step", "bribe"], "no 'bribe' message for Acme Robotics"),
        (["compose", "demo-stark", "--step", "offer_accept"], "no 'offer_accept' message for"),
        (["compose", "demo-cyberdyne", "--step", "keep_warm"], "no 'keep_warm' message for"),
        (["tone", "--step", "bribe"], "unknown step 'bribe'"),
    ],
)
def test_bad_requests_are_one_line_and_exit_2(
    data: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    code, out, err = run(capsys, "--db", str(data), *args)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and said in err


def test_tone_exits_1_and_says_why_when_something_is_flagged(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pushy = "Subject: Any update???\n\nHi Lee,\n\nJust circling back again.\n\nAlex\n"
    code, out, _ = run(capsys, "tone", stdin=pushy)
    assert code == 1
    assert out.splitlines()[0].startswith("desperate · subject:")
    assert any(line.startswith("pushy · line 3:") for line in out.splitlines())
    code, out, _ = run(capsys, "tone", "--json", stdin=pushy)
    findings = json.loads(out)["findings"]
    assert {"check": "pushy", "line": 3, "quote": "circling back again"}.items() <= (
        findings[1].items()
    )
    assert all(set(f) == {"check", "line", "quote", "why"} for f in findings)


def test_tone_against_an_interview_knows_its_panel(
    data: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Hi Lee,\n\nThank you for your time today.\n\nAlex\n", encoding="utf-8")
    db = str(data)
    assert run(capsys, "--db", db, "tone", str(draft))[0] == 0  # no panel: nothing to match
    code, out, _ = run(capsys, "--db", db, "tone", str(draft), "--interview", "demo-acme")
    assert code == 1 and "the greeting names Lee, but this message goes to Dana Ruiz" in out
    args = ("tone", str(draft), "--interview", "demo-acme", "--to", "Lee")
    assert run(capsys, "--db", db, *args)[0] == 0


def test_what_compose_prints_passes_tone(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, message, _ = run(capsys, "--db", str(data), "compose", "demo-acme")
    code, out, _ = run(capsys, "--db", str(data), "tone", "--interview", "demo-acme", stdin=message)
    assert (code, out.strip()) == (0, "Nothing to flag: short, warm and filled in.")


def test_an_unreadable_draft_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "tone", str(tmp_path / "missing.txt"))
    assert code == 2 and err.startswith("followup: ") and err.count("\n") == 1


def test_compose_on_an_offer_already_thanked_writes_its_answer(
    data: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(data)
    _, out, _ = run(capsys, "--db", db, "compose", "demo-cyberdyne")
    assert "Thank you so much for the offer" in out  # thanks first
    export = tmp_path / "all.json"
    assert main(["--db", db, "export", "-o", str(export)]) == 0
    doc = json.loads(export.read_text())
    for record in doc["interviews"]:
        if record["id"] == "demo-cyberdyne":
            record["events"].append({"kind": "thanks_sent", "at": "2026-11-04T14:00:00-05:00"})
    export.write_text(json.dumps(doc))
    assert main(["--db", db, "import", str(export)]) == 0
    code, out, _ = run(capsys, "--db", db, "compose", "demo-cyberdyne")
    assert code == 0 and "a few more days" in out  # the answer's first message: some time
    code, out, _ = run(capsys, "--db", db, "compose", "demo-cyberdyne", "--step", "offer_accept")
    assert code == 0 and "accept" in out


@pytest.mark.parametrize(
    ("draft", "said"),
    [
        ("", "empty: nothing to check"),
        ("  \n", "empty"),
        ("\udcff\udcfebad", "not UTF-8 text"),
        ("a\x00b", "not text"),
        ("word " * 20_000, "longer than 50,000 characters"),
    ],
)
def test_a_draft_that_is_not_text_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], draft: str, said: str
) -> None:
    code, out, err = run(capsys, "tone", stdin=draft)
    assert (code, out) == (2, "")
    assert said in err and err.count("\n") == 1


def test_the_keep_warm_count_starts_again_after_a_reply_as_in_the_composer() -> None:
    from dataclasses import replace as with_fields

    from followup_tui.core.model import Event, EventKind, Outcome
    from followup_tui.core.standing import Step
    from followup_tui.messages import offered
    from tests.support.board import at, make

    interview = make(
        "Pied Piper",
        at(10, 1),
        events=(
            Event(EventKind.KEEP_WARM_SENT, at(10, 5)),
            Event(EventKind.REPLY, at(10, 9), outcome=Outcome.STILL_DECIDING),
        ),
    )
    (row,) = rank([interview], "standard", NOW, BusinessCalendar(NY))
    (keep_warm,) = [a for a in offered(row) if a.step is Step.KEEP_WARM]
    assert keep_warm.number == 1
    sent_again = with_fields(
        interview, events=(*interview.events, Event(EventKind.KEEP_WARM_SENT, at(10, 12)))
    )
    (row,) = rank([sent_again], "standard", NOW, BusinessCalendar(NY))
    assert [a.number for a in offered(row) if a.step is Step.KEEP_WARM] == [2]


def test_compose_takes_the_steps_the_composer_offers_for_every_demo_interview(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from followup_tui.app.screens.composer_choices import choices_for
    from followup_tui.core.standing import Status

    calendar = BusinessCalendar(NY)
    rows = rank(load_demo(NOW, calendar), "standard", NOW, calendar)
    badges = {row.standing.status for row in rows}
    assert badges >= {Status.THANK_YOU_DUE, Status.WAITING, Status.OFFER, Status.CLOSED}
    for row in rows:
        key = row.interview.id
        composer = [c.action.step.value for c in choices_for(row.interview, row.standing)]
        code, _, err = run(capsys, "--db", str(data), "compose", key, "--step", "none_such")
        assert code != 0
        if not composer:  # closed: one line on why, whatever step was asked for
            assert err.count("\n") == 1 and "one of" not in err, key
            continue
        assert err.rsplit("one of ", 1)[1].strip() == ", ".join(composer)
        for step in composer:
            code, out, err = run(capsys, "--db", str(data), "compose", key, "--step", step)
            assert (code, err) == (0, ""), (key, step)
            assert out.startswith("Subject: ")


def test_step_and_wording_names_take_hyphens_and_underscores_alike(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from followup_tui.app.screens.composer_choices import choices_for

    db = str(data)
    calendar = BusinessCalendar(NY)
    tried = set()
    for row in rank(load_demo(NOW, calendar), "standard", NOW, calendar):
        for choice in choices_for(row.interview, row.standing):
            step = choice.action.step.value
            if "_" not in step:
                continue
            tried.add(step)
            key = row.interview.id
            _, written, _ = run(capsys, "--db", db, "compose", key, "--step", step)
            hyphened = step.replace("_", "-")
            code, out, err = run(capsys, "--db", db, "compose", key, "--step", hyphened)
            assert (code, err, out) == (0, "", written), (key, hyphened)
    assert {"check_in", "thank_you", "offer_time"} <= tried
    code, _, err = run(capsys, "tone", "--step", "check-in", stdin="Subject: Hi\n\nHello.\n")
    assert code in (0, 1) and err == ""
    code, _, err = run(capsys, "--db", db, "compose", "demo-acme", "--wording", "rude")
    names = err.rsplit("one of ", 1)[1].strip().split(", ")
    for name in names:
        _, written, _ = run(capsys, "--db", db, "compose", "demo-acme", "--wording", name)
        for other in (name.replace(" ", "-"), name.replace(" ", "_"), name.upper()):
            code, out, err = run(capsys, "--db", db, "compose", "demo-acme", "--wording", other)
            assert (code, err, out) == (0, "", written), other


def test_an_unknown_step_lists_the_names_as_the_readme_writes_them(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(data), "tone", "--step", "bribe")
    assert code == 2
    assert "check_in" in err and "check-in" not in err
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "--step check_in" in readme and "--step check-in" not in readme
