# The README's commands. `make demo` and `make test` each set up what they need first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PARLEY := $(VENV)/bin/parley

.PHONY: install sysdeps demo test lint accuracy bench bench-spark fuzz clean

install: $(VENV)/.installed

# requirements.lock pins every transitive package, so a fresh clone gets the tested set.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,spark]'
	touch $@

# System programs the tests drive for real: PostgreSQL, Java (Spark) and Chromium.
sysdeps:
	bash scripts/sysdeps.sh

demo: install
	bash scripts/demo.sh

lint: install
	$(VENV)/bin/ruff check src tests bench scripts

test: install sysdeps lint
	$(VENV)/bin/pytest -q -p no:cacheprovider

# Regenerate docs/accuracy.md from the dev gold sets beside the repo (../shared/gold).
accuracy: install
	$(PY) scripts/accuracy_report.py

# Every input reader, the API body parser and the cursor decoder on 10,000 inputs each (the
# suite runs 40-200): counts per reader.
fuzz: install
	PARLEY_FUZZ_EXAMPLES=$${PARLEY_FUZZ_EXAMPLES:-10000} $(VENV)/bin/pytest -q -s -p no:cacheprovider -W ignore tests/ingest/test_fuzz.py tests/api/test_fuzz_inputs.py

bench: install
	$(PY) bench/throughput.py --processes $$(nproc)

bench-spark: install sysdeps
	$(PY) bench/spark_throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info parley.db parley.db-*
