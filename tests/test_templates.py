"""Message templates: every one renders from a realistic record, and passes its own tone checks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.compose import (
    compose,
    context_for,
    discussed_with,
    meeting_phrase,
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
    interviewers=(
        Interviewer("Dana Ruiz", "Head of Product", topic="pricing experiments for the new tier"),
        Interviewer("Sam Lee", topic="your weekly release train"),
    ),
    decision_by=date(2026, 11, 6),
    check_in_on=date(2026, 11, 13),
    notes="went ok I think - Sam seemed unsure about my dbt experience",
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


NOT_A_CALL = ("closing_note", "keep_warm", "withdraw")
"""Steps that should never be a phone call: a call to say goodbye, or weeks later, intrudes."""


def test_every_step_has_three_email_variants_and_a_call_script_where_a_call_fits() -> None:
    for key in STEP_KEYS:
        emails = BUILT_INS.find(key)
        assert len(emails) >= 3, key
        assert len({t.variant for t in emails}) == len(emails), key
        calls = BUILT_INS.find(key, phone=True)
        assert (not calls) if key in NOT_A_CALL else len(calls) >= 1, key


@pytest.mark.parametrize(
    "wording",
    [
        "take the quiet",
        "assume you have moved",
        "inbox in peace",
        "so here I am",
        "You mentioned a decision",
        "gone another way",
    ],
)
def test_the_weak_wordings_are_gone(wording: str) -> None:
    assert not any(wording in t.body for t in BUILT_INS.templates)


def test_keep_warm_reminds_who_you_are_and_asks_nothing() -> None:
    for template in BUILT_INS.find("keep_warm"):
        assert "{role}" in template.body and "{met_on}" in template.body, template.variant
        assert "?" not in template.body and "interested" not in template.body


def test_built_ins_use_only_known_placeholders() -> None:
    used = {name for t in BUILT_INS.templates for name in t.placeholders}
    assert used <= set(PLACEHOLDERS)
    assert {"first_name", "discussed", "reminder", "decision_by", "met_on", "signature"} <= used


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
        ("Sam Lee", "Sam", "your weekly release train"),
    ):
        action = Action(Step.THANK_YOU, f"thank-you to {name}", True, recipient=name)
        for template in templates_for(Step.THANK_YOU):
            draft = render(template, context_for(PANEL, action, SENDER, TODAY, CAL))
            assert draft.body.startswith(f"Hi {first},") or draft.body.startswith(f"Dear {first},")
            assert topic in draft.body


def thank_yous(interview: Interview, variant: str) -> list[str]:
    """The thank-you bodies in ``variant`` for each interviewer, on the interview's day."""
    template = next(t for t in templates_for(Step.THANK_YOU) if t.variant == variant)
    today = CAL.day_of(interview.start)
    return [
        render(
            template,
            context_for(
                interview,
                Action(Step.THANK_YOU, "thanks", True, recipient=p.name),
                SENDER,
                today,
                CAL,
            ),
        ).body
        for p in interview.interviewers
    ]


@pytest.mark.parametrize("variant", ["warm", "formal", "short"])
def test_panel_thank_yous_differ_even_with_no_topics(variant: str) -> None:
    bare = Interview(
        "bare",
        "Acme",
        "PM",
        PANEL.start,
        interviewers=tuple(Interviewer(n) for n in ("Dana Ruiz", "Sam Lee", "Lee Park")),
    )
    bodies = thank_yous(bare, variant)
    # Each greets its own person, and differs from the others beyond the greeting.
    rest = [body.split("\n", 1)[1] for body in bodies]
    assert len(set(rest)) == len(rest)
    for body in bodies:
        assert "[" not in body and "]" not in body


def test_private_notes_never_reach_a_message() -> None:
    notes = "went ok I think - Priya seemed unsure about my dbt experience"
    interview = Interview(
        "n",
        "Acme",
        "Data Engineer",
        PANEL.start,
        interviewers=(Interviewer("Priya Shah"),),
        notes=notes,
    )
    context = context_for(interview, None, SENDER, TODAY, CAL, extras=EXTRAS)
    for template in BUILT_INS.templates:
        draft = render(template, context)
        for word in ("went ok", "unsure", "dbt"):
            assert word not in draft.subject + draft.body, (template.key, template.variant)
        findings = review(draft.subject, draft.body, tone_context_for(template, context))
        # Only the dates this record lacks are marked; nothing is flagged as private.
        assert all(f.rule is Rule.UNFILLED for f in findings), findings


