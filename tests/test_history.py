"""History that loses nothing: revisions on every admin save, the history page, restoring an earlier version.

Everything goes through the admin's real views, posting the change form as a browser would.
"""

import re

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from events.factories import EventFactory, RecordingFactory
from events.models import Event
from practices.factories import GoodPracticeFactory
from practices.models import GoodPractice
from projects.backoffice import versions as history
from projects.factories import PartnerFactory, PressReleaseFactory, UserFactory
from projects.models import PressRelease
from tests.helpers.admin import admin_url, coordinator_user, edit_in_admin, form_values, restore_url, versions
from tests.helpers.pages import count_queries

pytestmark = pytest.mark.django_db


# --- people ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def editor(client):
    user = UserFactory(username="editor", is_superuser=True)
    client.force_login(user)
    return user


@pytest.fixture
def genoa():
    return PartnerFactory(city_en="Genoa", slug="genoa", country="IT", language="it")


@pytest.fixture
def tartu():
    return PartnerFactory(city_en="Tartu", slug="tartu", country="EE", language="et")


@pytest.fixture
def release(genoa):
    return PressReleaseFactory(
        author=genoa, slug="phase-one", title_en="A", title_et="Eesti pealkiri", body_en="First body.", body_et="Tekst."
    )


def release_with_history(client, release):
    """The release saved twice through the admin: title A → B in English, and a new Estonian title."""
    assert edit_in_admin(client, release, title_en="B", title_et="Uus pealkiri").status_code == 302
    release.refresh_from_db()
    return release


# --- revisions ------------------------------------------------------------------------------------------------------


def test_adding_a_release_in_the_admin_records_a_revision_by_the_user(client, editor, genoa):
    data = form_values(client.get(reverse("admin:projects_pressrelease_add")))
    data.update(
        {
            "author": [str(genoa.pk)],
            "slug": ["new-release"],
            "title_en": ["New release"],
            "body_en": ["Body."],
            "title_et": ["Uus teade"],
        }
    )
    response = client.post(reverse("admin:projects_pressrelease_add"), data)
    assert response.status_code == 302
    release = PressRelease.objects.get(slug="new-release")
    (version,) = versions(release)
    assert version.revision.user == editor
    assert version.field_dict["title_et"] == "Uus teade"


def test_changing_a_release_records_the_state_before_and_after_with_all_languages(client, editor, release):
    release_with_history(client, release)
    before, after = versions(release)
    # Created outside the admin (as demo content is): that save is the first revision, without a user.
    assert (before.field_dict["title_en"], before.field_dict["title_et"]) == ("A", "Eesti pealkiri")
    assert (after.field_dict["title_en"], after.field_dict["title_et"]) == ("B", "Uus pealkiri")
    assert after.revision.user == editor
    assert before.revision.user is None


def test_changing_an_event_records_its_visitors_releases_and_recordings(client, editor, genoa, tartu, release):
    event = EventFactory(host=genoa, slug="visit")
    RecordingFactory(event=event, title_en="Slides", url="https://example.org/slides")
    response = edit_in_admin(client, event, visitors=[str(tartu.pk)], releases=[str(release.pk)])
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = versions(event)[-1]
    assert latest.field_dict["visitors"] == [tartu.pk]
    assert latest.field_dict["releases"] == [release.pk]
    carried = [v for v in latest.revision.version_set.all() if v.object_repr == "Slides"]
    assert len(carried) == 1


def test_release_saved_twice_outside_the_admin_has_two_versions_newest_first(editor, genoa):
    release = PressReleaseFactory(author=genoa, slug="shell", title_en="Written in the shell")
    release.title_en = "Corrected in the shell"
    release.save()
    entries = history.object_history(release)
    assert [entry.version.field_dict["title_en"] for entry in entries] == [
        "Corrected in the shell",
        "Written in the shell",
    ]
    assert [entry.revision.user for entry in entries] == [None, None]
    assert entries[0].note == "Saved outside the admin."
    assert [change.label for change in entries[0].changes.fields] == ["Title (English)"]


