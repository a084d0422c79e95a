"""The tone panel shows a finding of every rule the tone check has, with its name."""

from __future__ import annotations

import pytest

from followup_tui.app.widgets.tone_panel import finding_text
from followup_tui.core.tone import Finding, Rule


@pytest.mark.parametrize("rule", list(Rule))
def test_every_rule_has_a_tag_on_the_panel(rule: Rule) -> None:
    text = finding_text(Finding(rule, "why it matters", (0, 3), 2)).plain
    assert text.startswith(f"{rule.label} · line 2")
    assert text.endswith("why it matters")
