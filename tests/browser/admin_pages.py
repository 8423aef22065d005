"""Driving the real admin in Chromium: logging in and typing in modeltranslation's language tabs."""

from playwright.sync_api import expect

from .conftest import DESKTOP

# Every demo account's password (load_demo_content).
PASSWORD = "better-demo"


def log_in(page, demo_site, username):
    """Logs in through the admin's form; returns the language the admin then speaks (a coordinator's city's)."""
    page.set_viewport_size(DESKTOP)
    page.goto(f"{demo_site.url}/en/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url("**/admin/")
    return page.evaluate("() => document.documentElement.lang")


def fill_in_tab(page, field_id, value):
    """Open the language tab that holds `field_id` (modeltranslation's tabs), then type in the field."""
    language = field_id.rsplit("_", 1)[-1]
    tabs = page.locator(".ui-tabs", has=page.locator(f"#{field_id}"))
    tabs.get_by_role("tab", name=language, exact=True).click()
    field = page.locator(f"#{field_id}")
    expect(field).to_be_visible()
    field.fill(value)
