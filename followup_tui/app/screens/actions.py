"""The keys that act on one interview, shared by the board and the detail screen.

Each action asks what it needs (a dialog or a form), then saves through the app, which
keeps the screen answering keys while the disk works and shows the change everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from textual.binding import Binding, BindingType
from textual.screen import Screen

from followup_tui.app import background
from followup_tui.app.rounds import next_round
from followup_tui.core.model import Event, EventKind, Interview, Outcome
from followup_tui.core.standing import Status, Step

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp
    from followup_tui.storage.store import Store

T = TypeVar("T")

NEEDS_INTERVIEW = frozenset(
    {
        "edit",
        "thank_you",
        "check_in",
        "reply",
        "snooze",
        "keep_warm",
        "archive",
        "log_other",
        "compose",
        "open",
    }
)
"""Actions that only make sense with an interview selected."""


class InterviewScreen(Screen[None]):
    """A screen with one interview in hand (or none), and the keys that act on it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", tooltip="Add an interview", id="add"),
        Binding("e", "edit", "Edit", tooltip="Edit the selected interview", id="edit"),
        Binding("t", "thank_you", "Thank-you", tooltip="Log a thank-you you sent", id="thank_you"),
        Binding("f", "check_in", "Check-in", tooltip="Log a check-in you sent", id="check_in"),
        Binding("r", "reply", "Reply", tooltip="Log their reply (and any new date)", id="reply"),
        Binding(
            "z", "snooze", "Snooze", show=False, tooltip="Nothing falls due before a date you pick"
        ),
        Binding(
            "w", "keep_warm", "Keep warm", show=False, tooltip="Choose to send keep-warm notes"
        ),
        Binding(
            "x", "archive", "Archive", show=False, tooltip="Archive or unarchive the interview"
        ),
        Binding(
            "l",
            "log_other",
            "Log…",
            show=False,
            tooltip="Log another event: offer answered, withdrew…",
        ),
        Binding("c", "compose", "Compose", tooltip="Write the next message from a template"),
        Binding("u", "undo", "Undo", tooltip="Undo the last change", id="undo"),
    ]

    @property
    def followup(self) -> FollowupApp:
        """The app, typed."""
        return cast("FollowupApp", self.app)

    def current_id(self) -> str | None:
        """The interview the keys act on (None when there is none)."""
        raise NotImplementedError

    def current(self) -> Interview | None:
        """The interview the keys act on, as the board has it."""
        key = self.current_id()
        row = self.followup.board.get(key) if key else None
        return row.interview if row else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that need an interview are greyed out when there is none."""
        if action in NEEDS_INTERVIEW and self.current_id() is None:
            return None
        return True

    def commit(
        self, change: Callable[[], object], message: str, *, whole_board: bool = False
    ) -> None:
        """Save a store change in the background (the app shows it); on success say so.

        ``change`` returns the interview it changed, or (with ``whole_board``, for a change
        to more than one) anything: the app then takes in the whole store.
        """
        # Queued now: a quit right after still saves it.
        pending = self.followup.save(change, whole_board=whole_board)

        async def run() -> None:
            saved = await pending
            if saved.ok:
                self.app.notify(f"{message} · u undoes it", markup=False)

        background.start(self.app, run, group="write")

    def log_event(self, interview: Interview, event: Event, message: str) -> None:
        """Append an event to an interview's log."""
        store = self.followup.store
        self.commit(lambda: store.log(interview.id, event), f"{interview.company}: {message}")

    def action_add(self) -> None:
        """Open an empty form; the new interview is selected once saved.

        On an interview closed as advanced with no later round yet, the form is that next
        round, pre-filled.
        """
        from followup_tui.app.screens.form import InterviewForm

        interview = self.current()
        row = self.followup.board.get(interview.id) if interview else None
        if (
            interview is not None
            and row is not None
            and row.standing.reason == "advanced"
            and not self.followup.board.later_rounds(interview.id)
        ):
            self.add_next_round(interview)
            return
        self.app.push_screen(InterviewForm(None), self._after_form)

    def add_next_round(self, interview: Interview) -> None:
        """Open the form on the round after ``interview``, pre-filled; it asks for the date."""
        from followup_tui.app.screens.form import InterviewForm

        draft = next_round(interview, interview.start)
        self.app.push_screen(InterviewForm(None, prefill=draft), self._after_form)

    def log_with_next_round(self, interview: Interview, reply: Event, start: datetime) -> None:
        """Log a "next round" reply and add that round, in one write: both or neither.

        Two writes could leave the reply logged and the round missing (a full disk, a
        merge refused), with nothing to say how to finish.
        """
        store, draft = self.followup.store, next_round(interview, start)

        def both() -> list[Interview]:
            replied = store.get(interview.id).with_event(reply)
            # An id the store holds is replaced; the draft's empty one gets a fresh id.
            what = f"the reply from {interview.company} and its next round"
            return store.save_together([replied, draft], what)

        words = f"{interview.company}: reply logged, next round added"
        self.commit(both, words, whole_board=True)

    def action_edit(self) -> None:
        """Open the form on the selected interview."""
        from followup_tui.app.screens.form import InterviewForm

        if (interview := self.current()) is not None:
            self.app.push_screen(InterviewForm(interview), self._after_form)

    def _after_form(self, saved: Interview | None) -> None:
        if saved is not None:  # the app has already put it on the board
            self.after_added(saved)

    def after_added(self, interview: Interview) -> None:
        """An interview was added or edited through the form (the board may select it)."""

    def action_thank_you(self) -> None:
        """Log a thank-you: to whom (those owed ticked) and when; after a rejection, the thanks."""
        from followup_tui.app.screens.dialogs import ChooseInterviewer, Thanked

        if (interview := self.current()) is None:
            return
        row = self.followup.board.get(interview.id)
        if row is not None and row.standing.status is Status.SEND_THANKS:
            event = Event(EventKind.THANKS_SENT, self.followup.now())
            self.log_event(interview, event, "thanks for their consideration logged")
            return
        actions = row.standing.actions if row else ()
        owed = [a.recipient for a in actions if a.step is Step.THANK_YOU]
        store = self.followup.store

        def chosen(thanked: Thanked | None) -> None:
            if thanked is None:
                return
            events = [Event(EventKind.THANK_YOU_SENT, thanked.at, to=to) for to in thanked.to]

            words = f"{_thank_yous(thanked.to)} logged"

            def log_all() -> Interview:
                # One write for the lot: a failure leaves none of them logged, and one undo
                # takes them all back.
                logged = store.get(interview.id)
                for event in events:
                    logged = logged.with_event(event)
                what = f"the {words} for {interview.company}"
                (saved,) = store.save_together([logged], what)
                return saved

            self.commit(log_all, f"{interview.company}: {words}")

        self.app.push_screen(ChooseInterviewer(interview, owed), chosen)

    def _event_dialog(self, kind: EventKind | None, message: str) -> None:
        from followup_tui.app.screens.dialogs import EventDialog

        if (interview := self.current()) is None:
            return

        dialog = EventDialog(interview, kind)

        def done(event: Event | None) -> None:
            if event is None:
                return
            advanced = event.kind is EventKind.REPLY and event.outcome is Outcome.NEXT_ROUND
            if advanced and dialog.next_start is not None and not self._has_next(interview):
                self.log_with_next_round(interview, event, dialog.next_start)
                return
            self.log_event(interview, event, message or _logged(event))
            if advanced:
                if self._has_next(interview):
                    # Said again (or late): the next round is on the board already.
                    self.notify(f"{interview.company}: its next round is already on the board")
                    return
                self.add_next_round(interview)

        self.app.push_screen(dialog, done)

    def _has_next(self, interview: Interview) -> bool:
        return bool(self.followup.board.later_rounds(interview.id))

    def action_check_in(self) -> None:
        """Log a check-in, with the channel it went by."""
        self._event_dialog(EventKind.CHECK_IN_SENT, "check-in logged")

    def action_reply(self) -> None:
        """Log their reply: what they said, and a new decision date if they gave one."""
        self._event_dialog(EventKind.REPLY, "reply logged")

    def action_snooze(self) -> None:
        """Hold the next step until a date."""
        self._event_dialog(EventKind.SNOOZED, "")

    def action_log_other(self) -> None:
        """Log any other event: an update, a note, a reference contacted, withdrawing…"""
        self._event_dialog(None, "")

    def action_keep_warm(self) -> None:
        """Choose to keep the contact warm with occasional notes."""
        if (interview := self.current()) is not None:
            event = Event(EventKind.KEEP_WARM_CHOSEN, self.followup.now())
            self.log_event(interview, event, "keeping warm")

    def action_archive(self) -> None:
        """Archive the interview, or bring it back."""
        if (interview := self.current()) is None:
            return
        changed = replace(interview, archived=not interview.archived)
        verb = "archived" if changed.archived else "unarchived"
        # The store is taken here: the save runs on its own thread, where this screen may
        # be closed by then and can no longer reach the app.
        store = self.followup.store
        self.commit(lambda: _updated(store, changed), f"{interview.company}: {verb}")

    def action_undo(self) -> None:
        """Undo the last change to the data file."""
        store = self.followup.store
        if not store.can_undo():
            self.notify("Nothing to undo")
            return

        pending = self.followup.save(store.undo, whole_board=True)  # queued now, as in commit

        async def run() -> None:
            saved = await pending
            if saved.ok:
                self.app.notify(saved.value or "Undone", markup=False)

        background.start(self.app, run, group="write")

    def action_compose(self) -> None:
        """Open the composer on the interview's next message."""
        if (key := self.current_id()) is None:
            return
        from followup_tui.app.screens.composer import ComposerScreen

        self.app.push_screen(ComposerScreen(key))


