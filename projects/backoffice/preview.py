"""Staff-only preview of a press release, exactly as its public page will render it.

/<lang>/admin/projects/pressrelease/<id>/preview/ renders the public page's template with the
context of the public ReleaseDetailView (the same view class, minus the "published" filter), in
the language of the address, under a "Preview — not public" banner. The admin's login wraps it:
anonymous visitors and users who are not staff are sent to the login page; staff without the view
permission on the release get a 403.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import get_language_from_path

from projects.views import ReleaseDetailView


def preview_url(release, language):
    """The preview of `release` in `language`, whatever the language of the page linking to it."""
    with translation.override(language):
        return reverse("admin:projects_pressrelease_preview", args=[release.pk])


class ReleasePreviewView(ReleaseDetailView):
    """The public detail view, finding drafts and scheduled releases too."""

    template_name = "admin/projects/pressrelease/preview.html"
    change_url = None

    def get_queryset(self):
        return self.get_release_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = {"change_url": self.change_url, "is_public": self.object.is_public}
        return context


class ReleasePreviewAdminMixin:
    """For PressReleaseAdmin: the preview URL, and "View on site" leading to it until the release is public."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        preview = path(
            "<path:object_id>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="{}_{}_preview".format(*info),
        )
        # Before the admin's own URLs: its "<object_id>/" catch-all would take the address otherwise.
        return [preview, *super().get_urls()]

    def preview_view(self, request, object_id):
        release = self.get_object(request, unquote(object_id))
        if release is None:
            raise Http404
        if not self.has_view_or_change_permission(request, release):
            raise PermissionDenied
        # The address says the language; render in it even where the admin follows the user's own.
        language = get_language_from_path(request.path_info) or translation.get_language()
        with translation.override(language):
            change_url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[release.pk])
            view = ReleasePreviewView.as_view(change_url=change_url)
            response = view(request, pk=release.pk)
            response.render()  # a TemplateResponse renders lazily: here, while the language is active
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def get_view_on_site_url(self, obj=None):
        # A draft's or a scheduled release's public address is a 404 until it is due: show the preview.
        if obj is not None and obj.pk is not None and not obj.is_public:
            return preview_url(obj, translation.get_language())
        return super().get_view_on_site_url(obj)
