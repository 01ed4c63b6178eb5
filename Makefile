# Exchange Ledger. `make serve` and `make test` are all a new machine needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8001
DB := build/ledger.db
INSPECT := build/inspect-data.json
DATASETTE_SETTINGS := --setting sql_time_limit_ms 1000 --setting max_returned_rows 1000 \
	--setting default_cache_ttl 3600 --setting facet_time_limit_ms 500 --setting suggest_facets off \
	--setting truncate_cells_html 400
# The site: templates, plugins (evidence in context, charts, downloads) and the style sheet.
SITE_FLAGS := --template-dir templates --plugins-dir plugins --static static:static

.PHONY: venv build validate inspect serve browser test screenshots eval bench clean

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

build: venv  ## Read the articles; write the database, data/ and datapackage.json
	$(BIN)/python -m etl build
	$(BIN)/python -m etl docs

validate: venv  ## Validate the data package with Frictionless
	$(BIN)/frictionless validate datapackage.json

inspect: build
	$(BIN)/datasette inspect $(DB) --inspect-file $(INSPECT)

serve: build validate inspect  ## Build, validate and serve on http://127.0.0.1:8001
	$(BIN)/datasette serve -i $(DB) --inspect-file $(INSPECT) --metadata metadata.yml \
		--host 127.0.0.1 --port $(PORT) $(DATASETTE_SETTINGS) $(SITE_FLAGS)

browser:  ## Install Debian's chromium for the browser tests, when it is missing
	command -v chromium >/dev/null || (apt-get update && apt-get install -y --no-install-recommends chromium)

test: venv browser  ## Run the whole test suite
	$(BIN)/python -m pytest

screenshots: venv browser  ## Refresh the README's screenshots from the browser tests
	SCREENSHOTS_DIR=docs/screenshots $(BIN)/python -m pytest tests/test_browser.py

eval: venv  ## Measure the machine reader against the curated claims of every set
	status=0; \
	for set in . tests/corpus tests/styles tests/holdout tests/unseen tests/blind tests/sealed tests/fresh tests/final tests/last; do \
		$(BIN)/python -m etl eval --articles $$set/articles --curation $$set/curation || status=1; \
	done; exit $$status

bench: venv  ## Benchmark the build and the site; writes bench/RESULTS.md (about 10 minutes)
	command -v wrk >/dev/null || (apt-get update && apt-get install -y --no-install-recommends wrk)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) build
