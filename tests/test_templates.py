"""Message templates: every one renders from a realistic record, and passes its own tone checks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.compose import (
    compose,
    context_for,
    discussed_from_notes,
    review,
    switch,
    tone_context_for,
)
from followup_tui.core.model import (
    Channel,
    Event,
    EventKind,
    Format,
    Interview,
    Interviewer,
    Outcome,
)
from followup_tui.core.policy import STANDARD
from followup_tui.core.standing import Action, Basis, Step
from followup_tui.core.templates import (
    BUILT_INS,
    PLACEHOLDERS,
    STEP_KEYS,
    Context,
    Library,
    Template,
    render,
    step_key,
    templates_for,
)
from followup_tui.core.tone import OutreachFacts, Rule, ToneContext, check
from followup_tui.demo import load_demo
from followup_tui.settings import Settings

NY = ZoneInfo("America/New_York")
CAL = BusinessCalendar(NY)
TODAY = date(2026, 11, 13)  # a Friday, eight business days after the interview
SENDER = Settings(
    name="Alex Morgan",
    signature="Alex Morgan\n555-0100 · alex@example.com",
    highlight="I led the checkout redesign that lifted conversion 12%.",
)
EXTRAS = {
    "article": "https://example.com/fleet-routing-at-scale",
    "news": "I shipped a route planner now used by 40 depots",
}
PANEL = Interview(
    id="panel",
    company="Acme Robotics",
    role="Product Manager",
    start=datetime(2026, 11, 3, 10, tzinfo=NY),  # Tuesday
    round="panel",
    interviewers=(Interviewer("Dana Ruiz", "Head of Product"), Interviewer("Sam Lee")),
    decision_by=date(2026, 11, 6),
    check_in_on=date(2026, 11, 13),
    notes=(
        "Discussed: the warehouse fleet dashboard and how to cut pick errors.\n"
        "Dana: pricing experiments for the new tier\n"
        "- Sam: their weekly release train; he runs it"
    ),
)
QUIET = Interview(
    id="quiet",
    company="Globex",
    role="Backend Engineer",
    start=datetime(2026, 11, 5, 14, tzinfo=NY),
    format=Format.PHONE,
    interviewers=(Interviewer("Sam Okafor", phone="555-0199"),),
    channel=Channel.PHONE,
)
NOBODY = Interview(id="nobody", company="Initech", role="SRE", start=PANEL.start)


def full_context(**kw: str) -> Context:
    """The panel interview with every value on record."""
    return context_for(PANEL, None, SENDER, TODAY, CAL, extras={**EXTRAS, **kw})


NO_GAPS = OutreachFacts(5, "thank-you", 3, 0, 2, 0, 3)
"""Timing facts that allow any message: the last one went out well before the gap."""


@pytest.mark.parametrize(
    "template", BUILT_INS.templates, ids=lambda t: f"{t.key}-{t.variant}-{t.phone}"
)
def test_built_in_renders_fully_and_passes_its_own_tone_checks(template: Template) -> None:
    context = full_context()
    draft = render(template, context)
    assert draft.missing == ()
    for text in (draft.subject, draft.body):
        assert not set("{}[]") & set(text), text
    tone = tone_context_for(template, context, NO_GAPS)
    assert review(draft.subject, draft.body, tone) == []


def test_every_step_has_three_email_variants_and_a_call_script() -> None:
    for key in STEP_KEYS:
        emails = BUILT_INS.find(key)
        assert len(emails) >= 3, key
        assert len({t.variant for t in emails}) == len(emails), key
        assert len(BUILT_INS.find(key, phone=True)) >= 1, key


def test_built_ins_use_only_known_placeholders() -> None:
    used = {name for t in BUILT_INS.templates for name in t.placeholders}
    assert used <= set(PLACEHOLDERS)
    assert {"first_name", "discussed", "highlight", "decision_date", "signature"} <= used


def test_every_template_renders_for_every_demo_interview() -> None:
    now = datetime(2026, 11, 20, 17, tzinfo=UTC)
    interviews = load_demo(now, CAL)
    assert len(interviews) >= 10
    marked = 0
    for interview in interviews:
        context = context_for(interview, None, SENDER, CAL.day_of(now), CAL, extras=EXTRAS)
        absent = {name for name in PLACEHOLDERS if name not in context.values}
        for template in BUILT_INS.templates:
            draft = render(template, context)
            # Only what the record really lacks is marked, and each mark is flagged.
            assert set(draft.missing) == absent & set(template.placeholders)
            tone = tone_context_for(template, context)
            flagged = [
                f.message
                for f in review(draft.subject, draft.body, tone)
                if f.rule is Rule.UNFILLED
            ]
            for name in draft.missing:
                marker = PLACEHOLDERS[name].marker
                assert marker in draft.subject + draft.body
                assert any(marker in message for message in flagged)
                marked += 1
    assert marked  # some demo interviews have no decision date: those marks were checked


def test_thank_you_is_personal_to_each_interviewer() -> None:
    for name, first, topic in (
        ("Dana Ruiz", "Dana", "pricing experiments for the new tier"),
        ("Sam Lee", "Sam", "their weekly release train"),
    ):
        action = Action(Step.THANK_YOU, f"thank-you to {name}", True, recipient=name)
        for template in templates_for(Step.THANK_YOU):
            draft = render(template, context_for(PANEL, action, SENDER, TODAY, CAL))
            assert draft.body.startswith(f"Hi {first},") or draft.body.startswith(f"Dear {first},")
            assert topic in draft.body


def test_missing_notes_stay_marked_and_are_flagged() -> None:
    context = context_for(QUIET, None, SENDER, TODAY, CAL)
    template = templates_for(Step.THANK_YOU)[0]
    draft = render(template, context)
    assert draft.missing == ("discussed",)
    assert "[something we discussed]" in draft.body
    findings = check(draft.body, context=tone_context_for(template, context))
    assert [f.rule for f in findings] == [Rule.UNFILLED]
    start, end = findings[0].span or (0, 0)
    assert draft.body[start:end] == "[something we discussed]"


def test_no_interviewer_or_name_on_record_is_marked() -> None:
    draft = render(
        templates_for(Step.CLOSING_NOTE)[0], context_for(NOBODY, None, Settings(), TODAY, CAL)
    )
    assert draft.body.startswith("Hi [first name],")
    assert draft.body.rstrip().endswith("[your name]")
    assert {"first_name", "signature", "discussed"} <= set(draft.missing)
    rules = [f.rule for f in check(draft.body)]
    assert rules.count(Rule.UNFILLED) == 3


def test_values_come_from_the_record_and_today() -> None:
    values = full_context().values
    assert values["first_name"] == "Dana"
    assert values["interviewer"] == "Dana Ruiz"
    assert values["weekday"] == "Tuesday"
    assert values["interview_date"] == "3 November"
    assert values["decision_date"] == "Friday 6 November"
    assert values["check_in_date"] == "Friday 13 November"
    assert values["days_since"] == "8 business days"
    assert values["today"] == "Friday 13 November"
    assert values["highlight"] == "I led the checkout redesign that lifted conversion 12%"
    assert values["signature"] == SENDER.signature
    assert values["meeting"] == "panel"
    next_year = context_for(PANEL, None, SENDER, date(2027, 1, 4), CAL).values
    assert next_year["interview_date"] == "3 November 2026"
    assert next_year["days_since"] == "44 business days"


def test_a_reply_replaces_the_timeline() -> None:
    reply = Event(
        EventKind.REPLY,
        datetime(2026, 11, 10, 9, tzinfo=NY),
        outcome=Outcome.STILL_DECIDING,
        decision_by=date(2026, 11, 20),
    )
    values = context_for(PANEL.with_event(reply), None, SENDER, TODAY, CAL).values
    assert values["decision_date"] == "Friday 20 November"
    assert "check_in_date" not in values
    silent = Event(EventKind.REPLY, reply.at, outcome=Outcome.OTHER)
    assert (
        "decision_date"
        not in context_for(PANEL.with_event(silent), None, SENDER, TODAY, CAL).values
    )


def test_signature_falls_back_to_the_name() -> None:
    values = context_for(PANEL, None, Settings(name="Alex Morgan"), TODAY, CAL).values
    assert values["signature"] == "Alex Morgan"
    assert "highlight" not in values


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ("", ""),
        ("The Rust migration. Also pay.", "the Rust migration"),
        ("Kubernetes upgrades; on-call too", "Kubernetes upgrades"),
        ("  * their hiring plan for Q3", "their hiring plan for Q3"),
        (
            "Prepare: the streaming pipeline rebuild; ask about on-call.",
            "the streaming pipeline rebuild",
        ),
        ("salary talk\nTopic: how the team ships weekly", "how the team ships weekly"),
        ("Dana: pricing experiments", "pricing experiments"),
        ("Lee: data contracts", "data contracts"),  # only another interviewer's line: still used
    ],
)
def test_discussed_phrase_from_notes(notes: str, expected: str) -> None:
    interview = Interview(
        "x",
        "Acme",
        "PM",
        PANEL.start,
        interviewers=(Interviewer("Dana Ruiz"), Interviewer("Lee Park")),
    )
    assert discussed_from_notes(notes, interview, interview.interviewers[0]) == expected


@pytest.mark.parametrize(
    ("round_", "meeting"),
    [
        ("", "interview"),
        ("Final", "final interview"),
        ("2", "round 2 interview"),
        ("phone screen", "phone screen"),
        ("hiring manager", "hiring manager interview"),
    ],
)
def test_meeting_reads_as_a_noun(round_: str, meeting: str) -> None:
    interview = Interview("x", "Acme", "PM", PANEL.start, round=round_)
    assert context_for(interview, None, SENDER, TODAY, CAL).values["meeting"] == meeting


def test_step_keys_choose_the_wording() -> None:
    assert step_key(Step.CHECK_IN, Basis.AGREED) == "check_in.agreed"
    assert step_key(Step.CHECK_IN, Basis.DECISION_DATE) == "check_in.decision_date"
    assert step_key(Step.CHECK_IN, None) == "check_in.no_timeline"
    assert step_key(Step.CHECK_IN, Basis.AGREED, number=2) == "check_in.second"
    assert step_key(Step.UPDATE) == "update"
    assert templates_for(Step.PREPARE) == []
    agreed = templates_for(Step.CHECK_IN, Basis.AGREED)
    assert agreed and all(t.key == "check_in.agreed" and not t.phone for t in agreed)
    calls = templates_for(Step.CHECK_IN, number=2, phone=True)
    assert calls and all(t.phone for t in calls)


def test_literal_braces_and_unknown_placeholders() -> None:
    template = Template("update", "x", "{{sic}} {role}", "Hi {first_name}, {nonsense}")
    draft = render(template, full_context())
    assert draft.subject == "{sic} Product Manager"
    assert draft.body == "Hi Dana, [nonsense]\n"
    assert draft.missing == ("nonsense",)


def test_library_extended_adds_replaces_and_drops() -> None:
    mine = Template("thank_you", "warm", "Thanks", "Hi {first_name}", source="mine.toml")
    extra = Template("thank_you", "mine", "Thanks", "Hello {first_name}", source="mine.toml")
    library = BUILT_INS.extended([mine, extra])
    emails = library.find("thank_you")
    assert emails[0] is mine  # in place of ours
    assert emails[-1] is extra
    assert len(emails) == len(BUILT_INS.find("thank_you")) + 1
    replaced = BUILT_INS.extended([extra], replace=["thank_you"])
    assert replaced.find("thank_you") == [extra]
    assert replaced.find("thank_you", phone=True) == BUILT_INS.find("thank_you", phone=True)
    assert Library(()).find("thank_you") == []


def test_compose_picks_the_channel_variant_and_checks_timing() -> None:
    thanked = QUIET.with_event(
        Event(EventKind.THANK_YOU_SENT, datetime(2026, 11, 12, 9, tzinfo=NY))
    )
    action = Action(Step.CHECK_IN, "check-in 1 of 2", True, number=1, of=2, basis=Basis.NO_TIMELINE)
    now = datetime(2026, 11, 13, 10, tzinfo=NY)
    composed = compose(thanked, action, SENDER, now=now, calendar=CAL, policy=STANDARD)
    assert composed is not None
    assert composed.template.phone  # Sam prefers calls
    assert composed.draft.body.startswith("Hi Sam, it's Alex Morgan.")
    rules = [f.rule for f in review(composed.draft.subject, composed.draft.body, composed.tone)]
    assert rules == [Rule.TOO_SOON]  # the thank-you went out yesterday
    email = compose(
        thanked,
        action,
        SENDER,
        now=now,
        calendar=CAL,
        policy=STANDARD,
        phone=False,
        variant="short",
    )
    assert email is not None and not email.template.phone and email.template.variant == "short"
    other = switch(email, email.choices[0])
    assert other.template.variant == "warm" and other.draft == render(other.template, email.context)
    prepare = Action(Step.PREPARE, "ask for their timeline", False)
    assert compose(PANEL, prepare, SENDER, now=now, calendar=CAL, policy=STANDARD) is None


def test_review_reports_subject_findings_on_line_zero() -> None:
    findings = review("URGENT: PLEASE REPLY", "Hi Dana,\n\nThanks!", ToneContext(Step.CHECK_IN))
    assert findings and all(f.line == 0 for f in findings)
    assert {f.rule for f in findings} == {Rule.PUSHY, Rule.DESPERATE}
