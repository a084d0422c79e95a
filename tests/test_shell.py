"""Completions and the man page, generated from the parser, work in the shells and in man;
the demo without a terminal leaves nothing behind."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from followup_tui.cli import build_parser, main
from followup_tui.shell import ENVIRONMENT, SHELLS
from tests.support.shell import pin_command_line


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pin_command_line(monkeypatch, tmp_path, "2026-11-18T15:00:00-05:00")


def output_of(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def subcommands() -> dict[str, argparse.ArgumentParser]:
    (sub,) = (a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def bash_completes(script: Path, *words: str) -> list[str]:
    """What bash offers after ``words`` (the last one being typed), with ``script`` loaded."""
    typed = " ".join(f"'{w}'" for w in words)
    program = (
        f"source {script}; COMP_WORDS=({typed}); COMP_CWORD={len(words) - 1};"
        f" COMP_LINE='{' '.join(words)}'; COMP_POINT=${{#COMP_LINE}};"
        ' _shtab_followup; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(
        ["bash", "--norc", "-c", program], capture_output=True, text=True, check=True
    )
    return sorted(done.stdout.split())


@pytest.mark.parametrize("shell", SHELLS)
def test_each_completion_names_every_command_and_option(
    capsys: pytest.CaptureFixture[str], shell: str
) -> None:
    script = output_of(capsys, "completion", shell)
    for name, parser in subcommands().items():
        assert name in script
        for action in parser._actions:
            for option in action.option_strings:
                assert option.lstrip("-") in script, (name, option)


@pytest.mark.parametrize("shell", SHELLS)
def test_each_completion_is_valid_in_its_shell(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shell: str
) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here")
    script = tmp_path / f"followup.{shell}"
    script.write_text(output_of(capsys, "completion", shell), encoding="utf-8")
    subprocess.run([shell, "-n", str(script)], check=True, capture_output=True)


def test_bash_completes_commands_options_and_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "followup.bash"
    script.write_text(output_of(capsys, "completion", "bash"), encoding="utf-8")
    assert bash_completes(script, "followup", "") == sorted(subcommands())
    assert bash_completes(script, "followup", "ex") == ["export"]
    assert bash_completes(script, "followup", "export", "--") == ["--help", "--ics", "--output"]
    assert bash_completes(script, "followup", "completion", "") == ["bash", "fish", "zsh"]
    (tmp_path / "tracker.csv").write_text("company\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert bash_completes(script, "followup", "import", "tr") == ["tracker.csv"]


def test_fish_completes_commands_and_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed here")
    script = tmp_path / "followup.fish"
    script.write_text(output_of(capsys, "completion", "fish"), encoding="utf-8")

    def offered(line: str) -> list[str]:
        done = subprocess.run(
            ["fish", "--no-config", "-c", f"source {script}; complete -C '{line}'"],
            capture_output=True,
            text=True,
            check=True,
        )
        return sorted(row.split("\t")[0] for row in done.stdout.splitlines())

    assert offered("followup ex") == ["export"]
    assert offered("followup export --") == ["--help", "--ics", "--output"]


def test_the_man_page_renders_every_command_and_the_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    if shutil.which("man") is None:
        pytest.skip("man is not installed here")
    page = tmp_path / "followup.1"
    page.write_text(output_of(capsys, "man"), encoding="utf-8")
    shown = subprocess.run(
        ["man", "--warnings", "-l", str(page)],
        capture_output=True,
        text=True,
        check=True,
        env={"MANWIDTH": "100", "MANPAGER": "cat", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    assert shown.stderr == ""  # groff found nothing wrong
    assert shown.stdout.startswith("FOLLOWUP(1)")
    for name in subcommands():
        assert f"followup {name}" in shown.stdout
    assert "--db PATH" in shown.stdout
    for variable, _ in ENVIRONMENT:
        assert variable in shown.stdout


def test_the_demo_without_a_terminal_leaves_no_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    assert "Acme Robotics" in output_of(capsys, "demo")
    assert list(temp.iterdir()) == []
