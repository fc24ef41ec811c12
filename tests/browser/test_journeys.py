"""What a person sees and does in a real browser (Debian's Chromium, headless)."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser]


@pytest.fixture
def live_seeded(transactional_db):
    call_command("seed", verbosity=0)


def test_home_page_shows_what_the_site_is(page, live_seeded):
    page.goto("/")
    assert "Choose a Python web framework" in page.title()
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Which Python web framework fits your project?"
    assert page.get_by_role("link", name="Answer the questionnaire").is_visible()
    assert page.get_by_role("link", name="Django vs Flask").is_visible()
    # Styles loaded from our own static files: the header is the brand colour.
    header_bg = page.eval_on_selector(".site-header", "el => getComputedStyle(el).backgroundColor")
    assert header_bg == "rgb(31, 59, 87)"
    assert page.console_errors == []


def test_keyboard_user_can_skip_to_content(page, live_seeded):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to content"
    assert page.is_visible(".skip-link")


def test_questionnaire_journey_to_a_verdict(page, live_seeded):
    page.goto("/")
    page.get_by_role("link", name="Answer the questionnaire").click()
    page.wait_for_url("**/recommend/")
    page.get_by_label("A blog or personal site").check()
    page.get_by_label("Small: a few pages or endpoints").check()
    page.get_by_role("button", name="Show my verdict").click()
    page.wait_for_url("**/recommend/verdict/?**")
    assert "project_type=blog" in page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Flask"
    assert page.get_by_role("heading", name="What would change this").is_visible()
    # "Change my answers" brings the form back with the answers still selected.
    page.get_by_role("link", name="Change my answers").click()
    page.wait_for_url("**/recommend/?**")
    assert page.get_by_label("A blog or personal site").is_checked()
    assert page.get_by_label("Small: a few pages or endpoints").is_checked()
    assert page.console_errors == []


def test_compare_picker_works_and_table_is_readable(page, live_seeded):
    page.goto("/compare/")
    page.get_by_label("Flask", exact=True).check()
    page.get_by_label("Django", exact=True).check()
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/compare/django-vs-flask/")
    assert page.get_by_role("heading", level=1).inner_text().replace("\n", " ") == (
        "Django vs Flask"
    )
    rows = page.locator(".compare-table tr.criterion-row")
    assert rows.count() == 17  # one row per seeded criterion
    page.get_by_role("link", name="Show only differences").click()
    page.wait_for_url("**/compare/django-vs-flask/?diff=1")
    assert page.locator(".compare-table tr.criterion-row").count() < 17
    assert page.locator("svg.chart rect").count() > 0
    assert page.console_errors == []


@pytest.mark.parametrize(
    "path", ["/", "/compare/django-vs-flask/", "/recommend/", "/frameworks/django/"]
)
def test_pages_fit_a_phone_screen(phone_page, live_seeded, path):
    phone_page.goto(path)
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 375px wide"
