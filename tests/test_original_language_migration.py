"""Migrations 0003 and 0004 of issue 8: every release written before keeps its text, with English as its
original and its translations as up to date (or outdated) as they were."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from projects.models import PressRelease
from projects.translation_status import fingerprint

BEFORE = [("projects", "0002_translation_fingerprints")]


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_every_existing_release_with_english_as_its_original():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    partner = old_apps.get_model("projects", "Partner").objects.create(
        city="Tartu", city_en="Tartu", slug="tartu", country="EE", language="et", organisation="Tartu City", order=1
    )
    english = fingerprint("BETTER closes Phase I", "", "Three years.")
    old_apps.get_model("projects", "PressRelease").objects.create(
        author=partner,
        slug="better-closes-phase-i",
        title="BETTER closes Phase I",
        title_en="BETTER closes Phase I",
        body="Three years.",
        body_en="Three years.",
        title_et="BETTER lõpetab esimese etapi",
        body_et="Kolm aastat.",
        title_hu="Régi cím",
        body_hu="Régi szöveg.",
        status="draft",
        source_fingerprint=english,
        et_source_fingerprint=english,
        hu_source_fingerprint="written from an earlier English text",
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    release = PressRelease.objects.get(slug="better-closes-phase-i")
    assert release.original_language == "en"
    assert (release.title_en, release.body_et) == ("BETTER closes Phase I", "Kolm aastat.")
    assert release.translation_status("en") == "complete"
    assert release.translation_status("et") == "complete"
    assert release.translation_status("hu") == "outdated"
