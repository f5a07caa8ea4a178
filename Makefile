# The two commands of the README: `make run` sets up and serves the sample graph,
# `make test` runs the whole test suite. Everything installs into .venv.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run build test node browser lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/evidence-graph build
	$(BIN)/evidence-graph stats
	$(BIN)/evidence-graph serve

build: $(STAMP)
	$(BIN)/evidence-graph build

# Score the loaders against the development set's hand annotations (docs/EVALUATION.md).
.PHONY: evaluate
evaluate: $(STAMP)
	$(BIN)/evidence-graph evaluate --by body

test: $(STAMP) node browser rdftools
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# The GraphQL-over-HTTP audit (tests/test_http_audit.py) runs graphql-http on Node.js, and the
# exports are loaded into Cytoscape.js, graphology and sigma.js (tests/graph_tools/).
node:
	@command -v npm >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq nodejs npm)
	@test -d tests/http_audit/node_modules/graphql-http || npm ci --prefix tests/http_audit --no-audit --no-fund --silent
	@test -d tests/graph_tools/node_modules/cytoscape || npm ci --prefix tests/graph_tools --no-audit --no-fund --silent
	@npm run --prefix tests/graph_tools --silent build

# The exports' RDF is parsed by rapper (tests/test_export_consumers.py): Debian's raptor2-utils.
.PHONY: rdftools
rdftools:
	@command -v rapper >/dev/null 2>&1 || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq raptor2-utils >/dev/null)

# GraphiQL is tested in a real browser (tests/test_graphiql_browser.py): Debian's Chromium and driver.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null)

# The robustness suite at full size: fuzzing, hostile requests, kills and the 60 s soak.
.PHONY: stress
stress: $(STAMP)
	EVIDENCE_GRAPH_STRESS=full $(BIN)/python -m pytest -m stress -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python bench/build_speed.py

# HTTP benchmark: our server vs a bare-Starlette floor, with wrk (bench/http_bench.py)
.PHONY: bench-http
bench-http: $(STAMP)
	$(BIN)/python bench/http_bench.py

# The graph exports: the sample in every format, a 100k-node graph in JSON, GraphML and GEXF;
# time and peak memory from the CLI and streamed over HTTP (bench/export_bench.py)
.PHONY: bench-export
bench-export: $(STAMP)
	$(BIN)/python bench/export_bench.py

# The API's tests against other Strawberry releases, each installed beside .venv (not into it):
# make compat STRAWBERRY="0.330.0 0.338.0". pyproject.toml's range is what this has passed on.
STRAWBERRY ?= 0.330.0 0.338.0
API_TESTS := tests/test_compiled.py tests/test_schema.py tests/test_server.py tests/test_competency_questions.py \
	tests/test_direct_answers.py tests/test_limits.py tests/test_docstrings.py tests/test_ingest.py
.PHONY: compat
compat: $(STAMP)
	@set -e; for version in $(STRAWBERRY); do \
		$(BIN)/python -m pip install --quiet --no-deps --target .compat/strawberry-$$version strawberry-graphql==$$version; \
		echo "strawberry-graphql $$version:"; \
		PYTHONPATH=.compat/strawberry-$$version $(BIN)/python -m pytest -q -p no:cacheprovider $(API_TESTS); \
	done

clean:
	rm -rf $(VENV) .evidence-graph build dist .compat *.egg-info tests/http_audit/node_modules \
		tests/graph_tools/node_modules tests/graph_tools/dist
