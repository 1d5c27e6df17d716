"""Bulk-load graphs into a SPARQL server over the Graph Store Protocol (``kg push``).

Sources are N-Quads/TriG shards (``kg build --engine dask`` writes a folder of them),
single graph files (``.nq``, ``.trig``, ``.ttl``, ``.nt``) and store folders
(``kg build --store``). Files are parsed as a stream and sent in batches, so memory does
not grow with the corpus::

    from kg.push import push
    outcome = push([Path("shards")], "http://localhost:7878/store")

Two ways to send a batch:

* **dataset** (default): ``POST`` N-Quads to the endpoint itself — named graphs kept
  (Oxigraph's ``/store``, Fuseki's dataset URL, RDF4J's ``/statements``);
* **per graph**: ``POST`` N-Triples to ``ENDPOINT?graph=IRI`` (``?default`` for the
  default graph), the operation of SPARQL 1.1 Graph Store Protocol that every GSP
  server has.

``POST`` adds to what the server holds (a store's named graphs are pushed, not its
default graph, which is their union). Each triple of a named graph is also sent to the
server's *default graph* (``union_default``, on unless told otherwise), as
``kg build --store`` and ``kg serve`` keep it: the default graph is then the union of
the named graphs, each triple once, and queries without ``GRAPH`` — the shipped
``queries/*.rq`` — answer on any server as written. (Oxigraph's ``serve
--union-default-graph`` instead repeats a triple once per graph that holds it, which
multiplies rows; Fuseki's ``tdb2:unionDefaultGraph`` does not, and a push to such a
server may leave the default graph out: ``union_default=False``.) Connection errors, timeouts, 429 and 5xx answers
are retried with exponential backoff; a 4xx answer stops the push with a one-line error
naming the batch and the file it came from. A redirect (301, 302, 303, 307, 308) is
refused with a one-line error naming its ``Location``: following it would turn the
``POST`` into a bodiless ``GET`` (nothing stored, yet a "success"), or carry the
credentials to another host. Each request waits at most ``timeout`` seconds.
"""

from __future__ import annotations

import base64
import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .errors import InputError, KGError, PushError

#: Suffixes of the graph files a push reads, and their Oxigraph formats.
FORMATS = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}
#: Quads per request unless told otherwise.
DEFAULT_BATCH = 20_000
#: HTTP answers worth another try.
RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}
#: Seconds one request may take unless told otherwise.
DEFAULT_TIMEOUT = 60.0


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """Follow no redirect: a 3xx answer comes back as an :class:`urllib.error.HTTPError`."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


#: The opener of every push request: no redirects followed, no proxy credentials added.
_OPENER = urllib.request.build_opener(_RefuseRedirects)


@dataclass
class PushReport:
    """What a push sent."""

    files: int = 0
    batches: int = 0
    quads: int = 0
    retries: int = 0
    graphs: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Batch:
    """Quads bound for one request, and where they came from (for error messages)."""

    number: int
    source: str
    quads: list[ox.Quad]
    #: In per-graph mode: the one graph all quads are in (``None``: the default graph).
    graph: ox.NamedNode | None = None


# ---------------------------------------------------------------- sources


def source_files(sources: Iterable[Path]) -> list[Path]:
    """The graph files and store folders of ``sources``: folders of shards are expanded (sorted)."""
    from .persist import is_store

    found: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir() and not is_store(path):
            shards = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in FORMATS)
            if not shards:
                raise InputError(path, f"no graph files ({', '.join(FORMATS)}) and not a store folder")
            found.extend(shards)
        elif path.is_dir() or path.suffix.lower() in FORMATS:
            if not path.exists():
                raise InputError(path, "no such file")
            found.append(path)
        elif not path.exists():
            raise InputError(path, "no such file or folder")
        else:
            raise InputError(path, f"not a graph file ({', '.join(FORMATS)}) or a store folder")
    return found


def _ox_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and term.datatype != XSD.string:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise InputError(str(term), "not an RDF term a server can store")


def read_quads(path: Path) -> Iterator[ox.Quad]:
    """The quads of a graph file (streamed) or of a store folder's named graphs."""
    from .persist import GraphStore, is_store

    if is_store(path):
        with GraphStore.open(path, read_only=True) as store:
            for name in store.graph_names():
                graph = ox.NamedNode(str(name))
                for s, p, o in store.named(name):
                    yield ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), graph)  # type: ignore[arg-type]
        return
    try:
        yield from ox.parse(path=str(path), format=FORMATS[path.suffix.lower()])
    except SyntaxError as error:
        raise InputError(path, f"not valid {path.suffix} ({str(error).splitlines()[0][:200]})") from None
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror or error})") from None


def batches(paths: Sequence[Path], size: int = DEFAULT_BATCH, per_graph: bool = False) -> Iterator[Batch]:
    """Cut the quads of ``paths`` into batches of at most ``size``; per graph when ``per_graph``."""
    if size < 1:
        raise KGError(f"batch size must be at least 1, not {size}")
    number = 0
    for path in paths:
        pending: list[ox.Quad] = []
        current: ox.NamedNode | None = None
        for quad in read_quads(path):
            graph = quad.graph_name if isinstance(quad.graph_name, ox.NamedNode) else None
            if pending and (len(pending) >= size or (per_graph and graph != current)):
                number += 1
                yield Batch(number, str(path), pending, current)
                pending = []
            current = graph
            pending.append(quad)
        if pending:
            number += 1
            yield Batch(number, str(path), pending, current)


# ---------------------------------------------------------------- sending


