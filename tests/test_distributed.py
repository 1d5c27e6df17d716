"""``kg build --engine dask``: the shards of a Dask build are the one-process build, quad for quad."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node
from typer.testing import CliRunner

from kg.build import build_store
from kg.distributed import EVENTS_SHARD, build_distributed
from kg.errors import KGError
from kg.extract import Extractor
from kg.partitions import plan_partitions
from kg.read import read_article
from kg.resources import sample_corpus_dir

distributed = pytest.importorskip("distributed", reason="the cluster extra is not installed")

#: Two outlets report the same call (merged across partitions); both name an envoy the
#: gazetteer lacks, spelled differently (the first spelling must win in every shard).
EXTRA = {
    "x1_call": (
        "أجرى الرئيس الروسي فلاديمير بوتين اليوم اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان، "
        "ودعا المبعوث الروسي إيفان بيتروف إلى ضبط النفس.",
        {"published": "2024-04-16", "outlet": "Outlet One"},
    ),
    "x2_call": (
        "جرى اليوم اتصال هاتفي بين الرئيس التركي رجب طيب أردوغان والرئيس الروسي فلاديمير بوتين. "
        "ودعا المبعوث الروسي ايفان بيتروف إلى وقف إطلاق النار.",
        {"published": "2024-04-16", "outlet": "Outlet Two"},
    ),
}

Quad = tuple[Node, Node, Node, Node]


def quads(dataset: Dataset) -> set[Quad]:
    found: set[Quad] = set()
    for s, p, o, graph in dataset.quads((None, None, None, None)):
        name = graph.identifier if isinstance(graph, Graph) else graph
        assert name is not None
        found.add((s, p, o, name))
    return found


def shard_quads(folder: Path) -> set[Quad]:
    dataset = Dataset()
    for shard in sorted(folder.glob("*.nq")):
        dataset.parse(str(shard), format="nquads")
    return quads(dataset)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for article in sample_corpus_dir().glob("*.txt"):
        shutil.copy(article, folder / article.name)
    for name, (text, meta) in EXTRA.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def expected(corpus: Path, extractor: Extractor) -> set[Quad]:
    """The one-process build of the corpus, as kg build writes it to .nq."""
    store, _ = build_store([corpus], extractor=extractor)
    return quads(store.copy_dataset())


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_partitions_cut_the_corpus_in_order(corpus: Path, tmp_path: Path) -> None:
    partitions, problems = plan_partitions([corpus, tmp_path / "missing", str(corpus / "x*.txt")], size=3)
    files = [Path(f).name for p in partitions for f in p.files]
    assert files[:7] == sorted(p.name for p in corpus.glob("*.txt"))
    assert files[7:] == ["x1_call.txt", "x2_call.txt"]
    assert [len(p.files) for p in partitions] == [3, 3, 3]
    assert len(problems) == 1 and "missing" in problems[0]


def test_dask_build_equals_the_one_process_build(
    corpus: Path, expected: set[Quad], scheduler: str, tmp_path: Path
) -> None:
    out = tmp_path / "shards"
    outcome = build_distributed([corpus], out, scheduler=scheduler, partition_size=2)
    # 000 001 | 002 003 | 004 x1 | x2: the two reports of the call are in different partitions.
    assert outcome.partitions == 4
    assert sorted(p.name for p in out.iterdir()) == sorted([*(f"part-0000{i}.nq" for i in range(4)), EVENTS_SHARD])
    assert outcome.report.articles == 7
    assert outcome.relabelled == [3]  # x2 spells the envoy differently from x1 (partition 2)
    got = shard_quads(out)
    assert got == expected
    assert outcome.quads == len(expected)
    pair = {
        URIRef("https://w3id.org/arabic-diplomacy-kg/id/person/vladimir-putin"),
        URIRef("https://w3id.org/arabic-diplomacy-kg/id/person/recep-tayyip-erdogan"),
    }
    participant = URIRef("https://w3id.org/arabic-diplomacy-kg/ontology#participant")
    derived = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    calls = {s for s, p, o, _ in got if p == participant and o in pair}
    merged = [
        c
        for c in calls
        if str(c).startswith("https://w3id.org/arabic-diplomacy-kg/id/event/")
        and {o for s, p, o, _ in got if s == c and p == participant} == pair
    ]
    assert len(merged) == 1
    sources = {str(o).rsplit("/", 1)[-1] for s, p, o, _ in got if s == merged[0] and p == derived}
    assert sources == {"x1_call", "x2_call"}


def test_dask_build_of_json_lines_from_the_cli(
    corpus: Path, expected: set[Quad], scheduler: str, tmp_path: Path
) -> None:
    from kg.cli import app

    lines = []
    for path in sorted(corpus.glob("*.txt")):
        article = read_article(path)
        record = {"id": article.identifier, "text": article.text, "outlet": article.outlet}
        if article.published:
            record["published"] = article.published.isoformat()
        lines.append(json.dumps(record, ensure_ascii=False))
    lines.insert(3, "this line is not JSON")
    table = tmp_path / "corpus.jsonl"
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "shards"
    args = ["build", str(table), "--engine", "dask", "--scheduler", scheduler, "--partition-size", "3", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "corpus.jsonl:4" in result.output  # the bad line is reported and skipped
    assert shard_quads(out) == expected


def test_dask_build_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    from kg.cli import app

    runner = CliRunner()
    with_store = runner.invoke(app, ["build", "--engine", "dask", "--store", str(tmp_path / "s"), "-o", "x"])
    assert with_store.exit_code == 2 and "--store" in with_store.output
    no_folder = runner.invoke(app, ["build", "--engine", "dask"])
    assert no_folder.exit_code == 2 and "-o DIR" in no_folder.output
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "old.nq").write_text("")
    with pytest.raises(KGError, match="not an empty folder"):
        build_distributed([sample_corpus_dir()], tmp_path / "full", scheduler="tcp://127.0.0.1:1")


def test_without_the_cluster_extra_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from kg.cli import app

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    result = CliRunner().invoke(app, ["build", "--engine", "dask", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "arabic-diplomacy-kg[cluster]" in result.output
    assert not (tmp_path / "out").exists()


def test_dask_build_of_parquet(corpus: Path, expected: set[Quad], scheduler: str, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    import pyarrow

    rows = []
    for path in sorted(corpus.glob("*.txt")):
        article = read_article(path)
        rows.append(
            {"id": article.identifier, "text": article.text, "outlet": article.outlet, "published": article.published}
        )
    table = tmp_path / "corpus.parquet"
    parquet.write_table(pyarrow.Table.from_pylist(rows), str(table), row_group_size=4)
    out = tmp_path / "shards"
    outcome = build_distributed([table], out, scheduler=scheduler, partition_size=3)
    assert outcome.partitions == 3  # rows 0–2 and 3 of the first row group, 0–2 of the second
    assert shard_quads(out) == expected
