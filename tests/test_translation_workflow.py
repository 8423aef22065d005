"""The translation workflow of press releases (issue 4, item 2), through the admin's real views.

Forms are posted as a browser would: the change form is fetched, its fields read from the HTML,
some of them changed, and the whole form sent back.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse

from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import PressRelease
from projects.translation_status import TARGET_LANGUAGES, missing_q, outdated_q
from tests.helpers.admin import admin_url, coordinator_user, edit_in_admin
from tests.helpers.pages import count_queries

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:projects_pressrelease_changelist"


# --- data -------------------------------------------------------------------------------------------------------


def translated(code, **fields):
    texts = {"title": f"Title in {code}", "lead": f"Lead in {code}", "body": f"Body in {code}."}
    texts.update(fields)
    return {f"{field}_{code}": text for field, text in texts.items()}


@pytest.fixture
def genoa():
    return PartnerFactory(city_en="Genoa", slug="genoa", country="IT", language="it")


@pytest.fixture
def release(genoa):
    """Genoa's release, complete in English, Italian, Estonian and Hungarian; no Swedish."""
    return PressReleaseFactory(author=genoa, **translated("it"), **translated("et"), **translated("hu"))


@pytest.fixture
def tartu_coordinator(client):
    user = coordinator_user(PartnerFactory(city_en="Tartu", slug="tartu", country="EE", language="et"), "tartu")
    client.force_login(user)
    return user


def states(release):
    release.refresh_from_db()
    return {code: release.translation_status(code) for code in ["en", *TARGET_LANGUAGES]}


# --- the model: the rule holds wherever a release is saved --------------------------------------------------------


def test_new_release_with_translations_has_nothing_outdated(release):
    assert states(release) == {"en": "complete", "et": "complete", "hu": "complete", "it": "complete", "sv": "missing"}


def test_english_change_in_the_shell_makes_written_translations_outdated(release):
    release.body_en = "A corrected English body."
    release.save()
    assert states(release) == {"en": "complete", "et": "outdated", "hu": "outdated", "it": "outdated", "sv": "missing"}
    assert set(PressRelease.objects.filter(outdated_q("et"))) == {release}


def test_rewriting_a_translation_in_the_shell_brings_only_it_up_to_date(release):
    release.title_en = "A new English title"
    release.save()
    release.title_hu = "Új cím"
    release.save()
    assert states(release)["hu"] == "complete"
    assert states(release)["et"] == "outdated"


def test_english_and_translation_changed_together_leave_it_up_to_date(release):
    release.title_en = "A new English title"
    release.title_et = "Uus pealkiri"
    release.save()
    assert states(release)["et"] == "complete"
    assert states(release)["hu"] == "outdated"


def test_english_put_back_as_it_was_makes_translations_current_again(release):
    original = release.body_en
    release.body_en = "A passing change."
    release.save()
    release.body_en = original
    release.save()
    assert "outdated" not in states(release).values()


def test_save_of_other_fields_only_keeps_translations_current(release):
    release.title_en = "Changed in memory but not saved"
    release.status = PressRelease.Status.DRAFT
    release.save(update_fields=["status"])
    assert "outdated" not in states(release).values()


def test_emptied_translation_is_missing_not_outdated(release):
    release.body_en = "New English."
    release.save()
    release.title_hu = release.lead_hu = release.body_hu = ""
    release.save()
    assert states(release)["hu"] == "missing"
    assert not PressRelease.objects.filter(outdated_q("hu")).exists()


def test_translation_without_lead_is_complete_in_the_list_of_states(genoa):
    # The lead is optional: a translation is complete with its title and body (issue 8, item 5).
    release = PressReleaseFactory(author=genoa, title_et="Pealkiri", body_et="Tekst.")
    assert states(release)["et"] == "complete"
    assert not PressRelease.objects.filter(outdated_q("et")).exists()
    assert not PressRelease.objects.filter(missing_q("et")).exists()


def test_demo_content_loads_without_outdated_translations():
    call_command("load_demo_content", verbosity=0)
    assert PressRelease.objects.exists()
    for code in TARGET_LANGUAGES:
        assert not PressRelease.objects.filter(outdated_q(code)).exists(), code


# --- the list: a column and two filters ---------------------------------------------------------------------------


def _make_outdated(release, *codes):
    """Change the English, then rewrite every translation not in `codes`: only those stay outdated."""
    release.body_en = f"{release.body_en} Updated."
    release.save()
    for code in TARGET_LANGUAGES:
        if code not in codes and getattr(release, f"title_{code}"):
            setattr(release, f"body_{code}", f"{getattr(release, f'body_{code}')} (updated)")
            release.save()


def test_changelist_shows_each_language_state_in_words(admin_client, genoa):
    release = PressReleaseFactory(author=genoa, **translated("et"), **translated("sv"), **translated("hu", lead=""))
    _make_outdated(release, "sv")
    html = admin_client.get(reverse(CHANGELIST)).content.decode()
    assert "en ✓ original" in html
    assert "et ✓" in html
    assert "hu ✓" in html  # no lead, but the lead is optional
    assert "it ✗" in html
    assert "sv ⟳ outdated" in html
    # The reason behind each symbol, for whoever hovers or reads it out.
    assert "English: the original" in html
    assert "Hungarian: complete" in html
    assert "Italian: missing title, body" in html


