"""The rounds of one application: the next one pre-filled, and all of them in order.

Pure Python (no Textual). Rounds are linked by ``Interview.follows``, the id of the round
before; the board keeps the links the other way (:meth:`LiveBoard.later_rounds`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from followup_tui.core.model import Interview


def next_round(interview: Interview, start: datetime) -> Interview:
    """The round after ``interview``, as far as it is known: same company, role and people.

    The round's name is left for the user, and nothing recorded about this round (dates
    they stated, private notes, the log) carries over. The id is left for the store.
    """
    return Interview(
        id="",
        company=interview.company,
        role=interview.role,
        start=start,
        format=interview.format,
        interviewers=interview.interviewers,
        channel=interview.channel,
        policy=interview.policy,
        posting_url=interview.posting_url,
        follows=interview.id,
    )


def rounds_of(
    interview: Interview,
    get: Callable[[str], Interview | None],
    later: Callable[[str], Iterable[str]],
) -> list[Interview]:
    """Every round of ``interview``'s application, earliest first.

    ``get`` finds an interview by id; ``later`` gives the ids of the rounds that follow one.
    A broken or looping link ends the walk rather than the app.
    """
    back = {interview.id}
    first = interview
    while first.follows and first.follows not in back:
        before = get(first.follows)
        if before is None:
            break
        back.add(before.id)
        first = before
    seen = {first.id}
    found = [first]
    queue = [first.id]
    while queue:
        for key in later(queue.pop(0)):
            if key not in seen and (after := get(key)) is not None:
                seen.add(key)
                found.append(after)
                queue.append(key)
    if interview.id not in {i.id for i in found}:
        found.append(interview)
    return sorted(found, key=lambda i: i.start.timestamp())
