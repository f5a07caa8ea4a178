# The two commands of the README: `make run` sets up and serves the sample graph,
# `make test` runs the whole test suite. Everything installs into .venv.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run build test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/evidence-graph build
	$(BIN)/evidence-graph stats

build: $(STAMP)
	$(BIN)/evidence-graph build

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/build_speed.py

clean:
	rm -rf $(VENV) .evidence-graph build *.egg-info
