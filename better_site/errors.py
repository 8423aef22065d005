"""Error pages in the visitor's language, and 503 while the database cannot be reached.

The pages extend errors/base.html, which needs neither a request nor the database: an error may come
from a bad Host header or from the database itself. The language is the one LocaleMiddleware chose
from the address, so /hu/… gets a Hungarian page.
"""

import sys

from django.conf import settings
from django.core.exceptions import BadRequest
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader


def _render(template_name, status, context=None):
    return HttpResponse(loader.render_to_string(template_name, context or {}), status=status)


def bad_request(request, exception=None, template_name="400.html"):
    # Our own refusals (BadRequest) carry a reason written for the visitor; other 400s (a forged
    # Host header, a broken upload) carry technical text that is not shown.
    reason = str(exception) if type(exception) is BadRequest and str(exception) else ""
    return _render(template_name, 400, {"reason": reason})


def permission_denied(request, exception=None, template_name="403.html"):
    return _render(template_name, 403)


def csrf_failure(request, reason="", template_name="403_csrf.html"):
    return _render(template_name, 403, {"no_cookie": reason.startswith("CSRF cookie not set")})


DATABASE_ERRORS = (OperationalError, InterfaceError)


def server_error(request, template_name="500.html"):
    """500, or 503 with Retry-After when the database cannot be reached (the site recovers by itself).

    Django calls this while the exception is being handled, wherever it was raised (a view, a
    middleware), so the exception tells which it is. Each request opens a new connection once the
    failed one is closed, which is how the site recovers without a restart.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        response = _render("503.html", 503)
        response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER)
        return response
    return _render(template_name, 500)
