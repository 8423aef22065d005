"""`make bench`: the site at 10,000 releases and 3,000 events, against a floor app, with wrk.

Run through scripts/with-postgres.sh and scripts/with-redis.sh (DATABASE_URL, REDIS_URL). It migrates,
loads the demo content, seeds the scale data (seed_scale_data), collects the static files, vacuums, then
serves the site with production settings through gunicorn (2 sync workers) twice — with the page
cache and without it (BETTER_PAGE_CACHE=0) — and the floor app (scripts/bench/floor.py) the same
way, runs wrk on every page type, and prints req/s, p99 and the ratio to the floor per page, then
the issue's targets, met or not. Each page is measured in BENCH_ROUNDS rounds, each the floor just
before the page, so that the speed a shared machine drifts to within the run moves both sides of a
ratio; the round with the middle ratio is reported, so one disturbed second does not decide a page.
Environment: BENCH_ROUNDS (default 3), BENCH_SECONDS (each page measure, default 2),
BENCH_FLOOR_SECONDS (each floor measure, default 1), BENCH_MIXED_SECONDS (the 64-connection mixed
run, default 60), BENCH_RELEASES / BENCH_EVENTS.
"""

import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "2"))
# The floor is measured again next to each page (see measure_pair), for this long.
FLOOR_SECONDS = int(os.environ.get("BENCH_FLOOR_SECONDS", "1"))
MIXED_SECONDS = int(os.environ.get("BENCH_MIXED_SECONDS", "60"))
RELEASES = os.environ.get("BENCH_RELEASES", "10000")
EVENTS = os.environ.get("BENCH_EVENTS", "3000")
# A page whose single uncached request takes this long (s) is not put under wrk without the cache.
SLOW = 2.0
ADMIN_PASSWORD = "bench-admin-password"  # noqa: S105 - a throwaway database

# (label, kind, path): kind "list"/"detail" pages carry the uncached target; "other" only the cached one.
PAGES = [
    ("home", "list", "/en/"),
    ("news list", "list", "/en/news/"),
    ("news, page 400", "list", "/en/news/?page=400"),
    ("release", "detail", "/en/news/{release}/"),
    ("release (it)", "detail", "/it/news/{release}/"),
    ("about", "other", "/en/about/"),
    ("partners", "list", "/en/partners/"),
    ("partner", "detail", "/en/partners/tartu/"),
    ("events list", "list", "/en/events/"),
    ("events, filtered", "list", "/en/events/?city=tartu&kind=study-visit"),
    ("event", "detail", "/en/events/{event}/"),
    ("practices list", "list", "/en/practices/"),
    ("practice", "detail", "/en/practices/{practice}/"),
    ("RSS feed", "other", "/en/news/feed/"),
    ("Atom feed", "other", "/en/news/atom/"),
    ("calendar", "other", "/en/events/calendar.ics?city=tartu"),
    ("events API", "other", "/api/events/?lang=en&city=tartu"),
    ("practices API", "other", "/api/practices/?lang=en"),
    ("search", "search", "/en/search/?q=tartu"),
    ("sitemap", "other", "/sitemap.xml"),
]

MIXED_LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def log(message):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, process, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"a server stopped at start (port {port})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answered on port {port}")


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        raise SystemExit("wrk is not installed and this is not root: install Debian's 'wrk' package.")
    log("Installing wrk with apt-get…")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)  # noqa: S607
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk"], check=True, env=env)  # noqa: S607


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def query(env, code):
    """One value from the seeded database, through the site's own settings."""
    return subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def gunicorn(app, port, env, chdir=ROOT):
    return subprocess.Popen(  # noqa: S603
        [PYTHON, "-m", "gunicorn", app, "-b", f"127.0.0.1:{port}", "-w", "2", "--no-control-socket"]
        + ["--log-level", "warning", "--timeout", "30", "--chdir", str(chdir)],
        cwd=ROOT,
        env=env,
    )


def parse_wrk(output):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    p99_ms = float(p99.group(1)) * scale[p99.group(2)] if p99 else float("nan")
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    connect, read, write, timeout = (int(value) for value in errors.groups()) if errors else (0, 0, 0, 0)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return {
        "rps": rps,
        "p99": p99_ms,
        "errors": connect + read + write + (int(non_2xx.group(1)) if non_2xx else 0),
        "timeouts": timeout,
        "requests": requests,
    }


def wrk(port, path, connections=16, seconds=SECONDS, script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if script:
        command += ["-s", script]
    command.append(f"http://127.0.0.1:{port}{path}")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    return parse_wrk(output)


def get(port, path, cookies=None, form=None, timeout=30):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Host": f"127.0.0.1:{port}"}  # as wrk sends it: the page cache's key names the host
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request("POST" if form is not None else "GET", path, body=body, headers=headers)
    response = conn.getresponse()
    content = response.read().decode(errors="replace")
    if cookies is not None:
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                cookies[name] = morsel.value
    conn.close()
    return response.status, content


def admin_list_ms(port):
    """Median time of the admin's release list (10k releases) for a signed-in superuser, in ms."""
    cookies = {}
    _status, page = get(port, "/en/admin/login/", cookies)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"csrfmiddlewaretoken": token, "username": "bench-admin", "password": ADMIN_PASSWORD, "next": "/en/admin/"}
    status, _page = get(port, "/en/admin/login/?next=/en/admin/", cookies, form)
    if status != 302:
        return float("nan")
    times = []
    for _ in range(7):
        started = time.perf_counter()
        status, _page = get(port, "/en/admin/projects/pressrelease/", cookies)
        times.append((time.perf_counter() - started) * 1000)
        if status != 200:
            return float("nan")
    return statistics.median(times)


