"""Synced release facts in Chromium: axe finds nothing serious, and nothing scrolls sideways."""

import datetime

import pytest
from django.utils import timezone

from tests.browser.test_accessibility import axe_page, page_problems  # noqa: F401
from tests.releases.test_pages import snapshot

pytestmark = [pytest.mark.browser]


def test_release_blocks_and_rows_are_accessible_on_desktop_and_phone(axe_page):  # noqa: F811
    snapshot("django", "django", timezone.now() - datetime.timedelta(days=20))  # stale notice
    snapshot("bottle", "web2py")  # sixteen advisories
    snapshot("flask", "flask")
    problems = {}
    for path in ("/frameworks/django/", "/frameworks/bottle/", "/compare/bottle-vs-django/"):
        axe_page.goto(path)
        if found := page_problems(axe_page):
            problems[path] = found
    axe_page.goto("/frameworks/django/")
    assert axe_page.locator("svg.quarter-chart rect.quarter-bar").count() == 12
    assert axe_page.get_by_role("status").inner_text().startswith("These release facts")
    assert problems == {}
