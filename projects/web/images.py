"""Uploaded images: what the site accepts, and the resized copies (renditions) public pages show.

Accepting: the content decides, never the file name. Pillow must recognise the file as a JPEG,
PNG, WebP or GIF image; anything else (an SVG, which can carry scripts; a text file renamed .jpg;
a TIFF) is refused with a form error, as are files over the size and pixel limits below. The
stored name gets the extension of the real format. What is stored is a copy without the photo's
metadata (EXIF with its GPS position, XMP, comments): the original's pixels, turned upright, and
its colour profile, nothing else (`strip_metadata`).

Renditions: public pages never show the original upload (a 5 MB photo for a 480-pixel-wide
column). `responsive_image()` gives WebP copies at a few widths, made on first use and then reused,
stored as renditions/<hash>.webp through the storage API only (open, save, exists: no file-system
paths), so several app servers sharing one storage find each other's copies. Re-encoding also
drops the photo's metadata (EXIF, GPS position) and anything a crafted file might hide after the
image data. A missing or broken original gives no image, never an error page.
"""

import hashlib
import logging
import posixpath
from dataclasses import dataclass
from io import BytesIO

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from . import near_cache

logger = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_SIDE = 6000  # pixels, each way
# Pillow's names of the formats accepted, with the extension the stored file gets.
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
ACCEPT = "image/jpeg,image/png,image/webp,image/gif"

RENDITION_WIDTHS = (480, 960)
# Every width a template asks for (partner logos: 240 and 480): the renditions deleted with an image.
ALL_RENDITION_WIDTHS = (240, 480, 960)
RENDITION_FORMAT = "WEBP"
RENDITION_EXTENSION = "webp"
RENDITION_QUALITY = 80
RENDITION_FOLDER = "renditions"
# Part of every rendition's name: change it when the way renditions are made changes.
RENDITION_VERSION = "1"
_SIZE_CACHE_SECONDS = 24 * 60 * 60


def limits_help_text():
    return _("A JPEG, PNG, WebP or GIF image of at most %(size)s and %(side)s × %(side)s pixels.") % {
        "size": filesizeformat(MAX_IMAGE_BYTES),
        "side": MAX_IMAGE_SIDE,
    }


class ImageUploadField(forms.ImageField):
    """An image field that checks the content: format, file size and pixel size."""

    # The content decides (see to_python); the extension is then set from it.
    default_validators = []
    default_error_messages = {
        "invalid_image": _(
            "This file is not a JPEG, PNG, WebP or GIF image (its content was checked, not only its name). "
            "SVG and other formats are not accepted."
        ),
        "format": _("This is a %(format)s image; upload a JPEG, PNG, WebP or GIF image."),
        "too_large": _("The file is %(size)s; an image may be at most %(limit)s."),
        "too_many_pixels": _(
            "The image is %(width)s × %(height)s pixels; an image may be at most %(side)s × %(side)s pixels."
        ),
    }

    def __init__(self, **kwargs):
        # The model field has no help text of its own: its empty one would hide the limits.
        kwargs["help_text"] = kwargs.get("help_text") or limits_help_text()
        super().__init__(**kwargs)

    def to_python(self, data):
        # Before Pillow reads anything: an oversize file is refused on its size alone.
        size = getattr(data, "size", None)
        if size is not None and size > MAX_IMAGE_BYTES:
            raise ValidationError(
                self.error_messages["too_large"],
                code="too_large",
                params={"size": filesizeformat(size), "limit": filesizeformat(MAX_IMAGE_BYTES)},
            )
        upload = super().to_python(data)  # Pillow's open() + verify(), or "invalid_image"
        if upload is None:
            return None
        image = upload.image
        if image.format not in ALLOWED_FORMATS:
            raise ValidationError(self.error_messages["format"], code="format", params={"format": image.format})
        width, height = image.size
        if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
            raise ValidationError(
                self.error_messages["too_many_pixels"],
                code="too_many_pixels",
                params={"width": width, "height": height, "side": MAX_IMAGE_SIDE},
            )
        stem, _extension = posixpath.splitext(upload.name)
        name = f"{stem}.{ALLOWED_FORMATS[image.format]}"
        try:
            data = strip_metadata(upload, image.format)
        except (OSError, ValueError, SyntaxError) as error:  # Pillow's ways of saying "cannot decode it"
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error
        stripped = SimpleUploadedFile(name, data, content_type=Image.MIME[image.format])
        stripped.image = image
        return stripped

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput):
            attrs["accept"] = ACCEPT
        return attrs


