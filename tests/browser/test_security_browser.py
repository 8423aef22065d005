"""Accounts and error pages in Chromium under the strict CSP: two-factor enrolment by QR code, the
login lockout, a 404 in the visitor's language. Screenshots in test-artifacts/screenshots/."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from .admin_pages import PASSWORD
from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_superuser_enrols_by_qr_code_when_two_factor_is_required(page, demo_site, settings, screenshot):
    settings.REQUIRE_2FA = True
    page.set_viewport_size(DESKTOP)
    page.goto(f"{demo_site.url}/en/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()

    page.wait_for_url("**/admin/two-factor/setup/**")
    qr = page.get_by_role("img", name="QR code for your authenticator app")
    expect(qr).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth", qr.element_handle()) > 0
    screenshot(page, "two-factor-enrolment")

    device = TOTPDevice.objects.get(user__username="admin", confirmed=False)
    code = str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift)).zfill(6)
    page.get_by_label("Code from your authenticator app").fill(code)
    page.get_by_role("button", name="Confirm and continue").click()

    page.wait_for_url("**/en/admin/")
    expect(page.get_by_text("Two-factor login is set up")).to_be_visible()


def test_page_not_found_in_hungarian(page, demo_site, screenshot):
    page.set_viewport_size(DESKTOP)
    response = page.goto(f"{demo_site.url}/hu/nincs-ilyen-oldal/")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Az oldal nem található")
    screenshot(page, "not-found-hu")


def test_sixth_wrong_password_shows_the_lockout_message(page, demo_site, screenshot):
    # Last in this module: the address stays locked until the module's database is flushed.
    page.set_viewport_size(DESKTOP)
    for number in range(6):
        page.goto(f"{demo_site.url}/en/admin/login/")
        page.locator("#id_username").fill("tartu")
        page.locator("#id_password").fill(f"wrong-{number}")
        page.locator("#login-form [type=submit]").click()

    expect(page.get_by_text("Too many failed login attempts.")).to_be_visible()
    expect(page.get_by_text("locked for 15 minutes")).to_be_visible()
    screenshot(page, "login-locked")

    # The right password does not open it either.
    page.goto(f"{demo_site.url}/en/admin/login/")
    page.locator("#id_username").fill("tartu")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    expect(page.get_by_text("Too many failed login attempts.")).to_be_visible()
