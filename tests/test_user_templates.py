"""The user's template file: it adds or replaces ours, and a broken one is reported clearly."""

from __future__ import annotations

import textwrap
import tomllib
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import followup_tui.user_templates as user_templates
from followup_tui import paths, settings
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.compose import context_for
from followup_tui.core.model import Interview, Interviewer
from followup_tui.core.templates import BUILT_INS, render
from followup_tui.user_templates import (
    TemplateProblem,
    load_user_templates,
    parse_user_templates,
)

NY = ZoneInfo("America/New_York")
INTERVIEW = Interview(
    "i",
    "Acme",
    "Product Manager",
    datetime(2026, 11, 3, 10, tzinfo=NY),
    interviewers=(Interviewer("Dana Ruiz"),),
    notes="the warehouse dashboard",
)
SENDER = settings.Settings(name="Alex Morgan", highlight="I shipped things")


def write(tmp_path: Path, text: str) -> Path:
    """A template file with ``text`` (dedented)."""
    path = tmp_path / "templates.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_no_file_means_only_ours(tmp_path: Path) -> None:
    loaded = load_user_templates(tmp_path / "templates.toml")
    assert loaded.templates == () and loaded.problems == ()
    assert loaded.library() == BUILT_INS


def test_the_documented_example_loads_cleanly() -> None:
    doc = user_templates.__doc__ or ""
    example = doc.split("Example::", 1)[1].split("\nStep keys", 1)[0]
    loaded = parse_user_templates(tomllib.loads(textwrap.dedent(example)), "example")
    assert loaded.problems == ()
    assert [(t.key, t.variant, t.phone) for t in loaded.templates] == [
        ("check_in.no_timeline", "mine", False),
        ("check_in.second", "call", True),
    ]
    assert loaded.replace == frozenset({"check_in.second"})


def test_a_variant_is_added_after_ours_and_renders(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '''
        [[template]]
        step = "thank_you"
        variant = "mine"
        subject = "Thanks, {first_name}"
        body = """
        Hi {first_name}, thank you for {weekday}. {{Literal braces}} stay.
        {signature}
        """
        ''',
    )
    loaded = load_user_templates(path)
    assert loaded.problems == ()
    [mine] = loaded.templates
    assert mine.source == str(path)
    emails = loaded.library().find("thank_you")
    assert emails[:-1] == BUILT_INS.find("thank_you") and emails[-1] is mine
    context = context_for(INTERVIEW, None, SENDER, date(2026, 11, 4), BusinessCalendar(NY))
    draft = render(mine, context)
    assert draft.subject == "Thanks, Dana"
    assert draft.body == "Hi Dana, thank you for Tuesday. {Literal braces} stay.\nAlex Morgan\n"
    assert draft.missing == ()


def test_same_variant_name_replaces_ours_and_subject_defaults_to_ours(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        [[template]]
        step = "closing_note"
        variant = "warm"
        body = "Hi {first_name}, thanks for everything."
        """,
    )
    library = load_user_templates(path).library()
    ours = BUILT_INS.find("closing_note")
    emails = library.find("closing_note")
    assert len(emails) == len(ours)
    assert emails[0].body == "Hi {first_name}, thanks for everything."
    assert emails[0].subject == ours[0].subject
    assert emails[1:] == ours[1:]


def test_replace_drops_ours_of_the_kinds_given(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        replace = ["check_in.second"]

        [[template]]
        step = "check_in.second"
        variant = "plain"
        subject = "Checking in"
        body = "Hi {first_name}, any news on the {role} role?"
        """,
    )
    library = load_user_templates(path).library()
    assert [t.variant for t in library.find("check_in.second")] == ["plain"]
    assert library.find("check_in.second", phone=True) == BUILT_INS.find(
        "check_in.second", phone=True
    )
    assert library.find("thank_you") == BUILT_INS.find("thank_you")


def test_bad_toml_is_set_aside_whole(tmp_path: Path) -> None:
    path = write(tmp_path, '[[template]]\nstep = "thank_you\nbody = "x"\n')
    loaded = load_user_templates(path)
    assert loaded.templates == ()
    [problem] = loaded.problems
    assert str(path) in str(problem) and "not valid TOML" in problem.message
    assert "line" in problem.message  # tomllib says where
    assert loaded.library() == BUILT_INS


def test_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "templates.toml"
    path.write_bytes(b'body = "caf\xe9"\n')
    [problem] = load_user_templates(path).problems
    assert "UTF-8" in problem.message


def test_broken_templates_are_skipped_and_named_the_rest_load(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        colour = "blue"
        replace = ["closing_note", "no_such_step"]

        [[template]]
        step = "thank_you"
        variant = "good"
        body = "Hi {first_name}."

        [[template]]
        step = "check_in"
        body = "Hi."

        [[template]]
        step = "keep_warm"
        body = "Hi {frist_name}, see {first name}."

        [[template]]
        step = "update"
        subject = "News"

        [[template]]
        step = "update"
        subjet = "News"
        body = "Hi."

        [[template]]
        step = "update"
        phone = "yes"
        body = "Hi."

        [[template]]
        step = "thank_you"
        variant = "good"
        body = "Again."

        [[template]]
        step = "update"
        body = "A { lone brace."
        """,
    )
    loaded = load_user_templates(path)
    assert [(t.key, t.variant) for t in loaded.templates] == [("thank_you", "good")]
    lines = [str(p) for p in loaded.problems]
    assert all(line.startswith(f"{path}: ") for line in lines)

    def about(fragment: str) -> str:
        [line] = [line for line in lines if fragment in line]
        return line

    assert "template 2 (check_in): unknown step 'check_in'" in about("unknown step 'check_in'")
    assert "check_in.second" in about("unknown step 'check_in'")  # the known keys are listed
    assert "template 3 (keep_warm)" in about("{frist_name}")
    assert "{first name}" in about("{frist_name}") and "{first_name}" in about("{frist_name}")
    assert "template 4 (update)" in about("no body")
    assert "template 5 (update)" in about("'subjet'")
    assert "template 6 (update)" in about("phone must be true or false")
    assert "template 7 (thank_you)" in about("repeats the variant 'good' of template 1")
    assert "template 8 (update)" in about("lone brace")
    assert "'colour'" in about("unknown entry")
    assert "closing_note" in about("no usable template for 'closing_note'")
    assert about("unknown step 'no_such_step'")
    assert len(lines) == 10
    assert loaded.replace == frozenset()
    # Ours are all still there, with the one good template added.
    assert loaded.library().templates == (*BUILT_INS.templates, loaded.templates[0])


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"template": {"step": "thank_you"}}, "[[template]] tables"),
        ({"template": ["text"]}, "template 1: must be a table"),
        ({"replace": "thank_you"}, "replace must be a list"),
    ],
)
def test_wrong_shapes_are_reported(data: dict[str, object], fragment: str) -> None:
    loaded = parse_user_templates(data, "t.toml")
    assert loaded.templates == ()
    assert any(fragment in str(p) for p in loaded.problems), loaded.problems


def test_default_path_is_in_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "config_dir", lambda: tmp_path)
    assert paths.templates_path() == tmp_path / "templates.toml"
    write(tmp_path, '[[template]]\nstep = "update"\nbody = "Hi {first_name}."\n')
    assert [t.key for t in load_user_templates().templates] == ["update"]


def test_problem_reads_as_one_line() -> None:
    assert str(TemplateProblem("t.toml", "", "is empty")) == "t.toml: is empty"
    assert str(TemplateProblem("t.toml", "template 1", "no body")) == "t.toml: template 1: no body"
