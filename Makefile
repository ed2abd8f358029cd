# Two commands do all setup: `make run` serves the demo site, `make test` runs the tests.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install run demo test lint format check-deploy clean browser-tools

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Newsroom needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

install: $(STAMP)

# The demo runs with DEBUG on: plain HTTP, media served by Django; a missing
# address shows readers' 404 page, not Django's debug page.
run: export DEBUG = 1
run: export DESIGNED_404 = 1
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddemo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

demo: export DEBUG = 1
demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddemo

# PYTEST_ARGS narrows a run, e.g. PYTEST_ARGS='-m "not browser"'.
test: install
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -q -r articles people photos reading discovery newsroom common -x '*/migrations/*' -ll

# What the browser tests need besides Python packages: Debian's Chromium and the
# Nu HTML Checker (vnu.jar, from npm, kept outside the repository). Java must be there.
TOOLS ?= $(HOME)/.cache/newsroom-tools
VNU_VERSION := 26.9.27
browser-tools:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)
	test -f $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar || \
	  (mkdir -p $(TOOLS) && npm install --no-audit --no-fund --prefix $(TOOLS) vnu-jar@$(VNU_VERSION))

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# What production must pass: no warnings from Django's deployment checks.
check-deploy: install
	DEBUG=0 SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	ALLOWED_HOSTS=news.example.com $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
