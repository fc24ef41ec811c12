"""axe-core, run in Chromium on every kind of page: no serious or critical issue."""

from pathlib import Path

import pytest
from django.core.management import call_command

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [pytest.mark.browser]

PAGES = [
    "/",
    "/frameworks/",
    "/frameworks/django/",
    "/frameworks/flask/",
    "/frameworks/no-such-framework/",
    "/compare/",
    "/compare/django-vs-flask/",
    "/compare/?f=django&f=flask&f=fastapi&f=litestar",
    "/compare/django-vs-flask/?notes=1",
    "/compare/?f=django",
    "/criteria/",
    "/criteria/admin/",
    "/criteria/performance/",
    "/use-cases/",
    "/use-cases/personal-blog/",
    "/recommend/",
    "/recommend/verdict/?project_type=spaceship",
    "/recommend/verdict/?project_type=banking&security=high",
    "/recommend/verdict/",
    "/recommend/verdict/?project_type=blog&project_size=small",
    "/recommend/verdict/?must_haves=background_tasks&must_haves=admin&async_io=heavy",
    "/search/?q=websocket",
    "/search/?q=",
    "/no-such-page/",
    "/changes/",
    "/frameworks/flask/history/",
    "/frameworks/flask/scores/admin/history/",
    "/frameworks/flask/scores/admin/suggest/",
]


DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 375, "height": 740}


@pytest.fixture(
    params=[(DESKTOP, "light"), (PHONE, "light"), (DESKTOP, "dark"), (PHONE, "dark")],
    ids=["desktop", "phone", "desktop-dark", "phone-dark"],
)
def axe_page(request, browser, live_server, transactional_db):
    call_command("seed", verbosity=0)
    call_command("import_samples", verbosity=0)
    viewport, scheme = request.param
    # axe is injected as a script; the site's own policy rightly forbids that.
    context = browser.new_context(
        base_url=live_server.url, bypass_csp=True, viewport=viewport, color_scheme=scheme
    )
    page = context.new_page()
    page.colour_scheme = scheme
    yield page
    context.close()


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def page_problems(page) -> list[str]:
    """Serious axe findings, and sideways scrolling (no page may scroll sideways on a phone)."""
    problems = serious_violations(page)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        problems.append(f"scrolls sideways by {overflow}px")
    return problems


def test_no_serious_accessibility_issue_on_any_kind_of_page(axe_page):
    # One test over every page, so that the catalogue is seeded once, not per page.
    assert AXE.exists(), "run `make install-test` (npm ci) to install axe-core"
    problems = {}
    for path in PAGES:
        axe_page.goto(path)
        # The page follows the browser's colour scheme, so axe checks the contrast of both.
        mode = axe_page.evaluate("document.documentElement.dataset.bsTheme")
        assert mode == axe_page.colour_scheme, path
        if found := page_problems(axe_page):
            problems[path] = found
    assert problems == {}


def test_the_sign_in_lockout_page_is_accessible(axe_page, django_user_model):
    django_user_model.objects.create_user("eve", password="a-long-password-1", is_staff=True)
    for attempt in range(5):
        axe_page.goto("/admin/login/")
        axe_page.get_by_label("Username").fill("eve")
        axe_page.get_by_label("Password").fill(f"wrong-{attempt}")
        axe_page.get_by_role("button", name="Log in").click()
    assert axe_page.get_by_role("heading", level=1).inner_text() == "Sign-in locked for now"
    assert serious_violations(axe_page) == []
