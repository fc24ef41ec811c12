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
    "/no-such-page/",
]


@pytest.fixture(
    params=[{"width": 1280, "height": 900}, {"width": 375, "height": 740}],
    ids=["desktop", "phone"],
)
def axe_page(request, browser, live_server, transactional_db):
    call_command("seed", verbosity=0)
    call_command("import_samples", verbosity=0)
    # axe is injected as a script; the site's own policy rightly forbids that.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, viewport=request.param)
    page = context.new_page()
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


def test_no_serious_accessibility_issue_on_any_kind_of_page(axe_page):
    # One test over every page, so that the catalogue is seeded once, not per page.
    assert AXE.exists(), "run `make install-test` (npm ci) to install axe-core"
    problems = {}
    for path in PAGES:
        axe_page.goto(path)
        if serious := serious_violations(axe_page):
            problems[path] = serious
        # At phone width no page may scroll sideways.
        overflow = axe_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.setdefault(path, []).append(f"scrolls sideways by {overflow}px")
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
