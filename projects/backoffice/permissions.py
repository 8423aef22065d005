"""Who may edit what in the back office: city coordinators and project editors.

A coordinator is a staff user with a Coordinator row: they edit their own city's content and
translate other cities' content into their city's language. A project editor (a member of the
"Project editors" group, or a superuser) edits everything. The admin applies these rules through
projects.backoffice.scope; this module only answers the questions, so views outside the admin can ask
them too.

This app never imports events or practices: their permissions are named by app label.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS

COORDINATOR_GROUP = "City coordinators"
EDITOR_GROUP = "Project editors"

# What a city coordinator edits (within their city, see backoffice.scope) ...
COORDINATOR_EDITS = [
    ("projects", "pressrelease"),
    ("projects", "releaseimage"),
    ("events", "event"),
    ("events", "recording"),
    ("practices", "goodpractice"),
    ("practices", "transfer"),
    ("practices", "regionalactionplan"),
    ("practices", "action"),
]
# ... and what they only need to see to do it.
COORDINATOR_VIEWS = [
    ("projects", "partner"),
    ("projects", "phase"),
    ("projects", "semester"),
    ("projects", "project"),
    ("practices", "theme"),
]
# Project editors get every permission of the site's own apps, so a model added later is theirs too.
EDITOR_APPS = ["projects", "events", "practices"]
# Picking the user of a Coordinator row goes through the user autocomplete, which needs this.
EDITOR_EXTRA = [("auth", "view_user")]

# Cached on the user object: the admin asks these questions many times while rendering one page.
_PARTNER_CACHE = "_better_coordinator_partner"
_EDITOR_CACHE = "_better_is_project_editor"


class MissingPermissionsError(LookupError):
    """Raised by ensure_groups() when the database lacks permissions, i.e. migrate has not run."""


def coordinator_partner(user):
    """The partner city `user` coordinates for, or None (no Coordinator row, anonymous, inactive)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if not hasattr(user, _PARTNER_CACHE):
        # Imported here: the models module is not ready when this module is imported from apps.py.
        from projects.models import Coordinator

        row = Coordinator.objects.select_related("partner").filter(user=user).first()
        setattr(user, _PARTNER_CACHE, row.partner if row else None)
    return getattr(user, _PARTNER_CACHE)


def is_project_editor(user):
    """Superusers and members of "Project editors": they edit everything, with no city limits."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, _EDITOR_CACHE):
        setattr(user, _EDITOR_CACHE, user.groups.filter(name=EDITOR_GROUP).exists())
    return getattr(user, _EDITOR_CACHE)


def translation_language(user, original=settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
    """The language a coordinator may translate other cities' content into, or None.

    `original` is the language the content was written in (English, but for a press release written
    first in another language): another city's original stays with that city, so a coordinator whose
    language it is has nothing of it to translate. Birmingham's coordinator translates a release
    written in Estonian into English, say, but not another city's English release.
    """
    partner = coordinator_partner(user)
    if partner is None or partner.language == original:
        return None
    return partner.language


def ensure_groups(using=DEFAULT_DB_ALIAS, *, require_all=True):
    """Creates or updates the groups "City coordinators" and "Project editors" with their permissions.

    Safe to run again: the groups' permissions are set to exactly these. With require_all, a missing
    permission raises MissingPermissionsError; without it (during migrate, when some apps'
    permissions are not created yet) the groups get what exists and a later call completes them.
    Returns {group name: Group}.
    """
    coordinator_wanted = [
        (app_label, f"{action}_{model}")
        for app_label, model in COORDINATOR_EDITS
        for action in ("add", "change", "delete", "view")
    ] + [(app_label, f"view_{model}") for app_label, model in COORDINATOR_VIEWS]

    permissions = Permission.objects.using(using).select_related("content_type")
    found = {
        (perm.content_type.app_label, perm.codename): perm
        for perm in permissions.filter(content_type__app_label__in=[*EDITOR_APPS, "auth"])
    }
    missing = [key for key in [*coordinator_wanted, *EDITOR_EXTRA] if key not in found]
    if missing and require_all:
        names = ", ".join(f"{app_label}.{codename}" for app_label, codename in missing)
        raise MissingPermissionsError(f"Permissions missing: {names}")

    coordinators, _created = Group.objects.using(using).get_or_create(name=COORDINATOR_GROUP)
    coordinators.permissions.set([found[key] for key in coordinator_wanted if key in found])
    editors, _created = Group.objects.using(using).get_or_create(name=EDITOR_GROUP)
    editors.permissions.set(
        [perm for (app_label, codename), perm in found.items() if app_label in EDITOR_APPS]
        + [found[key] for key in EDITOR_EXTRA if key in found]
    )
    return {COORDINATOR_GROUP: coordinators, EDITOR_GROUP: editors}


def create_groups_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate receiver: production gets the groups from `migrate`, with no manual step.

    Called once per app; the permissions of the site's apps exist once their own post_migrate has
    run, so the last of them leaves both groups complete.
    """
    if sender.label in EDITOR_APPS:
        ensure_groups(using=using, require_all=False)
