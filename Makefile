# The two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install demo test lint bench lock clean

$(STAMP): requirements.lock pyproject.toml
	rm -f $(VENV)/.installed-*
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/stancemap demo

lint: $(STAMP)
	$(BIN)/ruff check src tests

test: lint
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m stancemap.bench

# Re-pin dependencies (needs uv: pip install uv). Commit the result.
lock:
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		-o requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build src/*.egg-info
