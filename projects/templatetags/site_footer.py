"""The footer of every page: the EU emblem and co-funding statement, the partners with their logos,
and the links to the site's own pages (accessibility statement, privacy notice, contact...)."""

from django import template

from projects.models import SitePage
from projects.web import lookups

register = template.Library()

# The programme the project belongs to; a brand name, the same in every language.
PROGRAMME = "Interreg Europe"


@register.simple_tag(takes_context=True)
def site_partners(context):
    """The partner cities, from the site's lookups (projects.web.lookups): the footer and a page's side
    column share the worker's copy."""
    return list(lookups.site_partners(context.get("request")).values())


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    """No query once the worker has the partners of the current content version; one at most."""
    return {
        "SITE_NAME": context.get("SITE_NAME"),
        "programme": PROGRAMME,
        "partners": site_partners(context),
        "site_pages": SitePage.Key.choices,
    }
