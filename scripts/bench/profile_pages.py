"""CPU time of each benchmarked page, served in-process (no page cache), for finding where it goes.

Run against a seeded database with the production settings, e.g. inside
`scripts/with-postgres.sh scripts/with-redis.sh bash -c '...'` after `seed_scale_data`:
    BETTER_PAGE_CACHE=0 python scripts/bench/profile_pages.py [label-substring] [--profile]
Prints the median CPU ms (process_time: this process only, not PostgreSQL's) and wall ms per page;
with --profile, the top functions by cumulative time for the pages chosen.
"""

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts" / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "better_site.settings.prod")

import django  # noqa: E402

django.setup()

from bench import PAGES  # noqa: E402
from django.test import Client  # noqa: E402

from events.models import Event  # noqa: E402
from practices.models import GoodPractice  # noqa: E402
from projects.models import PressRelease  # noqa: E402


def main():
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    profile = "--profile" in sys.argv
    names = {
        "release": PressRelease.objects.published().filter(body_it__gt="").order_by("-published_at")[50].slug,
        "event": Event.objects.order_by("-start_date")[100].slug,
        "practice": GoodPractice.objects.order_by("slug").first().slug,
    }
    client = Client(HTTP_HOST="127.0.0.1")
    for label, _kind, path in PAGES:
        if args and not any(arg in label for arg in args):
            continue
        path = path.format(**names)
        client.get(path)  # warm: imports, template loading, connection
        cpu, wall = [], []
        for _ in range(7):
            started_cpu, started = time.process_time(), time.perf_counter()
            response = client.get(path)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
        size = len(response.content)
        print(
            f"{label:<20} {response.status_code} cpu {min(cpu):6.1f} ms"
            f"  wall {min(wall):6.1f} ms  {size / 1024:7.1f} KiB"
        )
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(5):
                client.get(path)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)


if __name__ == "__main__":
    main()
