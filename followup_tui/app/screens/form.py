"""Add or edit an interview. Nothing is saved until every field reads cleanly; escape
discards, asking first once anything was typed.

Dates and times are read as typed and shown back under the field ("→ Tue 3 Nov 2026,
10:00"), so the user sees how they were understood before saving. The form writes through
the app's saver itself: if the store refuses (disk full, file locked), the form stays open
with everything typed, and the user can try again.
"""

from __future__ import annotations

import asyncio
import re
from contextlib import ExitStack
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, TextArea

from followup_tui import collector
from followup_tui.app import background
from followup_tui.app.safety import SafeTextArea
from followup_tui.app.screens.unsaved import ask_to_discard, typed
from followup_tui.app.text import clean_line
from followup_tui.app.widgets.fields import Field, plain
from followup_tui.app.widgets.interviewer_row import InterviewerRow
from followup_tui.app.widgets.key_bar import KeyBar
from followup_tui.app.workarounds import StyledOnceScreen, TypesAhead
from followup_tui.core.dates import (
    Lean,
    describe_date,
    describe_datetime,
    parse_date,
    parse_datetime,
)
from followup_tui.core.durations import describe_duration, parse_duration
from followup_tui.core.model import Channel, Format, Interview
from followup_tui.core.policy import POLICIES

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp

_LINK = re.compile(r"^(https?://)?[^\s/]+\.[^\s]+$", re.IGNORECASE)


def read_link(text: str) -> tuple[str, str]:
    """A web address, as typed; anything without a dot or with spaces is refused."""
    link = text.strip()
    if not _LINK.match(link):
        raise ValueError(f"“{link}” doesn't look like a web address")
    return link, ""


