# The two commands of the README: `make run` and `make test`. Everything else is a step of those.
# The site needs Python 3.11: where `python3` is another version, say which, e.g.
# `make PYTHON=python3.11 run`. A .venv made with another Python is made anew.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
IS_PY311 := -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'
# Tests run with DEBUG off, as in production; this key is for tests only. No .env.
TEST_ENV := ENV_FILE= DEBUG=0 SECRET_KEY=$${SECRET_KEY:-insecure-key-for-tests-only}
# Injected into pages by the browser tests; from the npm registry (package.json).
AXE := node_modules/axe-core/axe.min.js
# Where `make run` serves the site: `make run ADDRESS=127.0.0.1:8001` for another port.
ADDRESS ?= 127.0.0.1:8000

.PHONY: run test install messages migrate demo static serve lint format clean screenshots bench-import bench-pages bench-respondents bench-export bench-figures bench-background bench-scale


# The site and, beside it, a worker for background imports (surveys/jobs/), which the
# site's uploads need. Ctrl-C stops both; an import the worker is saving then rolls
# back (nothing of it is stored, its job says so). The worker does not reload on code
# changes as runserver does: stop and start `make run` after changing an import.
run: install messages .env migrate demo
	@DEBUG=1 $(MANAGE) db_worker --no-reload & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; sleep 0.5; kill -TERM $$worker 2>/dev/null; \
		wait $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(MANAGE) runserver $(ADDRESS)

# Settings for development on this machine (git-ignored), read by settings.py, so that the
# README's `.venv/bin/python manage.py …` commands work as written. The environment wins
# over it; an existing .env is kept.
.env:
	@$(BIN)/python -c 'import secrets; print("# Written by make run: development settings for this machine, never for production.\nDEBUG=1\nSECRET_KEY=" + secrets.token_urlsafe(50))' > $@
	@echo "Wrote .env: DEBUG=1 and a development SECRET_KEY for manage.py commands."

test: install messages $(AXE)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(TEST_ENV) $(MANAGE) check
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run
	$(TEST_ENV) $(BIN)/pytest $(PYTEST_ARGS)

install:
	@if test -x $(BIN)/python && ! $(BIN)/python $(IS_PY311) 2>/dev/null; then \
		echo "$(VENV) was made with $$($(BIN)/python --version 2>&1), not Python 3.11: making it anew."; \
		rm -rf $(VENV); fi
	@$(MAKE) --no-print-directory $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) $(IS_PY311) 2>/dev/null || { \
		echo "The site needs Python 3.11; $(PYTHON) is $$($(PYTHON) --version 2>&1 || echo missing)." \
		"Name a Python 3.11, e.g.: make PYTHON=python3.11 run"; exit 1; }
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

# The site as in production: DEBUG=0 under gunicorn (gunicorn.conf.py: WEB_CONCURRENCY
# workers, default 2, sharing the page cache in a folder or in Redis with REDIS_URL),
# migrations and static files first; WhiteNoise serves those compressed (brotli, gzip)
# with far-future cache headers. Needs SECRET_KEY; see docs/deploy.md for a real deployment.
# gunicorn.conf.py starts a worker for background imports beside the site, and stops it.
serve: export IMPORT_WORKER = 1
serve: install messages
	@test -n "$$SECRET_KEY" || { echo 'make serve needs SECRET_KEY, e.g.:' \
		'export SECRET_KEY="$$(python3 -c "import secrets; print(secrets.token_urlsafe(50))")"'; exit 1; }
	@# gunicorn itself reads WEB_CONCURRENCY before its config file (and fails on a
	@# value that is not a number with a traceback): checked here, in one line.
	@case "$${WEB_CONCURRENCY:-2}" in *[!0-9]*|0) echo "WEB_CONCURRENCY moet een" \
		"positief geheel getal zijn, niet ‘$$WEB_CONCURRENCY’."; exit 2;; esac
	DEBUG=0 $(MANAGE) migrate --noinput
	DEBUG=0 $(MANAGE) collectstatic --noinput --verbosity 0
	@# The nightly purge of old comment addresses (privacy statement), once at start;
	@# a server that runs for days needs the systemd timer of docs/deploy.md.
	DEBUG=0 $(MANAGE) purge_comment_ips
	WEB_CONCURRENCY=$${WEB_CONCURRENCY:-2} DEBUG=0 $(BIN)/gunicorn --config gunicorn.conf.py

# Benchmarks (bench/README.md): each makes a throwaway database of its own (SQLite, or
# PostgreSQL with DATABASE_URL) and prints its figures. Not part of `make test`.
bench-import: install
	$(BIN)/python bench/import.py $(BENCH_ARGS)

bench-respondents: install messages
	$(BIN)/python bench/respondents.py $(BENCH_ARGS)

bench-export: install
	$(BIN)/python bench/export.py $(BENCH_ARGS)

bench-figures: install
	$(BIN)/python bench/figures.py $(BENCH_ARGS)

bench-background: install
	$(BIN)/python bench/background_import.py $(BENCH_ARGS)

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
	$(BIN)/pybabel compile --domain djangojs --directory locale --use-fuzzy --statistics

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
