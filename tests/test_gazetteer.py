"""The shipped knowledge and `kg actors`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
from kg.gazetteer import check_knowledge, search_actors
from kg.knowledge import load_knowledge

runner = CliRunner()


def test_shipped_knowledge_has_no_problems() -> None:
    problems = list(check_knowledge(load_knowledge()))
    assert problems == []


def test_states_have_names_adjectives_and_capitals() -> None:
    knowledge = load_knowledge()
    iran = knowledge["state/IR"]
    assert "إيران" in iran.ar
    assert knowledge.adjectives["ايراني"] == "state/IR"
    assert knowledge.names["طهران"] == {"state/IR"}
    assert knowledge.names["موسكو"] == {"state/RU"}
    # عمان is Oman's name and Jordan's capital: strong for Oman only.
    assert knowledge.names["عمان"] == {"state/OM"}
    assert "state/JO" in knowledge.weak_names["عمان"]


def test_search_finds_arabic_and_english_spellings() -> None:
    knowledge = load_knowledge()
    assert [r.key for r in search_actors(knowledge, "طهران")] == ["state/IR"]
    assert "state/SA" in [r.key for r in search_actors(knowledge, "saudi")]


def test_office_holders_in_time() -> None:
    knowledge = load_knowledge()
    assert knowledge.role_holders("president", "state/IR", date(2024, 4, 16)) == ["person/ebrahim-raisi"]
    assert knowledge.role_holders("president", "state/IR", date(2026, 3, 10)) == ["person/masoud-pezeshkian"]


def test_check_reports_overlaps_and_collisions(tmp_path: Path) -> None:
    people = [
        {
            "id": "a-one",
            "en": "A One",
            "ar": ["ألف واحد", "الاسم المشترك"],
            "offices": [{"role": "president", "state": "IR", "start": "2020-01-01", "end": "2022-01-01"}],
        },
        {
            "id": "b-two",
            "en": "B Two",
            "ar": ["باء اثنان", "الاسم المشترك"],
            "offices": [{"role": "president", "state": "IR", "start": "2021-01-01", "end": None}],
        },
    ]
    (tmp_path / "persons_test.json").write_text(json.dumps(people, ensure_ascii=False), encoding="utf-8")
    problems = list(check_knowledge(load_knowledge([tmp_path])))
    kinds = {p.kind for p in problems}
    assert "overlapping-office" in kinds
    assert "colliding-variant" in kinds
    result = runner.invoke(app, ["actors", "--check", "--knowledge", str(tmp_path)])
    assert result.exit_code == 1
    assert "overlap" in result.output


def test_actors_command_lists_a_search() -> None:
    result = runner.invoke(app, ["actors", "إيران", "--kind", "State"])
    assert result.exit_code == 0, result.output
    assert "state/IR" in result.output


def test_a_national_army_names_its_state() -> None:
    # ANNOTATION.md: a body of a state is that state; the army's own record keeps its seat.
    from kg.knowledge import load_knowledge
    from kg.normalize import normalize_phrase

    knowledge = load_knowledge()
    assert knowledge.names[normalize_phrase("الجيش اللبناني")] == {"state/LB"}
    assert knowledge.names[normalize_phrase("القوات المسلحة السودانية")] == {"state/SD"}
    assert knowledge["org/lebanese-army"].body_of == "state/LB"


def test_a_title_word_is_not_read_as_a_name(extractor) -> None:  # type: ignore[no-untyped-def]
    # "قائد الجيش اللبناني" is a title (army chief of Lebanon), not a leader of "الجيش اللبناني".
    doc = extractor.nlp("وقال قائد الجيش اللبناني رودولف هيكل إن الجيش اللبناني سينتشر في الجنوب.")
    names = [s.text for s in doc.spans["actors"]]
    assert names.count("الجيش اللبناني") == 1
    assert any(s.label_ == "ROLE" and s.text == "قائد الجيش" for s in doc.spans["triggers"])


def test_generated_variants_never_collide() -> None:
    from kg.gazetteer import check_knowledge
    from kg.knowledge import load_knowledge
    from kg.variants import name_variants

    assert "بزشكيان" in name_variants("بيزشكيان") and "ترمب" in name_variants("ترامب")
    assert "جوتيريش" in name_variants("غوتيريش")
    knowledge = load_knowledge()
    generated = [r for r in knowledge.actors.values() if r.ar_generated]
    assert len(generated) > 500
    # An Arabic name gets none (its consonants have one spelling), and no variant is another actor's.
    assert not knowledge["person/mohammed-bin-salman"].ar_generated
    assert [p for p in check_knowledge(knowledge) if p.kind == "colliding-variant"] == []
    assert "أقصي" not in knowledge["person/hami-aksoy"].ar  # أقصى "maximum" once alef maqsura is folded


def test_search_puts_whole_word_matches_first() -> None:
    """بوتين is a word of Putin's name and only a part of Sebutinde's (سيبوتيندي)."""
    knowledge = load_knowledge()
    found = [r.key for r in search_actors(knowledge, "بوتين")]
    assert found[0] == "person/vladimir-putin"
    assert "person/julia-sebutinde" in found[1:]
    by_name = [r.key for r in search_actors(knowledge, "فلاديمير بوتين")]
    assert by_name[0] == "person/vladimir-putin"
    prefixed = [r.key for r in search_actors(knowledge, "sebut")]
    assert prefixed == ["person/julia-sebutinde"]


def test_a_key_written_twice_in_a_knowledge_file_is_refused(tmp_path: Path) -> None:
    # Two edits of one lexicon section merged side by side: JSON would keep the last silently.
    text = '{"rule_words": {"joint_words": ["المشتركه"], "warring_words": [], "joint_words": ["مشترك"]}}'
    (tmp_path / "lexicon.json").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["actors", "--check", "--knowledge", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'lexicon.json'}: the key 'joint_words' is written twice in one object" in result.output
    assert len(result.output.strip().splitlines()) == 1
