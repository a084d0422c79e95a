"""Which wording the composer starts on."""

from __future__ import annotations

from dataclasses import replace

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.compose import compose, review
from followup_tui.core.ladder import standing
from followup_tui.core.model import Channel, Interviewer
from followup_tui.core.policy import STANDARD
from followup_tui.core.standing import Action, Step
from followup_tui.core.templates import BUILT_INS
from followup_tui.core.tone import Rule
from followup_tui.settings import Settings
from tests.core.conftest import NY, at, interview

ME = Settings(name="Alex Morgan")


def test_a_thank_you_starts_as_an_email_even_for_a_phone_person() -> None:
    cal = BusinessCalendar(NY)
    i = replace(interview(at(5, 14)), channel=Channel.PHONE)
    now = at(5, 16)
    action = standing(i, STANDARD, now, cal).actions[0]
    assert action.step is Step.THANK_YOU
    composition = compose(i, action, ME, now=now, calendar=cal, policy=STANDARD)
    assert composition is not None
    assert not composition.template.phone
    assert BUILT_INS.find("thank_you", True)  # the call script is still one key away


def test_a_check_in_starts_as_a_call_for_a_phone_person() -> None:
    cal = BusinessCalendar(NY)
    i = replace(interview(at(5, 14)), channel=Channel.PHONE)
    now = at(13, 9)
    check_in = next(a for a in standing(i, STANDARD, now, cal).actions if a.step is Step.CHECK_IN)
    composition = compose(i, check_in, ME, now=now, calendar=cal, policy=STANDARD)
    assert composition is not None and composition.template.phone


def test_a_closing_note_is_written_even_for_a_phone_person() -> None:
    cal = BusinessCalendar(NY)
    i = replace(interview(at(5, 14)), channel=Channel.PHONE)
    closing = Action(Step.CLOSING_NOTE, "closing note", True)
    composition = compose(i, closing, ME, now=at(30, 9), calendar=cal, policy=STANDARD)
    assert composition is not None and not composition.template.phone
    assert not BUILT_INS.find("closing_note", True)  # no call to announce giving up


def test_the_tone_check_knows_the_recipient_and_guards_the_notes() -> None:
    cal = BusinessCalendar(NY)
    i = replace(
        interview(at(5, 14), names=("Dana Ruiz", "Sam Lee")),
        interviewers=(Interviewer("Dana Ruiz"), Interviewer("Sam Lee", topic="the release train")),
        notes="went ok I think; Sam seemed unsure about the release train",
    )
    now = at(5, 16)
    to_sam = Action(Step.THANK_YOU, "thank-you to Sam Lee", True, recipient="Sam Lee")
    composition = compose(i, to_sam, ME, now=now, calendar=cal, policy=STANDARD)
    assert composition is not None
    draft = composition.draft
    assert draft.body.startswith("Hi Sam,") and "the release train" in draft.body
    assert "went ok" not in draft.body and "unsure" not in draft.body
    assert review(draft.subject, draft.body, composition.tone) == []
    pasted = draft.body.replace("Hi Sam,", "Hi Dana,") + "\nIt went ok I think.\n"
    assert [f.rule for f in review(draft.subject, pasted, composition.tone)] == [
        Rule.UNFILLED,
        Rule.PRIVATE,
    ]
