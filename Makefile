PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= .store

.PHONY: run test lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	rm -rf $(STORE)
	COUNCILGRAPH_STORE=$(STORE) $(BIN)/councilgraph ingest data/minutes
	COUNCILGRAPH_STORE=$(STORE) $(BIN)/councilgraph stats
	COUNCILGRAPH_STORE=$(STORE) $(BIN)/councilgraph query @graph/sparql/declared_interests.rq

test: $(STAMP)
	$(BIN)/ruff check graph api tests
	$(BIN)/mypy graph api
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/ingest.py --docs data/minutes --copies 60

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache .mypy_cache .ruff_cache