def strip_metadata(file, image_format):
    """The image's bytes in its own format without metadata: no EXIF (GPS position, camera, time),
    XMP or comments. The pixels are turned upright first (the EXIF orientation goes with the EXIF);
    the colour profile stays. A JPEG keeps its quantisation tables, so it loses no visible quality."""
    file.seek(0)
    buffer = BytesIO()
    with Image.open(file) as original:
        icc_profile = original.info.get("icc_profile")
        options = {"icc_profile": icc_profile} if icc_profile else {}
        if image_format == "GIF":
            # Every frame of an animation; GIF has no EXIF, but comments and extensions are dropped.
            original.info.pop("comment", None)
            original.save(buffer, format="GIF", save_all=True, **options)
            return buffer.getvalue()
        lossless = bool(original.info.get("lossless", False))
        if image_format == "WEBP" and getattr(original, "is_animated", False):
            # Every frame; metadata is only written when passed to save().
            original.info = {}
            original.save(buffer, format="WEBP", save_all=True, lossless=lossless, quality=90, **options)
            return buffer.getvalue()
        upright = ImageOps.exif_transpose(original)
        turned = upright is not original and upright is not None
        image = upright if turned else original
        image.info = {}  # nothing of the original's info (comments, XMP, text) is carried over
        if image_format == "JPEG":
            quality = {"quality": 90} if turned else {"quality": "keep", "subsampling": "keep"}
            image.save(buffer, format="JPEG", **quality, **options)
        elif image_format == "PNG":
            image.save(buffer, format="PNG", **options)
        else:  # WEBP
            image.save(buffer, format="WEBP", lossless=lossless, quality=90, **options)
    return buffer.getvalue()


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class ResponsiveImage:
    """What an <img> needs: `src` (the largest copy), `srcset`, and `width`/`height` against layout shift."""

    renditions: tuple[Rendition, ...]

    @property
    def largest(self):
        return self.renditions[-1]

    @property
    def src(self):
        return self.largest.url

    @property
    def width(self):
        return self.largest.width

    @property
    def height(self):
        return self.largest.height

    @property
    def srcset(self):
        return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in self.renditions)


def rendition_name(source_name, width):
    key = f"{source_name}|{width}|{RENDITION_FORMAT}|{RENDITION_QUALITY}|{RENDITION_VERSION}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"{RENDITION_FOLDER}/{digest}.{RENDITION_EXTENSION}"


def get_rendition(field_file, width):
    """A copy of the image at most `width` pixels wide (never enlarged), or None without a usable image."""
    if not field_file or not getattr(field_file, "name", None):
        return None
    storage = field_file.storage
    name = rendition_name(field_file.name, width)
    try:
        if storage.exists(name):
            size = cache.get(_size_cache_key(name))
            if size is None:
                with storage.open(name, "rb") as stored, Image.open(stored) as image:
                    size = image.size
        else:
            name, size = _make_rendition(storage, field_file.name, name, width)
    except Exception as error:  # noqa: BLE001 - a broken or missing file must cost the page its image, not a 500
        logger.warning("No rendition of %s at %s px: %s", field_file.name, width, error)
        return None
    cache.set(_size_cache_key(name), size, _SIZE_CACHE_SECONDS)
    return Rendition(url=storage.url(name), width=size[0], height=size[1])


def responsive_image(field_file, widths=RENDITION_WIDTHS, request=None):
    """Renditions at the given widths for srcset, or None where there is no usable image.

    The answer is kept in the shared cache under the source's name: a list of 20 teasers then costs
    one cache read per image instead of a storage look-up (a stat, or an S3 request) per width.
    Renditions are never changed in place (a new upload gets a new name), so the entry needs no
    invalidation; a missing image is not remembered, so a file put back is found on the next request.
    With the page's `request`, the worker keeps its own copy too (projects.web.near_cache).
    """
    if not field_file or not getattr(field_file, "name", None):
        return None
    widths = tuple(sorted(widths))
    key = _responsive_cache_key(field_file, widths)
    image = near_cache.get(request, key)
    if image is None:
        image = _responsive_image(field_file, widths)
        if image is not None:
            near_cache.set_many(request, {key: image}, _SIZE_CACHE_SECONDS)
    return image


def _responsive_cache_key(field_file, widths):
    where = getattr(field_file.storage, "base_url", "") or type(field_file.storage).__name__
    source = f"{where}|{field_file.name}|{widths}|{RENDITION_FORMAT}|{RENDITION_QUALITY}|{RENDITION_VERSION}"
    return "responsive-image:" + hashlib.sha256(source.encode()).hexdigest()[:32]


def _responsive_image(field_file, widths):
    renditions = {}
    for width in widths:
        rendition = get_rendition(field_file, width)
        if rendition is None:
            return None
        # A small original gives the same copy for every wider request: list each real width once.
        renditions.setdefault(rendition.width, rendition)
    if not renditions:
        return None
    return ResponsiveImage(renditions=tuple(renditions[width] for width in sorted(renditions)))


def _size_cache_key(name):
    return f"rendition-size:{name}"


def _make_rendition(storage, source_name, target_name, width):
    with storage.open(source_name, "rb") as source, Image.open(source) as original:
        # Files put in place without the upload form (imports, demo data) are checked here too.
        if original.format not in ALLOWED_FORMATS:
            raise ValueError(f"format {original.format} is not accepted")
        if original.width > MAX_IMAGE_SIDE or original.height > MAX_IMAGE_SIDE:
            raise ValueError(f"{original.width}×{original.height} pixels is over the limit")
        image = ImageOps.exif_transpose(original)  # a photo taken upright stays upright
        target_width = min(width, image.width)
        target_height = max(1, round(image.height * target_width / image.width))
        has_alpha = image.mode in {"RGBA", "LA", "PA"} or (image.mode == "P" and "transparency" in image.info)
        image = image.convert("RGBA" if has_alpha else "RGB")
        resized = image.resize((target_width, target_height), Image.Resampling.LANCZOS)
    buffer = BytesIO()
    resized.save(buffer, format=RENDITION_FORMAT, quality=RENDITION_QUALITY, method=4)
    # Two first requests at once may both write; each gets a valid file, the later one a suffixed name.
    name = storage.save(target_name, ContentFile(buffer.getvalue()))
    return name, resized.size
