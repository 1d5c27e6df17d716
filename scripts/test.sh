#!/usr/bin/env bash
# The whole test suite on a fresh machine: set up .venv, lint, type-check, test.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
.venv/bin/ruff check kg tests
.venv/bin/mypy kg
.venv/bin/pytest -q "$@"
