# The front door: `make run` starts Sklaida with demo data, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Local development runs with DEBUG on and the demo personas enabled; its e-mail goes to
# the demo's own mailbox (the `mailbox` process of Procfile.dev, read at /demo/pastas/).
DEMO_SMTP_PORT ?= 8025
RUN_ENV := DEBUG=1 DEMO_MODE=1 EMAIL_URL=smtp://127.0.0.1:$(DEMO_SMTP_PORT)

.PHONY: run test lint format messages bench lock clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Sklaida needs Python 3.11 ($(PYTHON)). On Debian: apt-get install python3.11 python3.11-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

var:
	mkdir -p var

run: $(VENV)/.installed var
	@bin/system-packages run
	$(RUN_ENV) $(MANAGE) compilemessages --ignore=.venv -v0
	$(RUN_ENV) $(MANAGE) migrate --no-input -v0
	$(RUN_ENV) $(MANAGE) demo
	@echo ""
	@echo "Sklaida: http://127.0.0.1:8000  (web + background worker + scheduler + mailbox; Ctrl+C stops all)"
	@echo "E-mail the demo sends: http://127.0.0.1:8000/demo/pastas/  (caught on smtp://127.0.0.1:$(DEMO_SMTP_PORT))"
	@echo "Demo users: vadove, specialiste, dizainere, teritorija, stebetojas, admin — password: sklaida-demo"
	@echo ""
	PATH="$(CURDIR)/$(BIN):$$PATH" $(RUN_ENV) $(BIN)/honcho start -f Procfile.dev

# Runs on the SQLite default, or on PostgreSQL when DATABASE_URL says so.
test: $(VENV)/.installed
	@bin/system-packages test
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the Lithuanian catalogues after changing user-facing strings, then translate.
messages: $(VENV)/.installed
	DEBUG=1 $(MANAGE) messages

bench: $(VENV)/.installed
	@for script in bench/*.py; do echo "== $$script"; DEBUG=1 $(BIN)/python $$script; done

# Re-pin dependencies after editing requirements*.in.
lock: $(VENV)/.installed
	$(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links requirements.in -o requirements.txt
	$(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links requirements-dev.in -o requirements-dev.txt

clean:
	rm -rf $(VENV) var/static
