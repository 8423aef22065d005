"""Uploaded files served by Django itself: for a bare gunicorn (no front server) and `make run`.

The supported deployment lets nginx answer /media/ (deploy/nginx.conf) with the same headers as here:
- `X-Content-Type-Options: nosniff`: the browser takes the type we send, never one it guesses;
- `Content-Security-Policy: sandbox; default-src 'none'`: even a file a browser would render as a page
  runs no script, loads nothing and gets an opaque origin, so it can read neither the site's pages nor
  its cookies;
- images (the formats the upload checks accept) inline; everything else (an action plan's PDF) as
  `Content-Disposition: attachment`, with a type that no browser renders as a page.

Files are read through the storage API, so it works for any storage that keeps files under MEDIA_URL.
"""

import mimetypes
import posixpath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

SANDBOX_CSP = "sandbox; default-src 'none'"
INLINE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}
# Types a download may keep (a PDF opens in the reader after download); anything else is plain bytes.
ATTACHMENT_TYPES = {"application/pdf"}
CACHE_CONTROL = "public, max-age=3600"


def media_headers(name):
    """(content type, as attachment) for a stored file's name."""
    content_type, _encoding = mimetypes.guess_type(name)
    if content_type in INLINE_TYPES:
        return content_type, False
    if content_type in ATTACHMENT_TYPES:
        return content_type, True
    return "application/octet-stream", True


@require_safe
def serve_media(request, path):
    storage = default_storage
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith(".") or "\x00" in name:
        raise Http404
    try:
        modified = storage.get_modified_time(name)
        stored = storage.open(name, "rb")
    except (OSError, SuspiciousFileOperation, ValueError, NotImplementedError) as error:
        raise Http404 from error
    last_modified = http_date(modified.timestamp())
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), modified.timestamp()):
        stored.close()
        response = HttpResponseNotModified()
    else:
        content_type, as_attachment = media_headers(name)
        response = FileResponse(
            stored, content_type=content_type, as_attachment=as_attachment, filename=posixpath.basename(name)
        )
    response["Last-Modified"] = last_modified
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_CSP
    return response
