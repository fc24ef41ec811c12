"""No page breaks under the Content-Security-Policy: every public page and the admin."""

import datetime

import pytest
from django.core.management import call_command

from frameworks.models import Framework, Score
from tests.editorial.test_security import PUBLIC

pytestmark = [pytest.mark.browser]

# Collects violations as the page reports them; init scripts are not subject to the CSP.
LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


@pytest.fixture
def watched_page(page):
    page.add_init_script(LISTEN)
    return page


def violations(page, *, any_error: bool = False) -> list[str]:
    """What the page just visited reported, from its event listener and the console.

    A 404 page logs its own status as a console error, hence CSP messages only
    unless every console error counts.
    """
    found = page.evaluate("window.__cspViolations || []")
    console = [m for m in page.console_errors if any_error or "Content Security Policy" in m]
    page.console_errors.clear()
    return found + console


def test_public_pages_raise_no_csp_violation(watched_page, transactional_db):
    call_command("seed", verbosity=0)
    call_command("import_samples", verbosity=0)
    Framework.objects.filter(slug="falcon").update(is_published=False)
    problems = {}
    for path in PUBLIC:
        if path.endswith((".json", ".xml", ".txt")):
            continue
        watched_page.goto(path)
        # Use the page as a reader would, so that lazily applied styles are checked too.
        watched_page.mouse.wheel(0, 4000)
        watched_page.keyboard.press("Tab")
        if found := violations(watched_page):
            problems[path] = found
    assert problems == {}


def test_the_admin_raises_no_csp_violation(watched_page, transactional_db, django_user_model):
    call_command("seed", verbosity=0)
    django_user_model.objects.create_superuser("boss", "boss@example.com", "a-long-password-1")
    score = Score.objects.select_related("framework").first()
    Score.objects.filter(pk=score.pk).update(last_reviewed=datetime.date(2020, 1, 1))
    Framework.objects.filter(slug="falcon").update(is_published=False)
    page = watched_page
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill("a-long-password-1")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    fw = score.framework
    history_id = fw.history.earliest().history_id
    paths = [
        "/admin/",
        "/admin/frameworks/framework/",
        f"/admin/frameworks/framework/{fw.pk}/change/",
        f"/admin/frameworks/framework/{fw.pk}/history/",
        f"/admin/frameworks/framework/{fw.pk}/history/{history_id}/",
        "/admin/frameworks/framework/add/",
        "/admin/frameworks/criterion/1/change/",
        f"/admin/frameworks/score/{score.pk}/change/",
        "/admin/frameworks/usecase/1/change/",
        "/admin/recommender/question/1/change/",
        "/admin/recommender/choice/1/change/",
        "/admin/editorial/scoredueforreview/",
        "/admin/corrections/suggestion/",
        "/admin/auth/user/",
        "/frameworks/falcon/",  # the draft preview
    ]
    problems = {}
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        if found := violations(page, any_error=True):
            problems[path] = found
    assert problems == {}
