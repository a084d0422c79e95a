"""The composer's heading: the interview and its badge, then what is being written.

Three rows of choices (message, wording, recipient) with the current one highlighted and the
key that moves on, and below them any note worth a glance (a step not due yet, no name set).
Everything from the record is drawn literally.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from followup_tui.app.screens.composer_choices import Selection
from followup_tui.app.text import clean_line
from followup_tui.app.widgets.badge import Badge
from followup_tui.core.model import Interview
from followup_tui.core.templates import Template


def wording(template: Template) -> str:
    """A wording's name as the composer lists it: "warm", "short", "call script"."""
    if not template.phone:
        return template.variant
    return "call script" if template.variant == "call" else f"{template.variant} call script"


def row(label: str, items: list[str], current: int, key: str) -> Content:
    """One line of choices with the current one highlighted, and the key that moves on."""
    parts: list[str | tuple[str, str]] = [(f"{label:<9}", "$text-muted")]
    for index, item in enumerate(items):
        if index:
            parts.append(("  ·  ", "$text-muted"))
        parts.append((item, "bold reverse") if index == current else item)
    if key:
        parts.append((f"   {key}", "$text-muted italic"))
    return Content.assemble(*parts)


def person_words(interview: Interview, name: str, with_email: bool, owed: bool) -> str:
    """An interviewer as the recipient row shows them: name, address, whether still owed."""
    person = next((p for p in interview.interviewers if p.name == name), None)
    words = clean_line(name)
    if person is not None and person.email.strip() and with_email:
        words += f" <{clean_line(person.email.strip())}>"
    return words + (" (owed)" if owed else "")


def title(interview: Interview, countdown: str) -> Content:
    """Company, role and round, then the countdown."""
    text = Content.assemble((clean_line(interview.company), "bold"))
    for part in (interview.role, interview.round):
        if part.strip():
            text += " · " + clean_line(part)
    if countdown:
        text += Content.styled(f"   {countdown}", "$text-muted")
    return text


class ComposerHeading(Vertical):
    """The interview, its badge, and the message, wording and recipient chosen."""

    DEFAULT_CSS = """
    ComposerHeading { height: auto; }
    ComposerHeading > Horizontal { height: 1; background: $panel; padding: 0 1; }
    ComposerHeading > Horizontal > .title { width: 1fr; }
    ComposerHeading > .choices { height: auto; padding: 0 1; }
    ComposerHeading > .note { height: auto; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        """Title and badge on one line, then the choices and the note."""
        with Horizontal():
            yield Static(classes="title")
            yield Badge()
        yield Static(classes="choices")
        yield Static(classes="note")

    def show(self, selection: Selection, notes: list[str]) -> None:
        """Draw ``selection`` and ``notes`` (warnings, one a line)."""
        interview, standing, template = selection.interview, selection.standing, selection.template
        self.query_one(".title", Static).update(title(interview, standing.countdown))
        self.query_one(Badge).show(standing.status)
        choice, templates = selection.choice, selection.templates()
        steps = [c.label + (" (owed)" if c.owed else "") for c in selection.choices]
        lines = [row("Message", steps, selection.index, "ctrl+t")]
        if template is not None:
            names = [wording(t) for t in templates]
            lines.append(row("Wording", names, templates.index(template), "ctrl+n"))
        if any(choice.recipients):
            with_email = template is not None and not template.phone
            people = [
                person_words(interview, name, with_email, name in choice.owed_to)
                for name in choice.recipients
            ]
            index = choice.recipients.index(selection.recipient)
            lines.append(row("To", people, index, "ctrl+r" if len(people) > 1 else ""))
        self.query_one(".choices", Static).update(Content("\n").join(lines))
        note = self.query_one(".note", Static)
        note.update(Content("\n").join(Content.styled(n, "$text-warning") for n in notes))
        note.display = bool(notes)
