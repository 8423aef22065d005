"""`/healthz` for the load balancer and the container's HEALTHCHECK.

200 when the database answers a query (and the Redis cache, when one is configured), 503 otherwise;
never cached. Each check opens what it needs afresh, so the answer turns back to 200 once the
database is back, with no restart.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    cache = caches["default"]
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("the cache did not return what was just stored")


def redis_configured():
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    return "redis" in backend.lower()


@never_cache
@require_safe
def healthz(request):
    checks = {"database": check_database}
    if redis_configured():
        checks["cache"] = check_cache
    results = {}
    for name, check in checks.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure means "not healthy", said as a 503
            logger.warning("Health check %s failed: %s", name, error)
            results[name] = "unavailable"
            if name == "database":
                # A broken connection must not be reused by the next request of this worker.
                connection.close_if_unusable_or_obsolete()
        else:
            results[name] = "ok"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", **results}, status=200 if healthy else 503)
