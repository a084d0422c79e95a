"""The built-in wording, read as a careful person would: each test is a sentence a reader
caught in a filled-in message (DOMAIN.md, "Words in a message")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.compose import context_for, tone_context_for
from followup_tui.core.day_words import said_by
from followup_tui.core.model import Format, Interview, Interviewer
from followup_tui.core.names import greeting_name
from followup_tui.core.templates import BUILT_INS, Template, render
from followup_tui.core.tone import ToneContext, check
from followup_tui.settings import Settings

NY = ZoneInfo("America/New_York")
CAL = BusinessCalendar(NY)
QUIET_SENDER = Settings(name="Jordan Lee")
"""No signature and no highlight: the settings of someone who filled in only their name."""
SENDER = Settings(
    name="Sam Rivera",
    highlight="I built the streaming pipeline that now handles 2 billion events a day.",
)
SCREEN = Interview(
    "screen",
    "Halcyon Health",
    "Data Analyst",
    datetime(2026, 11, 19, 14, tzinfo=NY),  # a Thursday
    round="phone screen",
    format=Format.PHONE,
    interviewers=(Interviewer("Priya Shah", "Recruiter"),),
)
PANEL = Interview(
    "panel",
    "Northwind",
    "Product Manager",
    datetime(2026, 11, 3, 11, tzinfo=NY),  # a Tuesday
    format=Format.VIDEO,
    interviewers=(
        Interviewer("Marcus Bell", topic="your plan to split the data team in two"),
        Interviewer("Grace Kim", topic="the research sessions with support agents"),
    ),
    decision_by=date(2026, 11, 13),  # a Friday
)
ALONE = replace(PANEL, interviewers=PANEL.interviewers[:1])


def filled(
    interview: Interview, key: str, today: date, sender: Settings = SENDER, **extras: str
) -> list[tuple[Template, str]]:
    """Every template for ``key`` (emails and calls), filled for ``interview`` on ``today``."""
    context = context_for(interview, None, sender, today, CAL, extras=extras)
    return [
        (t, render(t, context).body)
        for t in (*BUILT_INS.find(key), *BUILT_INS.find(key, phone=True))
    ]


def test_no_highlight_drops_the_sentence_instead_of_leaving_a_marker() -> None:
    for template, body in filled(SCREEN, "check_in.no_timeline", date(2026, 11, 26), QUIET_SENDER):
        assert "[" not in body, (template.variant, body)
        assert "bring" not in body and "background" not in body, template.variant
        assert "  " not in body and " \n" not in body, template.variant
        context = context_for(SCREEN, None, QUIET_SENDER, date(2026, 11, 26), CAL)
        assert check(body, context=tone_context_for(template, context)) == [], template.variant


def test_a_highlight_is_introduced_as_a_sentence_not_as_a_noun() -> None:
    for template, body in filled(SCREEN, "check_in.no_timeline", date(2026, 11, 26)):
        assert "As a reminder of my background: I built the streaming" in body, template.variant
        assert "what I'd bring" not in body and "One thing I'd bring" not in body


def test_formal_thank_you_with_no_topic_repeats_no_word_and_has_no_vague_it() -> None:
    [(_, body)] = filled(SCREEN, "thank_you", date(2026, 11, 19))[1:2]
    assert body.count("work") <= 1, body
    assert "contribute to it" not in body
    panel = replace(PANEL, interviewers=(Interviewer("A B"), Interviewer("C D")))
    context = context_for(panel, None, SENDER, date(2026, 11, 3), CAL, recipient="C D")
    second = render(BUILT_INS.find("thank_you")[1], context).body
    assert "how the team works" in second and second.count("team") == 1, second


def test_no_topic_names_the_role_rather_than_a_team_line_a_recruiter_never_gave() -> None:
    texts = [
        body
        for key in ("thank_you", "check_in.no_timeline", "closing_note", "update")
        for _, body in filled(SCREEN, key, date(2026, 11, 26), news="I've shipped X")
    ]
    joined = "\n".join(texts)
    assert "the work ahead for the team" not in joined
    assert "what the role involves" in joined


def test_keep_warm_with_no_topic_leaves_the_topic_clause_out() -> None:
    for template, body in filled(
        SCREEN, "keep_warm", date(2026, 12, 31), article="https://example.com/a", news="I've won"
    ):
        assert "our conversation about" not in body and "our talk about" not in body, body
        assert "what the role involves" not in body, template.variant


def test_keep_warm_with_a_topic_names_it() -> None:
    for template, body in filled(
        ALONE, "keep_warm", date(2026, 12, 29), article="https://example.com/a", news="I've won"
    ):
        assert "about your plan to split the data team in two" in body, template.variant


@pytest.mark.parametrize(
    ("today", "words"),
    [
        (date(2026, 11, 18), "by Friday"),  # five days after a Friday: still that week's
        (date(2026, 11, 24), "by 13 November"),  # eleven days later: the date
    ],
)
def test_a_decision_date_keeps_its_by(today: date, words: str) -> None:
    for template, body in filled(ALONE, "check_in.decision_date", today):
        if template.variant == "short":
            continue  # names no date at all
        assert words in body, (template.variant, body)
        assert "decision on" not in body and "decide on" not in body
        assert "around now" not in body, template.variant


def test_said_by() -> None:
    assert said_by(date(2026, 11, 13), date(2026, 11, 10)) == "by Friday"
    assert said_by(date(2026, 11, 13), date(2026, 11, 24)) == "by 13 November"
    assert said_by(date(2026, 11, 24), date(2026, 11, 24)) == "by today"


def test_a_check_in_after_the_agreed_day_owns_up_to_it() -> None:
    late = replace(ALONE, check_in_on=date(2026, 11, 13))
    for template, body in filled(late, "check_in.agreed", date(2026, 11, 24)):
        assert "as we agreed" not in body, (template.variant, body)
        assert "around now" not in body
        assert "later than we agreed" in body, template.variant


def test_a_check_in_on_the_agreed_day_says_so() -> None:
    on_time = replace(ALONE, check_in_on=date(2026, 11, 13))
    for template, body in filled(on_time, "check_in.agreed", date(2026, 11, 13)):
        assert "as we agreed" in body and "later" not in body, template.variant


def test_an_agreed_saturday_answered_on_monday_is_on_time_and_names_no_saturday() -> None:
    weekend = replace(ALONE, check_in_on=date(2026, 11, 14))  # a Saturday
    for template, body in filled(weekend, "check_in.agreed", date(2026, 11, 16)):
        assert "Saturday" not in body, (template.variant, body)
        assert "as we agreed" in body and "later" not in body, template.variant


def test_a_late_thank_you_acknowledges_it_and_an_on_time_one_does_not() -> None:
    for template, body in filled(ALONE, "thank_you", date(2026, 11, 24)):
        assert "later than I meant" in body, (template.variant, body)
    for template, body in filled(ALONE, "thank_you", date(2026, 11, 4)):
        assert "later than I meant" not in body, template.variant


def test_news_follows_a_colon_not_since() -> None:
    news = "I've shipped the new search"
    for key in ("keep_warm", "update"):
        for template, body in filled(ALONE, key, date(2026, 11, 24), news=news, article="x"):
            assert f"Since we met, {news}" not in body and f"Since we spoke, {news}" not in body
            if news in body and template.variant in ("news", "new work"):
                assert f"A bit of news since we met: {news}" in body or (
                    f"on 3 November: {news}" in body
                ), body


def test_the_update_call_reads_right_for_any_news() -> None:
    [(_, body)] = [
        (t, b)
        for t, b in filled(ALONE, "update", date(2026, 11, 24), news="I've shipped X")
        if t.phone
    ]
    assert "where I'd most like to be" not in body


def test_the_short_thanks_after_a_rejection_offers_help_rather_than_asking() -> None:
    [(_, body)] = [
        (t, b)
        for t, b in filled(ALONE, "thanks_after_rejection", date(2026, 11, 24))
        if t.variant == "short"
    ]
    assert "would suit me" not in body
    assert "where I could help" in body


def test_one_interviewer_is_not_thanked_as_a_team() -> None:
    alone = "\n".join(
        body
        for key in ("thanks_after_rejection", "closing_note")
        for _, body in filled(ALONE, key, date(2026, 11, 24))
    )
    assert "meeting the team" not in alone
    assert "you and the team gave" not in alone and "you and your colleagues" not in alone
    panel = "\n".join(body for _, body in filled(PANEL, "closing_note", date(2026, 11, 24)))
    assert "you and your colleagues" in panel


def test_after_a_phone_interview_we_spoke() -> None:
    for key, extras in (
        ("thank_you", {}),
        ("check_in.no_timeline", {}),
        ("keep_warm", {"article": "https://example.com/a", "news": "I've won"}),
    ):
        for template, body in filled(SCREEN, key, date(2026, 12, 31), **extras):
            assert "We met" not in body and "we met" not in body, (key, template.variant)


def test_a_thank_you_call_in_the_evening_does_not_wish_a_good_day() -> None:
    for template, body in filled(ALONE, "thank_you", date(2026, 11, 3)):
        assert "Have a good day" not in body, template.variant


def test_the_short_thank_you_thanks_for_their_time() -> None:
    [(_, body)] = [
        (t, b) for t, b in filled(PANEL, "thank_you", date(2026, 11, 3)) if t.variant == "short"
    ]
    assert "Thanks for your time at the interview today." in body


@pytest.mark.parametrize(
    ("name", "greeted"),
    [
        ("Dr. Anne Lee", "Anne"),
        ("Ms Priya Shah", "Priya"),
        ("Prof Sam Okafor", "Sam"),
        ("Dr. Lee", "Dr. Lee"),
        ("Anne Lee", "Anne"),
        ("", ""),
    ],
)
def test_greeting_names_skip_titles(name: str, greeted: str) -> None:
    assert greeting_name(name) == greeted


def test_honorifics_never_reach_a_greeting_alone() -> None:
    doctor = replace(ALONE, interviewers=(Interviewer("Dr. Anne Lee"),))
    for template, body in filled(doctor, "thank_you", date(2026, 11, 3)):
        assert "Dr.," not in body and "Anne," in body, template.variant


def test_the_greeting_check_flags_a_bare_title_and_accepts_title_and_surname() -> None:
    tone = ToneContext(interviewer_names=("Dr. Anne Lee",), recipient="Dr. Anne Lee")
    assert check("Dear Dr. Lee,\n\nThank you.", context=tone) == []
    assert check("Dear Anne,\n\nThank you.", context=tone) == []
    assert [f.rule for f in check("Dear Dr.,\n\nThank you.", context=tone)] == ["unfilled"]
    ms = ToneContext(interviewer_names=("Ms Priya Shah",), recipient="Ms Priya Shah")
    assert [f.rule for f in check("Dear Ms,\n\nThank you.", context=ms)] == ["unfilled"]


def test_a_take_home_review_round_gains_no_stray_interview() -> None:
    take_home = replace(ALONE, round="2nd round - take-home review")
    context = context_for(take_home, None, SENDER, date(2026, 11, 3), CAL)
    assert context.values["meeting"] == "second-round take-home review"
    subject = render(BUILT_INS.find("thank_you")[1], context).subject
    assert subject == "Thank you for the second-round take-home review"


def test_panel_thank_yous_differ_by_more_than_name_and_topic() -> None:
    [warm] = [t for t in BUILT_INS.find("thank_you") if t.variant == "warm"]
    letters = []
    for person in PANEL.interviewers:
        context = context_for(PANEL, None, SENDER, date(2026, 11, 3), CAL, recipient=person.name)
        body = render(warm, context).body
        letters.append(body.replace(person.topic, "").replace(greeting_name(person.name), ""))
    assert letters[0] != letters[1]
