"""The share of merged events that carry a date, in a graph file written by ``kg build``.

    kg build ../shared/corpus/pool -o /tmp/pool.ttl --no-validate
    .venv/bin/python scripts/date_coverage.py /tmp/pool.ttl

Prints events with a ``dcterms:date`` out of all ``kg:Event`` nodes, by relation, and (when
the graph has them) how the dated events' dates were found (``kg:dateSource`` of their reports).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from rdflib import Graph

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.rdf import EVENT_CLASS

QUERY = """
PREFIX kg: <https://w3id.org/arabic-diplomacy-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?event ?class ?date (SAMPLE(?source) AS ?how) WHERE {
  VALUES ?class { %s }
  ?event a ?class .
  OPTIONAL { ?event dcterms:date ?date }
  OPTIONAL { ?event kg:hasReport ?report . ?report kg:dateSource ?source }
} GROUP BY ?event ?class ?date
"""


def main() -> None:
    """Print the dated share of the events of the graph named on the command line."""
    graph = Graph()
    graph.parse(sys.argv[1])
    total: Counter[str] = Counter()
    dated: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    for row in graph.query(QUERY % " ".join(f"<{c}>" for c in EVENT_CLASS.values())):
        relation = str(row[1]).rsplit("#", 1)[-1]
        total[relation] += 1
        if row[2] is not None:
            dated[relation] += 1
            sources[str(row[3]).rsplit("#", 1)[-1] if row[3] is not None else "unknown"] += 1
    all_events, all_dated = sum(total.values()), sum(dated.values())
    share = 100 * all_dated / all_events if all_events else 0.0
    print(f"events with a date: {all_dated} of {all_events} ({share:.1f}%)")
    for relation in sorted(total):
        print(f"  {relation}: {dated[relation]} of {total[relation]}")
    if sources:
        print("dated events by how the date was found: " + ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))


if __name__ == "__main__":
    main()
