"""Drafts the composer keeps: edits survive leaving it, and quitting the app, until sent.

A draft belongs to one interview and one message: the step, who it is to, and the wording
(variant, email or call) it started from, so switching to another wording and back finds
the edits where they were left. Only edited text is kept; an untouched message is rendered
afresh from the record each time, so a name corrected in the meantime shows up. A draft
goes when the user discards it or marks the message sent.

Drafts are saved beside the data file (``followup.json.drafts``, readable by the user
alone) when the composer is left, so they outlive the app. They are a convenience, not
the record: a drafts file that can't be read is set aside, never allowed to stop the app.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from followup_tui import regular
from followup_tui.paths import drafts_path
from followup_tui.storage.atomic import write_atomic


@dataclass(frozen=True, slots=True)
class Message:
    """Which message of an interview a draft is for."""

    key: str
    """The step key (``followup_tui.core.templates.STEP_KEYS``): "thank_you", "update"..."""
    recipient: str
    """The interviewer it is addressed to ("" when nobody is on record)."""
    phone: bool
    """True for a call script."""
    variant: str
    """The wording it started from ("warm", "formal", ...)."""

    @property
    def step(self) -> str:
        """The ladder step, without the check-in's refinement ("check_in")."""
        return self.key.split(".", 1)[0]


@dataclass(frozen=True, slots=True)
class Edited:
    """An edited subject and body."""

    subject: str
    """The subject line as the user left it."""
    body: str
    """The message as the user left it."""


@dataclass
class _Kept:
    edits: dict[Message, Edited]
    last: Message | None = None
    extras: dict[str, str] | None = None


class Drafts:
    """Every interview's drafts, the message last open in each, and the extra values typed."""

    def __init__(self, path: Path | None = None) -> None:
        """The drafts saved at ``path`` (none yet if it doesn't exist); in memory when None."""
        self._by_interview: dict[str, _Kept] = {}
        self._told: set[str] = set()
        self.path = path
        """Where the drafts are saved, or None to keep them in memory only."""
        self.problem = ""
        """Why the saved drafts couldn't be read ("" when they could, or there were none)."""
        if path is not None:
            self._load(path)

    def _load(self, path: Path) -> None:
        try:
            raw = json.loads(regular.read_bytes(path).decode("utf-8"))
            for interview_id, item in raw.items():
                kept = _Kept({Message(**m["message"]): Edited(**m["text"]) for m in item["edits"]})
                kept.last = Message(**item["last"]) if item["last"] else None
                kept.extras = {str(k): str(v) for k, v in item["extras"].items()} or None
                self._by_interview[str(interview_id)] = kept
        except FileNotFoundError:
            return
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            self._by_interview.clear()
            self.problem = f"the saved drafts in {path} can't be read ({exc}); starting afresh"

    def save(self) -> str:
        """Write the drafts to :attr:`path` (if there is one): "" or why it failed."""
        if self.path is None:
            return ""
        data: dict[str, Any] = {
            interview_id: {
                "edits": [{"message": asdict(m), "text": asdict(t)} for m, t in kept.edits.items()],
                "last": asdict(kept.last) if kept.last else None,
                "extras": kept.extras or {},
            }
            for interview_id, kept in self._by_interview.items()
            if kept.edits or kept.last or kept.extras
        }
        if not data and not self.path.exists():
            return ""
        try:
            write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode())
        except OSError as exc:
            return f"drafts not saved to {self.path} ({exc.strerror or exc})"
        return ""

    def _kept(self, interview_id: str) -> _Kept:
        return self._by_interview.setdefault(interview_id, _Kept({}))

    def last(self, interview_id: str) -> Message | None:
        """The message the composer last showed for this interview, if any."""
        kept = self._by_interview.get(interview_id)
        return kept.last if kept else None

    def edited(self, interview_id: str, message: Message) -> Edited | None:
        """The user's edit of ``message``, or None when it was left as rendered."""
        kept = self._by_interview.get(interview_id)
        return kept.edits.get(message) if kept else None

    def keep(self, interview_id: str, message: Message, text: Edited, rendered: Edited) -> bool:
        """Remember ``text`` as the open message (only if it differs from ``rendered``).

        Returns True when an edit is now kept.
        """
        kept = self._kept(interview_id)
        kept.last = message
        if _same(text, rendered):
            kept.edits.pop(message, None)
            return False
        kept.edits[message] = text
        return True

    def discard(self, interview_id: str, message: Message) -> bool:
        """Forget the edit of ``message``; True if there was one."""
        kept = self._by_interview.get(interview_id)
        return bool(kept and kept.edits.pop(message, None))

    def sent(self, interview_id: str, message: Message) -> None:
        """Forget what a message sent made obsolete.

        A thank-you clears that interviewer's thank-you drafts; any other step clears every
        draft of the step (all wordings, all recipients). The extra values go too: the next
        keep-warm note needs a new article.
        """
        kept = self._by_interview.get(interview_id)
        if kept is None:
            return

        def obsolete(other: Message) -> bool:
            if other.step != message.step:
                return False
            return message.step != "thank_you" or other.recipient == message.recipient

        kept.edits = {m: t for m, t in kept.edits.items() if not obsolete(m)}
        if kept.last is not None and obsolete(kept.last):
            kept.last = None
        kept.extras = None

    def extras(self, interview_id: str) -> dict[str, str]:
        """The extra values typed for this interview ("article", "news"), as a copy."""
        kept = self._by_interview.get(interview_id)
        return dict(kept.extras or {}) if kept else {}

    def set_extra(self, interview_id: str, name: str, value: str) -> None:
        """Remember one extra value (a blank one is forgotten)."""
        kept = self._kept(interview_id)
        extras = kept.extras or {}
        if value.strip():
            extras[name] = value
        else:
            extras.pop(name, None)
        kept.extras = extras

    def first_time(self, notice: str) -> bool:
        """True the first time a notice (a broken template file) is asked about, then False.

        So a problem the user already saw isn't repeated each time the composer opens.
        """
        if notice in self._told:
            return False
        self._told.add(notice)
        return True

    def count(self, interview_id: str) -> int:
        """How many edited drafts this interview has."""
        kept = self._by_interview.get(interview_id)
        return len(kept.edits) if kept else 0


def _same(a: Edited, b: Edited) -> bool:
    # A trailing newline or space the text area added or dropped is not an edit.
    return a.subject.strip() == b.subject.strip() and a.body.rstrip() == b.body.rstrip()


_BY_APP: WeakKeyDictionary[object, Drafts] = WeakKeyDictionary()


def drafts_for(app: object) -> Drafts:
    """The drafts of one running app, saved beside its data file.

    In memory only when the app can't write to its data file. Keyed weakly by the app, so
    each app (each test) has its own and none outlives it.
    """
    if app not in _BY_APP:
        store = getattr(app, "store", None)
        data_file = None if getattr(store, "read_only", True) else getattr(store, "path", None)
        _BY_APP[app] = Drafts(drafts_path(Path(data_file)) if data_file else None)
    return _BY_APP[app]
