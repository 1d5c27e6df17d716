"""Merge batches of office-holders (persons_*.json format) into kg/data.

    .venv/bin/python scripts/merge_gazetteer.py BATCH.json[:REGION] ... [--orgs ORGS.json ...]

Each batch entry whose id (or English name, or full Arabic name) is already known is merged
into the known entry — offices, spellings and aliases added, never removed; an office with
the same role, seat and start keeps the known dates, except that an open end is closed by
the batch. New entries go to ``kg/data/persons_<REGION>.json`` (created if missing).
Organisations (``--orgs``) are appended to organizations.json when their id is new.
Batches were written by helper sessions from what they know; see kg/data/README.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.normalize import normalize_phrase

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"


def _load(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, list), path
    return data


def _union(a: list[str], b: list[str]) -> list[str]:
    seen = {normalize_phrase(x) for x in a}
    out = list(a)
    for x in b:
        if normalize_phrase(x) not in seen:
            seen.add(normalize_phrase(x))
            out.append(x)
    return out


def _office_key(o: dict[str, Any]) -> tuple[str, str, str]:
    return o["role"], o.get("state") or o.get("org") or "", str(o.get("start") or "")[:7]


def merge_entry(known: dict[str, Any], new: dict[str, Any]) -> None:
    """Add the batch entry's spellings, aliases and offices to a known entry."""
    known["ar"] = _union(known.get("ar", []), new.get("ar", []))
    strong = {normalize_phrase(x) for x in known["ar"]}
    known["ar_weak"] = [
        x for x in _union(known.get("ar_weak", []), new.get("ar_weak", [])) if normalize_phrase(x) not in strong
    ]
    known["aliases_en"] = [
        x for x in _union(known.get("aliases_en", []), new.get("aliases_en", [])) if x != known["en"]
    ]
    if new.get("wikidata") and not known.get("wikidata"):
        known["wikidata"] = new["wikidata"]
    offices = {_office_key(o): o for o in known.get("offices", [])}
    for office in new.get("offices", []):
        key = _office_key(office)
        if key in offices:
            if offices[key].get("end") is None and office.get("end"):
                offices[key]["end"] = office["end"]
        else:
            known.setdefault("offices", []).append(office)
            offices[key] = office


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="*", help="BATCH.json[:REGION]")
    parser.add_argument("--orgs", nargs="*", default=[], type=Path)
    args = parser.parse_args()
    files = {p: _load(p) for p in sorted(DATA.glob("persons_*.json"))}
    by_id: dict[str, dict[str, Any]] = {}
    by_en: dict[str, dict[str, Any]] = {}
    by_ar: dict[str, dict[str, Any]] = {}

    def index(entry: dict[str, Any]) -> None:
        by_id[entry["id"]] = entry
        by_en.setdefault(entry["en"].lower(), entry)
        for form in entry.get("ar", []):
            if len(form.split()) >= 2:
                by_ar.setdefault(normalize_phrase(form), entry)

    for entries in files.values():
        for entry in entries:
            index(entry)
    added = merged = 0
    for spec in args.batches:
        path_text, _, region = spec.partition(":")
        path = Path(path_text)
        region = region or path.stem
        target = DATA / f"persons_{region}.json"
        files.setdefault(target, [])
        for entry in _load(path):
            full_forms = [normalize_phrase(f) for f in entry.get("ar", []) if len(f.split()) >= 2]
            known = by_id.get(entry["id"]) or by_en.get(entry["en"].lower())
            if known is None:
                known = next((by_ar[f] for f in full_forms if f in by_ar), None)
            if known is not None:
                merge_entry(known, entry)
                merged += 1
            else:
                entry = {k: v for k, v in entry.items() if v not in (None, [], "")}
                entry.setdefault("ar_weak", [])
                files[target].append(entry)
                index(entry)
                added += 1
    for path, entries in files.items():
        if entries:
            path.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    orgs_path = DATA / "organizations.json"
    orgs = _load(orgs_path)
    known_orgs = {o["id"] for o in orgs}
    new_orgs = 0
    for path in args.orgs:
        for org in _load(path):
            if org["id"] not in known_orgs:
                orgs.append(org)
                known_orgs.add(org["id"])
                new_orgs += 1
    orgs_path.write_text(json.dumps(orgs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{added} persons added, {merged} merged into known entries, {new_orgs} organisations added")


if __name__ == "__main__":
    main()
