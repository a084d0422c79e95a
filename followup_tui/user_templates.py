"""The user's own message templates: ``templates.toml`` in the config folder.

The file adds variants beside ours, or replaces ours, step by step. Example::

    # Drop our templates for these steps: those of the kinds (email or call) this file
    # gives for them. Without it, yours are offered after ours.
    replace = ["check_in.second"]

    [[template]]
    step = "check_in.no_timeline"       # a step key, listed below
    variant = "mine"                    # any name; "warm", "formal" or "short" replaces ours
    subject = "Still keen on the {role} role"   # optional: our subject for the step if left out
    body = '''
    Hi {first_name},

    Since our {meeting} on {weekday} I've kept thinking about {discussed}.
    I'm still very keen, and glad to send anything that helps.

    {signature}
    '''

    [[template]]
    step = "check_in.second"
    variant = "call"
    phone = true                        # optional: a call script rather than an email
    body = "Hi {first_name}, it's {my_name}, checking in about the {role} role."

Step keys: ``thank_you``, ``check_in.agreed`` (first check-in on the agreed date),
``check_in.decision_date`` (first check-in after their decision date),
``check_in.no_timeline``, ``check_in.second``, ``closing_note``, ``thanks_after_rejection``,
``keep_warm``, ``update``.

Placeholders (write ``{{`` and ``}}`` for literal braces): ``{first_name}``,
``{interviewer}``, ``{company}``, ``{role}``, ``{round}``, ``{meeting}``, ``{weekday}``,
``{interview_date}``, ``{decision_date}``, ``{check_in_date}``, ``{days_since}``,
``{my_name}``, ``{signature}``, ``{highlight}``, ``{discussed}``, ``{today}``,
``{article}``, ``{news}`` — see :data:`followup_tui.core.templates.PLACEHOLDERS`.

A file that is not valid TOML is set aside whole; otherwise each broken template (unknown
step or placeholder, no body, a misspelt field) is skipped and the rest are used. Every
problem is reported with the file and the template it is in, and our templates keep working.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followup_tui.core.templates import (
    BUILT_INS,
    PLACEHOLDERS,
    STEP_KEYS,
    Library,
    Template,
    placeholder_names,
)
from followup_tui.paths import templates_path

_FIELDS = ("step", "variant", "phone", "subject", "body")
_TOP_LEVEL = ("template", "replace")
_TOKEN_OR_ESCAPE = re.compile(r"\{\{|\}\}|\{[A-Za-z_][A-Za-z0-9_]*\}")


@dataclass(frozen=True, slots=True)
class TemplateProblem:
    """Something wrong in the user's template file."""

    path: str
    """The file it is in."""
    where: str
    """Which part ("template 2 (check_in.second)"), or "" for the file as a whole."""
    message: str
    """What is wrong, and how to put it right."""

    def __str__(self) -> str:
        """One line naming the file, the place and the problem."""
        place = f"{self.path}: {self.where}" if self.where else self.path
        return f"{place}: {self.message}"


@dataclass(frozen=True, slots=True)
class UserTemplates:
    """What was read from the user's template file."""

    path: str
    """The file read (it may not exist)."""
    templates: tuple[Template, ...] = ()
    """The templates that are usable."""
    replace: frozenset[str] = frozenset()
    """Step keys whose built-in templates these replace."""
    problems: tuple[TemplateProblem, ...] = ()
    """What was wrong; empty when the file is fine or absent."""

    def library(self, base: Library = BUILT_INS) -> Library:
        """``base`` (our templates) with the user's added or put in place."""
        return base.extended(self.templates, self.replace)


def load_user_templates(path: Path | None = None) -> UserTemplates:
    """The user's templates from ``path`` (default :func:`templates_path`); none if absent."""
    path = path or templates_path()
    source = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return UserTemplates(source)
    except OSError as exc:
        return UserTemplates(source, problems=(_problem(source, f"can't be read ({exc})"),))
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        message = "is not UTF-8 text; save it as UTF-8"
        return UserTemplates(source, problems=(_problem(source, message),))
    except tomllib.TOMLDecodeError as exc:
        message = f"is not valid TOML ({exc}); none of its templates are used"
        return UserTemplates(source, problems=(_problem(source, message),))
    return parse_user_templates(data, source)


def _problem(source: str, message: str, where: str = "") -> TemplateProblem:
    return TemplateProblem(source, where, message)


