"""``kg serve`` against ``oxigraph serve-read-only`` on the same data: start time, requests/s, memory.

    .venv/bin/kg build data/samples -o samples.trig
    .venv/bin/python benchmarks/serve.py --graph samples.trig --replicate 550 --seconds 20

The dataset: a built TriG/N-Quads file (named graphs per article and per event), copied
``--replicate`` times with every IRI under ``id/`` renamed per copy except actors'
(``person/``, ``state/``, ``org/``: the same actors appear everywhere), graph names
included. It is written twice: as an N-Quads file, and as a store folder as ``kg build
--store`` makes it (named graphs, and the default graph their union).

Servers, one at a time, each on a free loopback port:

* ``kg serve STORE`` (the store folder, opened in place);
* ``kg serve FILE.nq`` (the file, loaded into a temporary Oxigraph folder first);
* ``oxigraph serve-read-only --location STORE/oxigraph`` (the Oxigraph server of the
  ``oxigraph`` package, on the very same folder: the same dataset, default graph the union).

``--page-only`` times the page data alone: read in this process from the store folder,
as ``kg serve`` reads it (wall and CPU seconds; run it with ``PYTHONPATH`` set to compare
two checkouts).

``--rounds N`` runs the servers N times, interleaved, and prints min / median; ``--base
CHECKOUT`` adds ``kg serve STORE`` run with ``PYTHONPATH=CHECKOUT`` (server ``kg-base``):
before and after side by side; ``--fast DIR`` adds it run with this checkout and the
packages installed in DIR (``pip install --target DIR httptools uvloop``: server
``kg-fast``). ``--keep DIR`` keeps the dataset, and reuses it when DIR holds one already.

Start: from the process start until the first query is answered (and the CPU seconds the
server and its workers had used by then, from /proc); page data: until the
network page's data is read (``kg serve`` reads it in the background, after the start; the
throughput runs wait for it). Requests/s: one client
on one keep-alive connection, sending the same query for ``--seconds`` seconds (at least
``--min-requests``), for a trivial SELECT (``LIMIT 1``) and for shipped queries. Memory:
the resident set of the server and its worker processes after the runs. CPU ms/req: the CPU
the server and its workers used (user + system, from /proc) over the requests of a run,
divided by their number.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/arabic-diplomacy-kg/id/"
#: IRIs under these stay the same in every copy.
SHARED = tuple(ID + kind for kind in ("person/", "state/", "org/"))
TRIVIAL = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
KG_CLI = [sys.executable, "-m", "kg.cli"]
OXIGRAPH_BIN = Path(sys.executable).parent / "oxigraph"


def make_dataset(source: Path, copies: int, out: Path) -> tuple[Path, Path, int]:
    """Write the replicated dataset as N-Quads and as a store folder; (file, store, distinct triples)."""
    import pyoxigraph as ox

    from kg.persist import GraphStore

    fmt = ox.RdfFormat.TRIG if source.suffix == ".trig" else ox.RdfFormat.N_QUADS
    quads = list(ox.parse(path=str(source), format=fmt))

    def rename(term: ox.NamedNode, copy: int) -> ox.NamedNode:
        if term.value.startswith(ID) and not term.value.startswith(SHARED):
            return ox.NamedNode(f"{ID}r{copy}/{term.value[len(ID) :]}")
        return term

    def replicated() -> Iterator[ox.Quad]:
        for copy in range(copies):
            for q in quads:
                s = rename(q.subject, copy) if isinstance(q.subject, ox.NamedNode) else q.subject
                o = rename(q.object, copy) if isinstance(q.object, ox.NamedNode) else q.object
                yield ox.Quad(s, q.predicate, o, rename(q.graph_name, copy))  # type: ignore[arg-type]

    nquads = out / "dataset.nq"
    ox.serialize(replicated(), output=str(nquads), format=ox.RdfFormat.N_QUADS)
    store_dir = out / "store"
    with GraphStore.open(store_dir) as store:
        inner = store._oxigraph()
        inner.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        inner.bulk_extend(
            ox.Quad(q.subject, q.predicate, q.object) for q in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        )
    reader = ox.Store.read_only(str(store_dir / "oxigraph"))
    count = int(next(iter(reader.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))["n"].value)
    del reader
    return nquads, store_dir, count


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Client:
    """One keep-alive connection to a SPARQL endpoint."""

    def __init__(self, port: int, path: str) -> None:
        self.port, self.path = port, path
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)

    def query(self, text: str) -> int:
        """Send ``text``; the number of result rows (the answer must be 200)."""
        target = self.path + "?" + urllib.parse.urlencode({"query": text})
        self.connection.request("GET", target, headers={"Accept": "application/sparql-results+json"})
        response = self.connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}: {body[:300]!r}")
        return len(json.loads(body)["results"]["bindings"])

    def close(self) -> None:
        self.connection.close()


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children (Linux /proc), in MB."""
    total = 0
    for each in _tree_pids(pid):
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return total / 1024