def test_missing_filter_lists_releases_lacking_estonian(admin_client, genoa):
    complete = PressReleaseFactory(author=genoa, **translated("et"))
    without = PressReleaseFactory(author=genoa)
    half = PressReleaseFactory(author=genoa, **translated("et", body=""))
    response = admin_client.get(reverse(CHANGELIST), {"missing_translation": "et"})
    assert set(response.context["cl"].result_list) == {without, half}
    assert complete not in response.context["cl"].result_list
    html = response.content.decode()
    assert "By missing translation" in html and "Estonian" in html


def test_outdated_filter_lists_releases_with_outdated_hungarian(admin_client, genoa):
    outdated = PressReleaseFactory(author=genoa, **translated("hu"), **translated("et"))
    _make_outdated(outdated, "hu")
    current = PressReleaseFactory(author=genoa, **translated("hu"))
    only_et = PressReleaseFactory(author=genoa, **translated("et"), **translated("hu"))
    _make_outdated(only_et, "et")
    response = admin_client.get(reverse(CHANGELIST), {"outdated_translation": "hu"})
    assert list(response.context["cl"].result_list) == [outdated]
    assert current not in response.context["cl"].result_list
    response = admin_client.get(reverse(CHANGELIST), {"outdated_translation": "et"})
    assert list(response.context["cl"].result_list) == [only_et]


def test_unknown_language_in_a_filter_is_refused_plainly(admin_client):
    response = admin_client.get(reverse(CHANGELIST), {"missing_translation": "xx"})
    # A bad list parameter (issue 10, finding 11): back to the list without it, with a message naming it.
    assert response.status_code == 302
    assert "missing_translation" not in response["Location"]
    messages = [str(message) for message in admin_client.get(response["Location"]).context["messages"]]
    assert any("missing_translation" in message and "xx" in message for message in messages), messages


@pytest.mark.parametrize("params", [{}, {"missing_translation": "sv"}, {"outdated_translation": "it"}])
def test_filtered_changelist_queries_do_not_grow_with_rows(admin_client, genoa, params):
    def make(count):
        for _ in range(count):
            _make_outdated(PressReleaseFactory(author=genoa, **translated("it")), "it")

    make(3)
    few = count_queries(admin_client, reverse(CHANGELIST), params)
    make(20)
    assert count_queries(admin_client, reverse(CHANGELIST), params) == few


# --- the change form: the states at a glance, outdated set and cleared by real saves -------------------------------


def test_change_form_shows_each_language_state_and_preview_links(admin_client, release):
    _make_outdated(release, "hu")
    html = admin_client.get(admin_url(release, "change")).content.decode()
    assert "Publication and translations" in html
    assert "hu ⟳ outdated" in html
    assert "sv ✗" in html
    assert "Missing: Title, Body" in html
    for code in ["en", "et", "hu", "it", "sv"]:
        assert f'href="/{code}/admin/projects/pressrelease/{release.pk}/preview/"' in html


def test_english_changed_through_the_admin_marks_translations_outdated(admin_client, release):
    response = edit_in_admin(admin_client, release, title_en="BETTER closes Phase I, with thanks")
    assert response.status_code == 302
    assert states(release) == {"en": "complete", "et": "outdated", "hu": "outdated", "it": "outdated", "sv": "missing"}
    assert release.title_en == "BETTER closes Phase I, with thanks"


def test_save_that_changes_only_a_translation_outdates_nothing(admin_client, release):
    assert edit_in_admin(admin_client, release, body_sv="Text på svenska.").status_code == 302
    assert "outdated" not in states(release).values()


def test_save_without_changes_leaves_an_outdated_translation_outdated(admin_client, release):
    _make_outdated(release, "et")
    assert edit_in_admin(admin_client, release).status_code == 302
    assert states(release)["et"] == "outdated"


def test_translator_saving_their_language_clears_outdated(tartu_coordinator, client, release):
    _make_outdated(release, "et", "hu")  # Genoa changed its English
    response = edit_in_admin(client, release, body_et="Parandatud eestikeelne tekst.")
    assert response.status_code == 302
    assert states(release)["et"] == "complete"
    assert states(release)["hu"] == "outdated"  # someone else's language stays as it was


def test_translator_confirms_an_outdated_translation_that_needs_no_change(tartu_coordinator, client, release):
    _make_outdated(release, "et")
    page = client.get(admin_url(release, "change")).content.decode()
    assert 'name="_translation_confirmed" value="et"' in page
    # Hungarian is not Tartu's to write: no checkbox for it.
    assert 'value="hu"' not in page
    response = edit_in_admin(client, release, _translation_confirmed="et")
    assert response.status_code == 302
    assert states(release)["et"] == "complete"
    assert release.title_et == "Title in et"


def test_crafted_confirmation_of_another_language_is_ignored(tartu_coordinator, client, release):
    _make_outdated(release, "et", "hu")
    response = edit_in_admin(client, release, _translation_confirmed=["hu", "xx", "en"])
    assert response.status_code == 302
    assert states(release)["hu"] == "outdated"
    assert states(release)["et"] == "outdated"


def test_editor_confirmation_without_the_box_ticked_changes_nothing(admin_client, release):
    _make_outdated(release, "it")
    html = admin_client.get(admin_url(release, "change")).content.decode()
    assert 'name="_translation_confirmed" value="it"' in html
    assert edit_in_admin(admin_client, release).status_code == 302
    assert states(release)["it"] == "outdated"
    assert edit_in_admin(admin_client, release, _translation_confirmed="it").status_code == 302
    assert states(release)["it"] == "complete"
