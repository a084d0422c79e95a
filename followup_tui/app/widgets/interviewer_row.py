"""One interviewer in the form: name, title, email, phone, a button to remove the row, and
under them the topic: what the user talked about with that person, which their thank-you names."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from followup_tui.app.safety import SafeInput
from followup_tui.app.text import clean_line
from followup_tui.core.model import Interviewer

_FIELDS = ("name", "title", "email", "phone")
"""The inputs on the row's first line."""
_ALL = (*_FIELDS, "topic")
"""Every input of the row, the topic on a line of its own."""
TOPIC_HINT = "what you talked about, as you'd say it to them: “your plan to …”"
"""The topic input's placeholder."""


class InterviewerRow(Vertical):
    """Four inputs on one line, the topic under them, and a line for what is wrong."""

    DEFAULT_CSS = """
    InterviewerRow {
        height: auto;
        & > Horizontal { height: auto; }
        & Input { width: 1fr; }
        & Input.-name { width: 2fr; }
        & Button { min-width: 5; width: 5; }
        & > Input.-topic { margin-right: 5; }
        & > .error { height: auto; padding: 0 1; color: $text-error; }
        &.-invalid Input { border: tall $error; }
    }
    """

    def __init__(self, person: Interviewer | None = None) -> None:
        """A row, empty or holding ``person``."""
        super().__init__()
        self._person = person or Interviewer("")

    def compose(self) -> ComposeResult:
        """The inputs, the remove button, the error line."""
        with Horizontal():
            for name in _FIELDS:
                yield SafeInput(
                    getattr(self._person, name),
                    placeholder=name + (" *" if name == "name" else ""),
                    classes=f"-{name}",
                    validate_on=(),  # no validators: the row is read by check()
                )
            remove = Button("✕", classes="remove")
            remove.tooltip = "Remove this interviewer"
            yield remove
        topic = SafeInput(
            self._person.topic, placeholder=TOPIC_HINT, classes="-topic", validate_on=()
        )
        topic.tooltip = "Their thank-you names it; with none, it says something general"
        yield topic
        yield Static(classes="error")

    def _value(self, name: str) -> str:
        return self.query_one(f"Input.-{name}", Input).value.strip()

    @property
    def is_blank(self) -> bool:
        """True when nothing is typed in the row (it is then ignored)."""
        return not any(self._value(name) for name in _ALL)

    def check(self) -> tuple[bool, Interviewer | None]:
        """Read the row and show what is wrong; returns (valid, interviewer or None if blank)."""
        problem = ""
        if not self.is_blank:
            if not self._value("name"):
                problem = "a name is needed (it goes in the greeting)"
            elif self._value("email") and "@" not in self._value("email"):
                problem = f"“{clean_line(self._value('email'))}” is not an email address"
        self.set_class(bool(problem), "-invalid")
        self.query_one(".error", Static).update(Text(f"✗ {problem}" if problem else ""))
        if problem:
            return False, None
        if self.is_blank:
            return True, None
        values = {name: self._value(name) for name in _ALL}
        return True, Interviewer(**values)

    @on(Button.Pressed, ".remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        self.remove()
