"""A theme chosen in the palette is kept in the settings file: that one line changes, the
rest of the file (comments included) stays as the user wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_tui.settings import SettingsError, load_settings, save_theme

WRITTEN = """# my followup settings
name = "Alex Morgan"   # signs the messages
theme = "textual-dark"
policy = "patient"
"""


def test_a_new_file_holds_the_theme(tmp_path: Path) -> None:
    path = tmp_path / "config" / "followup" / "settings.toml"
    save_theme("nord", path)
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n'
    assert load_settings(path).theme == "nord"


def test_the_theme_line_changes_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(WRITTEN, encoding="utf-8")
    save_theme("gruvbox", path)
    assert path.read_text(encoding="utf-8") == WRITTEN.replace("textual-dark", "gruvbox")
    assert load_settings(path).policy == "patient"


def test_a_file_without_a_theme_gains_one_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('name = "Alex Morgan"', encoding="utf-8")  # no final line break
    save_theme("nord", path)
    assert path.read_text(encoding="utf-8") == 'name = "Alex Morgan"\ntheme = "nord"\n'


def test_a_linked_settings_file_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "dotfiles" / "followup.toml"
    target.parent.mkdir()
    target.write_text(WRITTEN, encoding="utf-8")
    link = tmp_path / "settings.toml"
    link.symlink_to(target)
    save_theme("nord", link)
    assert link.is_symlink()
    assert load_settings(target).theme == "nord"


def test_a_theme_line_it_cannot_change_safely_is_left_to_the_user(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    tricky = 'signature = """Alex\ntheme = is not a setting here\n"""\n'
    path.write_text(tricky, encoding="utf-8")
    with pytest.raises(SettingsError, match="by hand"):
        save_theme("nord", path)
    assert path.read_text(encoding="utf-8") == tricky


def test_name_signature_and_highlight_are_saved_and_the_rest_kept(tmp_path: Path) -> None:
    from followup_tui.settings import save_settings

    path = tmp_path / "settings.toml"
    path.write_text(WRITTEN + "extra = 1  # a key some other version knows\n", encoding="utf-8")
    save_settings(
        {"name": "Sam Park", "signature": "Sam\n555-0100", "highlight": "I cut costs 20%"}, path
    )
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my followup settings\n")
    assert 'name = "Sam Park"\n' in text and "Alex" not in text
    assert "extra = 1  # a key some other version knows" in text
    assert text.endswith('signature = "Sam\\n555-0100"\nhighlight = "I cut costs 20%"\n')
    import tomllib

    values = tomllib.loads(text)
    assert values["signature"] == "Sam\n555-0100"
    assert values["policy"] == "patient"
