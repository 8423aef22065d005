"""A release's body as a page shows it: Markdown with the release's own images placed where it names them."""

from django.utils.translation import get_language

from .web.cache import cached_markdown
from .web.images import responsive_image
from .web.markdown import InlineImage


def inline_images(release, language=None, absolute=None):
    """{name: InlineImage} of the release's images (`release.images`, prefetched by list views).

    The alt text is the shown language's, or the original's marked with its language. `absolute`
    turns a path into a full address (feeds, read away from the site). An image whose file is
    missing or broken is left out, like a hero image.
    """
    language = release.shown_language(language or get_language())
    images = {}
    for item in release.images.all():
        rendered = responsive_image(item.image)
        if rendered is None:
            continue
        alt, alt_language = item.alt_text(language)
        images[item.name] = InlineImage(
            src=absolute(rendered.src) if absolute else rendered.src,
            srcset=", ".join(
                f"{absolute(rendition.url) if absolute else rendition.url} {rendition.width}w"
                for rendition in rendered.renditions
            ),
            width=rendered.width,
            height=rendered.height,
            alt=alt,
            alt_lang=alt_language if alt_language != language else None,
        )
    return images


def render_body(release, language=None, absolute=None):
    """The shown body as sanitised HTML (a str; the caller marks it safe), rendered once per text,
    images and language (projects.web.cache)."""
    return cached_markdown(release.body, images=inline_images(release, language, absolute))
