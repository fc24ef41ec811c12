"""A reader suggests a correction, an editor accepts it, the reader sees it and its history."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from editorial.permissions import sync_editors_group
from frameworks.models import Score
from tests.browser.test_user_journeys import _recording_page

pytestmark = [pytest.mark.browser]


@pytest.fixture
def live_seeded(transactional_db):
    call_command("seed", verbosity=0)


def test_a_readers_correction_goes_through_the_editors_to_the_public_page(
    page, browser, live_server, live_seeded, django_user_model
):
    editor = django_user_model.objects.create_user(
        "desk-editor", "desk@example.com", "a-long-password-1", is_staff=True
    )
    editor.groups.add(sync_editors_group())
    score = Score.objects.select_related("criterion").get(
        framework__slug="flask", criterion__slug="admin"
    )
    new_value = (score.value + 1) % 6
    note = "Flask-Admin adds an admin interface as a maintained extension."
    evidence = "https://flask-admin.readthedocs.io/en/latest/introduction/"

    reader_context = browser.new_context(base_url=live_server.url)
    try:
        reader = _recording_page(reader_context)
        reader.goto("/frameworks/flask/")
        item = reader.locator("#score-admin")
        expect(item.locator(".score-num")).to_have_text(str(score.value))
        item.get_by_role("link", name=f"Suggest a correction to {score.criterion.name}").click()
        expect(reader.get_by_role("heading", level=1)).to_have_text("Suggest a correction")
        reader.get_by_label("Proposed score").select_option(str(new_value))
        reader.get_by_label("Proposed note").fill(note)
        reader.get_by_label("Evidence").fill(evidence)
        reader.get_by_role("button", name="Send the correction").click()
        expect(reader.get_by_role("heading", level=1)).to_have_text("Thank you")
        reader.locator(".status-link a").click()
        expect(reader.locator("#suggestion-status")).to_contain_text("Waiting for an editor")
        status_url = reader.url

        page.goto("/admin/login/")
        page.get_by_label("Username").fill("desk-editor")
        page.get_by_label("Password").fill("a-long-password-1")
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/admin/")
        page.get_by_role("link", name="1 correction waiting for an editor").click()
        page.locator("#result_list tbody tr a").first.click()
        side_by_side = page.locator(".suggestion-side-by-side")
        expect(side_by_side.locator("td.now").first).to_have_text(str(score.value))
        expect(side_by_side.locator("td.proposed").first).to_have_text(str(new_value))
        page.get_by_label("Status").select_option("accepted")
        page.get_by_label("Decision reason").fill("The extension's own documentation shows it.")
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.locator("ul.messagelist")).to_contain_text(f"now scores {new_value} out of 5")
        assert page.console_errors == []

        reader.goto("/frameworks/flask/")
        item = reader.locator("#score-admin")
        expect(item.locator(".score-num")).to_have_text(str(new_value))
        expect(item).to_contain_text(note)
        item.get_by_role("link", name="Changed once").click()
        expect(reader.locator(".version-list")).to_contain_text(
            f"Score moved from {score.value} to {new_value}"
        )
        expect(reader.locator(".version-list")).to_contain_text(
            "A reader's correction, accepted: The extension's own documentation shows it."
        )
        expect(reader.locator(".value-chart svg circle")).to_have_count(2)
        reader.goto(status_url)
        expect(reader.locator("#suggestion-status")).to_contain_text("Accepted")
        assert reader.console_errors == []
    finally:
        reader_context.close()
