# Evidence Graph serving the sample corpus: docker build -t evidence-graph . && docker run -p 8000:8000 evidence-graph
# The image holds the installed wheel (not the checkout) and a store built from the sample when
# the image is built; mount a volume on /data and set EVIDENCE_GRAPH_STORE to serve your own.
FROM python:3.11-slim AS wheel
WORKDIR /src
COPY . .
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /dist .

FROM python:3.11-slim
COPY --from=wheel /dist /dist
RUN pip install --no-cache-dir /dist/*.whl && rm -rf /dist \
    && useradd --create-home --uid 10001 evidence && mkdir /data && chown evidence /data
USER evidence
ENV EVIDENCE_GRAPH_STORE=/data/store
RUN evidence-graph build --quiet && evidence-graph stats
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=5)"
CMD ["evidence-graph", "serve", "--host", "0.0.0.0", "--port", "8000"]