def main():
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            raise SystemExit(f"{name} is not set: run `make bench` (it starts PostgreSQL and Redis).")
    ensure_wrk()
    static_root = tempfile.mkdtemp(prefix="better-bench-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "better_site.settings.prod",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "b" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": static_root,
        "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
    }
    started = time.monotonic()
    log("Preparing: migrate, demo content, scale data, static files…")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_content")
    manage(env, "seed_scale_data", "--releases", RELEASES, "--events", EVENTS)
    manage(env, "collectstatic", "--noinput", "-v0")
    # Now rather than by autovacuum in the middle of the measures: after a bulk load of 13,000 rows it
    # would take the machine's CPU for a while, which a site in service does not see.
    query(env, "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')")
    manage(env, "createsuperuser", "--noinput", "--username", "bench-admin", "--email", "bench@example.org")
    slugs = (
        query(
            env,
            "from projects.models import PressRelease; from events.models import Event; "
            "from practices.models import GoodPractice; "
            "print(PressRelease.objects.published().filter(body_it__gt='').order_by('-published_at')[50].slug, "
            "Event.objects.order_by('-start_date')[100].slug, GoodPractice.objects.order_by('slug').first().slug)",
        )
        .splitlines()[-1]
        .split()
    )
    names = dict(zip(("release", "event", "practice"), slugs, strict=True))
    pages = [(label, kind, path.format(**names)) for label, kind, path in PAGES]
    log(f"Prepared in {time.monotonic() - started:.0f} s.")

    ports = {"cached": free_port(), "uncached": free_port(), "floor": free_port()}
    servers = [
        gunicorn("better_site.wsgi:application", ports["cached"], env),
        gunicorn("better_site.wsgi:application", ports["uncached"], {**env, "BETTER_PAGE_CACHE": "0"}),
        gunicorn("floor:application", ports["floor"], env, chdir=ROOT / "scripts" / "bench"),
    ]
    try:
        for server, port in zip(servers, ports.values(), strict=True):
            wait_for(port, server)
        report(ports, pages)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(static_root, ignore_errors=True)
    log(f"Benchmark done in {time.monotonic() - started:.0f} s.")


def drain(port):
    """Sync workers go on with the requests wrk left queued: wait for them before the next measure."""
    try:
        get(port, "/robots.txt", timeout=180)
    except TimeoutError:
        log(f"  the server on port {port} is still busy after 180 s")


def ratio(value, floor):
    return value / floor if floor else float("nan")


