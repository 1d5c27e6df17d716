#!/usr/bin/env bash
# The Python API documentation (pdoc, offline): kg.api, the records and the public stage modules.
# Usage: bash scripts/api_docs.sh [OUTPUT_FOLDER]   (default build/api-docs; open index.html)
set -euo pipefail
cd "$(dirname "$0")/.."
"${PYTHON:-.venv/bin/python}" -m pdoc --docformat restructuredtext --output-directory "${1:-build/api-docs}" \
  kg.api kg.errors kg.model kg.read kg.extract kg.rdf kg.merge kg.query kg.analyse kg.insights kg.explain \
  kg.validate kg.evaluate
