"""The composer's ways out for a message: the clipboard, the mail client, and marking it
sent, which logs the right event through the app so the pane moves on and ``u`` undoes it.

:class:`SendingScreen` holds the message being written and these keys;
:class:`~followup_tui.app.screens.composer.ComposerScreen` builds on it with the text and
the choices around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen
from textual.widgets import Input, TextArea

from followup_tui.app import background, clipboard
from followup_tui.app.screens.composer_choices import Selection, sent_event, sent_words
from followup_tui.app.text import clean_line
from followup_tui.core.compose import Composition, review
from followup_tui.core.mailto import AddressError, mailto_url
from followup_tui.core.model import Interview
from followup_tui.core.tone import unfilled
from followup_tui.storage.drafts import Drafts, Edited, drafts_for

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp


class SendingScreen(Screen[None]):
    """A screen with a message on it (a subject box and a body), and the keys that send it."""

    def __init__(self) -> None:
        """Nothing chosen yet: the screen picks the message when it is mounted."""
        super().__init__()
        self.selection: Selection | None = None
        """The message, recipient and wording chosen (None until mounted)."""
        self._composition: Composition | None = None
        self._sending = False
        self._sent = False

    @property
    def followup(self) -> FollowupApp:
        """The app, typed."""
        return cast("FollowupApp", self.app)

    @property
    def drafts(self) -> Drafts:
        """The app's drafts."""
        return drafts_for(self.app)

    def _warn_once(self, problem: str) -> None:
        if problem and self.drafts.first_time(problem):
            self.app.notify(problem[:1].upper() + problem[1:], severity="warning", markup=False)

    def text(self) -> Edited:
        """The subject and body as they are on screen."""
        subject = self.query_one("#composer-subject", Input).value
        return Edited(subject, self.query_one("#composer-body", TextArea).text)

    def action_copy(self) -> None:
        """Copy the message, subject and body together (from the subject box, the subject)."""
        subject = self.query_one("#composer-subject", Input)
        text = self.text()
        template = self.selection.template if self.selection else None
        if self.focused is subject and text.subject:
            what, value = "subject", text.subject
        elif template is not None and template.phone:
            what, value = "call script", text.body
        elif text.subject.strip():
            what, value = "subject and message", f"Subject: {text.subject}\n\n{text.body}"
        else:
            what, value = "message", text.body

        async def run() -> None:
            copied = await clipboard.copy_text(self.app, value)
            self.app.notify(copied.describe(what), markup=False, timeout=8)

        background.start(self.app, run, group="clipboard")

    def action_interrupt(self) -> None:
        """Ctrl+c with nothing selected copies the message (the palette calls it copy)."""
        self.action_copy()

    def action_open_mail(self) -> None:
        """Open the message in the mail client, addressed, with subject and body."""
        if self.selection is None:
            return
        if self.selection.template is not None and self.selection.template.phone:
            self.notify("This is a call script: ctrl+n picks an email wording to send instead")
            return
        person = self.selection.person()
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
            error = await clipboard.open_mail_from(self.app, url)
            if error:
                self.app.notify(
                    f"Couldn't open a mail client: {error}. ctrl+g copies the message instead.",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
            else:
                self.app.notify(f"Opened in your mail client, to {to}", markup=False)

        background.start(self.app, run, group="mail")

    def action_mark_sent(self) -> None:
        """Log the message as sent now, with its text; the pane moves on.

        A message with something left unfilled (a placeholder, a greeting to another name)
        is not logged without asking: it was most likely not sent like that.
        """
        from followup_tui.app.screens.dialogs import Confirm

        chosen = self.selection
        if chosen is None or chosen.template is None or self._sending:
            return
        text = self.text()
        gaps = (
            []
            if self._composition is None
            else unfilled(review(text.subject, text.body, self._composition.tone))
        )
        if not gaps:
            self._mark_sent()
            return
        question = Confirm(
            "Mark it sent with this still unfilled?",
            "\n".join(f"· {clean_line(finding.message)}" for finding in gaps),
            yes="Mark sent anyway",
            no="Go back and fill it in",
        )
        self.app.push_screen(question, lambda yes: self._mark_sent() if yes else None)

    def _mark_sent(self) -> None:
        chosen = self.selection
        if chosen is None or chosen.template is None or self._sending:
            return
        interview, template = chosen.interview, chosen.template
        step, recipient, text = chosen.choice.action.step, chosen.recipient, self.text()
        event = sent_event(
            step,
            self.followup.now(),
            recipient=recipient,
            phone=template.phone,
            subject=text.subject,
            body=text.body,
        )
        message, store = chosen.message(), self.followup.store

        def change() -> Interview | None:
            try:
                store.get(interview.id)
            except KeyError:
                return None  # removed meanwhile (an undo): nothing to log it on
            return store.log(interview.id, event)

        pending = self.followup.save(change)  # queued now: a quit right after still saves it

        async def run() -> None:
            saved = await pending
            self._sending = False
            if not saved.ok:
                return  # the app said why; the draft stays
            if saved.value is None:
                self.app.notify("That interview is gone (undone?): nothing logged")
                return
            self.drafts.sent(interview.id, message)
            self._sent = True  # so leaving doesn't keep the sent text as a draft
            words = sent_words(step, recipient)
            company = clean_line(interview.company)
            self.app.notify(f"{company}: {words} marked sent · u undoes it", markup=False)
            if self.app.screen is self:
                self.dismiss()  # which saves the drafts
            else:
                self._warn_once(self.drafts.save())

        self._sending = True
        background.start(self.app, run, group="write")