def measure_pair(floor_port, floor_path, port, path):
    """(floor, page) measured ROUNDS times in turn, the floor just before the page; the round with the
    middle ratio, with the errors and timeouts of every round (none may hide in another round)."""
    rounds = []
    for _ in range(ROUNDS):
        floor = wrk(floor_port, floor_path, seconds=FLOOR_SECONDS)
        page = wrk(port, path)
        drain(port)
        rounds.append((floor, page))
    rounds.sort(key=lambda pair: ratio(pair[1]["rps"], pair[0]["rps"]))
    floor, page = rounds[len(rounds) // 2]
    page = {**page, **{key: sum(other[key] for _f, other in rounds) for key in ("errors", "timeouts")}}
    return floor, page


def report(ports, pages):
    for path in ("/bare", "/template"):  # workers boot after the port opens
        for _ in range(4):
            get(ports["floor"], path, timeout=60)
    # A shared machine's speed drifts within a run (other guests, frequency): each page is compared with
    # the floor measured just before it (the bare floor for the cached answer, the template floor for
    # the uncached one), so a slower minute slows both sides of its ratio (measure_pair).
    floors = {"bare": {}, "template": {}}
    single = {}  # a page's first (uncached) answer, in seconds
    for _label, _kind, path in pages:  # fill the cache (both workers), as visitors would
        for visit in range(2):
            started = time.perf_counter()
            try:
                status, _body = get(ports["cached"], path, timeout=60)
            except TimeoutError:
                log(f"  {path}: no answer in 60 s")
                break
            took = time.perf_counter() - started
            if visit == 0:
                single[path] = took
            if status != 200 or took > 1:
                log(f"  {path} answered {status} in {took:.1f} s")
    cached = {}
    for _label, _kind, path in pages:
        floors["bare"][path], cached[path] = measure_pair(ports["floor"], "/bare", ports["cached"], path)

    lua = Path(tempfile.mkstemp(prefix="better-mixed-", suffix=".lua")[1])
    lua.write_text(MIXED_LUA % ", ".join(f'"{path}"' for _label, _kind, path in pages))
    mixed = wrk(ports["cached"], "/", connections=64, seconds=MIXED_SECONDS, script=str(lua))
    lua.unlink()
    drain(ports["cached"])

    uncached = {}
    for _label, _kind, path in pages:
        if single.get(path, SLOW) >= SLOW:
            # 16 connections on a page of seconds would keep both workers busy for minutes: its one
            # request is what is reported (and it fails its target).
            took = single.get(path, 60.0)
            uncached[path] = {"rps": 1 / took, "p99": took * 1000, "errors": 0, "timeouts": 0, "requests": 1}
            continue
        floors["template"][path], uncached[path] = measure_pair(ports["floor"], "/template", ports["uncached"], path)
    admin_ms = admin_list_ms(ports["uncached"])

    print(f"\nBETTER benchmark: {RELEASES} extra releases, {EVENTS} extra events; wrk -t2 -c16 -d{SECONDS}s")
    print(f"each page: {ROUNDS} rounds of the floor ({FLOOR_SECONDS} s) then the page; the middle ratio's round shown")
    print("gunicorn, 2 sync workers, production settings, PostgreSQL + Redis on this machine\n")
    for name, title in (("bare", "bare HttpResponse"), ("template", "20-item template")):
        measured = sorted(result["rps"] for result in floors[name].values())
        if measured:
            print(
                f"floor: {title:<19} {statistics.median(measured):8.0f} req/s  (median of {len(measured)},"
                f" {measured[0]:.0f}–{measured[-1]:.0f}: each page is compared with the one measured next to it)"
            )
    print()
    middle = {name: statistics.median(result["rps"] for result in floors[name].values()) for name in floors}

    def bare_floor(path):
        return floors["bare"].get(path, {"rps": middle["bare"]})["rps"]

    def template_floor(path):
        # A page too slow for wrk had no floor measured next to it: the run's median stands in.
        return floors["template"].get(path, {"rps": middle["template"]})["rps"]

    columns = ("cached req/s", "p99 ms", "÷bare", "uncached req/s", "p99 ms", "÷tmpl")
    widths = (12, 8, 6, 16, 8, 6)
    header = f"{'page':<20} " + " ".join(f"{name:>{width}}" for name, width in zip(columns, widths, strict=True))
    print(header)
    print("-" * len(header))
    results = []
    for label, kind, path in pages:
        hit, miss = cached[path], uncached[path]
        results.append((label, kind, path, hit, miss))
        errors = hit["errors"] + hit["timeouts"] + miss["errors"] + miss["timeouts"]
        print(
            f"{label:<20} {hit['rps']:12.0f} {hit['p99']:8.1f} {ratio(hit['rps'], bare_floor(path)):6.0%}"
            f"   {miss['rps']:14.0f} {miss['p99']:8.1f} {ratio(miss['rps'], template_floor(path)):6.0%}"
            + (f"   errors/timeouts {errors}" if errors else "")
            + ("   (one request: too slow for wrk)" if miss["requests"] == 1 else "")
        )
    print(f"\nadmin release list (signed in, median of 7): {admin_ms:.0f} ms")
    print(
        f"mixed run, all endpoints, 64 connections, {MIXED_SECONDS} s: {mixed['requests']} requests, "
        f"{mixed['rps']:.0f} req/s, p99 {mixed['p99']:.1f} ms, {mixed['errors']} errors, {mixed['timeouts']} timeouts"
    )

    search = next(uncached for label, _k, _p, _c, uncached in results if label == "search")
    targets = [
        (
            "cached public pages >= 40 % of the bare floor",
            [label for label, _k, path, cached, _u in results if cached["rps"] < 0.4 * bare_floor(path)],
        ),
        (
            "uncached list and detail pages >= 20 % of the template floor",
            [
                label
                for label, kind, path, _c, uncached in results
                if kind in ("list", "detail") and uncached["rps"] < 0.2 * template_floor(path)
            ],
        ),
        ("search (uncached) >= 100 req/s", [] if search["rps"] >= 100 else [f"{search['rps']:.0f} req/s"]),
        (
            "p99 < 50 ms at 16 connections for cached pages",
            [label for label, _k, _p, cached, _u in results if not cached["p99"] < 50],
        ),
        ("admin release list < 100 ms at 10k releases", [] if admin_ms < 100 else [f"{admin_ms:.0f} ms"]),
        (
            "mixed 60 s run at 64 connections: 0 errors, 0 timeouts",
            []
            if mixed["requests"] and mixed["errors"] == 0 and mixed["timeouts"] == 0
            else [f"{mixed['requests']} requests, {mixed['errors']} errors, {mixed['timeouts']} timeouts"],
        ),
    ]
    print("\nTargets:")
    for name, failing in targets:
        print(f"  {'met    ' if not failing else 'NOT MET'}  {name}" + (f"  ({', '.join(failing)})" if failing else ""))


if __name__ == "__main__":
    main()
