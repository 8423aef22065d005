"""Operations (issue 10, finding 6 and deliverable 6): /healthz and structured logs with tracebacks.

The full-stack checks (gunicorn behind nginx, /healthz while PostgreSQL is away and back, the
entrypoint) are in tests/test_deployment.py.
"""

import json
import logging

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db


def log_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_healthz_with_the_database_answering_is_200_and_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_healthz_with_the_database_failing_is_503(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_healthz_checks_a_configured_redis_cache(client, settings, monkeypatch):
    settings.CACHES = {
        "default": {"BACKEND": "projects.web.redis_cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}


def test_healthz_without_redis_does_not_check_the_local_cache(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "cache" not in response.json()


def test_server_error_logs_one_json_line_with_its_traceback(client, settings, capsys):
    settings.ROOT_URLCONF = "tests.helpers.failing_urls"
    client.raise_request_exception = False
    response = client.get("/crash/?page=2")
    assert response.status_code == 500
    errors = [line for line in log_lines(capsys.readouterr().out) if line["logger"] == "django.request"]
    assert len(errors) == 1
    (error,) = errors
    assert error["level"] == "ERROR"
    assert error["status"] == 500
    assert (error["method"], error["path"]) == ("GET", "/crash/")
    assert error["exc_info"].startswith("Traceback (most recent call last):")
    assert "ReportCrash: the report generator broke on row 17" in error["exc_info"]
    assert "crashing_view" in error["exc_info"]


def test_log_lines_are_json_with_time_level_and_logger(capsys):
    logging.getLogger("better_site.test").warning("Disk %s is %d%% full", "media", 91)
    (line,) = log_lines(capsys.readouterr().out)
    assert line["message"] == "Disk media is 91% full"
    assert (line["level"], line["logger"]) == ("WARNING", "better_site.test")
    assert line["time"].endswith("+00:00")


def test_not_found_pages_do_not_fill_the_log(client, capsys):
    assert client.get("/en/no-such-page/").status_code == 404
    assert not [line for line in log_lines(capsys.readouterr().out) if line["logger"] == "django.request"]