def test_history_page_shows_saves_made_outside_the_admin(client, editor, release):
    release.title_en = "Changed in the shell"
    release.save()
    html = client.get(admin_url(release, "history")).content.decode()
    assert "Saved outside the admin." in html
    assert re.search(r"Title \(English\)</th>\s*<td>\s*<del>A</del>.*?<ins>Changed in the shell</ins>", html, re.S)
    assert "not recorded" in html


def test_object_from_before_history_was_kept_gets_its_state_recorded_before_the_first_change(client, editor, release):
    # As rows loaded before revisions were kept: no version at all.
    Version.objects.get_for_object(release).delete()
    assert edit_in_admin(client, release, title_en="B").status_code == 302
    before, after = versions(release)
    assert before.field_dict["title_en"] == "A"
    assert before.revision.comment == "State before the first recorded change."
    assert (after.field_dict["title_en"], after.revision.user) == ("B", editor)


def test_links_added_outside_the_admin_are_recorded_before_the_next_change(client, editor, genoa, tartu):
    event = EventFactory(host=genoa, slug="visit")
    # Many-to-many links are added after save(): the shell's revision holds the event without them.
    event.visitors.add(tartu)
    assert versions(event)[-1].field_dict["visitors"] == []
    assert edit_in_admin(client, event, location="Genoa harbour").status_code == 302
    created, found, changed = versions(event)
    assert found.field_dict["visitors"] == [tartu.pk]
    assert found.revision.user is None
    assert changed.field_dict["visitors"] == [tartu.pk]
    assert changed.revision.user == editor
    # The editor's save is listed with its own change only, not the visitor added in the shell.
    html = client.get(admin_url(event, "history")).content.decode()
    assert re.search(r"Location</th>\s*<td>.*?<ins>Genoa harbour</ins>", html, re.S)


def test_admin_save_of_an_object_whose_history_is_up_to_date_adds_one_revision(client, editor, release):
    assert edit_in_admin(client, release, title_en="B").status_code == 302
    assert edit_in_admin(client, release, title_en="C").status_code == 302
    assert [version.field_dict["title_en"] for version in versions(release)] == ["A", "B", "C"]


def test_changing_a_practice_records_a_revision(client, editor, genoa):
    practice = GoodPracticeFactory(owner=genoa, slug="signature", title_en="Digital signature")
    assert edit_in_admin(client, practice, title_en="E-signature", title_hu="E-aláírás").status_code == 302
    latest = versions(practice)[-1]
    assert (latest.field_dict["title_en"], latest.field_dict["title_hu"]) == ("E-signature", "E-aláírás")
    assert latest.revision.user == editor


