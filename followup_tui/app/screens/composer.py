"""The composer: the message that is owed, filled in from the record, checked as it is edited.

It opens on the most urgent message (a thank-you goes to the first interviewer not yet
thanked). Keys switch the step, the wording and the recipient; the text is edited in place
while the tone panel beside it says, line by line, what might land badly. Nothing it finds
blocks anything. The message leaves by the clipboard or the mail client, or is marked sent
(:mod:`followup_tui.app.screens.composer_sending`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, Label, Static, TextArea

from followup_tui.app.safety import SafeInput
from followup_tui.app.screens.composer_choices import Selection
from followup_tui.app.screens.composer_sending import SendingScreen
from followup_tui.app.text import clean_block, clean_line
from followup_tui.app.widgets.composer_heading import ComposerHeading
from followup_tui.app.widgets.key_bar import KEPT_KEYS, KeyBar
from followup_tui.app.widgets.pane import round_name
from followup_tui.app.widgets.tone_panel import TonePanel
from followup_tui.core.board import Row
from followup_tui.core.choices import choices_for, nothing_to_write
from followup_tui.core.compose import review
from followup_tui.core.model import Interview, Interviewer
from followup_tui.core.policy import DEFAULT_POLICY, POLICIES, Policy, policy_named
from followup_tui.core.templates import EXTRA_PLACEHOLDERS, PLACEHOLDERS, Library
from followup_tui.settings import settings_path
from followup_tui.storage.drafts import Edited
from followup_tui.user_templates import load_user_templates


def _binding(key: str, action: str, description: str, tooltip: str) -> Binding:
    # Priority, so the keys work while the text area or an input has the focus.
    return Binding(key, action, description, tooltip=tooltip, priority=True, id=action)


class ComposerScreen(SendingScreen):
    """Write, check and send the next message for one interview."""

    CSS_PATH = "composer.tcss"
    # Under 100 columns the tone check goes under the text; under 22 lines, behind a key.
    # Textual annotates these "ClassVar[...] | None", which mypy reads as instance variables,
    # so they can't be marked ClassVar here.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-tall")]  # noqa: RUF012
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
        _binding("f2", "toggle_tone", "Tone", "Show or hide the tone check"),
    ]

    def __init__(self, interview_id: str) -> None:
        """The composer for the interview ``interview_id``."""
        super().__init__()
        self.interview_id = interview_id
        """The interview the message is for."""
        self._rendered = Edited("", "")
        self._tone_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Heading, then the text beside the tone panel."""
        yield ComposerHeading(id="composer-heading")
        with Horizontal(id="composer-columns"):
            with Vertical(id="composer-editor"):
                yield Static(id="composer-call")
                yield SafeInput(id="composer-subject", placeholder="subject")
                yield TextArea(id="composer-body", soft_wrap=True)
                with Vertical(id="composer-extras"):
                    for name in EXTRA_PLACEHOLDERS:
                        yield Label(
                            PLACEHOLDERS[name].meaning.capitalize(),
                            markup=False,
                            id=f"composer-label-{name}",
                            classes="composer-extra-label",
                        )
                        yield SafeInput(id=f"composer-extra-{name}", placeholder=name)
            yield TonePanel(id="composer-tone")
        yield KeyBar(show_command_palette=False, keep=KEPT_KEYS | {"ctrl+l", "f2"})

    def on_mount(self) -> None:
        """Read the interview, pick the most urgent message (or the draft left open)."""
        row = self.followup.board.get(self.interview_id)
        if row is None:
            self.app.notify("That interview is gone (undone?)", severity="warning")
            self.dismiss()
            return
        if not choices_for(row.interview, row.standing):
            self.app.notify(self._nothing_to_write(row), markup=False)
            self.dismiss()
            return
        last = self.drafts.last(self.interview_id)
        library = self._load_library()
        self.selection = Selection.start(row.interview, row.standing, library, last)
        extras = self.drafts.extras(self.interview_id)
        for name in EXTRA_PLACEHOLDERS:
            self.query_one(f"#composer-extra-{name}", Input).value = extras.get(name, "")
        self._show()
        self.query_one("#composer-body", TextArea).focus()
        self._warn_once(self.drafts.problem)
        self._ask_who()

    def _nothing_to_write(self, row: Row) -> str:
        """Why there is no message here; for an advanced round, which pane to write from
        (or how to add it, when it is not on the board yet)."""
        board, where = self.followup.board, "a on the board adds it"
        for key in board.later_rounds(row.interview.id):
            if (later := board.get(key)) is not None:
                start = later.interview.start.astimezone(self.followup.settings.zone())
                where = f"{round_name(later.interview)}, {start:%a %-d %b}"
                break
        return clean_line(nothing_to_write(row.interview, row.standing, where))

    def _ask_who(self) -> None:
        """Before the first message would be signed "[your name]", ask for the name."""
        from followup_tui.app.screens.settings_screen import SettingsScreen

        app, settings = self.followup, self.followup.settings
        if app.asked_who or settings.name.strip() or settings.signature.strip():
            return
        app.asked_who = True

        def answered(saved: bool | None) -> None:
            if saved and self.is_attached and self.selection is not None:
                self._show()  # signed with the name now (a draft already edited stays)

        app.push_screen(SettingsScreen(first_time=True), answered)

    def on_unmount(self) -> None:
        """However the composer goes (escape, quitting the app), the drafts are saved."""
        self._warn_once(self.drafts.save())

    def _load_library(self) -> Library:
        loaded = load_user_templates()
        if loaded.problems:
            more = len(loaded.problems) - 1
            text = str(loaded.problems[0]) + (f" (and {more} more)" if more > 0 else "")
            self._warn_once(f"your templates: {text}. Ours are used meanwhile.")
        return loaded.library()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys with nothing to switch to are left out of the footer; Mail is off for calls."""
        chosen = self.selection
        if chosen is None or chosen.template is None:
            return True
        if action == "next_recipient":
            return len(chosen.choice.recipients) > 1
        if action == "next_wording":
            return len(chosen.templates()) > 1
        if action == "next_step":
            return len(chosen.choices) > 1
        if action == "open_mail":
            return None if chosen.template.phone else True
        return True

    def _policy(self, interview: Interview) -> Policy:
        default = self.followup.settings.policy.strip().lower()
        default = default if default in POLICIES else DEFAULT_POLICY
        try:
            return policy_named(interview.policy, default)
        except ValueError:
            return policy_named(None, default)

    def _show(self) -> None:
        """Fill in the message chosen (or its draft) and everything around it."""
        chosen = self.selection
        assert chosen is not None
        app = self.followup
        extras = self.drafts.extras(self.interview_id)
        policy = self._policy(chosen.interview)
        self._composition = chosen.composition(
            app.settings, app.now(), app.calendar, policy, extras
        )
        if self._composition is None:
            self.notify("No template for this step: add one in templates.toml", severity="error")
            return
        draft = self._composition.draft
        # Record values go into the text as visible symbols, never as raw control codes.
        self._rendered = Edited(clean_line(draft.subject), clean_block(draft.body))
        shown = self.drafts.edited(self.interview_id, chosen.message()) or self._rendered
        self.query_one("#composer-subject", Input).value = shown.subject
        self.query_one("#composer-body", TextArea).load_text(shown.body)
        self.query_one(ComposerHeading).show(chosen, self._notes(chosen))
        template = chosen.template
        assert template is not None
        call = self.query_one("#composer-call", Static)
        call.display = template.phone
        if template.phone:
            call.update(Content(call_line(chosen.person(), chosen.recipient)))
        for name in EXTRA_PLACEHOLDERS:
            self.query_one(f"#composer-label-{name}").display = name in template.placeholders
            self.query_one(f"#composer-extra-{name}").display = name in template.placeholders
        self.check_tone()
        self.refresh_bindings()

    def _notes(self, chosen: Selection) -> list[str]:
        """Lines worth a glance above the text: a step not due yet, an unset name."""
        notes = []
        if chosen.choice.ahead:
            countdown = chosen.standing.countdown
            when = f" ({countdown})" if countdown else ""
            notes.append(f"Not due yet{when}: keep it as a draft (escape) until then.")
        settings = self.followup.settings
        if not (settings.name.strip() or settings.signature.strip()):
            where = clean_line(str(settings_path()))
            notes.append(
                f'Your name signs the message: press , on the board, or set name = "…" in {where}'
            )
        return notes

    @on(Input.Changed, "#composer-subject")
    @on(TextArea.Changed, "#composer-body")
    def _edited(self) -> None:
        if self._made_inert():
            return  # the change that made it inert comes back here
        if not self._sent:
            self._stash()  # each edit, so quitting from here keeps it too
        if self.TONE_DELAY <= 0:
            self.check_tone()
            return
        if self._tone_timer is not None:
            self._tone_timer.stop()
        self._tone_timer = self.set_timer(self.TONE_DELAY, self.check_tone)

    def _made_inert(self) -> bool:
        """Turn control characters pasted into the text into visible symbols; True if any."""
        subject = self.query_one("#composer-subject", Input)
        if (line := clean_line(subject.value)) != subject.value:
            subject.value = line
            return True
        area = self.query_one("#composer-body", TextArea)
        if (block := clean_block(area.text)) != area.text:
            area.replace(block, area.document.start, area.document.end)
            return True
        return False

    def action_toggle_tone(self) -> None:
        """Show the tone check if it is out of sight (a small terminal), else hide it."""
        shown = self.query_one(TonePanel).display
        self.set_class(shown, "-tone-hidden")
        self.set_class(not shown, "-tone-shown")

    def check_tone(self) -> None:
        """Check the text on screen now and show what the check found."""
        if self._composition is None:
            return
        text = self.text()
        self.query_one(TonePanel).show(review(text.subject, text.body, self._composition.tone))

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

    def _stash(self) -> bool:
        if self.selection is None or self.selection.template is None:
            return False
        message = self.selection.message()
        return self.drafts.keep(self.interview_id, message, self.text(), self._rendered)

    def _switch(self, move: Callable[[Selection], bool]) -> None:
        if self.selection is None:
            return
        self._stash()
        if move(self.selection):
            self._show()

    def action_next_step(self) -> None:
        """Write the next message on offer (they come round again)."""
        self._switch(Selection.next_step)

    def action_next_wording(self) -> None:
        """Use the next wording of the same message (emails, then call scripts)."""
        self._switch(Selection.next_wording)

    def action_next_recipient(self) -> None:
        """Address the message to the next interviewer."""
        self._switch(Selection.next_recipient)

    def action_leave(self) -> None:
        """Back to the board, keeping the draft."""
        if self._stash() and self.selection is not None:
            company = clean_line(self.selection.interview.company)
            self.app.notify(f"Draft kept: c on {company} brings it back", markup=False)
        self.dismiss()

    def action_start_over(self) -> None:
        """Throw the edits away and start again from the template, filled in."""
        if self.selection is None or self.selection.template is None:
            return
        had = self.drafts.discard(self.interview_id, self.selection.message())
        if not had and self.text() == self._rendered:
            self.notify("Nothing to discard: this is the template as filled in")
            return
        self.query_one("#composer-subject", Input).value = self._rendered.subject
        area = self.query_one("#composer-body", TextArea)
        area.replace(self._rendered.body, area.document.start, area.document.end)
        self.notify("Draft discarded: back to the template (ctrl+z in the text undoes that)")


def call_line(person: Interviewer | None, name: str) -> str:
    """What the composer shows above a call script: whom to call, on which number."""
    who = clean_line(person.name if person else name) or "them"
    if person is not None and person.phone.strip():
        return f"Call {who} on {clean_line(person.phone)}, and say something like:"
    return f"No phone number on record for {who}: add one with e on the board."
