"""Realistic data sets of N interviews for the benchmark, with every badge present.

Each interview follows one of a set of *scenarios* — a point on the ladder (upcoming,
thank-you owed, waiting on a stated date, check-in due, overdue, move on, rejected, offer,
keep warm, snoozed, …) — written in the demo file's relative-time language ("-3h",
"+1d 10:00", "-6bd 17:30") and resolved against a given *now* by
:func:`followup_tui.demo.resolve_document`. So whatever the date, a generated file shows
every status, just as the demo does. Names, roles, panels, notes and times vary with a
seeded random generator: the same (n, seed, now) always gives the same file.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from bench_support.words import FIRST, JOBS, LAST, LEFT, NOTES, RIGHT, ROUNDS, SENIORITY, TITLES
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.codec import document_to_interviews
from followup_tui.core.model import Interview
from followup_tui.demo import resolve_document
from followup_tui.storage.store import Store

Scenario = Callable[[random.Random], dict[str, Any]]
"""A point on the ladder: the relative start, timeline and events of one interview."""


def _h(rng: random.Random) -> str:
    return f"{rng.randint(9, 16):02d}:{rng.choice(('00', '15', '30', '45'))}"


def _upcoming(rng: random.Random) -> dict[str, Any]:
    start = f"+{rng.randint(1, 20)}d {_h(rng)}" if rng.random() < 0.7 else f"+{rng.randint(2, 40)}h"
    return {"start": start, "events": []}


def _thank_you_due(rng: random.Random) -> dict[str, Any]:
    return {"start": f"-{rng.randint(2, 20)}h", "decision_by": f"+{rng.randint(3, 6)}bd"}


def _thank_you_late(rng: random.Random) -> dict[str, Any]:
    return {"start": f"-{rng.randint(30, 44)}h", "decision_by": f"+{rng.randint(5, 9)}bd"}


def _waiting_on_date(rng: random.Random) -> dict[str, Any]:
    back = rng.randint(2, 4)
    return {
        "start": f"-{back}bd 10:00",
        "decision_by": f"+{rng.randint(1, 5)}bd",
        "events": [("thank_you_sent", f"-{back}bd 17:30", {})],
    }


def _waiting_no_timeline(rng: random.Random) -> dict[str, Any]:
    back = rng.randint(2, 3)
    return {"start": f"-{back}bd {_h(rng)}", "events": [("thank_you_sent", f"-{back}bd 18:00", {})]}


def _check_in_due(rng: random.Random) -> dict[str, Any]:
    back = rng.randint(6, 9)
    return {"start": f"-{back}bd 11:00", "events": [("thank_you_sent", f"-{back}bd 16:00", {})]}


def _agreed_today(rng: random.Random) -> dict[str, Any]:
    return {
        "start": "-6bd 10:00",
        "check_in_on": "+0bd",
        "events": [("thank_you_sent", "-6bd 15:00", {})],
    }


def _decision_passed(rng: random.Random) -> dict[str, Any]:
    return {
        "start": "-9bd 14:00",
        "decision_by": "-4bd",
        "events": [("thank_you_sent", "-9bd 17:00", {})],
    }


def _overdue(rng: random.Random) -> dict[str, Any]:
    back = rng.randint(13, 25)
    return {"start": f"-{back}bd 13:00", "events": [("thank_you_sent", f"-{back}bd 16:00", {})]}


def _second_check_in(rng: random.Random) -> dict[str, Any]:
    return {
        "start": "-13bd 15:00",
        "events": [
            ("thank_you_sent", "-13bd 18:00", {}),
            ("check_in_sent", f"-{rng.randint(5, 7)}bd 09:30", {"channel": "email"}),
        ],
    }


def _move_on(rng: random.Random) -> dict[str, Any]:
    return {
        "start": "-22bd 10:00",
        "events": [
            ("thank_you_sent", "-22bd 15:00", {}),
            ("check_in_sent", "-16bd 09:00", {"channel": "email"}),
            # Eight business days or more: past the second-check-in gap of every policy.
            ("check_in_sent", f"-{rng.randint(8, 9)}bd 09:00", {"channel": "phone"}),
        ],
    }


def _rejected(rng: random.Random) -> dict[str, Any]:
    return {
        "start": "-9bd 14:00",
        "decision_by": "-3bd",
        "events": [
            ("thank_you_sent", "-9bd 17:00", {}),
            ("reply", "-1bd 11:20", {"outcome": "rejected"}),
        ],
    }


def _offer(rng: random.Random) -> dict[str, Any]:
    return {
        "start": "-10bd 10:00",
        "events": [
            ("thank_you_sent", "-10bd 14:00", {}),
            ("reference_contacted", "-6bd 10:00", {"text": "Told my old lead to expect a call."}),
            ("reply", f"-{rng.randint(1, 3)}bd 16:00", {"outcome": "offer"}),
        ],
    }


def _closed(rng: random.Random) -> dict[str, Any]:
    ending = rng.choice(("next_round", "withdrew", "thanked"))
    events: list[tuple[str, str, dict[str, Any]]] = [("thank_you_sent", "-12bd 12:00", {})]
    if ending == "next_round":
        events.append(("reply", "-3bd 10:00", {"outcome": "next_round"}))
    elif ending == "withdrew":
        events.append(("withdrew", "-4bd 10:00", {"text": "Took another offer."}))
    else:
        events += [
            ("reply", "-5bd 10:00", {"outcome": "rejected"}),
            ("thanks_sent", "-4bd 09:00", {"text": "Thank you for your time and consideration."}),
        ]
    return {"start": "-12bd 09:00", "events": events}


def _keep_warm(rng: random.Random) -> dict[str, Any]:
    return {
        "start": "-30bd 13:00",
        "events": [
            ("thank_you_sent", "-30bd 17:00", {}),
            ("check_in_sent", "-22bd 09:00", {"channel": "email"}),
            ("check_in_sent", "-15bd 09:00", {"channel": "email"}),
            ("keep_warm_chosen", "-7bd 10:00", {}),
            ("keep_warm_sent", "-5bd 10:00", {"text": "An article on warehouse robotics."}),
        ],
    }


def _snoozed(rng: random.Random) -> dict[str, Any]:
    return {
        "start": "-9bd 16:00",
        "events": [
            ("thank_you_sent", "-9bd 18:00", {}),
            ("snoozed", "-1bd 09:00", {"until": f"+{rng.randint(2, 6)}bd"}),
        ],
    }


def _still_deciding(rng: random.Random) -> dict[str, Any]:
    return {
        "start": "-11bd 11:00",
        "events": [
            ("thank_you_sent", "-11bd 15:00", {}),
            ("check_in_sent", "-5bd 09:00", {"channel": "email"}),
            ("reply", "-4bd 14:00", {"outcome": "still_deciding", "decision_by": "+2bd"}),
            ("update_sent", "-2bd 10:00", {"text": "Shared the case study I mentioned."}),
        ],
    }


SCENARIOS: tuple[Scenario, ...] = (
    _upcoming,
    _thank_you_due,
    _thank_you_late,
    _waiting_on_date,
    _waiting_no_timeline,
    _check_in_due,
    _agreed_today,
    _decision_passed,
    _overdue,
    _second_check_in,
    _move_on,
    _rejected,
    _offer,
    _closed,
    _keep_warm,
    _snoozed,
    _still_deciding,
)
"""Every scenario; interview ``i`` follows scenario ``i % len(SCENARIOS)``."""


def _person(rng: random.Random, domain: str) -> dict[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    phone = f"+1 555 01{rng.randint(0, 99):02d}" if rng.random() < 0.3 else ""
    email = f"{first}.{last}@{domain}".lower()
    return {"name": f"{first} {last}", "title": rng.choice(TITLES), "email": email, "phone": phone}


def _record(index: int, rng: random.Random) -> dict[str, Any]:
    company = f"{rng.choice(LEFT)} {rng.choice(RIGHT)}"
    domain = company.lower().replace(" ", "") + ".example"
    panel = [_person(rng, domain) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))]
    shape = SCENARIOS[index % len(SCENARIOS)](rng)
    events = []
    for kind, at, extra in shape.get("events", []):
        if kind == "thank_you_sent":
            extra = {"to": panel[0]["name"] if len(panel) == 1 else ""}
        events.append({"kind": kind, "at": at, **extra})
    if rng.random() < 0.15 and events:
        events.append({"kind": "note", "at": events[-1]["at"], "text": rng.choice(NOTES)})
    return {
        "id": f"bench-{index:05d}",
        "company": company,
        "role": rng.choice(SENIORITY) + rng.choice(JOBS),
        "round": rng.choice(ROUNDS),
        "start": shape["start"],
        "duration_minutes": rng.choice((30, 45, 60, 60, 90)),
        "format": rng.choice(("phone", "video", "video", "onsite")),
        "interviewers": panel,
        "decision_by": shape.get("decision_by"),
        "check_in_on": shape.get("check_in_on"),
        "channel": rng.choice(("email", "email", "phone", "unknown")),
        "policy": rng.choice((None, None, None, None, "prompt", "patient")),
        "posting_url": f"https://jobs.{domain}/{index}",
        "notes": " ".join(rng.sample(NOTES, rng.randint(1, 3))),
        "archived": rng.random() < 0.03,
        "events": events,
    }


def generate(n: int, now: datetime, calendar: BusinessCalendar, seed: int = 6) -> list[Interview]:
    """``n`` interviews around ``now``, in shuffled file order.

    Every status is present once ``n`` >= ``len(SCENARIOS)``.
    """
    rng = random.Random(seed)
    records = [_record(index, rng) for index in range(n)]
    rng.shuffle(records)
    relative = {"interviews": records}
    return document_to_interviews(resolve_document(relative, now, calendar))


def write_data_file(
    path: Path, n: int, now: datetime, calendar: BusinessCalendar, seed: int = 6
) -> list[Interview]:
    """Write a new data file of ``n`` generated interviews through the real store."""
    interviews = generate(n, now, calendar, seed)
    with Store.open(path) as store:
        store.import_interviews(interviews)
    return interviews