def _brace_problem(text: str) -> str:
    """What is wrong with the braces in ``text``, or ""."""
    unknown = [name for name in placeholder_names(text) if name not in PLACEHOLDERS]
    rest = _TOKEN_OR_ESCAPE.sub("", text)
    odd = re.findall(r"\{[^{}\n]*\}", rest)
    if unknown or odd:
        names = ", ".join(dict.fromkeys([f"{{{n}}}" for n in unknown] + odd))
        known = ", ".join(f"{{{n}}}" for n in PLACEHOLDERS)
        return f"unknown placeholder {names} (known: {known})"
    if "{" in rest or "}" in rest:
        return "a lone brace; write {{ or }} for a literal one"
    return ""


def _one_template(
    entry: Any, where: str, source: str, base: Library
) -> tuple[Template | None, list[TemplateProblem]]:
    if not isinstance(entry, Mapping):
        return None, [_problem(source, "must be a table of step, variant, subject, body", where)]
    problems = []
    extra = [key for key in entry if key not in _FIELDS]
    if extra:
        message = f"unknown field {', '.join(map(repr, extra))} (known: {', '.join(_FIELDS)})"
        problems.append(_problem(source, message, where))
    step = entry.get("step")
    if step not in STEP_KEYS:
        shown = "no step" if step is None else f"unknown step {step!r}"
        problems.append(_problem(source, f"{shown} (known: {', '.join(STEP_KEYS)})", where))
    variant = entry.get("variant", "yours")
    phone = entry.get("phone", False)
    subject = entry.get("subject")
    body = entry.get("body")
    if not isinstance(variant, str) or not variant.strip():
        problems.append(_problem(source, "variant must be a name in quotes", where))
    if not isinstance(phone, bool):
        problems.append(_problem(source, "phone must be true or false", where))
    if subject is not None and not isinstance(subject, str):
        problems.append(_problem(source, "subject must be text in quotes", where))
    if not isinstance(body, str) or not body.strip():
        problems.append(_problem(source, "no body: the message text is required", where))
    for name, text in (("subject", subject), ("body", body)):
        issue = _brace_problem(text) if isinstance(text, str) else ""
        if issue:
            problems.append(_problem(source, f"{name}: {issue}", where))
    if problems:
        return None, problems
    assert isinstance(step, str) and isinstance(body, str) and isinstance(variant, str)
    if subject is None:
        ours = base.find(step, bool(phone)) or base.find(step)
        subject = ours[0].subject if ours else ""
    template = Template(step, variant.strip(), str(subject), body.strip("\n"), bool(phone), source)
    return template, []


def parse_user_templates(
    data: Mapping[str, Any], source: str, base: Library = BUILT_INS
) -> UserTemplates:
    """Templates from a decoded template file; ``base`` lends subjects left out."""
    problems: list[TemplateProblem] = []
    for key in data:
        if key not in _TOP_LEVEL:
            message = f"unknown entry {key!r} (known: [[template]] tables and replace)"
            problems.append(_problem(source, message))
    entries = data.get("template", [])
    if not isinstance(entries, list):
        problems.append(_problem(source, "template must be [[template]] tables"))
        entries = []
    templates: list[Template] = []
    seen: dict[tuple[str, bool, str], int] = {}
    for number, entry in enumerate(entries, start=1):
        step = entry.get("step") if isinstance(entry, Mapping) else None
        where = f"template {number}" + (f" ({step})" if isinstance(step, str) else "")
        template, found = _one_template(entry, where, source, base)
        problems += found
        if template is None:
            continue
        same = (template.key, template.phone, template.variant)
        if same in seen:
            message = f"repeats the variant {template.variant!r} of template {seen[same]}; skipped"
            problems.append(_problem(source, message, where))
            continue
        seen[same] = number
        templates.append(template)
    replace = data.get("replace", [])
    if not isinstance(replace, list) or not all(isinstance(k, str) for k in replace):
        problems.append(_problem(source, 'replace must be a list of step keys, e.g. ["thank_you"]'))
        replace = []
    given = {t.key for t in templates}
    kept = []
    for key in replace:
        if key not in STEP_KEYS:
            message = f"replace: unknown step {key!r} (known: {', '.join(STEP_KEYS)})"
            problems.append(_problem(source, message))
        elif key not in given:
            message = f"replace: no usable template for {key!r} here, so ours are kept"
            problems.append(_problem(source, message))
        else:
            kept.append(key)
    return UserTemplates(source, tuple(templates), frozenset(kept), tuple(problems))
