"""The shape of the rules: no Arabic domain word in rule code, every lexicon section read,
modules small and imported one way (docs/architecture.md)."""

from __future__ import annotations

import ast
import dataclasses
import json
import re
from pathlib import Path

from kg.rules.words import RuleWords

KG = Path(__file__).resolve().parent.parent / "kg"
RULE_FILES = [*sorted((KG / "rules").glob("*.py")), KG / "extract.py"]
ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")
#: The rule modules, lowest first: a module imports only modules before it.
LAYERS = [
    "lang_ar", "settings", "words", "context", "records", "offices", "titles", "counterparts",
    "mentions", "clauses", "qualifiers", "subjects", "calls", "appeals", "thanks",
]


def _documentation(tree: ast.AST) -> set[int]:
    """ids of the string constants that are documentation (a bare string statement)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }


def test_no_arabic_words_in_rule_code() -> None:
    """Arabic words live in kg/data/lexicon.json; only kg/rules/lang_ar.py spells letters out.
    Docstrings and comments may quote Arabic examples."""
    found = []
    for path in RULE_FILES:
        if path.name == "lang_ar.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _documentation(tree)
        for node in ast.walk(tree):
            literal = isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
            if literal and ARABIC_LETTER.search(node.value):
                found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert not found, "Arabic literals in rule code:\n" + "\n".join(found)


def test_every_lexicon_section_is_read() -> None:
    """Each top-level lexicon section (but "_…" notes) is named somewhere in kg/*.py."""
    lexicon = json.loads((KG / "data" / "lexicon.json").read_text(encoding="utf-8"))
    code = "\n".join(p.read_text(encoding="utf-8") for p in KG.rglob("*.py"))
    unread = [s for s in lexicon if not s.startswith("_") and f'"{s}"' not in code]
    assert not unread, f"lexicon sections no code reads: {unread}"


def test_rule_words_match_the_lexicon() -> None:
    """Every key of the lexicon's rule_words is a RuleWords field (no dead words)."""
    lexicon = json.loads((KG / "data" / "lexicon.json").read_text(encoding="utf-8"))
    fields = {f.name for f in dataclasses.fields(RuleWords)}
    keys = {k for k in lexicon["rule_words"] if not k.startswith("_")}
    assert keys <= fields, f"rule_words keys no rule reads: {keys - fields}"


def test_rule_modules_are_small() -> None:
    """No rule module over 400 lines, no function over 60."""
    for path in RULE_FILES:
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 400, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= 60, f"{path.name}: {node.name} has {length} lines"


def test_rule_modules_import_one_way() -> None:
    """A rule module imports only rule modules below it (and never kg.extract)."""
    assert sorted(LAYERS) == sorted(p.stem for p in (KG / "rules").glob("*.py") if p.stem != "__init__")
    for name in LAYERS:
        tree = ast.parse((KG / "rules" / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                assert LAYERS.index(node.module) < LAYERS.index(name), f"{name} imports {node.module}"
            if isinstance(node, ast.ImportFrom) and node.level == 2:
                assert node.module != "extract", f"{name} imports kg.extract"
