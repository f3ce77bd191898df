# The two commands of the README: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Tests run with DEBUG off, as in production; this key is for tests only.
TEST_ENV := DEBUG=0 SECRET_KEY=$${SECRET_KEY:-insecure-key-for-tests-only}

.PHONY: run test install messages migrate demo static serve lint format clean

run: install messages migrate demo
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

test: install messages
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
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
