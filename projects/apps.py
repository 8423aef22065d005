from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Project, partners and press releases")

    def ready(self):
        # Imported here: permissions uses auth's models, not loaded while the registry is populated.
        from .backoffice.permissions import create_groups_after_migrate
        from .backoffice.versions import record_save_outside_admin

        # Production gets the coordinators' and editors' groups from `migrate` itself.
        post_migrate.connect(create_groups_after_migrate, dispatch_uid="projects.ensure_groups")
        # Every save of a versioned model keeps a revision, not only the admin's: shell, commands, imports.
        post_save.connect(record_save_outside_admin, dispatch_uid="projects.record_save_outside_admin")

        from .files import delete_replaced_files
        from .models import Partner, PressRelease

        # Replaced and deleted uploads leave the storage (a photo's owner asked for it to go).
        delete_replaced_files(PressRelease, "image")
        delete_replaced_files(Partner, "logo")

        from django.db.backends.signals import connection_created

        from .web.folding import add_sqlite_fold

        # Searches on SQLite (`make run`) ignore accents, as on PostgreSQL.
        connection_created.connect(add_sqlite_fold, dispatch_uid="projects.sqlite_fold")

        from .web.cache import connect_signals

        # Any change a public page shows moves the shared content version (pages, ETags).
        connect_signals()
