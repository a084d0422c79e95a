"""The tone panel beside the composer's text: each finding on a line of its own, saying why.

Findings warn; they never block. The panel only shows them: the screen decides when to
check (debounced while the user types) and hands the findings over.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from followup_tui.app.text import clean_line
from followup_tui.core.tone import Finding

ALL_CLEAR = "Nothing to flag: short, warm and filled in."
"""What the panel says when the check finds nothing."""

FOOTNOTE = "These only warn: send it if you judge it right."
"""The panel's last line: findings never block."""


def where(finding: Finding) -> str:
    """Where a finding is: "subject", "line 3", or "" for the whole message."""
    if finding.line is None:
        return ""
    return "subject" if finding.line == 0 else f"line {finding.line}"


def finding_text(finding: Finding) -> Content:
    """One finding as a line: its tag, where it is, and why it matters (user text literal)."""
    place = where(finding)
    return Content.assemble(
        (finding.rule.label, "bold $text-warning"),
        (f" · {place}" if place else "", "$text-muted"),
        "  ",
        clean_line(finding.message),
    )


class TonePanel(VerticalScroll):
    """The tone check's findings for the message being written (it scrolls when they are many)."""

    DEFAULT_CSS = """
    TonePanel {
        width: 42;
        height: 1fr;
        padding: 0 1;
        border-left: solid $panel-lighten-2;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        """An empty panel (nothing checked yet)."""
        super().__init__(id=id)
        self.findings: tuple[Finding, ...] = ()
        """What the panel shows now."""

    def compose(self) -> ComposeResult:
        """One block of text holding every line."""
        yield Static(id="tone-lines")

    def show(self, findings: list[Finding]) -> None:
        """Show ``findings`` (an all-clear line when there are none)."""
        self.findings = tuple(findings)
        count = f"  {len(findings)} to look at" if findings else ""
        lines = [Content.assemble(("Tone check", "bold"), count), Content("")]
        if not findings:
            lines.append(Content.styled(ALL_CLEAR, "$text-success"))
        for finding in findings:
            lines += [finding_text(finding), Content("")]  # a gap keeps wrapped ones apart
        if not findings:
            lines.append(Content(""))
        lines.append(Content.styled(FOOTNOTE, "$text-muted"))
        self.query_one("#tone-lines", Static).update(Content("\n").join(lines))