def _tree_pids(pid: int) -> set[int]:
    """``pid`` and its children (Linux /proc)."""
    pids = {pid}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            pids.add(int(entry.parent.name))
    return pids


def _tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its children (Linux /proc)."""
    total = 0
    for each in _tree_pids(pid):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def start_server(
    command: list[str],
    port: int,
    path: str,
    limit: float,
    started: float,
    env: dict[str, str] | None = None,
    where: Path | None = None,
) -> tuple[subprocess.Popen[bytes], float, float]:
    """Start a server (in folder ``where``); it, the seconds from ``started`` until its first answer, and its
    CPU seconds by then."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=where)
    while time.perf_counter() - started < limit:
        if process.poll() is not None:
            raise RuntimeError(f"{command[0]} ended with {process.returncode}")
        try:
            client = Client(port, path)
            client.query(TRIVIAL)
            client.close()
            return process, time.perf_counter() - started, _tree_cpu_s(process.pid)
        except (OSError, http.client.HTTPException):
            time.sleep(0.01)
    process.kill()
    raise RuntimeError(f"{command} did not answer within {limit} s")


def wait_for_page_data(port: int, started: float, limit: float) -> float:
    """Seconds from ``started`` until ``kg serve``'s network page has its data (``/api/meta`` is 200)."""
    while time.perf_counter() - started < limit:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        connection.request("GET", "/api/meta")
        response = connection.getresponse()
        response.read()
        connection.close()
        if response.status == 200:
            return time.perf_counter() - started
        time.sleep(0.2)
    raise RuntimeError(f"the page's data was not read within {limit} s")


def throughput(port: int, path: str, query: str, seconds: float, least: int, pid: int) -> tuple[float, float, int]:
    """(requests/s, the server's CPU milliseconds a request, rows) with one client; the CPU is the
    server's and its children's (its workers), from /proc."""
    client = Client(port, path)
    rows = client.query(query)  # warm-up, not counted
    done, started, cpu = 0, time.perf_counter(), _tree_cpu_s(pid)
    while done < least or time.perf_counter() - started < seconds:
        client.query(query)
        done += 1
    elapsed, cpu = time.perf_counter() - started, _tree_cpu_s(pid) - cpu
    client.close()
    return done / elapsed, 1000 * cpu / done, rows


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, required=True, help="a .trig or .nq file written by kg build")
    parser.add_argument("--replicate", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=10.0, help="per query and server")
    parser.add_argument("--min-requests", type=int, default=3)
    parser.add_argument("--queries", default="thanks,who_urged_what", help="shipped queries (queries/NAME.rq)")
    parser.add_argument("--servers", default="kg-store,kg-file,oxigraph")
    parser.add_argument("--workers", type=int, default=2, help="kg serve --workers")
    parser.add_argument("--keep", type=Path, default=None, help="keep the dataset in this folder (reused if there)")
    parser.add_argument("--rounds", type=int, default=1, help="run the servers this many times, interleaved")
    parser.add_argument(
        "--base", type=Path, default=None, help="also serve the store with the kg of this checkout (server kg-base)"
    )
    parser.add_argument(
        "--fast",
        type=Path,
        default=None,
        help="also serve the store with this checkout and the packages in this folder on PYTHONPATH (server "
        "kg-fast: e.g. httptools and uvloop, which uvicorn uses when it finds them)",
    )
    parser.add_argument(
        "--page-only", action="store_true", help="only the page data, read in this process (wall and CPU s)"
    )
    return parser.parse_args()


