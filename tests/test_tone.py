"""Tone checks: each rule fires on text written to trip it, and stays quiet on honest notes."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import OUTREACH_KINDS, Event, EventKind, Interview, Outcome
from followup_tui.core.policy import PATIENT, STANDARD
from followup_tui.core.standing import Step
from followup_tui.core.tone import (
    PHONE_WORD_LIMIT,
    WORD_LIMITS,
    Finding,
    OutreachFacts,
    Rule,
    ToneContext,
    check,
    outreach_facts,
    unfilled,
    word_count,
)

NY = ZoneInfo("America/New_York")
CAL = BusinessCalendar(NY)
PANEL = ("Dana Ruiz", "Sam Lee")


def rules(text: str, context: ToneContext | None = None) -> list[Rule]:
    """The rules that fire on ``text``."""
    return [f.rule for f in check(text, context=context)]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("I have another offer and need an answer by Friday.", Rule.ULTIMATUM),
        ("Unless I hear from you this week, I'll accept elsewhere.", Rule.ULTIMATUM),
        ("I have interest in several other organizations, so please decide.", Rule.ULTIMATUM),
        ("I'm interviewing with other companies too.", Rule.ULTIMATUM),
        ("I need to know before I accept their offer.", Rule.ULTIMATUM),
        ("This is your last chance to hire me.", Rule.ULTIMATUM),
        ("As I said in my note, I am available.", Rule.PUSHY),
        ("As per my last email, where are we?", Rule.PUSHY),
        ("Please reply ASAP.", Rule.PUSHY),
        ("This is urgent.", Rule.PUSHY),
        ("Let me know immediately.", Rule.PUSHY),
        ("I expect an answer this week.", Rule.PUSHY),
        ("Why haven't you replied?", Rule.PUSHY),
        ("I'm still waiting for your decision.", Rule.PUSHY),
        ("A friendly reminder about my application.", Rule.PUSHY),
        ("You must let me know soon.", Rule.PUSHY),
        ("Please please consider me.", Rule.DESPERATE),
        ("I'd love to join!!", Rule.DESPERATE),
        ("Any news?!", Rule.DESPERATE),
        ("I WANT THIS JOB SO MUCH.", Rule.DESPERATE),
        ("I would PLEASE like an answer.", Rule.DESPERATE),
        ("I'll do anything to get this role.", Rule.DESPERATE),
        ("I really, really hope so.", Rule.DESPERATE),
        ("So sorry to bother you again.", Rule.DESPERATE),
        ("I'm eager to here from you.", Rule.TYPO),
        ("Thanks, and your welcome to call.", Rule.TYPO),
        ("I look forward to hearing form you.", Rule.TYPO),
        ("I admired there team.", Rule.TYPO),
        ("It took longer then planned.", Rule.TYPO),
        ("It went then expected.", Rule.TYPO),
        ("I don't want to loose touch.", Rule.TYPO),
        ("I definately enjoyed it.", Rule.TYPO),
        ("I wont take much of your time.", Rule.TYPO),
        ("I'd love to be apart of the team.", Rule.TYPO),
        ("Thank you for you time.", Rule.TYPO),
        ("I'm excited about the roll.", Rule.TYPO),
        ("It peaked my interest.", Rule.TYPO),
        ("Hi Dana, about [company] and {role}.", Rule.UNFILLED),
    ],
)
def test_rule_fires(text: str, rule: Rule) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Dana,\n\nThanks for Tuesday. I'm still very interested in the role.\n\nBest,\nAlex",
        "I've received another offer, and Acme is still where I'd most like to be.",
        "Another offer came in; my conversion work grew sales by 12%.",
        "Is there feedback you can share? The roll-out went well, your team too.",
        "I can share the AWS and SQL work, and the API docs.",
        "We met on the 12th; I hope you're doing well.",
        "Thank you for your time! I enjoyed it.",
        "Their team's process sounded thoughtful; it took longer than expected, which is fine.",
        "I'm glad to hear from you whenever it suits you.",
        "See [the write-up](https://example.com) when you have a moment.",
    ],
)
def test_honest_notes_stay_quiet(text: str) -> None:
    assert check(text, context=ToneContext(Step.CHECK_IN, interviewer_names=PANEL)) == []


@pytest.mark.parametrize(
    "greeting",
    [
        "Hi Dana,",
        "Dear Dana Ruiz,",
        "Dear Ms. Ruiz,",
        "Hello Dana and Sam,",
        "Hi all,",
        "Hi Acme team,",
        "Hello there!",
        "Good morning Sam,",
    ],
)
def test_greetings_to_the_panel_are_fine(greeting: str) -> None:
    assert check(f"{greeting}\n\nThanks again.", context=ToneContext(interviewer_names=PANEL)) == []


def test_greeting_to_someone_else_is_flagged_with_the_name() -> None:
    text = "Thanks first.\nHi Jon,\n\nThanks again."
    [finding] = check(text, context=ToneContext(interviewer_names=PANEL))
    assert finding.rule is Rule.UNFILLED
    assert finding.line == 2
    assert finding.span is not None and text[slice(*finding.span)] == "Jon"
    assert "Jon" in finding.message and "Dana Ruiz, Sam Lee" in finding.message
    # Without a panel to compare with, names are not judged.
    assert check(text) == []


def test_offer_plus_deadline_is_an_ultimatum_but_the_offer_alone_is_not() -> None:
    plain = "I've received another offer. Acme is still my first choice."
    assert check(plain) == []
    pressed = plain + " I have to respond by Friday."
    [finding] = check(pressed)
    assert finding.rule is Rule.ULTIMATUM
    assert "by Friday" in finding.message and "another offer" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Please let me know your decision by Monday.",
        "Could you confirm within 48 hours where things stand?",
        "I'd like some clarity on this by the end of the week.",
        "A rival company has asked for my answer soon; could you speed things up?",
        "Another employer is waiting on me, so a quick decision would help.",
    ],
)
def test_a_deadline_beside_a_request_for_their_answer_is_an_ultimatum(text: str) -> None:
    findings = check(text)
    assert [f.rule for f in findings] == [Rule.ULTIMATUM], text
    [finding] = findings
    assert finding.span is not None and text[slice(*finding.span)] in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "You mentioned the team hoped to decide by Friday, so I thought I'd check in.",
        "I'll send the slides by Friday; let me know if you'd like anything else.",
        "I have an interview with another team at Acme on Friday.",
        "I've received an offer from another company, and Acme is still my first choice.",
        "Let me know whenever suits you.",
    ],
)
def test_deadlines_and_requests_apart_are_not_ultimatums(text: str) -> None:
    assert check(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "I could start in March at the earliest.",
        "I can start no later than 1 March.",
        "Could you confirm the interview on Friday?",
        "I'll confirm my availability by Friday.",
        "At another company, I shipped the access feature ahead of the deadline.",
        "I helped expedite the release when our vendor slipped.",
        "We had to revert with a hotfix, and the outage ended within an hour.",
        "Thank you for being very patient with my questions.",
        "It was great to finally see the lab in person.",
        "Sorry, I forgot to attach it; let me know if the link works.",
        "Is there a reason the team chose Kafka over Pulsar? I'm curious.",
        "If you don't mind, I'll send over my portfolio.",
        "Thanks, you have replied so quickly.",
        "We captured a sliver of the market in the first year.",
        "I can't take much credit for it; the team did the hard part.",
        "So much depends on data quality, as we discussed.",
        "The problem that keeps me up at night is data drift.",
        "I was nervous before the demo, but it went well.",
        "I have not had much time with Kafka, even though I've read a lot about it.",
        "Not a single line of code changed in the migration.",
        "I can't take more than two weeks off before starting.",
        "I'll hold the references unless you decide you need them.",
        "Thank you for the update today; it was kind of you to let me know.",
        "I'd like to share some news today: the migration shipped.",
        "I'd like to give you an update this week on the prototype.",
        "I appreciate the quick reply today.",
        "We run inference on edge devices, so latency matters.",
        "There's a real connection between latency and churn.",
        "I'm happy to go one way or the other on the stack.",
        "I know you're busy, so there's no need to reply.",
        "The weather in Lisbon was lovely for the offsite.",
        "We use IM and email for on-call handovers.",
    ],
)
def test_ordinary_sentences_near_the_warning_words_pass(text: str) -> None:
    assert check(text) == [], text


def test_findings_point_at_the_words_and_their_line() -> None:
    text = "Hi Dana,\n\nPlease reply ASAP.\nThanks!!"
    findings = check(text)
    assert [(f.rule, f.line) for f in findings] == [(Rule.PUSHY, 3), (Rule.DESPERATE, 4)]
    assert [text[slice(*f.span)] for f in findings if f.span] == ["ASAP", "!!"]
    assert all("\n" not in f.message and f.message for f in findings)


def test_shouting_is_one_finding_per_run() -> None:
    text = "I WANT THIS JOB SO MUCH. It would mean a LOT, PLEASE."
    shouts = [text[slice(*f.span)] for f in check(text) if f.span]
    assert shouts == ["WANT THIS JOB SO MUCH", "PLEASE"]


def test_placeholder_message_says_what_is_missing() -> None:
    [finding] = check("I enjoyed talking about [something we discussed].")
    assert finding.rule is Rule.UNFILLED
    assert "their topic" in finding.message
    [other] = check("See [insert link].")
    assert "placeholder" in other.message


def test_too_long_uses_the_step_limit_and_skips_the_signature() -> None:
    signature = "Alex Morgan\nSenior Engineer at Somewhere Ltd, 555-0100"
    limit = WORD_LIMITS[Step.CHECK_IN]
    words = " ".join(["word"] * limit)
    context = ToneContext(Step.CHECK_IN, signature=signature)
    assert check(f"{words}\n{signature}", context=context) == []
    [finding] = check(f"{words} more\n{signature}", context=context)
    assert finding.rule is Rule.TOO_LONG and finding.span is None
    assert f"{limit + 1} words" in finding.message and str(limit) in finding.message
    assert check(f"{words} more", context=ToneContext(Step.THANK_YOU)) == []
    script = " ".join(["word"] * (PHONE_WORD_LIMIT + 1))
    assert rules(script, ToneContext(Step.THANK_YOU, phone=True)) == [Rule.TOO_LONG]
    assert word_count("It's a short-ish note", "") == 4


def facts(since: int | None, unanswered: int = 0, kept_warm: int = 0) -> OutreachFacts:
    """Timing facts under the standard policy."""
    return OutreachFacts(
        since, "check-in" if since is not None else "", 3, unanswered, 2, kept_warm, 3
    )


def test_too_soon_names_the_gap() -> None:
    [finding] = check("Checking in.", context=ToneContext(Step.CHECK_IN, facts=facts(1)))
    assert finding.rule is Rule.TOO_SOON
    assert finding.message == "the last check-in went out 1 business day ago; the minimum gap is 3"
    [today] = check("x", context=ToneContext(Step.CLOSING_NOTE, facts=facts(0)))
    assert "less than a business day ago" in today.message
    assert (
        "2 business days ago"
        in check("x", context=ToneContext(Step.KEEP_WARM, facts=facts(2)))[0].message
    )
    for quiet in (
        ToneContext(Step.CHECK_IN, facts=facts(3)),
        ToneContext(Step.CHECK_IN, facts=facts(None)),
        ToneContext(Step.THANK_YOU, facts=facts(0)),  # one to each interviewer, same day
        ToneContext(Step.UPDATE, facts=facts(0)),  # news doesn't wait for the calendar
        ToneContext(None, facts=facts(0)),
    ):
        assert check("x", context=quiet) == []


def test_too_many_after_the_unanswered_limit() -> None:
    [finding] = check("x", context=ToneContext(Step.CHECK_IN, facts=facts(5, unanswered=2)))
    assert finding.rule is Rule.TOO_MANY and "closing note" in finding.message
    assert check("x", context=ToneContext(Step.CHECK_IN, facts=facts(5, unanswered=1))) == []
    assert check("x", context=ToneContext(Step.CLOSING_NOTE, facts=facts(5, unanswered=2))) == []
    assert rules("x", ToneContext(Step.KEEP_WARM, facts=facts(5, kept_warm=3))) == [Rule.TOO_MANY]
    assert check("x", context=ToneContext(Step.KEEP_WARM, facts=facts(5, kept_warm=2))) == []


def test_whole_message_findings_come_first() -> None:
    findings = check("Please reply ASAP.", context=ToneContext(Step.CHECK_IN, facts=facts(1, 2)))
    assert [f.rule for f in findings] == [Rule.TOO_SOON, Rule.TOO_MANY, Rule.PUSHY]
    assert isinstance(findings[0], Finding) and findings[0].line is None


def at(day: int, hour: int = 9) -> datetime:
    """An instant in November 2026, New York time."""
    return datetime(2026, 11, day, hour, tzinfo=NY)


INTERVIEW = Interview("i", "Acme", "PM", at(3, 10), decision_by=date(2026, 11, 6))


def test_outreach_facts_from_the_log() -> None:
    none = outreach_facts(INTERVIEW, at(9), CAL, STANDARD)
    assert none == OutreachFacts(None, "", 3, 0, 2, 0, 3)
    log = INTERVIEW.with_event(Event(EventKind.THANK_YOU_SENT, at(3, 18), to="Dana Ruiz"))
    log = log.with_event(Event(EventKind.NOTE, at(4), text="called the recruiter"))
    log = log.with_event(Event(EventKind.CHECK_IN_SENT, at(12, 10)))
    # Thursday to Monday is two business days; the note is not a message sent.
    got = outreach_facts(log, at(16), CAL, STANDARD)
    assert (got.business_days_since_last_outreach, got.last_outreach) == (2, "check-in")
    assert got.unanswered_check_ins == 1 and got.minimum_gap == 3 and got.max_check_ins == 2
    assert outreach_facts(log, at(16), CAL, PATIENT).minimum_gap == 5
    # An event logged after "now" doesn't count yet.
    later = log.with_event(Event(EventKind.CHECK_IN_SENT, at(20)))
    assert outreach_facts(later, at(16), CAL, STANDARD).unanswered_check_ins == 1
    replied = log.with_event(Event(EventKind.REPLY, at(13), outcome=Outcome.STILL_DECIDING))
    after = outreach_facts(
        replied.with_event(Event(EventKind.KEEP_WARM_SENT, at(17))), at(18), CAL, STANDARD
    )
    assert (after.unanswered_check_ins, after.keep_warm_sent, after.last_outreach) == (
        0,
        1,
        "keep-warm note",
    )
    assert after.business_days_since_last_outreach == 1


def test_outreach_facts_feed_the_check() -> None:
    log = INTERVIEW.with_event(Event(EventKind.UPDATE_SENT, at(10)))
    context = ToneContext(Step.CHECK_IN, facts=outreach_facts(log, at(11), CAL, STANDARD))
    [finding] = check("Checking in.", context=context)
    assert finding.message == "the last update went out 1 business day ago; the minimum gap is 3"


# Examples the tone check once missed, each with the rule that should catch it.
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Just circling back again… Any update?", Rule.PUSHY),
        (
            "I have an offer that expires Friday, so I'd need to know where I stand by then",
            Rule.ULTIMATUM,
        ),
        ("Just bumping this to the top of your inbox", Rule.PUSHY),
        ("I'm following up for the third time", Rule.PUSHY),
        ("I'd be devastated not to get it", Rule.DESPERATE),
        ("let me know by end of day", Rule.ULTIMATUM),
        ("Did you get my last three emails?", Rule.PUSHY),
        ("a simple yes or no would be appreciated", Rule.PUSHY),
        ("Just checking in AGAIN", Rule.PUSHY),
        ("Just checking in AGAIN", Rule.DESPERATE),
        ("I know your busy", Rule.TYPO),
        ("Any update???", Rule.DESPERATE),
        ("I'd appreciate a decision by Friday.", Rule.ULTIMATUM),
    ],
)
def test_issue_examples_once_missed_are_caught(text: str, rule: Rule) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "I've shipped work on AWS, GCP, SQL and Terraform.",
        "I was nervous, but then I thought about what we'd built.",
        "I'm available to start immediately.",
        "I spent three years building software for urgent care clinics.",
    ],
)
def test_issue_examples_once_flagged_wrongly_are_quiet(text: str) -> None:
    assert check(text, context=ToneContext(Step.CHECK_IN, interviewer_names=PANEL)) == []


DANIEL = ToneContext(
    Step.THANK_YOU, interviewer_names=("Daniel Ortiz", "Lee Park"), recipient="Daniel Ortiz"
)


@pytest.mark.parametrize("greeting", ["Hi Dan,", "Hi Danny,", "Dear Daniel,", "Dear Mr. Ortiz,"])
def test_a_usual_short_form_of_the_recipients_name_is_fine(greeting: str) -> None:
    assert check(f"{greeting}\n\nThank you for today.", context=DANIEL) == []


def test_greeting_the_other_panelist_is_flagged() -> None:
    text = "Hi Lee,\n\nThank you for today."
    to_dana = ToneContext(Step.THANK_YOU, interviewer_names=PANEL, recipient="Dana Ruiz")
    [finding] = check(text, context=to_dana)
    assert finding.rule is Rule.UNFILLED
    assert finding.message == "the greeting names Lee, but this message goes to Dana Ruiz"
    assert check("Hi Dana and Sam,\n\nThanks.", context=to_dana) == []
    # Not someone who is merely similar: "Dan" is not Dana's short form of Daniel's name.
    assert rules("Hi Dana,\n\nThanks.", DANIEL) == [Rule.UNFILLED]


def test_unfilled_lists_what_mark_sent_should_ask_about() -> None:
    text = "Hi Lee,\n\nThanks for today. Please reply ASAP.\n\n[your name]"
    to_dana = ToneContext(Step.THANK_YOU, interviewer_names=PANEL, recipient="Dana Ruiz")
    findings = check(text, context=to_dana)
    held = unfilled(findings)
    assert [f.message.split(" ")[0] for f in held] == ["the", "[your"]
    assert all(f.rule is Rule.UNFILLED for f in held) and len(findings) == 3
    assert Rule.UNFILLED.label == "unfilled" and Rule.SAME_LETTER.label == "same letter twice"


def test_private_notes_pasted_into_a_message_are_flagged() -> None:
    notes = "went ok I think - Priya seemed unsure about my dbt experience"
    context = ToneContext(private_notes=notes)
    text = "I really enjoyed our conversation about went ok I think."
    [finding] = check(text, context=context)
    assert finding.rule is Rule.PRIVATE
    assert finding.span is not None and text[slice(*finding.span)] == "went ok I think"
    assert rules("I've kept thinking about Priya seemed unsure about my dbt experience.", context)
    # Ordinary words the notes happen to share are not private.
    assert check("I think the dbt work went well.", context=context) == []


@pytest.mark.parametrize("kind", sorted(EventKind))
def test_every_message_sent_has_words_for_too_soon(kind: EventKind) -> None:
    # Every kind, so a new kind of message sent can't be left without its words.
    log = INTERVIEW.with_event(Event(kind, at(10), outcome=Outcome.OTHER))
    label = outreach_facts(log, at(11), CAL, STANDARD).last_outreach
    if kind not in OUTREACH_KINDS:
        assert label == ""
        return
    context = ToneContext(Step.CHECK_IN, facts=outreach_facts(log, at(11), CAL, STANDARD))
    [finding] = check("Checking in.", context=context)
    assert finding.message == f"the last {label} went out 1 business day ago; the minimum gap is 3"
    assert label and label.islower()
