# The two commands of the README: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Tests run with DEBUG off, as in production; this key is for tests only.
TEST_ENV := DEBUG=0 SECRET_KEY=$${SECRET_KEY:-insecure-key-for-tests-only}
# Injected into pages by the browser tests; from the npm registry (package.json).
AXE := node_modules/axe-core/axe.min.js

.PHONY: run test install messages migrate demo static serve lint format clean screenshots bench-import bench-pages bench-scale

run: install messages migrate demo
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

test: install messages $(AXE)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(TEST_ENV) $(MANAGE) check
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run
	$(TEST_ENV) $(BIN)/pytest $(PYTEST_ARGS)

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable . --group dev
	touch $@

# axe-core (package.json) for the browser tests in tests/browser/, installed when npm is
# there; without npm or Chromium those tests are skipped, with a line saying so.
$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; fi

# Full-page PNGs of the main pages at 375 and 1280 px wide in screenshots/ (see README).
screenshots: install messages $(AXE)
	BROWSER_TESTS=required $(TEST_ENV) $(BIN)/pytest -q -s -p no:cacheprovider tests/browser/screenshots.py

# The site as in production: DEBUG=0 under gunicorn (gunicorn.conf.py), migrations and
# static files first; WhiteNoise serves those compressed (brotli, gzip) with far-future
# cache headers. Needs SECRET_KEY; see docs/deploy.md for a real deployment.
serve: install messages
	@test -n "$$SECRET_KEY" || { echo 'make serve needs SECRET_KEY, e.g.:' \
		'export SECRET_KEY="$$(python3 -c "import secrets; print(secrets.token_urlsafe(50))")"'; exit 1; }
	DEBUG=0 $(MANAGE) migrate --noinput
	DEBUG=0 $(MANAGE) collectstatic --noinput --verbosity 0
	DEBUG=0 $(BIN)/gunicorn --config gunicorn.conf.py

# Benchmarks (bench/README.md): each makes a throwaway database of its own (SQLite, or
# PostgreSQL with DATABASE_URL) and prints its figures. Not part of `make test`.
bench-import: install
	$(BIN)/python bench/import.py $(BENCH_ARGS)

bench-pages: install messages
	@command -v wrk >/dev/null 2>&1 || { test "$$(id -u)" = 0 && apt-get update -qq && \
		apt-get install -y -qq wrk; } || { echo 'bench-pages needs wrk: apt-get install -y wrk'; exit 1; }
	$(BIN)/python bench/pages.py $(BENCH_ARGS)

# 10 000 articles, 100 000 comments, 200 rounds beside 100 articles: every public page
# uncached, on SQLite, and on PostgreSQL too when DATABASE_URL names one (bench/README.md).
bench-scale: install messages
	$(BIN)/python bench/scale.py $(BENCH_ARGS)

messages: install
	$(BIN)/pybabel compile --domain django --directory locale --use-fuzzy --statistics

migrate: install
	DEBUG=1 $(MANAGE) migrate --noinput

demo: migrate
	DEBUG=1 $(MANAGE) loaddemo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache node_modules screenshots
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
