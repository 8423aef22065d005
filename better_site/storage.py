"""S3-compatible object storage for uploads (django-storages), chosen in settings by MEDIA_S3_BUCKET.

An object store cannot add response headers of its own at request time, so each object is stored
with what its responses need: a content type from its extension and, for anything that is not one
of the accepted image formats (an action plan's PDF), `Content-Disposition: attachment`, so that a
browser downloads it instead of showing it. Serve the bucket from its own domain (MEDIA_S3_CUSTOM_DOMAIN
on another host than the site's), never from the site's origin: a file there cannot read the site's
pages or cookies.
"""

import mimetypes
import posixpath

from storages.backends.s3 import S3Storage

INLINE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}


def object_headers(name):
    """The S3 object parameters (response headers) a stored file with this name gets."""
    content_type, _encoding = mimetypes.guess_type(name)
    content_type = content_type or "application/octet-stream"
    parameters = {"ContentType": content_type, "CacheControl": "public, max-age=3600"}
    if content_type not in INLINE_TYPES:
        filename = posixpath.basename(name).replace('"', "")
        parameters["ContentDisposition"] = f'attachment; filename="{filename}"'
    return parameters


class MediaS3Storage(S3Storage):
    def get_object_parameters(self, name):
        return {**super().get_object_parameters(name), **object_headers(name)}
