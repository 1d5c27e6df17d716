# The read-only SPARQL server and network page (`kg serve`) over a graph file or a
# `kg build --store` folder mounted at /data. Build and run: README.md, "A server in a container".
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# What the wheel is built from (pyproject.toml force-includes the ontology, queries and sample corpus).
COPY pyproject.toml README.md ./
COPY kg ./kg
COPY ontology ./ontology
COPY queries ./queries
COPY data/samples ./data/samples
# The base install only: no transformers, cluster or notebook extras.
RUN pip install --no-cache-dir . \
    && groupadd --system --gid 10001 kg \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin kg

# Not root: the server only reads the mounted graph.
USER 10001:10001
VOLUME ["/data"]
EXPOSE 7878
# Healthy once the query workers answer a SPARQL ASK (loading a large graph takes a while).
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:7878/sparql?query=ASK%7B%7D', timeout=8)"]
ENTRYPOINT ["kg", "serve", "--host", "0.0.0.0", "--port", "7878"]
CMD ["/data/graph.ttl"]
