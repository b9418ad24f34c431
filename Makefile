# KLmitWirkung: `make run` serves the platform with demo content, `make test` runs every test.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV ?= .venv
PORT ?= 8000
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: help run test lint messages translations migrate clean bench restore-drill

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# The virtual environment is rebuilt whenever the pinned dependencies change.
$(VENV)/.installed: pyproject.toml
	@if [ ! -x $(PY) ]; then \
		python=$${PYTHON:-$$(bin/find-python)} || exit 1; \
		echo "Creating $(VENV) with $$python"; \
		"$$python" -m venv $(VENV) || exit 1; \
	fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@

# Developer commands run with development settings; production values are not needed for them.
translations messages migrate: export DJANGO_DEBUG = 1

translations: $(VENV)/.installed ## compile the German translations
	@$(MANAGE) compilemessages --ignore=.venv --verbosity=0

messages: $(VENV)/.installed ## collect new strings into locale/de/LC_MESSAGES/django.po
	$(MANAGE) makemessages --locale=de --ignore=.venv --ignore=tests --ignore=locale \
		--no-obsolete --add-location=file --no-wrap

# Quiet: errors still show, and `make run` ends with the demo logins, not a page of migrations.
# The cache table first: `migrate` checks that it exists (core/checks.py).
migrate: $(VENV)/.installed
	@$(MANAGE) createcachetable
	@$(MANAGE) migrate --no-input --verbosity=0

run: export DJANGO_DEBUG = 1
# Links in mails sent in the background point to this server (settings: SITE_URL).
run: export DJANGO_PORT = $(PORT)
run: translations migrate ## serve the platform with demo content on http://127.0.0.1:$(PORT)/
	@$(MANAGE) seed_demo
	@$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.installed ## ruff over the code, and the layers of docs/architecture.md
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=. $(VENV)/bin/lint-imports --no-cache

test: translations lint ## the whole suite, browser journeys included (DATABASE_URL picks the database)
	VENV=$(VENV) bin/test-in-parallel

# Not part of `make test`: minutes of load on a fresh PostgreSQL database (see bench/run).
bench: $(VENV)/.installed ## load benchmark with gunicorn and wrk; writes docs/benchmarks.md
	VENV=$(VENV) bash bench/run

# bin/backup and bin/restore-drill on the demo content: scratch databases beside DATABASE_URL's
# (PostgreSQL), dropped afterwards like the temporary folder (README, "Restore drill").
restore-drill: export DJANGO_DEBUG = 1
restore-drill: translations ## back up the demo content, restore it, prove the copy serves the same
	@VENV=$(VENV) bin/restore-drill --demo

clean: ## remove the virtual environment and the local database
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles
