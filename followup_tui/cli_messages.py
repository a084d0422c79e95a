"""The message commands: ``followup compose`` writes a check-in or thank-you as mail, and
``followup tone`` checks a draft (the rules themselves are :mod:`followup_tui.messages`')."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from followup_tui.cli_common import CliError, db_path, inert, inert_json, open_store

if TYPE_CHECKING:
    import argparse

    from followup_tui.clock import Clock
    from followup_tui.settings import Settings


def _message(args: argparse.Namespace, settings: Settings, clock: Clock) -> Any:
    """The composition for ``args.interview`` (compose, or tone --interview)."""
    from followup_tui import messages
    from followup_tui.user_templates import load_user_templates

    now, calendar = clock.now(), settings.calendar()
    store = open_store(db_path(args), read_only=True)
    try:
        rows = messages.standings(store.interviews(), settings.policy, now, calendar)
    finally:
        store.close()
    try:
        return messages.composition(
            messages.find_row(rows, args.interview),
            settings,
            step=args.step,
            to=args.to,
            wording=getattr(args, "wording", None),
            now=now,
            calendar=calendar,
            default_policy=settings.policy,
            library=load_user_templates().library(),
        )
    except messages.MessageError as exc:
        raise CliError(str(exc)) from None


def cmd_compose(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Print the message for an interview's step as mail."""
    from followup_tui import messages

    print(messages.as_mail(_message(args, settings, clock)), end="")
    return 0


def cmd_tone(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Check a draft's tone; exit code 1 when there is anything to say."""
    from followup_tui import messages

    if args.interview is not None:
        tone = _message(args, settings, clock).tone
    else:
        try:
            tone = messages.plain_context(args.step, args.to)
        except messages.MessageError as exc:
            raise CliError(str(exc)) from None
    text = _draft(args.file, messages.MAX_DRAFT)
    findings = messages.check(messages.Draft.read(text), tone)
    if args.json:
        print(inert_json(messages.findings_json(text, findings)))
    else:
        print(inert(messages.findings_text(findings)))
    return 1 if findings else 0


def _draft(name: str, limit: int) -> str:
    """The draft in the file ``name`` ("-": standard input), as text worth checking."""
    where = "the draft on standard input" if name == "-" else name
    try:
        source = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115
        with source:
            raw = source.read(limit * 4 + 1)  # UTF-8: at most four bytes a character
        text = raw.decode("utf-8")
    except OSError as exc:
        raise CliError(f"{where}: can't be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise CliError(f"{where}: not UTF-8 text") from None
    if not text.strip():
        raise CliError(f"{where}: empty: nothing to check")
    if "\x00" in text:
        raise CliError(f"{where}: not text: nothing to check")
    if len(text) > limit:
        raise CliError(f"{where}: longer than {limit:,} characters: not a message")
    return text
