# servq — two commands on a fresh machine: `make demo` and `make test` (both run `make setup`).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The PostgreSQL server the test suite also runs on (its database is created and dropped by the tests).
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/servq

.PHONY: setup demo test test-sqlite test-postgres bench clean

setup: $(VENV)/.installed locale/en/LC_MESSAGES/django.mo

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	-./scripts/install-system-packages
	touch $@

# The English catalogue is compiled here (msgfmt comes from Debian's gettext), not committed.
locale/en/LC_MESSAGES/django.mo: locale/en/LC_MESSAGES/django.po $(VENV)/.installed
	msgfmt --check-format -o $@ $<

# axe-core for the browser tests, exactly as package-lock.json pins it (tests only: the demo
# needs no npm).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

demo: setup
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py createcachetable
	DEBUG=1 $(PY) manage.py load_demo
	@echo "servq: http://$(HOST):$(PORT)/  (staff: http://$(HOST):$(PORT)/staff/)"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: setup node_modules/.installed
	PG_TEST_URL=$(PG_TEST_URL) $(PY) scripts/run_tests.py $(ARGS)

test-sqlite: setup node_modules/.installed
	$(PY) scripts/run_tests.py --sqlite-only $(ARGS)

test-postgres: setup node_modules/.installed
	PG_TEST_URL=$(PG_TEST_URL) $(PY) scripts/run_tests.py --postgres-only $(ARGS)

bench: setup
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) var/*.sqlite3* node_modules locale/*/LC_MESSAGES/*.mo