def _updated(store: Store, interview: Interview) -> Interview:
    """Save ``interview`` over the stored one; it as stored (runs on the save thread)."""
    store.update(interview)
    return store.get(interview.id)


def _thank_yous(to: tuple[str, ...]) -> str:
    """ "thank-you" (to the whole panel), "thank-you to Dana Ruiz", or "thank-yous to Dana
    Ruiz and Sam Lee"."""
    named = [name for name in to if name]
    if len(named) < 2:
        return f"thank-you to {named[0]}" if named else "thank-you"
    return f"thank-yous to {', '.join(named[:-1])} and {named[-1]}"


LOGGED_WORDS: dict[EventKind, str] = {
    EventKind.THANK_YOU_SENT: "thank-you logged",
    EventKind.CHECK_IN_SENT: "check-in logged",
    EventKind.REPLY: "reply logged",
    EventKind.UPDATE_SENT: "update logged",
    EventKind.CLOSING_NOTE_SENT: "closing note logged",
    EventKind.THANKS_SENT: "thanks logged",
    EventKind.KEEP_WARM_CHOSEN: "keeping warm",
    EventKind.KEEP_WARM_SENT: "keep-warm note logged",
    EventKind.SNOOZED: "snoozed",
    EventKind.REFERENCE_CONTACTED: "reference contact logged",
    EventKind.WITHDREW: "withdrawal logged",
    EventKind.NOTE: "note added",
    EventKind.OFFER_ACCEPTED: "offer accepted",
    EventKind.OFFER_DECLINED: "offer declined",
}
"""What the notice says once an event is logged, for every kind (a test checks it is total)."""


def _logged(event: Event) -> str:
    if event.kind is EventKind.SNOOZED and event.until is not None:
        return f"snoozed until {event.until:%a %-d %b}"
    return LOGGED_WORDS[event.kind]
