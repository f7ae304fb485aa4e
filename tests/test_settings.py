"""Every setting is documented where users look for it: the README's settings table."""

from __future__ import annotations

from pathlib import Path

from graph.settings import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_table() -> None:
    missing = [name for name in Settings.model_fields if f"| `COUNCILGRAPH_{name.upper()}` |" not in README]
    assert missing == []


def test_every_setting_says_what_it_is_for() -> None:
    assert all(field.description for field in Settings.model_fields.values())
