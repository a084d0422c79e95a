"""The composer: the message that is owed, filled in from the record, checked as it is edited.

It opens on the most urgent message (a thank-you goes to the first interviewer not yet
thanked). Keys switch the step, the wording and the recipient; the text is edited in place
while the tone panel beside it says, line by line, what might land badly. Nothing it finds
blocks anything. The message leaves by the clipboard or the mail client, and marking it
sent logs the right event through the app, so the pane moves on and ``u`` undoes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Label, Static, TextArea

from followup_tui.app import clipboard
from followup_tui.app.drafts import Drafts, Edited, Message, drafts_for
from followup_tui.app.screens.composer_choices import (
    Choice,
    choices_for,
    sent_event,
    sent_words,
)
from followup_tui.app.text import clean_line
from followup_tui.app.widgets.badge import Badge
from followup_tui.app.widgets.tone_panel import TonePanel
from followup_tui.core.compose import Composition, compose, review, switch
from followup_tui.core.mailto import AddressError, mailto_url
from followup_tui.core.model import Channel, Interview, Interviewer
from followup_tui.core.policy import DEFAULT_POLICY, POLICIES, Policy, policy_named
from followup_tui.core.standing import Standing, Step
from followup_tui.core.templates import (
    EXTRA_PLACEHOLDERS,
    PLACEHOLDERS,
    Library,
    Template,
    action_key,
)
from followup_tui.settings import settings_path
from followup_tui.user_templates import load_user_templates

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp


def _binding(key: str, action: str, description: str, tooltip: str) -> Binding:
    # Priority, so the keys work while the text area or an input has the focus.
    return Binding(key, action, description, tooltip=tooltip, priority=True, id=action)


class ComposerScreen(Screen[None]):
    """Write, check and send the next message for one interview."""

    CSS_PATH = "composer.tcss"
    TONE_DELAY: ClassVar[float] = 0.3
    """Seconds of quiet typing before the tone check runs again (0: at once)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back", tooltip="Back to the board; the draft is kept"),
        _binding("ctrl+t", "next_step", "Step", "Write another message: the ones owed, or more"),
        _binding("ctrl+n", "next_wording", "Wording", "Another wording: warmer, formal, shorter"),
        _binding("ctrl+r", "next_recipient", "To", "Address it to another interviewer"),
        _binding("ctrl+g", "copy", "Copy", "Copy the message (the subject, from its box)"),
        _binding("ctrl+o", "open_mail", "Mail", "Open it in your mail client, filled in"),
        _binding("ctrl+l", "mark_sent", "Mark sent", "Log it as sent now; u on the board undoes"),
        _binding("ctrl+f", "start_over", "Start over", "Discard your edits: back to the template"),
    ]

    def __init__(self, interview_id: str) -> None:
        """The composer for the interview ``interview_id``."""
        super().__init__()
        self.interview_id = interview_id
        """The interview the message is for."""
        self._interview: Interview | None = None
        self._standing: Standing | None = None
        self._library: Library | None = None
        self._choices: list[Choice] = []
        self._choice = 0
        self._recipient = ""
        self._template: Template | None = None
        self._composition: Composition | None = None
        self._rendered = Edited("", "")
        self._tone_timer: Timer | None = None
        self._sending = False

    @property
    def followup(self) -> FollowupApp:
        """The app, typed."""
        return cast("FollowupApp", self.app)

    @property
    def drafts(self) -> Drafts:
        """The app's drafts."""
        return drafts_for(self.app)

    def compose(self) -> ComposeResult:
        """Heading, what is being written, then the text beside the tone panel."""
        with Horizontal(id="composer-heading"):
            yield Static(id="composer-title")
            yield Badge(id="composer-badge")
        yield Static(id="composer-choices")
        yield Static(id="composer-note")
        with Horizontal(id="composer-columns"):
            with Vertical(id="composer-editor"):
                yield Static(id="composer-call")
                yield Input(id="composer-subject", placeholder="subject")
                yield TextArea(id="composer-body", soft_wrap=True)
                with Vertical(id="composer-extras"):
                    for name in EXTRA_PLACEHOLDERS:
                        yield Label(
                            PLACEHOLDERS[name].meaning.capitalize(),
                            markup=False,
                            id=f"composer-label-{name}",
                            classes="composer-extra-label",
                        )
                        yield Input(id=f"composer-extra-{name}", placeholder=name)
            yield TonePanel(id="composer-tone")
        yield Footer(show_command_palette=False)

    # ---- opening

    def on_mount(self) -> None:
        """Read the interview, pick the most urgent message (or the draft left open)."""
        row = self.followup.board.get(self.interview_id)
        if row is None:
            self.app.notify("That interview is gone (undone?)", severity="warning")
            self.dismiss()
            return
        self._interview, self._standing = row.interview, row.standing
        self._library = self._load_library()
        self._choices = choices_for(row.interview, row.standing)
        extras = self.drafts.extras(self.interview_id)
        for name in EXTRA_PLACEHOLDERS:
            self.query_one(f"#composer-extra-{name}", Input).value = extras.get(name, "")
        self._restore()
        self._show()
        self.query_one("#composer-body", TextArea).focus()

    def _load_library(self) -> Library:
        loaded = load_user_templates()
        if loaded.problems and self.drafts.first_time(str(loaded.problems)):
            more = len(loaded.problems) - 1
            text = str(loaded.problems[0]) + (f" (and {more} more)" if more > 0 else "")
            self.app.notify(
                f"Your templates: {text}. Ours are used meanwhile.",
                severity="warning",
                timeout=12,
                markup=False,
            )
        return loaded.library()

    def _restore(self) -> None:
        """Select the message last open for this interview, if it still makes sense."""
        last = self.drafts.last(self.interview_id)
        self._choice = 0
        if last is not None:
            for index, choice in enumerate(self._choices):
                if action_key(choice.action) != last.key or last.recipient not in choice.recipients:
                    continue
                if choice.action.step is Step.THANK_YOU and last.recipient not in choice.owed_to:
                    continue  # thanked since: start on someone still owed one
                self._choice, self._recipient = index, last.recipient
                self._template = next(
                    (
                        t
                        for t in self._templates()
                        if (t.phone, t.variant) == (last.phone, last.variant)
                    ),
                    None,
                )
                if self._template is not None:
                    return
        self._select(0)

    def _templates(self) -> list[Template]:
        """The wordings of the chosen step: the interview's preferred kind first."""
        assert self._library is not None and self._interview is not None
        key = action_key(self._choices[self._choice].action)
        calls_first = self._interview.channel is Channel.PHONE
        return self._library.find(key, calls_first) + self._library.find(key, not calls_first)

    def _select(self, choice: int, recipient: str | None = None) -> None:
        self._choice = choice
        options = self._choices[choice]
        self._recipient = recipient if recipient is not None else options.recipients[0]
        templates = self._templates()
        self._template = templates[0] if templates else None

    # ---- what is on screen

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys with nothing to switch to are left out of the footer; Mail is off for calls."""
        if not self._choices or self._template is None:
            return True
        if action == "next_recipient":
            return len(self.choice.recipients) > 1
        if action == "next_wording":
            return len(self._templates()) > 1
        if action == "next_step":
            return len(self._choices) > 1
        if action == "open_mail":
            return None if self._template.phone else True
        return True

    @property
    def choice(self) -> Choice:
        """The message being written."""
        return self._choices[self._choice]

    def message(self) -> Message:
        """Which draft the text on screen is."""
        template = self._template
        assert template is not None
        return Message(template.key, self._recipient, template.phone, template.variant)

    def text(self) -> Edited:
        """The subject and body as they are on screen."""
        subject = self.query_one("#composer-subject", Input).value
        return Edited(subject, self.query_one("#composer-body", TextArea).text)

    def _policy(self, interview: Interview) -> Policy:
        default = self.followup.settings.policy
        default = default if default in POLICIES else DEFAULT_POLICY
        try:
            return policy_named(interview.policy, default)
        except ValueError:
            return policy_named(None, default)

    def _composed(self) -> Composition | None:
        interview, template = self._interview, self._template
        if interview is None or template is None or self._library is None:
            return None
        now = self.followup.now()
        composition = compose(
            interview,
            self.choice.action,
            self.followup.settings,
            now=now,
            calendar=self.followup.calendar,
            policy=self._policy(interview),
            variant=template.variant,
            phone=template.phone,
            recipient=self._recipient,
            extras=self.drafts.extras(self.interview_id),
            library=self._library,
        )
        if composition is not None and composition.template != template:
            composition = switch(composition, template)
        return composition

    def _show(self) -> None:
        """Fill in the message chosen (or its draft) and everything around it."""
        self._composition = self._composed()
        if self._composition is None:
            return
        draft = self._composition.draft
        self._rendered = Edited(draft.subject, draft.body)
        shown = self.drafts.edited(self.interview_id, self.message()) or self._rendered
        self.query_one("#composer-subject", Input).value = shown.subject
        self.query_one("#composer-body", TextArea).load_text(shown.body)
        self._show_heading()
        self._show_extras()
        self.check_tone()
        self.refresh_bindings()

    def _show_heading(self) -> None:
        interview, standing, template = self._interview, self._standing, self._template
        assert interview is not None and standing is not None and template is not None
        title = Content.assemble((clean_line(interview.company), "bold"))
        for part in (interview.role, interview.round):
            if part.strip():
                title += " · " + clean_line(part)
        if standing.countdown:
            title += Content.styled(f"   {standing.countdown}", "$text-muted")
        self.query_one("#composer-title", Static).update(title)
        self.query_one(Badge).show(standing.status)
        steps = [c.label + (" (owed)" if c.owed else "") for c in self._choices]
        wordings = [_wording(t) for t in self._templates()]
        lines = [
            _row("Message", steps, self._choice, "ctrl+t"),
            _row("Wording", wordings, self._templates().index(template), "ctrl+n"),
        ]
        people = [self._person_words(n, not template.phone) for n in self.choice.recipients]
        if any(self.choice.recipients):
            index = self.choice.recipients.index(self._recipient)
            lines.append(_row("To", people, index, "ctrl+r" if len(people) > 1 else ""))
        self.query_one("#composer-choices", Static).update(Content("\n").join(lines))
        note, notes = self.query_one("#composer-note", Static), self._notes(standing)
        note.update(Content("\n").join(notes))
        note.display = bool(notes)
        call = self.query_one("#composer-call", Static)
        call.display = template.phone
        if template.phone:
            call.update(Content(self._call_line()))

    def _notes(self, standing: Standing) -> list[Content]:
        """Lines worth a glance above the text: a step not due yet, an unset name."""
        notes = []
        if self.choice.ahead:
            when = f" ({standing.countdown})" if standing.countdown else ""
            notes.append(f"Not due yet{when}: keep it as a draft (escape) until then.")
        settings = self.followup.settings
        if not (settings.name.strip() or settings.signature.strip()):
            where = clean_line(str(settings_path()))
            notes.append(f'Your name signs the message: set name = "…" in {where}')
        return [Content.styled(line, "$text-warning") for line in notes]

    def _person(self) -> Interviewer | None:
        assert self._interview is not None
        wanted = self._recipient.casefold()
        return next((p for p in self._interview.interviewers if p.name.casefold() == wanted), None)

    def _person_words(self, name: str, with_email: bool) -> str:
        assert self._interview is not None
        person = next((p for p in self._interview.interviewers if p.name == name), None)
        words = clean_line(name)
        if person is not None and person.email.strip() and with_email:
            words += f" <{clean_line(person.email.strip())}>"
        if name in self.choice.owed_to:
            words += " (owed)"
        return words

    def _call_line(self) -> str:
        person = self._person()
        who = clean_line(person.name) if person else "them"
        if person is not None and person.phone.strip():
            return f"Call {who} on {clean_line(person.phone)}, and say something like:"
        return f"No phone number on record for {who}: add one with e on the board."

    def _show_extras(self) -> None:
        used = self._template.placeholders if self._template else ()
        for name in EXTRA_PLACEHOLDERS:
            self.query_one(f"#composer-label-{name}").display = name in used
            self.query_one(f"#composer-extra-{name}").display = name in used

    # ---- the tone check

    @on(Input.Changed, "#composer-subject")
    @on(TextArea.Changed, "#composer-body")
    def _edited(self) -> None:
        if self.TONE_DELAY <= 0:
            self.check_tone()
            return
        if self._tone_timer is not None:
            self._tone_timer.stop()
        self._tone_timer = self.set_timer(self.TONE_DELAY, self.check_tone)

    def check_tone(self) -> None:
        """Check the text on screen now and show what the check found."""
        if self._composition is None:
            return
        text = self.text()
        self.query_one(TonePanel).show(review(text.subject, text.body, self._composition.tone))

    # ---- extra values (an article, your news)

    @on(Input.Changed, "#composer-extras Input")
    def _extra_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("composer-extra-")
        if self.drafts.extras(self.interview_id).get(name, "") == event.value:
            return  # set from the draft on opening
        pristine = self.text() == self._rendered
        self.drafts.set_extra(self.interview_id, name, event.value)
        if pristine:
            self._show()  # untouched text follows what is typed here

    @on(Input.Submitted, "#composer-extras Input")
    def _extra_submitted(self, event: Input.Submitted) -> None:
        name = (event.input.id or "").removeprefix("composer-extra-")
        marker, value = PLACEHOLDERS[name].marker, event.value.strip()
        text = self.text()
        if not value or text == self._rendered:
            return
        if marker not in text.body and marker not in text.subject:
            self.notify(f"No {marker} left in your text: put it in by hand.", markup=False)
            return
        self.query_one("#composer-subject", Input).value = text.subject.replace(marker, value)
        area = self.query_one("#composer-body", TextArea)
        area.replace(text.body.replace(marker, value), area.document.start, area.document.end)
        area.focus()

    # ---- switching

    def _stash(self) -> bool:
        if self._template is None:
            return False
        return self.drafts.keep(self.interview_id, self.message(), self.text(), self._rendered)

    def _switch(self, choice: int, recipient: str | None = None) -> None:
        self._stash()
        self._select(choice, recipient)
        self._show()

    def action_next_step(self) -> None:
        """Write the next message on offer (they come round again)."""
        if len(self._choices) > 1:
            self._switch((self._choice + 1) % len(self._choices))

    def action_next_wording(self) -> None:
        """Use the next wording of the same message (emails, then call scripts)."""
        templates = self._templates()
        if self._template is None or len(templates) < 2:
            return
        self._stash()
        self._template = templates[(templates.index(self._template) + 1) % len(templates)]
        self._show()

    def action_next_recipient(self) -> None:
        """Address the message to the next interviewer."""
        people = self.choice.recipients
        if len(people) > 1 and self._template is not None:
            self._stash()
            self._recipient = people[(people.index(self._recipient) + 1) % len(people)]
            self._show()

    def action_leave(self) -> None:
        """Back to the board, keeping the draft."""
        if self._stash() and self._interview is not None:
            company = clean_line(self._interview.company)
            self.app.notify(f"Draft kept: c on {company} brings it back", markup=False)
        self.dismiss()

    def action_start_over(self) -> None:
        """Throw the edits away and start again from the template, filled in."""
        if self._template is None:
            return
        had = self.drafts.discard(self.interview_id, self.message())
        if not had and self.text() == self._rendered:
            self.notify("Nothing to discard: this is the template as filled in")
            return
        self.query_one("#composer-subject", Input).value = self._rendered.subject
        area = self.query_one("#composer-body", TextArea)
        area.replace(self._rendered.body, area.document.start, area.document.end)
        self.notify("Draft discarded: back to the template (ctrl+z in the text undoes that)")

    # ---- sending

    def action_copy(self) -> None:
        """Copy the message (or, from the subject box, the subject)."""
        subject = self.query_one("#composer-subject", Input)
        text = self.text()
        what, value = ("subject", text.subject) if self.focused is subject else ("message", "")
        if not value:
            is_call = self._template is not None and self._template.phone
            what, value = ("call script" if is_call else "message"), text.body

        async def run() -> None:
            copied = await clipboard.copy_text(self.app, value)
            self.app.notify(copied.describe(what), markup=False, timeout=8)

        self.app.run_worker(run(), group="clipboard")

    def action_open_mail(self) -> None:
        """Open the message in the mail client, addressed, with subject and body."""
        if self._template is not None and self._template.phone:
            self.notify("This is a call script: ctrl+n picks an email wording to send instead")
            return
        person = self._person()
        text = self.text()
        try:
            url = mailto_url(person.email if person else "", text.subject, text.body)
        except AddressError as exc:
            self.notify(
                f"Not opened: the address on record {exc}. Fix it with e on the board.",
                severity="error",
                markup=False,
            )
            return
        to = person.email.strip() if person and person.email.strip() else "nobody yet"

        async def run() -> None:
            error = await clipboard.open_mail(url)
            if error:
                self.app.notify(
                    f"Couldn't open a mail client: {error}. ctrl+g copies the message instead.",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
            else:
                self.app.notify(f"Opened in your mail client, to {to}", markup=False)

        self.app.run_worker(run(), group="mail")

    def action_mark_sent(self) -> None:
        """Log the message as sent now, with its text; the pane moves on."""
        interview, template = self._interview, self._template
        if interview is None or template is None or self._sending:
            return
        step, recipient, text = self.choice.action.step, self._recipient, self.text()
        event = sent_event(
            step,
            self.followup.now(),
            recipient=recipient,
            phone=template.phone,
            subject=text.subject,
            body=text.body,
        )
        message, store = self.message(), self.followup.store

        def change() -> Interview | None:
            try:
                store.get(interview.id)
            except KeyError:
                return None  # removed meanwhile (an undo): nothing to log it on
            return store.log(interview.id, event)

        async def run() -> None:
            saved = await self.followup.write(change)
            self._sending = False
            if not saved.ok:
                return  # the app said why; the draft stays
            if saved.value is None:
                self.app.notify("That interview is gone (undone?): nothing logged")
                return
            self.followup.changed(saved.value)
            self.drafts.sent(interview.id, message)
            words = sent_words(step, recipient)
            company = clean_line(interview.company)
            self.app.notify(f"{company}: {words} marked sent · u undoes it", markup=False)
            if self.app.screen is self:
                self.dismiss()

        self._sending = True
        self.app.run_worker(run(), group="write")


def _wording(template: Template) -> str:
    if not template.phone:
        return template.variant
    return "call script" if template.variant == "call" else f"{template.variant} call script"


def _row(label: str, items: list[str], current: int, key: str) -> Content:
    """One line of choices with the current one highlighted, and the key that moves on."""
    parts: list[str | tuple[str, str]] = [(f"{label:<9}", "$text-muted")]
    for index, item in enumerate(items):
        if index:
            parts.append(("  ·  ", "$text-muted"))
        parts.append((item, "bold reverse") if index == current else item)
    if key:
        parts.append((f"   {key}", "$text-muted italic"))
    return Content.assemble(*parts)
