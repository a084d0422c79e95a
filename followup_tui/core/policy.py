"""The three follow-up policies, as data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Policy:
    """How soon and how often to follow up. All gaps are in business days."""

    name: str
    """The policy's name: "prompt", "standard" or "patient"."""
    thank_you_hours: int
    """How long after the interview ends the thank-you window stays open."""
    grace_after_decision: int
    """Wait after a stated decision date before the first check-in."""
    first_check_in: int
    """First check-in when no timeline was stated, counted from the interview."""
    latest_first_check_in: int
    """After this many business days with no timeline, the first check-in is overdue."""
    second_check_in_gap: int
    """Wait after the first check-in before the second."""
    unanswered_before_move_on: int
    """Unanswered check-ins after which it is time to move on."""
    minimum_gap: int
    """No outreach is scheduled sooner than this after the last message of any kind."""
    keep_warm_interval: int
    """Gap between keep-warm notes, when keep-warm is chosen."""
    keep_warm_max: int
    """Keep-warm notes at most."""
    overdue_after: int = 5
    """A due check-in turns overdue this many business days after it fell due."""


PROMPT = Policy("prompt", 24, 1, 4, 10, 3, 2, 2, 10, 3)
STANDARD = Policy("standard", 24, 3, 5, 10, 5, 2, 3, 15, 3)
PATIENT = Policy("patient", 24, 5, 8, 10, 7, 2, 5, 20, 3)

POLICIES: dict[str, Policy] = {p.name: p for p in (PROMPT, STANDARD, PATIENT)}
"""Every policy by name."""

DEFAULT_POLICY = "standard"
"""The policy used unless the user picks another."""


def policy_named(name: str | None, default: str = DEFAULT_POLICY) -> Policy:
    """The policy called ``name`` (or ``default`` when None). Raises ``ValueError`` if unknown."""
    key = (name or default).strip().lower()
    try:
        return POLICIES[key]
    except KeyError:
        known = ", ".join(POLICIES)
        raise ValueError(f"unknown policy {name!r} (known: {known})") from None
