PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= .store
VENDOR := api/static/vendor
ASSETS := $(VENDOR)/.built
CODEMIRROR := web/node_modules/codemirror
SWAGGER := web/node_modules/swagger-ui-dist
CYTOSCAPE := web/node_modules/cytoscape
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: run test lint typecheck bench clean assets

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Front-end files come from npm at build time, pinned by web/package-lock.json; the service never asks a CDN.
$(ASSETS): web/package.json web/package-lock.json
	npm ci --prefix web --no-audit --no-fund
	rm -rf $(VENDOR)
	mkdir -p $(VENDOR)
	cp $(CODEMIRROR)/lib/codemirror.js $(CODEMIRROR)/lib/codemirror.css $(CODEMIRROR)/mode/sparql/sparql.js \
		$(CODEMIRROR)/addon/edit/matchbrackets.js $(CODEMIRROR)/LICENSE $(VENDOR)/
	cp $(SWAGGER)/swagger-ui-bundle.js $(SWAGGER)/swagger-ui.css $(VENDOR)/
	cp $(CYTOSCAPE)/dist/cytoscape.min.js $(VENDOR)/
	cp $(CYTOSCAPE)/LICENSE $(VENDOR)/cytoscape.LICENSE
	touch $(ASSETS)

assets: $(ASSETS)

# The browser tests drive the system Chromium; installed only where it is missing.
$(CHROMIUM):
	$(SUDO) apt-get install -y chromium || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)

run: $(STAMP) $(ASSETS)
	rm -rf $(STORE)
	COUNCILGRAPH_STORE=$(STORE) $(BIN)/councilgraph ingest data/minutes
	COUNCILGRAPH_STORE=$(STORE) $(BIN)/councilgraph stats
	COUNCILGRAPH_STORE=$(STORE) $(BIN)/councilgraph query @graph/sparql/declared_interests.rq
	COUNCILGRAPH_STORE=$(STORE) $(BIN)/councilgraph serve

test: $(STAMP) $(ASSETS) $(CHROMIUM)
	$(BIN)/ruff check graph api tests
	$(BIN)/mypy graph api
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/ingest.py --docs data/minutes --copies 60

# Serving benchmark: seed minutes and a synthetic store of 10,000 meetings (built once, cached in bench/out).
.PHONY: bench-serve
bench-serve: $(STAMP)
	$(BIN)/python bench/serve.py

# Relationship network on the synthetic store: build, refresh, all findings, path and neighbourhood latency.
.PHONY: bench-network
bench-network: $(STAMP)
	$(BIN)/python bench/network.py

clean:
	rm -rf $(VENV) $(STORE) $(STORE).index $(STORE).network $(VENDOR) web/node_modules .pytest_cache .mypy_cache .ruff_cache
