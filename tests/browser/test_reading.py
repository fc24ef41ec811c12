"""Reading the site at a glance, on a laptop and on a phone, in both colour modes."""

import pytest
from django.core.management import call_command

from frameworks.models import Criterion

pytestmark = [pytest.mark.browser]

FOUR_WAY = "/compare/?f=django&f=flask&f=fastapi&f=litestar"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def reader(request, browser, live_server, transactional_db):
    call_command("seed", verbosity=0)
    context = browser.new_context(base_url=live_server.url, **request.param)
    page = context.new_page()
    page.width = request.param["viewport"]["width"]
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server, transactional_db):
    call_command("seed", verbosity=0)
    context = browser.new_context(base_url=live_server.url, **PHONE)
    page = context.new_page()
    yield page
    context.close()


INNER_SCROLL_BOXES = """() => [...document.querySelectorAll('main *')].filter(el => {
  const style = getComputedStyle(el);
  return ['auto', 'scroll'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
}).map(el => el.className || el.tagName)"""


def test_the_four_way_comparison_scrolls_with_the_page_and_keeps_its_header(reader):
    reader.goto(FOUR_WAY)
    assert reader.evaluate(INNER_SCROLL_BOXES) == []
    # Halfway down the scores (the page goes on with releases and code below them).
    reader.evaluate(
        "(() => { const t = document.querySelector('.compare-table').getBoundingClientRect();"
        " window.scrollTo({top: window.scrollY + t.top + t.height / 2, behavior: 'instant'}); })()"
    )
    header = reader.locator(".compare-table thead")
    box = header.locator("th").nth(1).bounding_box()
    assert box is not None
    # Still on screen, at the top of the window, after scrolling half the table.
    assert -1 <= box["y"] <= 12, box
    for name in ("Django", "Flask", "FastAPI", "Litestar"):
        assert header.get_by_role("link", name=name).is_visible()


def test_every_score_of_four_frameworks_reads_on_a_phone_without_sideways_scroll(phone):
    phone.goto(FOUR_WAY)
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    scores = phone.locator(".criterion-row .score-num")
    assert scores.count() == Criterion.objects.count() * 4
    width = phone.viewport_size["width"]
    for box in (scores.nth(i).bounding_box() for i in range(scores.count())):
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    # Each score names its framework on the phone, where there is no column header.
    first_row = phone.locator(".criterion-row").first
    assert first_row.locator(".cell-fw").all_inner_texts() == [
        "Django",
        "Flask",
        "FastAPI",
        "Litestar",
    ]


def test_the_chart_axis_reaches_five_inside_the_window(reader):
    reader.goto(FOUR_WAY)
    chart = reader.locator("svg.chart:visible")
    assert chart.count() == 1
    five = chart.locator("text.tick-label", has_text="5")
    box = five.bounding_box()
    assert box and box["x"] + box["width"] <= reader.width


def test_a_note_opens_with_one_tap_and_every_note_without_javascript(phone):
    phone.goto("/compare/django-vs-flask/")
    first = phone.locator("details.cell-details").first
    assert not first.locator(".cell-source").is_visible()
    first.locator("summary").tap()
    assert first.locator(".cell-source").is_visible()
    phone.get_by_role("link", name="Open every note").click()
    assert phone.url.endswith("?notes=1")
    opened = phone.locator("details.cell-details[open]").count()
    assert opened == phone.locator("details.cell-details").count() > 0


TEXT_SIZES = """() => {
  const small = [];
  const body = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('svg, .visually-hidden')) continue;
    const rect = el.getBoundingClientRect();
    if (!rect.width || !rect.height || getComputedStyle(el).visibility === 'hidden') continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    const text = node.textContent.trim().slice(0, 30);
    if (size < 14) small.push(`${el.tagName}.${el.className}: ${size}px "${text}"`);
    // Labels such as a framework's kind and the eyebrow above a heading are small print.
    const prose = 'main p:not(.small-print, .small, .kind, .eyebrow):not([class*=small] *)';
    if (el.matches(prose) && size < 16) body.push(`${el.className}: ${size}px "${text}"`);
  }
  return {small, body};
}"""

PAGES = [
    "/",
    "/frameworks/",
    "/frameworks/django/",
    FOUR_WAY,
    "/compare/django-vs-flask/?notes=1",
    "/recommend/",
    "/recommend/verdict/?project_type=blog&project_size=small",
    "/search/?q=websocket",
]


def test_text_is_at_least_16_px_and_small_print_at_least_14_on_a_phone(phone):
    problems = {}
    for path in PAGES:
        phone.goto(path)
        sizes = phone.evaluate(TEXT_SIZES)
        if sizes["small"] or sizes["body"]:
            problems[path] = sizes
    assert problems == {}


TAP_TARGETS = """() => [...document.querySelectorAll(
  'button, .btn, summary, select, input:not([type=hidden]):not([type=radio]):not([type=checkbox]),'
  + ' .form-check, .site-nav a, .pair-list a, .breadcrumb a'
)].filter(el => {
  const r = el.getBoundingClientRect();
  return r.width && r.height && getComputedStyle(el).visibility !== 'hidden' && r.height < 44;
}).map(el => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().height)}px`)"""


def test_controls_are_at_least_44_px_tall_on_a_phone(phone):
    problems = {}
    for path in PAGES:
        phone.goto(path)
        if small := phone.evaluate(TAP_TARGETS):
            problems[path] = small
    assert problems == {}


def test_the_colour_mode_toggle_is_remembered_without_a_cookie(
    browser, live_server, transactional_db
):
    call_command("seed", verbosity=0)
    context = browser.new_context(base_url=live_server.url, color_scheme="light")
    page = context.new_page()
    page.goto("/")
    assert page.evaluate("document.documentElement.dataset.bsTheme") == "light"
    toggle = page.get_by_role("button", name="Dark mode")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert page.evaluate("document.documentElement.dataset.bsTheme") == "dark"
    page.goto(FOUR_WAY)
    assert page.evaluate("document.documentElement.dataset.bsTheme") == "dark"
    assert page.get_by_role("button", name="Dark mode").get_attribute("aria-pressed") == "true"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"
    assert context.cookies() == []
    context.close()


def test_search_from_the_header_without_javascript(browser, live_server, transactional_db):
    call_command("seed", verbosity=0)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/frameworks/")
    box = page.get_by_role("searchbox", name="Search the site")
    box.fill("websocket")
    box.press("Enter")
    page.wait_for_url("**/search/?q=websocket")
    assert page.get_by_role("heading", name="Criteria").is_visible()
    assert page.get_by_role("link", name="WebSockets and real time").first.is_visible()
    context.close()
