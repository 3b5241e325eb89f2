# Community Wealth Hub portal. `make run` serves the demo site; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock -e .
	touch $@

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

install: $(STAMP) ## Create .venv and install the site
	$(BIN)/python manage.py compile_translations

run: install ## Set up the demo site on SQLite and serve it on http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_demo_admin --url http://127.0.0.1:$(PORT)/admin/
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(DEV_STAMP) ## Lint, then run the whole test suite (SQLite, or DATABASE_URL)
	$(BIN)/python manage.py compile_translations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_ENV=test $(BIN)/python -m pytest

lint: $(DEV_STAMP) ## Lint and check formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP) ## Fix lint and formatting where it can be fixed automatically
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: $(BIN)/python ## Re-resolve dependencies and rewrite requirements.lock
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --upgrade pip
	.venv-lock/bin/pip install --quiet -e ".[dev,elasticsearch,bench]"
	.venv-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock
	rm -rf .venv-lock

clean: ## Remove the virtual environment, database and collected files
	rm -rf $(VENV) db.sqlite3 static_collected

BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -c requirements.lock -e ".[bench]"
	touch $@

bench: $(BENCH_STAMP) ## Benchmark every kind of page on SQLite and PostgreSQL (about 20 minutes)
	$(BIN)/python manage.py compile_translations
	$(BIN)/python bench/run.py
	cd bench && npm ci --no-audit --no-fund --ignore-scripts && cd .. && $(BIN)/python bench/lighthouse.py

soak: $(BENCH_STAMP) ## 10 minutes of mixed traffic, then with the cache and the database broken
	$(BIN)/python manage.py compile_translations
	$(BIN)/python bench/soak.py

.PHONY: help install run test lint format lock clean bench soak