@dataclass(frozen=True)
class Endpoint:
    """A Graph Store Protocol endpoint and how to talk to it."""

    url: str
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout: float = 60.0
    retries: int = 5
    backoff: float = 0.5

    def request(self, batch: Batch, per_graph: bool) -> urllib.request.Request:
        """The HTTP request that adds ``batch`` to the server."""
        url = self.url
        if per_graph:
            data = ox.serialize([q.triple for q in batch.quads], format=ox.RdfFormat.N_TRIPLES)
            query = f"graph={urllib.parse.quote(batch.graph.value, safe='')}" if batch.graph else "default"
            url += ("&" if "?" in url else "?") + query
            kind = "application/n-triples"
        else:
            data = ox.serialize(batch.quads, format=ox.RdfFormat.N_QUADS)
            kind = "application/n-quads"
        headers = {"Content-Type": f"{kind}; charset=utf-8", **self.headers}
        return urllib.request.Request(url, data=bytes(data or b""), headers=headers, method="POST")

    def send(self, batch: Batch, per_graph: bool = False, sleep: Callable[[float], None] = time.sleep) -> int:
        """POST one batch, retrying what may pass later; returns the retries it took."""
        what = f"batch {batch.number} ({len(batch.quads)} quads from {batch.source})"
        problem = ""
        for attempt in range(self.retries + 1):
            try:
                with _OPENER.open(self.request(batch, per_graph), timeout=self.timeout) as answer:
                    answer.read()
                return attempt
            except urllib.error.HTTPError as error:
                if 300 <= error.code < 400:
                    where = error.headers.get("Location", "no Location given") if error.headers else "?"
                    raise PushError(
                        f"{self.url} answered {what} with a redirect (HTTP {error.code}) to {where}: "
                        "not followed (use the final URL as --endpoint)"
                    ) from None
                body = error.read().decode("utf-8", "replace").strip().replace("\n", " ")[:300]
                problem = f"HTTP {error.code} {error.reason}" + (f": {body}" if body else "")
                if error.code not in RETRY_STATUS:
                    raise PushError(f"{self.url} refused {what}: {problem}") from None
            except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
                reason = getattr(error, "reason", error)
                problem = f"cannot reach the server ({reason})"
            if attempt < self.retries:
                sleep(self.backoff * 2**attempt)
        raise PushError(f"{self.url}: {what} failed after {self.retries + 1} tries: {problem}")


def basic_auth(user: str, password: str) -> dict[str, str]:
    """The ``Authorization`` header of HTTP basic authentication."""
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return {"Authorization": f"Basic {token}"}


def parse_header(text: str) -> tuple[str, str]:
    """``"Name: value"`` as a header pair, or a one-line error."""
    name, sep, value = text.partition(":")
    if not sep or not name.strip():
        raise KGError(f"--header must look like 'Name: value', not {text!r}")
    return name.strip(), value.strip()


def _requests(batch: Batch, per_graph: bool, union_default: bool) -> list[Batch]:
    """What one batch is sent as: itself, and its named graphs' triples in the default graph."""
    copies = [ox.Quad(q.subject, q.predicate, q.object) for q in batch.quads if isinstance(q.graph_name, ox.NamedNode)]
    if not union_default or not copies:
        return [batch]
    if per_graph:
        return [batch, Batch(batch.number, batch.source, copies, None)]
    return [Batch(batch.number, batch.source, batch.quads + copies, None)]


def push(
    sources: Iterable[Path],
    endpoint: str,
    *,
    batch_size: int = DEFAULT_BATCH,
    per_graph: bool = False,
    union_default: bool = True,
    headers: Mapping[str, str] | None = None,
    retries: int = 5,
    backoff: float = 0.5,
    timeout: float = DEFAULT_TIMEOUT,
    on_batch: Callable[[Batch], None] | None = None,
) -> PushReport:
    """Send the quads of ``sources`` (shard folders, graph files, store folders) to a GSP endpoint.

    ``endpoint`` is the server's Graph Store URL (Oxigraph: ``http://host:7878/store``).
    Batches of ``batch_size`` quads are POSTed as N-Quads, or with ``per_graph`` as
    N-Triples to ``?graph=IRI``. Failed requests are retried ``retries`` times, waiting
    ``backoff × 2ⁿ`` seconds; ``on_batch`` sees each batch once it is stored. With
    ``union_default`` the named graphs' triples go to the default graph too (see the
    module doc). Raises
    :class:`PushError` (a :class:`~kg.errors.KGError`) naming the batch and file when the
    server refuses a batch or stays unreachable.
    """
    parsed = urllib.parse.urlparse(endpoint)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc:
        raise KGError(f"--endpoint must be an http(s) URL, not {endpoint!r}")
    if not timeout > 0:
        raise KGError(f"--timeout must be more than 0 seconds, not {timeout}")
    target = Endpoint(endpoint, dict(headers or {}), timeout, retries, backoff)
    paths = source_files(sources)
    report = PushReport(files=len(paths))
    for batch in batches(paths, batch_size, per_graph):
        for request in _requests(batch, per_graph, union_default):
            report.retries += target.send(request, per_graph)
            report.batches += 1
        report.quads += len(batch.quads)
        report.graphs.update(q.graph_name.value for q in batch.quads if isinstance(q.graph_name, ox.NamedNode))
        if on_batch is not None:
            on_batch(batch)
    return report


__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_TIMEOUT",
    "Batch",
    "Endpoint",
    "PushError",
    "PushReport",
    "basic_auth",
    "batches",
    "parse_header",
    "push",
    "read_quads",
    "source_files",
]
