from django.conf import settings


def site(request):
    """Values every page template needs (the language switcher, the site name)."""
    return {"SITE_NAME": "BETTER", "SITE_LANGUAGES": settings.LANGUAGES}
