#!/usr/bin/env bash
# The whole test suite on a fresh machine: set up .venv, lint, type-check, test.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
# The transformers extra (spacy-transformers, torch==2.13.0 CPU) runs tests/test_transformer.py;
# without it that module skips (kg/ imports neither at module level: the base install works alone).
# The cluster extra (dask.distributed, pyarrow) runs tests/test_distributed.py; it skips without it too.
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev,transformers,cluster,notebook]'
# The browser test drives Debian's Chromium (with Arabic fonts for its screenshots).
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-core
fi
.venv/bin/ruff check kg tests benchmarks scripts
.venv/bin/ruff format --check kg tests benchmarks scripts
.venv/bin/mypy kg tests
# The layers of docs/architecture.md ([tool.importlinter] in pyproject.toml).
.venv/bin/lint-imports
.venv/bin/pytest -q "$@"
