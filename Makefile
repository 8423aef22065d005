# The two commands of the README: `make run` and `make test`. Everything else is what they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: run test bench install browser nginx validators image-steps messages lint format check clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# Compiled catalogues are build output: made from the committed .po files.
messages: install
	@if ! command -v msgfmt >/dev/null 2>&1 && [ "$$(id -u)" = "0" ]; then \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gettext; \
	fi
	@if [ -d locale ]; then $(MANAGE) compilemessages --ignore=.venv --verbosity 0; fi

run: install messages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	@echo ""
	@echo "BETTER demo site: http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/en/admin/)"
	@echo "Demo accounts, password 'better-demo': admin (superuser), genoa, gavle, birmingham, tartu, nyiregyhaza"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:8000

# Debian's Chromium for the browser tests; installed when missing (root only).
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
		if [ "$$(id -u)" = "0" ]; then \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation; \
		else echo "Install Debian's chromium package for the browser tests" >&2; exit 1; fi; \
	fi

# Debian's nginx for the deployment tests (tests/test_deployment.py); installed when missing (root only).
nginx:
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light openssl; \
		else echo "Install Debian's nginx-light package for the deployment tests" >&2; exit 1; fi; \
	fi

# The Nu Html Checker for tests/test_html_validity.py: the vnu-jar npm package pinned in
# package-lock.json, run on Debian's JRE (installed when missing, root only). --ignore-scripts: the
# package's install script would download a Java runtime of its own.
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar

validators: $(VNU_JAR)
	@if ! command -v java >/dev/null 2>&1; then \
		if [ "$$(id -u)" = "0" ]; then \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless; \
		else echo "Install Debian's default-jre-headless package for the HTML validity tests" >&2; exit 1; fi; \
	fi

# Only when node_modules is missing or older than the lock file.
$(VNU_JAR): package-lock.json
	@if ! command -v npm >/dev/null 2>&1; then \
		if [ "$$(id -u)" = "0" ]; then \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm; \
		else echo "Install Node.js and npm (Debian's npm package) for the HTML validity tests" >&2; exit 1; fi; \
	fi
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# The Dockerfile's build steps without Docker: a clean virtualenv with the runtime requirements only,
# then deploy/build-steps.sh (collectstatic, compilemessages) and the production deploy checks.
IMAGE_VENV ?= /tmp/better-image-venv
image-steps:
	rm -rf $(IMAGE_VENV)
	$(PYTHON) -m venv $(IMAGE_VENV)
	$(IMAGE_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	PATH=$(IMAGE_VENV)/bin:$$PATH DJANGO_STATIC_ROOT=$(IMAGE_VENV)/staticfiles deploy/build-steps.sh
	test -f $(IMAGE_VENV)/staticfiles/staticfiles.json
	PATH=$(IMAGE_VENV)/bin:$$PATH DJANGO_SETTINGS_MODULE=better_site.settings.prod DJANGO_SECRET_KEY=image-steps-check-key-0123456789-abcdefghijklmnopqrstuvwxyz \
		DATABASE_URL=sqlite:////tmp/better-image-check.sqlite3 DJANGO_ALLOWED_HOSTS=better.example.org \
		DJANGO_STATIC_ROOT=$(IMAGE_VENV)/staticfiles python manage.py check --deploy --fail-level WARNING
	sh deploy/entrypoint.sh true

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install
	DJANGO_SETTINGS_MODULE=better_site.settings.dev $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=better_site.settings.dev $(MANAGE) check

# PostgreSQL and a real redis-server (the two-instance test), both throwaway; the other tests keep
# the in-memory cache.
test: install messages browser nginx validators lint check
	scripts/with-postgres.sh scripts/with-redis.sh $(VENV)/bin/pytest $(PYTEST_ARGS)

# Not part of `make test`: a few minutes of wrk against the site at 10,000 releases (scripts/bench/).
bench: install messages
	scripts/with-postgres.sh scripts/with-redis.sh $(PY) scripts/bench/bench.py

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles media .pytest_cache .ruff_cache test-artifacts
