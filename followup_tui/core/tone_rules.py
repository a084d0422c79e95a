"""Tone rules read a sentence at a time: a finding when every part of a rule is present.

Phrases catch wordings; these catch kinds. A deadline beside a request for their answer is an
ultimatum however it is put ("do let me know your decision no later than Friday", "could you
give me a firm answer before the end of the week"), and so is another company's timing beside
haste. Each part is a pattern; a sentence that matches them all is flagged once.
"""

from __future__ import annotations

import re

from followup_tui.core.lazy_pattern import LazyPattern
from followup_tui.core.tone_phrases import WHEN as _WHEN
from followup_tui.core.tone_phrases import Rule
from followup_tui.core.tone_phrases import rx as _rx

_BY_WHEN = (
    rf"\b(?:(?:by|before|no later than|not later than|until) {_WHEN}|within (?:\d+|a|one|two"
    r"|three|the next(?: few)?) (?:hours?|days?|business days?|weeks?)|this week\b|at the latest\b"
    r"|by return\b)"
)
_THEIR_ANSWER = (
    r"\b(?:your (?:answer|decision|response|reply|verdict|final word)|let me know|get back to me"
    r"|hear back|hear from you|where (?:I|things) stand|clarity|(?:an|a final|some) "
    r"(?:answer|response|reply)|(?:please|kindly|could you|can you) (?:advise|confirm)"
    r"|status of my)\b"
)
_ELSEWHERE_PARTY = (
    r"\b(?:another|other|a competing|a rival) (?:firm|company|employer|organi[sz]ation|business"
    r"|startup|offer)s?\b|\belsewhere\b|\b(?:competing|other) offers?\b|\boffers? from\b"
)
_HURRY = (
    rf"{_BY_WHEN}|\bsoon\b|\bquickly\b|\bfaster\b|\bquicker\b|\bspeed\b|\bmatch\b"
    r"|\btimeline\b|\bdeadline\b|\bexpir\w*|\b(?:my|an) answer\b|\bmake a (?:call|decision)\b"
    r"|\b(?:quick|fast|rapid|swift|prompt) (?:decision|answer|response|reply|turnaround)\b"
    r"|\bwaiting (?:on|for) me\b"
)

_THEIR_MOVE = r"\b(?:offer\w*|wants?|asked|asking|needs?|waiting|answer|decision|accept\w*)\b"
"""What makes a sentence about another company about its offer, not a story from past work."""

_ASKS_THEM = (
    r"\b(?:could you|can you|would you|will you|please|I need|I'?d need|I would need"
    r"|(?:I'?d|would|I would) (?:really )?appreciate|give me|send me|let me know|tell me)\b"
    r"[^.?!;\n]{0,40}\b(?:answer|decision|response|reply|update|verdict)\b"
)
"""A request for their answer: the asking comes first ("thanks for the update" asks nothing)."""
_BARE_WHEN = (
    r"\b(?:today|tonight|tomorrow(?: morning)?|this (?:afternoon|evening|week)|end of (?:the )?"
    r"(?:day|week))\b"
)

COMBOS: tuple[tuple[Rule, tuple[LazyPattern, ...], str], ...] = (
    (
        Rule.ULTIMATUM,
        (_rx(_THEIR_ANSWER), _rx(_BY_WHEN)),
        "asks for their answer against a deadline you set; let them set the pace",
    ),
    (
        Rule.ULTIMATUM,
        (_rx(_ASKS_THEM), _rx(_BY_WHEN, _BARE_WHEN)),
        "asks for their answer against a deadline you set; let them set the pace",
    ),
    (
        Rule.ULTIMATUM,
        (_rx(_ELSEWHERE_PARTY), _rx(_HURRY), _rx(_THEIR_MOVE)),
        "uses another company's timing to hurry them; tell news as news, never as leverage",
    ),
)
"""(rule, patterns, why): a finding when every pattern matches within one sentence. Rules
rather than phrases: a deadline beside a request for their answer is an ultimatum however it
is worded."""

SENTENCE = re.compile(r"[^.?!;\n]+[.?!;]*")
"""One sentence (or line), for the rules in :data:`COMBOS`."""
