"""The house rules a newcomer can rely on: small modules, short functions, layers, no import cycles.

The layers themselves are checked by import-linter (``lint-imports``, the contract in
pyproject.toml); these tests check what it does not: sizes, that the CLI speaks only to
``kg.api`` and ``kg.errors``, and that no two modules import each other, even from
inside a function.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from kg.rules.words import RuleWords

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "kg"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

#: Modules allowed over the limits while they are being split (none today; keep it that way).
MODULES_TO_SPLIT: set[str] = set()

#: Benchmark scripts allowed a longer ``main`` (none today; keep it that way).
BENCHMARK_MAINS_TO_SPLIT: set[str] = set()


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _relative(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def test_no_module_in_kg_is_over_400_lines() -> None:
    long = {
        _relative(p): n
        for p in _modules(PACKAGE)
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert set(long) <= MODULES_TO_SPLIT, long


@pytest.mark.parametrize("folder", ["kg", "benchmarks", "scripts"])
def test_no_function_outside_tests_is_over_60_lines(folder: str) -> None:
    long = []
    for path in _modules(REPO / folder):
        if _relative(path) in MODULES_TO_SPLIT:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES and f"{_relative(path)}:{node.name}" not in BENCHMARK_MAINS_TO_SPLIT:
                    long.append(f"{_relative(path)}:{node.lineno} {node.name} ({lines} lines)")
    assert not long, long


def _imports(path: Path, known: set[str]) -> set[str]:
    """The package modules ``path`` imports, at module level or inside functions."""
    name = _name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "kg"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if module.split(".")[0] != "kg":
                continue
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                found.add(candidate if candidate in known else module)
    return found & known


def _import_graph() -> nx.DiGraph:
    paths = _modules(PACKAGE)
    known = {_name(p) for p in paths}
    graph = nx.DiGraph()
    for path in paths:
        graph.add_node(_name(path))
        for imported in _imports(path, known):
            if imported != _name(path) and not _name(path).startswith(imported + "."):
                graph.add_edge(_name(path), imported)
    return graph


def test_no_import_cycles_even_inside_functions() -> None:
    cycles = [sorted(c) for c in nx.strongly_connected_components(_import_graph()) if len(c) > 1]
    assert not cycles, cycles


def test_the_cli_imports_only_the_api_and_the_errors() -> None:
    graph = _import_graph()
    outside = {
        (module, imported)
        for module in graph
        if module.startswith("kg.cli")
        for imported in graph.successors(module)
        if not imported.startswith("kg.cli") and imported not in {"kg.api", "kg.errors"}
    }
    assert not outside, outside


def test_every_exception_class_is_in_kg_errors() -> None:
    elsewhere = []
    for path in _modules(PACKAGE):
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id.endswith(("Error", "Exception")) for base in node.bases
            ):
                elsewhere.append(f"{_relative(path)}: {node.name}")
    assert not elsewhere, elsewhere


# -- the rules package (kg/rules/) -----------------------------------------------------
KG = Path(__file__).resolve().parent.parent / "kg"
RULE_FILES = [*sorted((KG / "rules").glob("*.py")), KG / "extract.py"]
ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")
#: The rule modules, lowest first: a module imports only modules before it.
LAYERS = [
    "lang_ar",
    "settings",
    "anaphora_words",
    "words",
    "context",
    "records",
    "offices",
    "destinations",
    "body_lists",
    "openers",
    "unknown_names",
    "seats",
    "titles",
    "counterparts",
    "genitives",
    "anaphora",
    "mentions",
    "clauses",
    "fronted_clauses",
    "title_phrases",
    "named_goals",
    "asides",
    "qualifiers",
    "stances",
    "groups",
    "speakers",
    "discourse",
    "carried",
    "group_members",
    "subjects",
    "sentence_subjects",
    "call_clauses",
    "appeal_agents",
    "contrasts",
    "call_reach",
    "call_details",
    "call_parties",
    "call_forms",
    "call_structures",
    "calls",
    "agreements",
    "owners",
    "efforts_owners",
    "appeals",
    "points",
    "relation_guards",
    "mediation_forms",
    "mediation",
    "mediated",
    "thanks",
    "dangers",
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
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in docs:
                continue
            if ARABIC_LETTER.search(node.value):
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
