"""Editors in a real browser: the admin works under the site's strict CSP."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from frameworks.models import Criterion

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
    criteria = str(Criterion.objects.count())
    assert page.locator("input[name='scores-TOTAL_FORMS']").input_value() == criteria
    page.get_by_label("Tagline").fill("Tagline edited in the browser")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("ul.messagelist")).to_contain_text("was changed successfully")
    assert page.console_errors == []

    reader = page.context.browser.new_context(base_url=live_server.url).new_page()
    reader.goto("/frameworks/flask/")
    expect(reader.get_by_text("Tagline edited in the browser").first).to_be_visible()


def test_editor_reverts_a_score_from_its_history(page, live_server, transactional_db,
                                                 django_user_model):  # fmt: skip
    from editorial.permissions import sync_editors_group
    from frameworks.models import Score

    call_command("seed", verbosity=0)
    editor = django_user_model.objects.create_user(
        "reverter", "r@example.com", "a-long-password-1", is_staff=True
    )
    editor.groups.add(sync_editors_group())
    score = Score.objects.select_related("framework").get(
        framework__slug="flask", criterion__slug="admin"
    )
    original_note = score.note

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("reverter")
    page.get_by_label("Password").fill("a-long-password-1")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/admin/frameworks/score/{score.pk}/change/")
    page.get_by_label("Note").fill("A careless edit.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("ul.messagelist")).to_contain_text("was changed successfully")

    # History lists both versions, newest first, with who made the change.
    page.goto(f"/admin/frameworks/score/{score.pk}/change/")
    page.get_by_role("link", name="History").click()
    rows = page.locator("#change-history tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("reverter")
    rows.last.get_by_role("link").click()
    expect(page.get_by_label("Note")).to_have_value(original_note)
    page.get_by_role("button", name="Revert").click()
    expect(page.locator("ul.messagelist")).to_contain_text("was changed successfully")
    assert page.console_errors == []

    reader = page.context.browser.new_context(base_url=live_server.url).new_page()
    reader.goto("/frameworks/flask/")
    expect(reader.get_by_text(original_note[:40]).first).to_be_visible()
    expect(reader.get_by_text("A careless edit.")).to_have_count(0)
