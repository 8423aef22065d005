"""Per-city scope of the admin, checked on the server (issue 4, item 1).

CityScopeMixin sits in the bases of every model admin of the site (SiteAdmin, TranslatedAdmin):

- Project editors and superusers: the model permissions of Django, with no city limits.
- A coordinator (a staff user with a Coordinator row), on an admin with a `city_field`: adds,
  changes and deletes what belongs to their city; on another city's object they may fill in only
  the translation fields of their city's language ("translate-only"); everything else of it is
  read-only, it cannot be deleted, and its inline rows cannot be changed. Other cities' objects stay
  in the lists: a coordinator has to find what to translate.
- Admins without a `city_field` (partners, phases, semesters, the project, themes, coordinators):
  project editors only; the others can at most view them.
- Any other staff user: nothing changes (view at most). The rules fail closed.

`city_field` is the lookup from the model to the Partner that owns a row: "author", "host",
"owner", "partner", or through a parent: "event__host", "practice__owner", "plan__partner".
The form limits the choices to the user's city, and save_model() refuses whatever slips past.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from projects.models import Partner

from .permissions import coordinator_partner, is_project_editor, translation_language


def translation_fields(model, language):
    """The columns of `model` written in `language` (title_et, lead_et, …); empty if none."""
    if not language:
        return set()
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return set()
    return {build_localized_fieldname(name, language) for name in options.all_fields}


def original_language_of(obj):
    """The language `obj` was written in: a press release says so, everything else is English."""
    return getattr(obj, "original_language", None) or settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def form_field_names(model):
    """Every model field a form of `model` can carry, translated ones by their language columns."""
    try:
        originals = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        originals = set()
    return [
        field.name
        for field in model._meta.get_fields()
        # auto_created: the primary key and reverse relations, never in a form.
        if not field.auto_created and getattr(field, "editable", False) and field.name not in originals
    ]


class CityScopeMixin:
    """Per-city permissions for a ModelAdmin: see the module's docstring."""

    city_field = None

    # Questions about the user and an object; other mixins and views may ask them too.

    def city_of(self, obj):
        """The pk of the partner city `obj` belongs to, or None while that is not known."""
        *path, last = self.city_field.split("__")
        for name in path:
            # A missing parent raises RelatedObjectDoesNotExist, an AttributeError: None then.
            obj = getattr(obj, name, None)
            if obj is None:
                return None
        return getattr(obj, f"{last}_id", None)

    def stored_city(self, obj):
        """The city of `obj` as it is in the database, before the form touched it."""
        return self.model._default_manager.filter(pk=obj.pk).values_list(self.city_field, flat=True).first()

    def is_own(self, request, obj):
        """True where `obj` belongs to the city the user coordinates for."""
        partner = coordinator_partner(request.user)
        return partner is not None and self.city_field is not None and self.city_of(obj) == partner.pk

    def may_edit_at_all(self, request):
        """Editors everywhere; coordinators only on city-scoped admins; anybody else nowhere."""
        if is_project_editor(request.user):
            return True
        return self.city_field is not None and coordinator_partner(request.user) is not None

    def translatable_fields(self, request, obj):
        """On another city's `obj`, the fields a coordinator may fill in: their language's. Else empty.

        Empty where the coordinator's language is the object's original (English, mostly, for
        Birmingham's coordinator): the original stays with the city that wrote it.
        """
        if obj is None or self.city_field is None or is_project_editor(request.user) or self.is_own(request, obj):
            return set()
        return translation_fields(self.model, translation_language(request.user, original_language_of(obj)))

    # Django's permission hooks

    def has_add_permission(self, request):
        return super().has_add_permission(request) and self.may_edit_at_all(request)

    def has_change_permission(self, request, obj=None):
        if not (super().has_change_permission(request, obj) and self.may_edit_at_all(request)):
            return False
        if obj is None or is_project_editor(request.user):
            return True
        return self.is_own(request, obj) or bool(self.translatable_fields(request, obj))

    def has_delete_permission(self, request, obj=None):
        if not (super().has_delete_permission(request, obj) and self.may_edit_at_all(request)):
            return False
        return obj is None or is_project_editor(request.user) or self.is_own(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        allowed = self.translatable_fields(request, obj)
        if allowed:
            # Translate-only: left out of the form, so a crafted POST cannot reach these fields.
            readonly += [name for name in form_field_names(self.model) if name not in allowed and name not in readonly]
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        # A read-only slug, or one whose source is read-only, has nothing to fill in (and the
        # admin's form would fail on a prepopulated field that is not in it).
        prepopulated = super().get_prepopulated_fields(request, obj)
        readonly = set(self.get_readonly_fields(request, obj))
        return {
            field: sources
            for field, sources in prepopulated.items()
            if field not in readonly and not readonly.intersection(sources)
        }

    def get_changeform_initial_data(self, request):
        # A new object of a coordinator belongs to their city: chosen already.
        initial = super().get_changeform_initial_data(request)
        partner = coordinator_partner(request.user)
        if self.city_field and "__" not in self.city_field and partner and not is_project_editor(request.user):
            initial.setdefault(self.city_field, partner.pk)
        return initial

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # The field that places an object in a city offers only the coordinator's city (or its
        # events, practices, plan); a crafted POST with another id is then an invalid choice.
        if self.city_field and db_field.name == self.city_field.split("__")[0] and not is_project_editor(request.user):
            kwargs["queryset"] = self.scoped_choices(request, db_field.remote_field.model)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def scoped_choices(self, request, related_model):
        partner = coordinator_partner(request.user)
        if partner is None:
            return related_model._default_manager.none()
        rest = self.city_field.split("__", 1)[1:]
        if rest:
            return related_model._default_manager.filter(**{rest[0]: partner})
        return Partner.objects.filter(pk=partner.pk)

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return self.limit_autocomplete(request, queryset), may_have_duplicates

    def limit_autocomplete(self, request, queryset):
        """An autocomplete for a recording's event or a transfer's practice offers only the user's city's.

        The form refuses other choices anyway (formfield_for_foreignkey): this spares the coordinator
        a choice that would only come back as an error.
        """
        match = request.resolver_match
        if match is None or match.url_name != "autocomplete" or is_project_editor(request.user):
            return queryset
        try:
            source_model = apps.get_model(request.GET.get("app_label", ""), request.GET.get("model_name", ""))
        except (LookupError, ValueError):
            return queryset
        source_admin = self.admin_site._registry.get(source_model)
        city_field = getattr(source_admin, "city_field", None)
        if not city_field or "__" not in city_field:
            return queryset
        field_name, rest = city_field.split("__", 1)
        if request.GET.get("field_name") != field_name:
            return queryset
        partner = coordinator_partner(request.user)
        return queryset.filter(**{rest: partner}) if partner else queryset.none()

    # Last line of defence when saving and deleting, whatever a form let through

    def save_model(self, request, obj, form, change):
        self.check_save_allowed(request, obj, form, change)
        super().save_model(request, obj, form, change)

    def check_save_allowed(self, request, obj, form, change):
        if is_project_editor(request.user):
            return
        partner = coordinator_partner(request.user)
        if self.city_field is None or partner is None:
            raise PermissionDenied
        stored = self.stored_city(obj) if change else None
        if change and stored != partner.pk:
            # Another city's object: only the coordinator's language may change, nothing else.
            allowed = translation_fields(self.model, translation_language(request.user, original_language_of(obj)))
            model_fields = {field.name for field in self.model._meta.get_fields()}
            changed = {name for name in form.changed_data if name in model_fields}
            if not allowed or not changed <= allowed or self.city_of(obj) != stored:
                raise PermissionDenied
            return
        if self.city_of(obj) != partner.pk:
            raise PermissionDenied

    def save_formset(self, request, form, formset, change):
        # Inline rows of an object the user only translates are read-only (CityScopedInlineMixin);
        # should one still arrive changed, nothing is saved.
        if (
            not is_project_editor(request.user)
            and self.city_field is not None
            and not self.is_own(request, form.instance)
            and (formset.deleted_forms or any(inline_form.has_changed() for inline_form in formset.forms))
        ):
            raise PermissionDenied
        super().save_formset(request, form, formset, change)

    def delete_model(self, request, obj):
        if not self.has_delete_permission(request, obj):
            raise PermissionDenied
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        # The "delete selected" action: the confirmation page already lists what may not be deleted.
        if not all(self.has_delete_permission(request, obj) for obj in queryset):
            raise PermissionDenied
        super().delete_queryset(request, queryset)


class CityScopedInlineMixin:
    """Inline rows (recordings, transfers, actions) follow their parent: added, changed and deleted
    only by someone who may edit the parent in full, not by a coordinator who only translates it."""

    def parent_is_editable(self, request, obj):
        if is_project_editor(request.user):
            return True
        if coordinator_partner(request.user) is None:
            return False
        if obj is None:
            # The parent is being added: its own add permission decides.
            return True
        return self.admin_site.get_model_admin(self.parent_model).is_own(request, obj)

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self.parent_is_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.parent_is_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.parent_is_editable(request, obj)