def test_deleting_a_release_keeps_its_last_state(client, editor, release):
    response = client.post(admin_url(release, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not PressRelease.objects.filter(pk=release.pk).exists()
    # Its creation (outside the admin), then its deletion by the editor.
    created, version = Version.objects.get_for_model(PressRelease).filter(object_id=str(release.pk)).order_by("pk")
    assert created.revision.user is None
    assert version.field_dict["title_et"] == "Eesti pealkiri"
    assert version.revision.user == editor
    assert "Deleted." in version.revision.comment


# --- the history page -----------------------------------------------------------------------------------------------


def test_history_page_lists_each_save_with_user_and_field_changes(client, editor, release):
    release_with_history(client, release)
    html = client.get(admin_url(release, "history")).content.decode()
    assert "editor" in html
    assert re.search(r"Title \(English\)</th>\s*<td>\s*<del>A</del>.*?<ins>B</ins>", html, re.S)
    assert re.search(
        r"Title \(Estonian\)</th>\s*<td>\s*<del>Eesti pealkiri</del>.*?<ins>Uus pealkiri</ins>", html, re.S
    )
    # Fields that did not change are not listed.
    assert "Body (English)" not in html
    assert "First recorded version." in html


def test_history_page_shows_a_long_text_change_as_a_word_diff(client, editor, genoa):
    words = " ".join(f"word{n}" for n in range(60))
    release = PressReleaseFactory(author=genoa, slug="long", body_en=words)
    assert edit_in_admin(client, release, body_en=words.replace("word30", "changed")).status_code == 302
    html = client.get(admin_url(release, "history")).content.decode()
    assert "<del>word30</del> <ins>changed</ins>" in html
    # Only a few words around the change, not the whole text twice.
    assert "word5 " not in html
    assert "…" in html


def test_history_page_names_changed_partners_and_recordings(client, editor, genoa, tartu):
    event = EventFactory(host=genoa, slug="visit")
    assert edit_in_admin(client, event, visitors=[str(tartu.pk)]).status_code == 302
    RecordingFactory(event=event, title_en="Slides", url="https://example.org/slides")
    assert edit_in_admin(client, event, location="Genoa harbour").status_code == 302
    html = client.get(admin_url(event, "history")).content.decode()
    assert re.search(r"Visiting or participating partners</th>\s*<td>.*?<ins>Tartu</ins>", html, re.S)
    assert re.search(r"Recording “Slides”</th>\s*<td>\s*added", html)


def test_history_page_escapes_what_editors_typed(client, editor, release):
    assert edit_in_admin(client, release, title_en="<script>alert(1)</script>").status_code == 302
    html = client.get(admin_url(release, "history")).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_history_page_queries_do_not_grow_with_revisions(client, editor, release):
    url = admin_url(release, "history")
    release_with_history(client, release)
    few = count_queries(client, url)
    for number in range(6):
        assert (
            edit_in_admin(client, release, title_en=f"Title {number}", title_et=f"Pealkiri {number}").status_code == 302
        )
    assert count_queries(client, url) == few


def test_coordinator_sees_the_history_of_another_citys_release_without_restore(client, release, tartu):
    Client = type(client)
    editor_client = Client()
    editor_client.force_login(UserFactory(username="editor", is_superuser=True))
    release_with_history(editor_client, release)
    client.force_login(coordinator_user(tartu, "tartu"))
    response = client.get(admin_url(release, "history"))
    assert response.status_code == 200
    assert "Uus pealkiri" in response.content.decode()
    assert "Restore this version" not in response.content.decode()


# --- restoring ------------------------------------------------------------------------------------------------------


def test_restore_form_shows_the_earlier_version_and_changes_nothing(client, editor, release):
    release_with_history(client, release)
    first = versions(release)[0]
    response = client.get(restore_url(release, first))
    data = form_values(response)
    assert (data["title_en"], data["title_et"]) == (["A"], ["Eesti pealkiri"])
    assert "The version saved on" in response.content.decode()
    release.refresh_from_db()
    assert (release.title_en, release.title_et) == ("B", "Uus pealkiri")
    assert len(versions(release)) == 2


def test_restoring_an_earlier_version_brings_back_its_values_as_a_new_revision(client, editor, release):
    release_with_history(client, release)
    first = versions(release)[0]
    data = form_values(client.get(restore_url(release, first)))
    response = client.post(restore_url(release, first), data)
    assert response.status_code == 302
    assert response["Location"] == admin_url(release, "history")
    release.refresh_from_db()
    assert (release.title_en, release.title_et) == ("A", "Eesti pealkiri")
    latest = versions(release)[-1]
    assert len(versions(release)) == 3
    assert latest.revision.user == editor
    assert latest.field_dict["title_et"] == "Eesti pealkiri"
    assert "Restored the version saved on" in latest.revision.comment
    # The history lists the restore, with what it changed back.
    html = client.get(admin_url(release, "history")).content.decode()
    assert re.search(r"Title \(English\)</th>\s*<td>\s*<del>B</del>.*?<ins>A</ins>", html, re.S)


def test_restoring_an_event_brings_back_its_recordings_and_visitors(client, editor, genoa, tartu):
    event = EventFactory(host=genoa, slug="visit", visitors=[tartu])
    recording = RecordingFactory(event=event, title_en="Slides", url="https://example.org/slides")
    data = form_values(client.get(admin_url(event, "change")), Event)
    # Remove the recording and the visitor in one save.
    data["recordings-0-DELETE"] = ["on"]
    data["visitors"] = []
    assert client.post(admin_url(event, "change"), data).status_code == 302
    assert not event.recordings.exists() and not event.visitors.exists()
    # The factory added the visitor and the recording after saving the event: the admin recorded the
    # state it found (visitor and recording) before its own save.
    before = versions(event)[-2]
    assert before.field_dict["visitors"] == [tartu.pk]
    assert "changed outside the recorded history" in before.revision.comment
    data = form_values(client.get(restore_url(event, before)), Event)
    assert client.post(restore_url(event, before), data).status_code == 302
    assert list(event.recordings.values_list("pk", "title_en")) == [(recording.pk, "Slides")]
    assert list(event.visitors.all()) == [tartu]


def test_restoring_a_practice_records_a_revision(client, editor, genoa):
    practice = GoodPracticeFactory(owner=genoa, slug="signature", title_en="Digital signature")
    assert edit_in_admin(client, practice, title_en="E-signature").status_code == 302
    first = versions(practice)[0]
    data = form_values(client.get(restore_url(practice, first)), GoodPractice)
    assert client.post(restore_url(practice, first), data).status_code == 302
    practice.refresh_from_db()
    assert practice.title_en == "Digital signature"
    assert len(versions(practice)) == 3


def test_coordinator_restores_their_own_citys_release(client, genoa, release):
    client.force_login(coordinator_user(genoa, "genoa"))
    release_with_history(client, release)
    first = versions(release)[0]
    data = form_values(client.get(restore_url(release, first)))
    assert client.post(restore_url(release, first), data).status_code == 302
    release.refresh_from_db()
    assert release.title_en == "A"


def test_translating_coordinator_cannot_restore_another_citys_release(client, release, tartu):
    editor_client = type(client)()
    editor_client.force_login(UserFactory(username="editor", is_superuser=True))
    release_with_history(editor_client, release)
    first = versions(release)[0]
    data = form_values(editor_client.get(restore_url(release, first)))
    client.force_login(coordinator_user(tartu, "tartu"))
    assert client.get(restore_url(release, first)).status_code == 403
    assert client.post(restore_url(release, first), data).status_code == 403
    release.refresh_from_db()
    assert (release.title_en, release.title_et) == ("B", "Uus pealkiri")
    assert len(versions(release)) == 2


def test_coordinator_cannot_restore_a_version_that_belonged_to_another_city(client, genoa, tartu, release):
    editor_client = type(client)()
    editor_client.force_login(UserFactory(username="editor", is_superuser=True))
    # An editor moved Genoa's release to Tartu: Tartu's coordinator may not give it back by restoring.
    assert edit_in_admin(editor_client, release, author=str(tartu.pk)).status_code == 302
    first = versions(release)[0]
    data = form_values(editor_client.get(restore_url(release, first)))
    client.force_login(coordinator_user(tartu, "tartu"))
    assert client.post(restore_url(release, first), data).status_code == 403
    release.refresh_from_db()
    assert release.author == tartu


def test_restoring_a_version_of_another_object_is_not_found(client, editor, release, genoa):
    other = PressReleaseFactory(author=genoa, slug="other")
    assert edit_in_admin(client, other, title_en="Other, changed").status_code == 302
    assert client.get(restore_url(release, versions(other)[0])).status_code == 404


def test_restoring_one_release_leaves_others_saved_in_the_same_revision_alone(client, editor, genoa, release):
    other = PressReleaseFactory(author=genoa, slug="other", title_en="Other")
    # Saved together, as an action on the list would: one revision holding both releases.
    with reversion.create_revision():
        reversion.add_to_revision(release)
        reversion.add_to_revision(other)
    assert edit_in_admin(client, release, title_en="Release, changed").status_code == 302
    assert edit_in_admin(client, other, title_en="Other, changed").status_code == 302
    # After the release's creation (outside the admin), before the editor's change.
    shared = versions(release)[1]
    assert shared.revision.version_set.count() == 2
    data = form_values(client.get(restore_url(release, shared)))
    assert client.post(restore_url(release, shared), data).status_code == 302
    release.refresh_from_db()
    other.refresh_from_db()
    assert (release.title_en, other.title_en) == ("A", "Other, changed")


def test_version_whose_slug_is_taken_now_is_refused_with_a_message(client, editor, genoa, release):
    assert edit_in_admin(client, release, slug="phase-one-renamed").status_code == 302
    PressReleaseFactory(author=genoa, slug="phase-one")
    first = versions(release)[0]
    response = client.get(restore_url(release, first), follow=True)
    assert response.redirect_chain[-1][0] == admin_url(release, "history")
    assert "cannot be restored" in response.content.decode()
    release.refresh_from_db()
    assert release.slug == "phase-one-renamed"
