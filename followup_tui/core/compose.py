"""The composer's core in one call: the right template for an action, filled in, and checked.

A small façade over :mod:`followup_tui.core.templates` and :mod:`followup_tui.core.tone`
for the composer screen; like them, it never reads the clock (``now`` is passed in).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import Channel, Interview
from followup_tui.core.policy import Policy
from followup_tui.core.standing import Action
from followup_tui.core.templates import (
    BUILT_INS,
    Context,
    Draft,
    Library,
    Sender,
    Template,
    action_key,
    context_for,
    render,
)
from followup_tui.core.tone import Finding, OutreachFacts, ToneContext, check, outreach_facts


@dataclass(frozen=True, slots=True)
class Composition:
    """A message ready for the composer: the template chosen, its draft, how to check it."""

    template: Template
    """The template used."""
    choices: tuple[Template, ...]
    """Every template for the same step and kind (the composer cycles through them)."""
    context: Context
    """The values it was filled with (to re-render another choice)."""
    draft: Draft
    """The filled-in subject and body."""
    tone: ToneContext
    """What the tone check needs besides the text (pass it to :func:`review`)."""


def tone_context_for(
    template: Template, context: Context, facts: OutreachFacts | None = None
) -> ToneContext:
    """The tone check's inputs for a message made from ``template``."""
    return ToneContext(
        template.step, template.phone, context.interviewer_names, context.signature, facts
    )


def compose(
    interview: Interview,
    action: Action,
    sender: Sender,
    *,
    now: datetime,
    calendar: BusinessCalendar,
    policy: Policy,
    variant: str | None = None,
    phone: bool | None = None,
    recipient: str | None = None,
    extras: Mapping[str, str] | None = None,
    library: Library = BUILT_INS,
) -> Composition | None:
    """The message for ``action``, or None when the step has no template (preparing).

    ``phone`` defaults to the interview's preferred channel, falling back to email when the
    step has no call script; ``variant`` picks a template by name (default: the first).
    """
    key = action_key(action)
    wants_phone = interview.channel is Channel.PHONE if phone is None else phone
    choices = library.find(key, wants_phone) or library.find(key, not wants_phone)
    if not choices:
        return None
    template = next((t for t in choices if t.variant == variant), choices[0])
    context = context_for(
        interview,
        action,
        sender,
        calendar.day_of(now),
        calendar,
        recipient=recipient,
        extras=extras,
    )
    facts = outreach_facts(interview, now, calendar, policy)
    tone = tone_context_for(template, context, facts)
    return Composition(template, tuple(choices), context, render(template, context), tone)


def switch(composition: Composition, template: Template) -> Composition:
    """The same composition with another template (its draft re-rendered)."""
    tone = replace(composition.tone, step=template.step, phone=template.phone)
    return replace(
        composition, template=template, draft=render(template, composition.context), tone=tone
    )


def review(subject: str, body: str, tone: ToneContext) -> list[Finding]:
    """Tone findings for a whole message: the subject's (on line 0) first, then the body's.

    The subject is checked for wording only; length, greeting and timing belong to the body.
    """
    on_subject = [replace(f, line=0) for f in check(subject, context=ToneContext())]
    return on_subject + check(body, context=tone)
