"""Links from an event or a practice to press releases: a coordinator links only their city's releases,
and a release's history records each link made to it or taken from it.

The relations are declared on the higher apps' models (`releases`); their admins add
`OwnReleasesMixin` before `HistoryAdminMixin`. The press release admin narrows its autocomplete
with `limit_release_autocomplete`.
"""

from django.db.models import Q
from django.utils.translation import gettext
from reversion import revisions

from projects.models import PressRelease

from .permissions import coordinator_partner, is_project_editor

RELEASE_FIELDS = ("releases",)


def own_releases(user):
    """The releases `user` may link to; None for an editor, who may link any."""
    if is_project_editor(user):
        return None
    partner = coordinator_partner(user)
    return Q(author=partner) if partner else Q(pk__in=[])


class OwnReleasesMixin:
    def get_form(self, request, obj=None, **kwargs):
        # Subclass whatever form the other mixins and the admin built, rather than replace it.
        form = super().get_form(request, obj, **kwargs)
        allowed = own_releases(request.user)
        fields = [name for name in RELEASE_FIELDS if name in form.base_fields]
        if allowed is None or not fields:
            return form

        class OwnReleasesForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name in fields:
                    # Links made earlier (by an editor) stay choosable, so saving keeps them; any other
                    # city's release is "not one of the available choices", whatever the POST says.
                    linked = getattr(self.instance, name).values("pk") if self.instance.pk else []
                    self.fields[name].queryset = self.fields[name].queryset.filter(allowed | Q(pk__in=linked))

        return OwnReleasesForm

    # Recording: the changes are noted while saving, and recorded on each release once the object's
    # own revision is complete (a revision holds one comment, and this one is the release's).

    def save_related(self, request, form, formsets, change):
        before = {name: set(getattr(form.instance, name).values_list("pk", flat=True)) for name in RELEASE_FIELDS}
        super().save_related(request, form, formsets, change)
        after = {name: set(getattr(form.instance, name).values_list("pk", flat=True)) for name in RELEASE_FIELDS}
        request._release_link_changes = (
            str(form.instance),
            {pk: True for name in RELEASE_FIELDS for pk in after[name] - before[name]}
            | {pk: False for name in RELEASE_FIELDS for pk in before[name] - after[name]},
        )

    def add_view(self, request, form_url="", extra_context=None):
        response = super().add_view(request, form_url, extra_context)
        self._record_release_links(request)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        self._record_release_links(request)
        return response

    def _record_release_links(self, request):
        name, changes = getattr(request, "_release_link_changes", ("", {}))
        kind = self.model._meta.verbose_name
        for release in PressRelease.objects.filter(pk__in=changes):
            message = (
                gettext("Linked to %(kind)s “%(name)s”.")
                if changes[release.pk]
                else gettext("Unlinked from %(kind)s “%(name)s”.")
            )
            with revisions.create_revision():
                revisions.set_user(request.user)
                revisions.set_comment(message % {"kind": kind, "name": name})
                revisions.add_to_revision(release)


def limit_release_autocomplete(request, queryset):
    """The releases an autocomplete of an event's or a practice's `releases` offers: the user's own."""
    match = request.resolver_match
    if match is None or match.url_name != "autocomplete" or request.GET.get("field_name") not in RELEASE_FIELDS:
        return queryset
    allowed = own_releases(request.user)
    return queryset if allowed is None else queryset.filter(allowed)
