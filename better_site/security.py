"""Headers every response carries, and the client's address as the login throttle sees it."""

from django.conf import settings


def content_security_policy():
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in settings.CONTENT_SECURITY_POLICY.items())


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy and a Permissions-Policy on every response, the admin's too.

    Nothing inline runs: scripts and styles come from the site's own static files. A response that
    set a stricter policy of its own (an uploaded file's sandbox) keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def client_ip(request):
    """The visitor's address: the front server's header where settings name one, else the peer's.

    The header is only read when configured, because without a front server that sets it a client
    could choose its own address and escape the per-address lockout.
    """
    if settings.CLIENT_IP_HEADER:
        value = request.META.get(settings.CLIENT_IP_HEADER, "")
        # X-Forwarded-For lists every hop; the last one is the one our front server added.
        value = value.split(",")[-1].strip()
        if value:
            return value
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: the admin's page saying why and for how long."""
    from django.contrib import admin
    from django.shortcuts import render
    from django.utils.translation import gettext

    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {
        **admin.site.each_context(request),
        "is_nav_sidebar_enabled": False,
        "title": gettext("Login locked"),
        "cooloff_minutes": minutes,
    }
    return render(request, "registration/locked_out.html", context, status=429)
