"""Finding 3 and deliverable 3: login throttling, two-factor login for staff, password reset, session age."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from projects.backoffice.permissions import EDITOR_GROUP, ensure_groups
from projects.factories import PartnerFactory, UserFactory
from tests.helpers.admin import coordinator_user

pytestmark = pytest.mark.django_db

PASSWORD = "better-test"
LOGIN = "/en/admin/login/"


def attempt(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/en/admin/"}, REMOTE_ADDR=address)


@pytest.fixture
def editor():
    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(ensure_groups()[EDITOR_GROUP])
    return user


# --- Throttling ---


def test_sixth_wrong_password_for_a_user_locks_the_login_even_for_the_right_password(client, editor):
    for number in range(5):
        response = attempt(client, "editor", f"wrong-{number}", address=f"10.0.0.{number + 1}")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()

    sixth = attempt(client, "editor", "wrong-6", address="10.0.0.6")
    assert sixth.status_code == 429
    assert "Too many failed login attempts" in sixth.content.decode()
    assert "locked for 15 minutes" in sixth.content.decode()

    right = attempt(client, "editor", PASSWORD, address="10.0.0.7")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_six_wrong_passwords_from_one_address_lock_that_address_for_every_user(client, editor):
    for number in range(6):
        attempt(client, f"guess-{number}", "wrong", address="192.0.2.9")

    assert attempt(client, "editor", PASSWORD, address="192.0.2.9").status_code == 429
    # Another address is not locked out of the same (unlocked) account.
    assert attempt(client, "editor", PASSWORD, address="198.51.100.1").status_code == 302


def test_lockout_expires_after_the_cool_off_time(client, editor):
    for number in range(6):
        attempt(client, "editor", f"wrong-{number}")
    assert attempt(client, "editor", PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16))

    response = attempt(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_lockout_page_is_in_the_admins_language(client, editor):
    for number in range(6):
        response = client.post(
            "/it/admin/login/", {"username": "editor", "password": f"wrong-{number}"}, REMOTE_ADDR="10.1.1.1"
        )
    assert response.status_code == 429
    assert 'lang="it"' in response.content.decode()
    assert "Troppi tentativi di accesso non riusciti" in response.content.decode()


# --- Two-factor login ---


def current_code(device):
    device.refresh_from_db()
    return str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift)).zfill(device.digits)


def test_editor_without_device_is_sent_to_enrol_when_two_factor_is_required(client, editor, settings):
    settings.REQUIRE_2FA = True
    client.force_login(editor)

    response = client.get("/en/admin/projects/pressrelease/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two-factor-setup"))
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    html = setup.content.decode()
    assert 'src="/en/admin/two-factor/setup/qr.svg"' in html
    qr = client.get(reverse("two-factor-qr"))
    assert qr["Content-Type"] == "image/svg+xml"
    assert b"<svg" in qr.content


def test_enrolment_confirmed_by_a_code_opens_the_admin_and_asks_for_a_code_at_next_login(client, editor, settings):
    settings.REQUIRE_2FA = True
    client.force_login(editor)
    client.get(reverse("two-factor-setup"))
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed

    wrong = client.post(reverse("two-factor-setup"), {"token": "000000" if current_code(device) != "000000" else "1"})
    assert wrong.status_code == 200
    assert "This code is not right" in wrong.content.decode()
    # A wrong code makes the next try wait (1 s, then longer): not part of this test.
    device.refresh_from_db()
    device.throttle_reset()

    confirmed = client.post(reverse("two-factor-setup"), {"token": current_code(device), "next": "/en/admin/"})
    assert confirmed.status_code == 302
    assert client.get("/en/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed

    # The next login: password first, then the code.
    client.logout()
    assert attempt(client, "editor", PASSWORD).status_code == 302
    to_verify = client.get("/en/admin/")
    assert to_verify["Location"].startswith(reverse("two-factor-verify"))
    # The enrolment page cannot be used to add another device with the password alone.
    assert client.get(reverse("two-factor-setup"))["Location"].startswith(reverse("two-factor-verify"))
    assert client.get(reverse("two-factor-qr")).status_code == 403
    device.last_t = -1
    device.save()
    verified = client.post(reverse("two-factor-verify"), {"token": current_code(device), "next": "/en/admin/"})
    assert verified.status_code == 302
    assert client.get("/en/admin/").status_code == 200


def test_wrong_codes_are_throttled(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    code = current_code(device)
    wrong = str((int(code) + 1) % 1000000).zfill(6)
    client.post(reverse("two-factor-verify"), {"token": wrong})

    response = client.post(reverse("two-factor-verify"), {"token": code})

    assert "Too many wrong codes" in response.content.decode()
    assert client.get("/en/admin/").status_code == 302


def test_two_factor_not_required_lets_an_editor_without_device_in(client, editor, settings):
    settings.REQUIRE_2FA = False
    client.force_login(editor)

    assert client.get("/en/admin/").status_code == 200


def test_coordinator_is_not_required_to_enrol(client, settings):
    settings.REQUIRE_2FA = True
    client.force_login(coordinator_user(PartnerFactory(), "tartu"))

    assert client.get("/en/admin/").status_code == 200


def test_superuser_is_required_to_enrol(client, settings):
    settings.REQUIRE_2FA = True
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    assert client.get("/en/admin/")["Location"].startswith(reverse("two-factor-setup"))


# --- Password reset, sessions ---


def test_password_reset_by_email_sets_a_new_password(client, editor):
    login_page = client.get(LOGIN).content.decode()
    assert reverse("admin_password_reset") in login_page

    response = client.post(reverse("admin_password_reset"), {"email": editor.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/en/admin/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": "A-new-long-secret-81", "new_password2": "A-new-long-secret-81"}
    )
    assert done.status_code == 302
    assert attempt(client, "editor", "A-new-long-secret-81").status_code == 302


def test_session_ends_after_8_hours_without_a_request_and_each_request_renews_it(client, editor):
    client.force_login(editor)

    response = client.get("/en/admin/")

    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == 8 * 60 * 60
    assert client.session.get_expiry_age() == 8 * 60 * 60