class InterviewForm(TypesAhead, StyledOnceScreen["Interview | None"]):
    """The form for a new interview (``None``) or an existing one."""

    CSS_PATH = "form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", tooltip="Save, once every field reads cleanly"),
        Binding("escape", "discard", "Discard", tooltip="Close without saving (asks if changed)"),
        Binding("ctrl+n", "add_person", "Add interviewer", tooltip="Another interviewer row"),
    ]

    def __init__(self, interview: Interview | None, *, prefill: Interview | None = None) -> None:
        """A form for ``interview``, or one to add a new interview (filled from ``prefill``).

        A prefill (the next round of an application) gives every field but the date, which
        the user types.
        """
        super().__init__()
        self.original = interview
        """The interview being edited, or None for a new one."""
        self._prefill = prefill if interview is None else None
        self._saving = False
        self._as_opened: tuple[object, ...] = ()
        self._collections = ExitStack()
        """Holds the collector paused from the form's compose until its first frame."""
        self._complete = False
        self._completing = asyncio.Lock()

    @property
    def followup(self) -> FollowupApp:
        """The app, typed."""
        return cast("FollowupApp", self.app)

    def compose(self) -> ComposeResult:
        """Every field of an interview."""
        # The cycle collector waits until the form is on screen: building ~100 widgets
        # crosses its thresholds, and a full collection (walking every object alive, the
        # board's among them) cost ~100 ms of the form's opening at 1,000 interviews.
        self._collections.enter_context(collector.paused())
        i, zone = self.original or self._prefill, self.followup.zone
        heading = (
            f"Edit — {clean_line(self.original.company)}" if self.original else "New interview"
        )
        if self._prefill is not None:
            heading = f"Next round — {clean_line(self._prefill.company)}"
        yield Label(Text(heading), id="heading")
        # Not focusable: focus going to the scroll container and then on to the first field
        # restyled every widget of the form twice (half the time it took to open).
        with VerticalScroll(id="form", can_focus=False):
            with Horizontal(classes="row"):
                yield Field(
                    "Company", plain, value=i.company if i else "", required=True, id="company"
                )
                yield Field("Role", plain, value=i.role if i else "", required=True, id="role")
                yield Field(
                    "Round",
                    plain,
                    value=i.round if i else "",
                    placeholder="phone screen, onsite, final…",
                    id="round",
                )
            with Horizontal(classes="row"):
                yield Field(
                    "When (date and time)",
                    self._read_when,
                    required=True,
                    id="when",
                    value=describe_datetime(self.original.start, zone) if self.original else "",
                    placeholder="tue 3 nov 10:00, 2026-11-03 14:30, tomorrow 2pm",
                )
                yield Field(
                    "Length",
                    self._read_length,
                    id="duration",
                    value=describe_duration(i.duration_minutes if i else 60),
                )
                with Vertical(classes="choice"):
                    yield Label("Format")
                    yield Select(
                        [(f.value, f) for f in Format],
                        allow_blank=False,
                        id="format",
                        value=i.format if i else Format.VIDEO,
                    )
            yield Label(
                "Interviewers (each is owed a thank-you that names what you talked about)",
                classes="section",
            )
            with Vertical(id="people"):
                for person in i.interviewers if i else ():
                    yield InterviewerRow(person)
                if not i or not i.interviewers:
                    yield InterviewerRow()
            yield Button("+ interviewer (ctrl+n)", id="add-person")
            # Below the first screenful: mounted once the form is on screen (see complete()).
            yield Vertical(id="later")
        yield KeyBar()

    def _later_widgets(self) -> list[Widget]:
        """The fields below the first screenful: dates, channel, link, policy, notes, buttons."""
        i = self.original or self._prefill
        default = f"default ({self.followup.settings.policy})"
        return [
            Horizontal(
                Field(
                    "They'll decide by",
                    self._read_day,
                    id="decision_by",
                    value=_day(i.decision_by if i else None),
                    placeholder="the date they gave, if any",
                ),
                Field(
                    "Check-in agreed for",
                    self._read_day,
                    id="check_in_on",
                    value=_day(i.check_in_on if i else None),
                    placeholder="if they said you may check in on a day",
                ),
                Vertical(
                    Label("Check in by"),
                    Select(
                        [(c.value, c) for c in Channel],
                        allow_blank=False,
                        id="channel",
                        value=i.channel if i else Channel.UNKNOWN,
                    ),
                    classes="choice",
                ),
                classes="row",
            ),
            Horizontal(
                Field("Job posting link", read_link, id="posting_url", value=_link(i)),
                Vertical(
                    Label("Policy"),
                    Select(
                        [(default, ""), *((p, p) for p in POLICIES)],
                        allow_blank=False,
                        id="policy",
                        value=(i.policy or "") if i else "",
                    ),
                    classes="choice",
                ),
                classes="row",
            ),
            Label("Private notes (for you alone: never written into a message)", classes="section"),
            SafeTextArea(i.notes if i else "", id="notes", soft_wrap=True),
            Horizontal(
                Button("Save (ctrl+s)", variant="primary", id="save"),
                Button("Discard (esc)", id="discard"),
                id="buttons",
            ),
        ]

    async def complete(self) -> None:
        """Mount the fields below the first screenful, once; a call meanwhile waits for it.

        The form's first frame is drawn without them (a third of its widgets, out of sight
        at 120x40), so it opens sooner; they follow in the next frame.
        """
        async with self._completing:
            if self._complete or not self.is_attached:
                return
            later = self.query_one("#later", Vertical)
            await later.mount_all(self._later_widgets())
            # New widgets hold what they were made with: added to what the rest held at first.
            self._as_opened += typed(later)
            self._complete = True

    @property
    def _first_field(self) -> str:
        """The field the form starts in (for a next round, its name: the rest is filled in)."""
        return "#round" if self._prefill is not None else "#company"

    def on_mount(self) -> None:
        """Start in the first field (for a next round, its name: the rest is filled in),
        remembering what the form held when it opened."""
        self._as_opened = typed(self)
        self.focus_first(self.query_one(self._first_field, Field).input)
        self.call_after_refresh(self._release_collections)
        self.call_after_refresh(self.complete)

    def on_unmount(self) -> None:
        """Never leave the collector off (closed before its first frame was drawn)."""
        self._release_collections()

    def _release_collections(self) -> None:
        self._collections.close()  # the collector back on if it was on (once)

    @property
    def changed(self) -> bool:
        """Whether anything differs from what the form held when it opened, or was typed
        ahead and is not in its field yet."""
        return self.typing_ahead or typed(self) != self._as_opened

    def _read_when(self, text: str) -> tuple[datetime, str]:
        zone = self.followup.zone
        # A new interview is most likely ahead: "thu 10am" is the next Thursday. An edit
        # keeps the plain reading, as the interview may be long past.
        lean: Lean = "future" if self.original is None else None
        instant = parse_datetime(text, self.followup.now(), zone, lean=lean)
        return instant, describe_datetime(instant, zone)

    def _read_day(self, text: str) -> tuple[date, str]:
        day = parse_date(text, self.followup.calendar.day_of(self.followup.now()))
        return day, describe_date(day)

    @staticmethod
    def _read_length(text: str) -> tuple[int, str]:
        minutes = parse_duration(text)
        return minutes, describe_duration(minutes)

    @on(Button.Pressed, "#add-person")
    async def action_add_person(self) -> None:
        """Add an empty interviewer row and go to it."""
        row = InterviewerRow()
        await self.query_one("#people").mount(row)
        if inputs := row.query(Input):  # none if a finished save closed the form meanwhile
            inputs.first().focus()

    @on(Button.Pressed, "#discard")
    def action_discard(self) -> None:
        """Close without saving, asking first if anything was typed (not while a save is on
        its way: that closes the form)."""
        if self._saving:
            return  # too late to discard, and closing now would hide the saved interview
        if not self.changed:
            self.dismiss(None)
            return
        what = "this new interview" if self.original is None else "your changes"
        ask_to_discard(self, what, "Nothing typed here is saved until ctrl+s.", self._discard)

    def _discard(self) -> None:
        if not self._saving:
            self.dismiss(None)

    def action_interrupt(self) -> None:
        """Ctrl+c with nothing selected: as escape (it asks before throwing anything away)."""
        self.action_discard()

    def read(self) -> Interview | None:
        """The interview the form describes, or None (errors shown) if a field is wrong."""
        values: dict[str, Any] = {}
        first_bad: Field[Any] | InterviewerRow | None = None
        for field in self.query(Field):
            ok, value = field.check()
            values[field.id or ""] = value
            if not ok and first_bad is None:
                first_bad = field
        people = []
        for row in self.query(InterviewerRow):
            ok, person = row.check()
            if not ok and first_bad is None:
                first_bad = row
            if person is not None:
                people.append(person)
        if first_bad is not None:
            self.query_one("#form", VerticalScroll).scroll_to_widget(first_bad, animate=False)
            first_bad.query_one("Input").focus()
            return None
        fields: dict[str, Any] = {
            "company": values["company"],
            "role": values["role"],
            "round": values["round"] or "",
            "start": values["when"],
            "duration_minutes": values["duration"] or 60,
            "format": self.query_one("#format", Select).value,
            "interviewers": tuple(people),
            "decision_by": values["decision_by"],
            "check_in_on": values["check_in_on"],
            "channel": self.query_one("#channel", Select).value,
            "policy": self.query_one("#policy", Select).value or None,
            "posting_url": values["posting_url"] or "",
            "notes": self.query_one("#notes", TextArea).text,
        }
        if self.original is not None:
            return replace(self.original, **fields)
        if self._prefill is not None:  # keeps the link to the round before
            return replace(self._prefill, id="", **fields)
        return Interview(id="", **fields)

    async def _save_once_complete(self) -> None:
        await self.complete()
        if self.is_current:  # not closed (or asking something) meanwhile
            self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Save if every field reads cleanly; otherwise show what is wrong, save nothing."""
        if not self._complete:  # ctrl+s as the form opens: once every field is there
            self.call_later(self._save_once_complete)
            return
        if self._saving:
            return  # ctrl+s again while the save is on its way: one is enough (no second copy)
        interview = self.read()
        if interview is None:
            self.notify("Not saved yet: fix the fields marked in red", severity="warning")
            return
        store = self.followup.store

        def write() -> Interview:
            if self.original is None:
                return store.add(interview)
            store.update(interview)
            return store.get(interview.id)

        pending = self.followup.save(write)  # queued now: a quit right after still saves it

        async def run() -> None:
            button = self.query_one("#save", Button)
            button.disabled = True
            try:
                saved = await pending
            except BaseException:
                self._saving = False
                button.disabled = False
                raise
            if saved.ok and saved.value is not None:
                verb = "added" if self.original is None else "saved"
                self.notify(f"{saved.value.company}: {verb}", markup=False)
                self.dismiss(saved.value)
                return  # still "saving" until it is gone: no key acts on a form closing
            self._saving = False
            button.disabled = False

        self._saving = True
        background.start(self, run, group="save", exclusive=True)


def _day(day: date | None) -> str:
    return describe_date(day) if day is not None else ""


def _link(interview: Interview | None) -> str:
    return interview.posting_url if interview else ""