def test_the_tone_check_catches_notes_pasted_into_a_message() -> None:
    context = context_for(PANEL, None, SENDER, TODAY, CAL)
    tone = tone_context_for(templates_for(Step.THANK_YOU)[0], context, NO_GAPS)
    body = "Hi Dana,\n\nI really enjoyed our conversation about went ok I think.\n\nBest,\nAlex"
    [finding] = review("Thanks", body, tone)
    assert finding.rule is Rule.PRIVATE and finding.line == 3
    assert finding.span is not None and body[slice(*finding.span)] == "went ok I think"
    assert "private notes" in finding.message
    # A topic the user also jotted in the notes is theirs to say.
    jotted = Interview(
        "j",
        "Acme",
        "PM",
        PANEL.start,
        interviewers=(Interviewer("Dana Ruiz", topic="your pricing experiments this spring"),),
        notes="Dana: your pricing experiments this spring",
    )
    context = context_for(jotted, None, SENDER, TODAY, CAL)
    template = templates_for(Step.THANK_YOU)[0]
    draft = render(template, context)
    assert "pricing experiments" in draft.body
    assert review(draft.subject, draft.body, tone_context_for(template, context, NO_GAPS)) == []


def test_a_thank_you_already_sent_to_another_panelist_is_flagged_when_copied() -> None:
    sent_text = "Hi Sam,\n\nThank you for today. I enjoyed it.\n\nBest,\nAlex"
    sent = Event(EventKind.THANK_YOU_SENT, PANEL.start, to="Sam Lee", text=sent_text)
    panel = PANEL.with_event(sent)
    action = Action(Step.THANK_YOU, "thanks", True, recipient="Dana Ruiz")
    context = context_for(panel, action, SENDER, TODAY, CAL)
    template = templates_for(Step.THANK_YOU)[0]
    tone = tone_context_for(template, context)
    copied = sent_text.replace("Hi Sam,", "Hi Dana,")
    assert [f.rule for f in review("Thanks", copied, tone)] == [Rule.SAME_LETTER]
    own = render(template, context)
    assert review(own.subject, own.body, tone) == []


def test_no_topic_gives_a_general_line_not_a_marker() -> None:
    context = context_for(QUIET, None, SENDER, TODAY, CAL)
    template = templates_for(Step.THANK_YOU)[0]
    draft = render(template, context)
    assert draft.missing == ()
    assert discussed_with(QUIET, QUIET.interviewers[0]) in draft.body
    assert check(draft.body, context=tone_context_for(template, context)) == []


def test_no_interviewer_or_name_on_record_is_marked() -> None:
    draft = render(
        templates_for(Step.CLOSING_NOTE)[0], context_for(NOBODY, None, Settings(), TODAY, CAL)
    )
    assert draft.body.startswith("Hi [first name],")
    assert draft.body.rstrip().endswith("[your name]")
    assert {"first_name", "signature"} <= set(draft.missing)
    rules = [f.rule for f in check(draft.body)]
    assert rules.count(Rule.UNFILLED) == len(draft.missing)


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
    assert values["meeting"] == "panel interview"
    assert values["met_on"] == "on 3 November"  # ten days ago: the date, not "on Tuesday"
    assert values["decision_on"] == "on 6 November"  # a week ago: "on Friday" would mislead
    assert values["check_in_on"] == "today"
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
    ("round_", "meeting"),
    [
        ("", "interview"),
        ("Final", "final interview"),
        ("final round", "final interview"),
        ("2", "second-round interview"),
        ("Round 2 - technical", "second-round technical interview"),
        ("2nd round", "second-round interview"),
        ("phone screen", "phone screen"),
        ("PHONE SCREEN", "phone screen"),
        ("HR screen", "HR screen"),
        ("hiring manager", "hiring manager interview"),
        ("onsite, final round", "final on-site interview"),
        ("On site", "on-site interview"),
        ("Technical interview", "technical interview"),
        ("coffee chat", "coffee chat"),
        ("panel", "panel interview"),
        ("Phone screen with recruiter", "phone screen with recruiter"),
        ("Interview with the CTO", "interview with the CTO"),
        ("final round with Dana", "final interview with Dana"),
        ("The technical round", "technical interview"),
    ],
)
def test_meeting_reads_naturally_whatever_was_typed(round_: str, meeting: str) -> None:
    assert meeting_phrase(round_) == meeting
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
