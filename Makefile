# Two commands set everything up: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
SECRET_FILE := var/secret_key
export DJANGO_SETTINGS_MODULE := compare_site.settings

.PHONY: install install-test browser run migrate seed static sync test lint format check test-postgres test-redis test-faults bench screenshots clean test-samples bench-frameworks

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes, so that a second `make run` is quick.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test node_modules/.installed browser

# axe-core for the accessibility checks in the browser tests (npm, pinned by the lock file).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests: never a browser downloaded by Playwright.
browser:
	@bash scripts/ensure_chromium.sh

$(SECRET_FILE):
	@mkdir -p -m 700 var
	@umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $(SECRET_FILE)
	@echo "Generated a secret key in $(SECRET_FILE) (ignored by git)."

migrate: install $(SECRET_FILE)
	SECRET_KEY="$$(cat $(SECRET_FILE))" $(PY) manage.py migrate --noinput

seed: migrate
	SECRET_KEY="$$(cat $(SECRET_FILE))" $(PY) manage.py seed
	SECRET_KEY="$$(cat $(SECRET_FILE))" $(PY) manage.py import_samples

static: install $(SECRET_FILE)
	SECRET_KEY="$$(cat $(SECRET_FILE))" $(PY) manage.py collectstatic --noinput --verbosity 0

# Release facts from the package index, for every published framework (see README).
sync: seed
	SECRET_KEY="$$(cat $(SECRET_FILE))" $(PY) manage.py sync_releases $(SYNC_ARGS)

run: seed static
	@# One quick try at fresh release facts; offline, the site carries on with what it has.
	@SECRET_KEY="$$(cat $(SECRET_FILE))" timeout 60 $(PY) manage.py sync_releases --timeout 3 \
		|| echo "  The package index could not be read now: serving the release facts already stored."
	@echo ""
	@echo "  Serving on http://127.0.0.1:$(PORT)/  (Ctrl+C stops it)"
	@echo "  Create an editor account with:"
	@echo "    $(PY) manage.py createeditor <username>"
	@echo "  then sign in at http://127.0.0.1:$(PORT)/admin/"
	@echo ""
	SECRET_KEY="$$(cat $(SECRET_FILE))" PORT=$(PORT) $(BIN)/gunicorn -c compare_site/gunicorn.conf.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(VENV)/.installed-test $(SECRET_FILE)
	SECRET_KEY="$$(cat $(SECRET_FILE))" $(PY) manage.py check
	SECRET_KEY="$$(cat $(SECRET_FILE))" $(PY) manage.py makemigrations --check --dry-run
	SECRET_KEY="$$(cat $(SECRET_FILE))" $(PY) manage.py check_content --seed-files

test: install-test lint check static
	SECRET_KEY="$$(cat $(SECRET_FILE))" $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: install-test static
	SECRET_KEY="$$(cat $(SECRET_FILE))" bash scripts/with_postgres.sh $(BIN)/pytest $(PYTEST_ARGS)

# The multi-worker cache test again, with every worker sharing a Redis server.
test-redis: install-test static
	SECRET_KEY="$$(cat $(SECRET_FILE))" bash scripts/with_redis.sh $(BIN)/pytest -m gunicorn $(PYTEST_ARGS)

# Real PostgreSQL 15, Redis and gunicorn (3 workers) under reader load while
# Redis is killed and frozen and PostgreSQL is stopped (tests/faults/).
test-faults: install-test static
	SECRET_KEY="$$(cat $(SECRET_FILE))" $(BIN)/pytest -m faults tests/faults $(PYTEST_ARGS)

bench: install-test static
	SECRET_KEY="$$(cat $(SECRET_FILE))" $(PY) scripts/bench.py

# Every samples/<slug>/ test file in its own virtual environment under var/sample-venvs/
# (reused while requirements.txt is unchanged); SAMPLES="flask django" runs a subset.
test-samples: install
	$(PY) scripts/run_samples.py $(SAMPLES)

# Each sample's hello and JSON apps under their production server, measured with wrk.
bench-frameworks: install
	$(PY) scripts/bench_frameworks.py $(SAMPLES)

# Full-page pictures of the main pages, desktop and phone, into docs/screenshots/.
screenshots: install-test static
	SECRET_KEY="$$(cat $(SECRET_FILE))" $(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) staticfiles var/cache
