from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices and action plans")

    def ready(self):
        from projects.files import delete_replaced_files

        from .models import GoodPractice, RegionalActionPlan

        # Replaced and deleted uploads leave the storage (projects.files).
        delete_replaced_files(GoodPractice, "image")
        delete_replaced_files(RegionalActionPlan, "document")
