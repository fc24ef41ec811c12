"""Editors in a real browser: the admin works under the site's strict CSP."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser]


def test_editor_changes_a_tagline_and_readers_see_it(page, live_server, transactional_db,
                                                      django_user_model):  # fmt: skip
    call_command("seed", verbosity=0)
    django_user_model.objects.create_superuser("editor", "e@example.com", "a-long-password-1")
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-long-password-1")
    page.get_by_role("button", name="Log in").click()
    page.goto("/admin/frameworks/framework/")
    page.get_by_role("link", name="Flask", exact=True).click()
    assert page.locator("input[name='scores-TOTAL_FORMS']").input_value() == "16"
    page.get_by_label("Tagline").fill("Tagline edited in the browser")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("ul.messagelist")).to_contain_text("was changed successfully")
    assert page.console_errors == []

    reader = page.context.browser.new_context(base_url=live_server.url).new_page()
    reader.goto("/frameworks/flask/")
    expect(reader.get_by_text("Tagline edited in the browser").first).to_be_visible()
