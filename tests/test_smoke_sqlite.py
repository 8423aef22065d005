"""`make run`'s path on the embedded default: migrate, load the demo content and serve every
public page from SQLite, in a separate process with the development settings."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_sqlite_site_migrates_loads_demo_and_serves_every_public_page(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="better_site.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'smoke.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )
    for command in (["migrate", "--noinput"], ["load_demo_content"], ["load_demo_content"]):
        result = manage(*command, env=env)
        assert result.returncode == 0, result.stderr

    result = manage("shell", "-c", (ROOT / "tests" / "smoke_pages.py").read_text(), env=env)

    assert result.returncode == 0, result.stderr
    assert "SMOKE FAIL" not in result.stdout, result.stdout
    summary = next(line for line in result.stdout.splitlines() if line.startswith("SMOKE pages="))
    # Five languages of home, news, events, practices, partners, about, plus every detail page.
    assert int(summary.split()[1].split("=")[1]) > 100, summary