def page_data_seconds(store: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds to read the network page's data from a store as ``kg serve`` does; events read."""
    from kg.web.network import NetworkIndex
    from kg.web.served import prepare

    served = prepare(store)
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        index = NetworkIndex(served.open())
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        served.cleanup()
    return wall, cpu, len({record.event for record in index.records})


def dataset(args: argparse.Namespace, work: Path) -> tuple[Path, Path]:
    """The dataset's N-Quads file and store folder: made, or those kept in ``work`` by an earlier run."""
    started = time.perf_counter()
    if args.keep is not None and (work / "store").is_dir() and (work / "dataset.nq").is_file():
        nquads, store = work / "dataset.nq", work / "store"
        import pyoxigraph as ox

        reader = ox.Store.read_only(str(store / "oxigraph"))
        triples = int(next(iter(reader.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))["n"].value)  # type: ignore
        del reader
    else:
        nquads, store, triples = make_dataset(args.graph, args.replicate, work)
    size_mb, built_s, load = nquads.stat().st_size / 1e6, time.perf_counter() - started, os.getloadavg()[0]
    print(
        f"dataset: {triples:,} distinct triples, {size_mb:.0f} MB of N-Quads, ready in {built_s:.0f} s; load {load:.2f}"
    )
    return nquads, store


def server_command(server: str, args: argparse.Namespace, nquads: Path, store: Path, port: int) -> list[str]:
    """The command line of ``server`` (kg-store, kg-base, kg-file or oxigraph) on ``port``."""
    if server == "oxigraph":
        return [
            str(OXIGRAPH_BIN),
            "serve-read-only",
            "--location",
            str(store / "oxigraph"),
            "--bind",
            f"127.0.0.1:{port}",
        ]
    source = nquads if server == "kg-file" else store
    kg_options = ["--workers", str(args.workers), "--timeout", "300", "--max-rows", "1000000"]
    return [*KG_CLI, "serve", str(source), "--port", str(port), *kg_options]


def measure(server: str, args: argparse.Namespace, data: tuple[Path, Path], queries: dict[str, str]) -> list[float]:
    """One run of ``server``: start s, its CPU s by then, page data s, requests/s per query, RSS MB."""
    port = free_port()
    command = server_command(server, args, *data, port)
    path = "/query" if server == "oxigraph" else "/sparql"
    env = None
    if server == "kg-base":
        env = {**os.environ, "PYTHONPATH": str(args.base)}
    elif server == "kg-fast":
        env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{args.fast}"}
    started = time.perf_counter()
    # In the base checkout: ``python -m`` puts the working folder before PYTHONPATH.
    where = args.base if server == "kg-base" else None
    process, start_s, start_cpu = start_server(command, port, path, 1200, started, env, where)
    try:
        page = wait_for_page_data(port, started, 1800) if server != "oxigraph" else math.nan
        measured = [
            throughput(port, path, text, args.seconds, args.min_requests, process.pid) for text in queries.values()
        ]
        rss = _tree_rss_mb(process.pid)
    finally:
        process.terminate()
        process.wait(30)
    rates, cpu = [m[0] for m in measured], [m[1] for m in measured]
    return [start_s, start_cpu, page, *rates, *cpu, rss]


def _cell(values: list[float], digits: int) -> str:
    """``min / median`` of several runs, one figure for one run, a dash for none."""
    if all(math.isnan(v) for v in values):
        return "—"
    if len(values) == 1:
        return f"{values[0]:,.{digits}f}"
    return f"{min(values):,.{digits}f} / {statistics.median(values):,.{digits}f}"


def main() -> None:
    """Build the dataset, then measure each server in turn (``--rounds`` times, interleaved); print a table."""
    args = _arguments()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-serve-"))
    work.mkdir(parents=True, exist_ok=True)
    nquads, store = dataset(args, work.resolve())
    if args.page_only:
        for _ in range(args.rounds):
            wall, cpu, events = page_data_seconds(store)
            print(f"page data from the store: {events:,} events in {wall:.2f} s ({cpu:.2f} s CPU)", flush=True)
    else:
        queries = {"trivial SELECT … LIMIT 1": TRIVIAL}
        for name in filter(None, args.queries.split(",")):
            queries[name] = (REPO / "queries" / f"{name}.rq").read_text(encoding="utf-8")
        servers = args.servers.split(",") + (["kg-base"] if args.base else []) + (["kg-fast"] if args.fast else [])
        runs: dict[str, list[list[float]]] = {server: [] for server in servers}
        for round_number in range(args.rounds):
            for server in servers:
                runs[server].append(measure(server, args, (nquads, store), queries))
                figures = ", ".join(f"{v:.3g}" for v in runs[server][-1])
                print(f"round {round_number + 1} {server}: {figures}; load {os.getloadavg()[0]:.1f}", flush=True)
        titles = ["start s", "CPU s to start", "page data s", *(f"{q} req/s" for q in queries)]
        titles += [*(f"{q} CPU ms/req" for q in queries), "RSS MB"]
        print("| server | " + " | ".join(titles) + " |\n|---|" + "---|" * len(titles))
        for server, measured in runs.items():
            columns = [[run[i] for run in measured] for i in range(len(titles))]
            cells = [_cell(column, 0 if i == len(titles) - 1 else 2) for i, column in enumerate(columns)]
            print(f"| {server} | " + " | ".join(cells) + " |")
        print(f"(min / median of {args.rounds} runs) load average at the end {os.getloadavg()[0]:.2f}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
