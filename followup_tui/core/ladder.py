"""The follow-up ladder: given an interview, a policy and *now*, its standing."""

from __future__ import annotations

from datetime import datetime

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import Interview
from followup_tui.core.policy import Policy
from followup_tui.core.standing import Standing


def standing(
    interview: Interview, policy: Policy, now: datetime, calendar: BusinessCalendar
) -> Standing:
    """The interview's standing at ``now`` (an aware datetime) under ``policy``."""
    raise NotImplementedError  # being written
