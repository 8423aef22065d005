"""The container's HEALTHCHECK: exit 0 when /healthz answers 200, 1 otherwise (standard library only).

Asks gunicorn directly, as the first host of DJANGO_ALLOWED_HOSTS (Django refuses unknown hosts).
"""

import os
import sys
import urllib.error
import urllib.request


def main():
    hosts = [host.strip().lstrip(".") for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")]
    host = next((h for h in hosts if h and h != "*"), "localhost")
    bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").replace("0.0.0.0", "127.0.0.1")  # noqa: S104
    request = urllib.request.Request(f"http://{bind}/healthz", headers={"Host": host})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - our own address
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError):
        return 1


if __name__ == "__main__":
    sys.exit(main())
