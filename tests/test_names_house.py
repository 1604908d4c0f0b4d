"""NL102 house-name-spelling: near-misses of the newsroom's canonical names, from config, file or front matter."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import lint
from newslint.api import check_text_result
from newslint.config import load_config
from newslint.names_house import HouseNames, front_matter_names, load_house_names

HOUSE = ["Ales Bialiatski", "Volodymyr Zelensky", "Hanul Electronics"]


def words(findings) -> list[str]:
    return [f.message.split('"')[1] for f in findings]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Volodymyr Zelenskiy addressed the parliament on Monday. Zelenskiy said aid was late.",
                 ["Zelenskiy", "Zelenskiy"], id="consistent-but-not-house"),
    pytest.param("The laureate Ales Bialiatsky was released. Bialiatsky thanked his supporters.",
                 ["Bialiatsky", "Bialiatsky"], id="surname-alone-too"),
    pytest.param("Volodimir Zelensky arrived in Warsaw.", ["Volodimir"], id="given-name-before-house-surname"),
    pytest.param("Shares in Hanul Electronix fell.", ["Electronix"], id="organisation"),
])
def test_near_miss_is_flagged(text: str, expected: list[str]) -> None:
    findings = lint(text, select="NL102", names=HOUSE)
    assert words(findings) == expected
    assert all(f.severity.name == "ERROR" and f.category == "names" for f in findings)


@pytest.mark.parametrize("text", [
    pytest.param("Volodymyr Zelensky met Ales Bialiatski in Vilnius.", id="house-spelling"),
    pytest.param("Olena Zelenska visited a school in Kyiv.", id="feminine-form-is-another-person"),
    pytest.param("Anatoliy Zelenskiy, a farmer, said the harvest was poor.", id="another-given-name"),
    pytest.param("Ales Moroz chaired the meeting.", id="house-given-name-with-another-surname"),
    pytest.param("Nobody from the ministry spoke.", id="no-names"),
])
def test_not_flagged(text: str) -> None:
    assert lint(text, select="NL102", names=HOUSE) == []


def test_message_and_fix_name_the_house_spelling() -> None:
    findings = lint("Volodymyr Zelenskyy spoke.", select="NL102", names=HOUSE)
    assert len(findings) == 1
    f = findings[0]
    assert f.message == '"Zelenskyy" looks like the house spelling "Zelensky" (Volodymyr Zelensky)'
    assert f.suggestions == ("Zelensky",)
    assert f.fix is not None and f.fix.replacement == "Zelensky"


def test_names_file_relative_to_config(tmp_path: Path) -> None:
    (tmp_path / "house-names.txt").write_text("# canonical spellings\nVolodymyr Zelensky\n\nAles Bialiatski  # laureate\n",
                                              encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text('select = ["NL102"]\nnames-file = "house-names.txt"\n', encoding="utf-8")
    config = load_config(tmp_path / ".newslint.toml")
    result = check_text_result("Ales Bialiatsky was freed.", config=config, path=str(tmp_path / "draft.md"))
    assert words(result.findings) == ["Bialiatsky"]


def test_load_house_names_skips_comments(tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_text("Ales Bialiatski # laureate\n# a comment\n\n  Maria Kalesnikava  \n", encoding="utf-8")
    assert load_house_names(str(path)) == ("Ales Bialiatski", "Maria Kalesnikava")


def test_missing_names_file_is_a_notice(tmp_path: Path) -> None:
    (tmp_path / ".newslint.toml").write_text('select = ["NL102"]\nnames-file = "absent.txt"\n', encoding="utf-8")
    config = load_config(tmp_path / ".newslint.toml")
    result = check_text_result("Ales Bialiatsky was freed.", config=config, path=str(tmp_path / "draft.md"))
    assert list(result.findings) == []
    assert any(n.startswith("NL102") and "absent.txt" in n for n in result.notices)


def test_front_matter_names() -> None:
    text = "---\nnames: [\"Kaarina Heikkilä\"]\n---\nKaarina Heikkila founded the studio in 1971.\n"
    assert words(lint(text, select="NL102")) == ["Heikkila"]
    assert front_matter_names({"names": "Ales Bialiatski"}) == ("Ales Bialiatski",)
    assert front_matter_names({"names": 3}) == ()


def test_house_names_build_deduplicates() -> None:
    house = HouseNames.build(["Ales  Bialiatski", "Ales Bialiatski"])
    assert [n.text for n in house.names] == ["Ales Bialiatski"]
    assert house.names[0].surname == "Bialiatski" and house.names[0].given == "Ales"


def test_without_house_names_nothing_fires() -> None:
    assert lint("Volodymyr Zelenskiy spoke.", select="NL102") == []
