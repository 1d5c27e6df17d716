"""Agreement between two annotators of one article set: B's gold scored as a system against A's (score.py).

    python3 scripts/annotator_agreement.py A_DIR B_DIR IDS.txt [OUT.json]

Each folder holds <article>.json gold files and actors_new.json (actors beyond ../shared/eval/actors.json).
"""
import json, sys, importlib.util
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
spec = importlib.util.spec_from_file_location("score", str(SHARED / "eval" / "score.py")); score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
shared = json.load(open(SHARED / "eval" / "actors.json"))
def registry(d):
    reg = dict(shared); p = Path(d) / "actors_new.json"
    if p.exists(): reg.update(json.load(open(p)))
    return reg
def as_system(d, ids):
    reg = registry(d); facts = []
    for i in ids:
        g = json.load(open(Path(d) / f"{i}.json"))
        for f in g["facts"]:
            out = {"article": i, "rel": f["rel"]}
            def actor(k):
                a = reg.get(k, {"en": k}); return {"en": a.get("en", k), "ar": (a.get("ar") or [""])[0], **({"wikidata": a["wikidata"]} if a.get("wikidata") else {})}
            out["a"] = actor(f["a"])
            if f["rel"] in ("called", "thanked"): out["b"] = actor(f["b"])
            if f["rel"] == "called":
                ini = f.get("initiator"); out["initiator"] = None if ini is None else ("a" if ini == f["a"] else "b")
            if f["rel"] == "urged": out["topic"] = f["topic"]
            if f["rel"] == "warned": out["object"] = f.get("object")
            facts.append(out)
    return facts
if __name__ == "__main__":
    a, b, listfile = sys.argv[1:4]
    ids = [line.strip() for line in open(listfile) if line.strip()]
    gold = [json.load(open(Path(a) / f"{i}.json")) for i in ids]
    res = score.score(as_system(b, ids), gold, registry(a))
    res.pop("_sets")
    for name in ("core", "called", "urged", "urged_topic", "offeredMediation", "thanked", "warned"):
        s = res[name]
        print(f"{name:<17} F1 {s['f1']:.3f}  agreed {s['tp']}  only B {s['fp']}  only A {s['fn']}")
    print("initiator:", res["direction"])
    if len(sys.argv) > 4:
        json.dump(res, open(sys.argv[4], "w"), indent=1)
