"""The footer of every page: the EU emblem and co-funding statement, the partners with their logos,
and the links to the site's own pages (accessibility statement, privacy notice, contact...)."""

from django import template

from projects.models import Partner, SitePage

register = template.Library()

# The programme the project belongs to; a brand name, the same in every language.
PROGRAMME = "Interreg Europe"
_REQUEST_CACHE = "_better_site_partners"


@register.simple_tag(takes_context=True)
def site_partners(context):
    """The partner cities, read once per request: the footer and a page's side column share them."""
    request = context.get("request")
    partners = getattr(request, _REQUEST_CACHE, None)
    if partners is None:
        partners = list(Partner.objects.all())
        if request is not None:
            setattr(request, _REQUEST_CACHE, partners)
    return partners


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    """One query (the partners) at most, whatever the page."""
    return {
        "SITE_NAME": context.get("SITE_NAME"),
        "programme": PROGRAMME,
        "partners": site_partners(context),
        "site_pages": SitePage.Key.choices,
    }
