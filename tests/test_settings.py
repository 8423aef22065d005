"""Production settings: refuse to start without configuration, pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_without_configuration_refuses_to_start():
    result = run_manage("check", env_overrides={"DJANGO_SETTINGS_MODULE": "better_site.settings.prod"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY, DATABASE_URL, DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_with_configuration_passes_deploy_checks(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "better_site.settings.prod",
            "DJANGO_SECRET_KEY": "x9!Vq2#pL7@mZ4$wR8^tY1&uI6*oP3(aS5)dF0_gH2+jK4=lQ7",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
            "DJANGO_ALLOWED_HOSTS": "better.example.org",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_base_settings_are_not_debug_and_have_no_key():
    from better_site.settings import base

    assert base.DEBUG is False
    assert os.environ.get("DJANGO_SECRET_KEY", "") == base.SECRET_KEY
