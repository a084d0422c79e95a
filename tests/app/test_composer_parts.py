"""The composer's parts on their own: what it offers, what it logs, drafts, send paths."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from followup_tui.app.clipboard import (
    Copied,
    Tool,
    clipboard_tools,
    copy_text,
    copy_with_tools,
    open_link,
    opener,
    run_tool,
)
from followup_tui.app.screens.composer_choices import choices_for, sent_event, sent_words
from followup_tui.core.board import rank, standing_of
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import Channel, Event, EventKind, Interview, Outcome
from followup_tui.core.standing import Step
from followup_tui.storage.drafts import Drafts, Edited, Message, drafts_for

from .conftest import NOW, NY, at, make, standard_board

CALENDAR = BusinessCalendar(NY)


def offered(interview: Interview) -> list[str]:
    """The labels the composer offers for ``interview`` at the pinned now."""
    standing = standing_of(interview, "standard", NOW, CALENDAR)
    return [c.label for c in choices_for(interview, standing)]


def by_company(company: str) -> Interview:
    """One interview of the standard board."""
    return next(i for i in standard_board() if i.company == company)


# ---- what is on offer


def test_the_owed_step_comes_first_then_update_and_keep_warm() -> None:
    assert offered(by_company("Initech")) == ["check-in 1 of 2", "update", "keep-warm note"]
    assert offered(by_company("Acme")) == ["thank-you", "update", "keep-warm note"]


def test_thank_you_recipients_start_with_those_still_owed() -> None:
    acme = by_company("Acme")
    thanked_dana = acme.with_event(Event(EventKind.THANK_YOU_SENT, NOW, to="Dana Ruiz"))
    standing = standing_of(thanked_dana, "standard", NOW, CALENDAR)
    (thanks, *_rest) = choices_for(thanked_dana, standing)
    assert thanks.recipients == ("Sam Lee", "Dana Ruiz")
    assert thanks.owed_to == frozenset({"Sam Lee"})


def test_a_step_not_due_yet_is_offered_and_says_so() -> None:
    assert offered(by_company("Globex"))[0] == "check-in 1 of 2 (not due yet)"


def test_before_the_interview_only_an_update_fits() -> None:
    assert offered(by_company("Umbrella")) == ["update"]


def test_rejection_offers_the_thank_you_for_their_consideration() -> None:
    rejected = make(
        "Soylent", at(10, 1), events=(Event(EventKind.REPLY, at(10, 20), outcome=Outcome.REJECTED),)
    )
    assert offered(rejected)[0] == "thank-you after the rejection"


def test_after_a_no_only_the_thank_you_for_their_consideration_is_offered() -> None:
    # Read aloud to a company that has just said no, an update ("Soylent is still where I'd
    # most like to be") or a keep-warm note would read wrong.
    no = Event(EventKind.REPLY, at(10, 20), outcome=Outcome.REJECTED)
    assert offered(make("Soylent", at(10, 1), events=(no,))) == ["thank-you after the rejection"]


def test_once_another_offer_is_accepted_only_the_withdrawal_is_offered() -> None:
    # Another job is taken: news of an offer, or a keep-warm note, would be untrue here.
    offer = Event(EventKind.REPLY, at(10, 27), outcome=Outcome.OFFER)
    yes = Event(EventKind.OFFER_ACCEPTED, at(11, 4, 9))
    board = [make("Hooli", at(10, 20), events=(offer, yes)), by_company("Initech")]
    rows = {r.interview.company: r for r in rank(board, "standard", NOW, CALENDAR)}
    initech = rows["Initech"]
    labels = [c.label for c in choices_for(initech.interview, initech.standing)]
    assert labels == ["withdrawal"]


def test_a_round_moved_on_the_same_day_offers_only_its_thank_yous() -> None:
    # The next round carries the conversation: no update or keep-warm note to this one.
    next_round = Event(EventKind.REPLY, at(11, 4, 12), outcome=Outcome.NEXT_ROUND)
    advanced = make("Soylent", at(11, 4, 9), events=(next_round,))
    assert standing_of(advanced, "standard", NOW, CALENDAR).reason == "advanced"
    assert offered(advanced) == ["thank-you"]


def test_an_offer_offers_thanks_then_time_accept_or_decline_and_nothing_else() -> None:
    offer = Event(EventKind.REPLY, at(4, 9), outcome=Outcome.OFFER)
    hooli = make("Hooli", at(2, 10), events=(offer,))
    answers = ["ask for a little time", "accept the offer", "decline the offer"]
    assert offered(hooli) == ["thanks for the offer", *answers]
    thanked = hooli.with_event(Event(EventKind.THANKS_SENT, at(4, 11)))
    assert offered(thanked) == answers


def test_keep_warm_counts_the_notes_already_sent() -> None:
    start = at(9, 1)
    chosen = make(
        "Pied Piper",
        start,
        events=(
            Event(EventKind.THANK_YOU_SENT, start + timedelta(hours=6)),
            Event(EventKind.KEEP_WARM_CHOSEN, at(10, 1)),
            Event(EventKind.KEEP_WARM_SENT, at(10, 2)),
        ),
    )
    standing = standing_of(chosen, "standard", NOW, CALENDAR)
    keep_warm = choices_for(chosen, standing)[0]
    assert keep_warm.action.step is Step.KEEP_WARM
    assert keep_warm.action.number == 2


# ---- what marking sent logs


@pytest.mark.parametrize(
    ("step", "kind"),
    [
        (Step.THANK_YOU, EventKind.THANK_YOU_SENT),
        (Step.CHECK_IN, EventKind.CHECK_IN_SENT),
        (Step.CLOSING_NOTE, EventKind.CLOSING_NOTE_SENT),
        (Step.THANKS_AFTER_REJECTION, EventKind.THANKS_SENT),
        (Step.KEEP_WARM, EventKind.KEEP_WARM_SENT),
        (Step.UPDATE, EventKind.UPDATE_SENT),
        (Step.OFFER_THANKS, EventKind.THANKS_SENT),
        (Step.OFFER_TIME, EventKind.UPDATE_SENT),
        (Step.OFFER_ACCEPT, EventKind.OFFER_ACCEPTED),
        (Step.OFFER_DECLINE, EventKind.OFFER_DECLINED),
        (Step.WITHDRAW, EventKind.WITHDREW),
    ],
)
def test_each_step_logs_its_own_kind_with_time_and_text(step: Step, kind: EventKind) -> None:
    event = sent_event(step, NOW, recipient="Dana Ruiz", phone=False, subject="Hi", body="Body\n")
    assert (event.kind, event.at, event.text) == (kind, NOW, "Hi\n\nBody")
    assert event.to == ("Dana Ruiz" if step is Step.THANK_YOU else "")


def test_a_check_in_records_its_channel() -> None:
    by_phone = sent_event(Step.CHECK_IN, NOW, recipient="", phone=True, subject="", body="Script")
    by_mail = sent_event(Step.CHECK_IN, NOW, recipient="", phone=False, subject="S", body="B")
    assert (by_phone.channel, by_phone.text) == (Channel.PHONE, "Script")
    assert by_mail.channel is Channel.EMAIL
    assert sent_words(Step.THANK_YOU, "Sam Lee") == "thank-you to Sam Lee"
    assert sent_words(Step.CHECK_IN, "Sam Lee") == "check-in"


# ---- drafts

DANA = Message("thank_you", "Dana Ruiz", False, "warm")
SAM = Message("thank_you", "Sam Lee", False, "warm")
CHECK_IN = Message("check_in.no_timeline", "Dana Ruiz", False, "formal")
RENDERED = Edited("Subject", "Hi Dana,\n")


def test_only_edits_are_kept_and_the_last_message_is_remembered() -> None:
    drafts = Drafts()
    assert not drafts.keep("acme", DANA, Edited("Subject", "Hi Dana,"), RENDERED)
    assert drafts.edited("acme", DANA) is None
    assert drafts.last("acme") == DANA
    assert drafts.keep("acme", DANA, Edited("Subject", "Hi Dana, hello\n"), RENDERED)
    assert drafts.edited("acme", DANA) == Edited("Subject", "Hi Dana, hello\n")
    assert drafts.count("acme") == 1 and drafts.count("globex") == 0
    assert drafts.discard("acme", DANA)
    assert not drafts.discard("acme", DANA)


def test_sending_a_thank_you_clears_only_that_interviewers_drafts() -> None:
    drafts = Drafts()
    edit = Edited("x", "y")
    for message in (DANA, SAM, CHECK_IN):
        drafts.keep("acme", message, edit, RENDERED)
    drafts.set_extra("acme", "article", "https://x.io")
    drafts.sent("acme", SAM)
    assert drafts.edited("acme", SAM) is None
    assert drafts.edited("acme", DANA) == edit
    assert drafts.edited("acme", CHECK_IN) == edit
    assert drafts.extras("acme") == {}
    drafts.sent("acme", Message("check_in.second", "", True, "call"))
    assert drafts.edited("acme", CHECK_IN) is None  # any check-in draft is obsolete now
    assert drafts.last("acme") is None


def test_extras_and_notices() -> None:
    drafts = Drafts()
    drafts.set_extra("acme", "news", "I shipped it")
    drafts.set_extra("acme", "article", "  ")
    assert drafts.extras("acme") == {"news": "I shipped it"}
    assert drafts.first_time("broken file") and not drafts.first_time("broken file")


def test_each_app_has_its_own_drafts() -> None:
    class App:
        pass

    one, two = App(), App()
    assert drafts_for(one) is drafts_for(one)
    assert drafts_for(one) is not drafts_for(two)


# ---- send paths


def test_clipboard_tools_follow_the_session() -> None:
    def which(name: str) -> str | None:
        return f"/usr/bin/{name}" if name != "xsel" else None

    assert clipboard_tools({}, which, "linux") == []
    x11 = clipboard_tools({"DISPLAY": ":0"}, which, "linux")
    assert [t.name for t in x11] == ["xclip"]
    both = clipboard_tools({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w"}, which, "linux")
    assert [t.name for t in both] == ["wl-copy", "xclip"]
    assert [t.name for t in clipboard_tools({}, which, "darwin")] == ["pbcopy"]


def test_copy_uses_the_first_tool_that_works_and_says_which() -> None:
    tools = [Tool("wl-copy", ("wl-copy",)), Tool("xclip", ("xclip",))]
    ran: list[tuple[str, str]] = []

    def run(tool: Tool, text: str) -> str:
        ran.append((tool.name, text))
        return "wl-copy failed (exit 1)" if tool.name == "wl-copy" else ""

    copied = copy_with_tools("hello", tools, run)
    assert ran == [("wl-copy", "hello"), ("xclip", "hello")]
    assert copied == Copied("xclip", ("wl-copy failed (exit 1)",), True)
    assert copied.describe("message").startswith("Copied the message with xclip, and to")
    assert "No wl-copy, xclip" in copy_with_tools("x", [], run).describe("subject")
    failed = copy_with_tools("x", tools[:1], run).describe("message")
    assert failed.endswith("but wl-copy failed (exit 1)")


def test_a_real_tool_is_run_with_the_text_and_its_failure_explained() -> None:
    assert run_tool(Tool("cat", ("cat",)), "héllo") == ""
    error = run_tool(Tool("sh", ("sh", "-c", "echo nope >&2; exit 3")), "x")
    assert error == "sh failed (exit 3: nope)"
    assert "could not be run" in run_tool(Tool("missing", ("/nonexistent/tool",)), "x")


def test_a_tool_that_leaves_a_child_behind_does_not_hold_us_up() -> None:
    # Like xclip: the parent exits at once, a child keeps serving. Waiting on a pipe the
    # child inherited would run into the time limit and report a failure.
    tool = Tool("sh", ("sh", "-c", "sleep 3 & exit 0"))
    assert run_tool(tool, "x", timeout=2) == ""


def test_copy_text_sends_the_terminal_escape_too() -> None:
    class Terminal:
        copied = ""
        is_web = False

        def copy_to_clipboard(self, text: str) -> None:
            self.copied = text

    terminal = Terminal()
    copied = asyncio.run(copy_text(terminal, "body text", tools=[]))
    assert terminal.copied == "body text"
    assert not copied.available


def test_opener_explains_why_there_is_none() -> None:
    def found(name: str) -> str | None:
        return "/usr/bin/" + name

    assert "no desktop session" in str(opener({}, found, "linux"))
    assert "xdg-open is not installed" in str(opener({"DISPLAY": ":0"}, lambda n: None, "linux"))
    assert opener({"WAYLAND_DISPLAY": "w"}, found, "linux") == ("xdg-open",)
    assert opener({}, found, "darwin") == ("open",)


def test_open_link_reports_failure_clearly() -> None:
    assert open_link("mailto:a@b.example", ("true",)) == ""
    assert open_link("mailto:a@b.example", ("false",)) == "false failed (exit 1)"
    assert open_link("mailto:x", "no desktop here") == "no desktop here"


def test_drafts_saved_to_a_file_read_back(tmp_path: Path) -> None:
    path = tmp_path / "followup.json.drafts"
    drafts = Drafts(path)
    assert drafts.save() == ""
    assert not path.exists()  # nothing to keep, no file
    drafts.keep("acme", DANA, Edited("Subject", "Hi Dana, ça va ?\n"), RENDERED)
    drafts.set_extra("acme", "news", "I shipped it")
    assert drafts.save() == ""
    again = Drafts(path)
    assert again.edited("acme", DANA) == Edited("Subject", "Hi Dana, ça va ?\n")
    assert again.last("acme") == DANA
    assert again.extras("acme") == {"news": "I shipped it"}
    assert again.problem == ""


def test_an_unreadable_drafts_file_is_reported_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "followup.json.drafts"
    path.write_text('{"acme": {"edits": [{"message": {"key": 1}}]}}', encoding="utf-8")
    drafts = Drafts(path)
    assert "can't be read" in drafts.problem
    assert drafts.count("acme") == 0
    path.write_text("not json", encoding="utf-8")
    assert "can't be read" in Drafts(path).problem


def test_drafts_that_cant_be_saved_say_why(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path / "missing-folder" / "x.drafts")
    drafts.keep("acme", DANA, Edited("S", "edited"), RENDERED)
    assert "drafts not saved to" in drafts.save()


def test_while_an_offer_is_open_the_update_says_what_it_is_for() -> None:
    from followup_tui.core.board import rank

    rows = {r.interview.company: r for r in rank(standard_board(), "standard", NOW, CALENDAR)}
    initech = rows["Initech"]
    labels = [c.label for c in choices_for(initech.interview, initech.standing)]
    assert labels == ["check-in 1 of 2", "update: tell them about your offer", "keep-warm note"]
    hooli = rows["Hooli"]
    assert all("update" not in c.label for c in choices_for(hooli.interview, hooli.standing))
