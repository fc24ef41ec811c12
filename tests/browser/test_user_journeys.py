"""Three whole journeys in a real browser: a reader, a decider and an editor.

test_journeys.py and test_admin.py check single steps (the compare picker on
/compare/, the questionnaire with the mouse, a tagline edited by a superuser);
these follow one person from the first page to what they came for.
"""

from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from editorial.permissions import sync_editors_group
from frameworks.models import Score, UseCase

pytestmark = [pytest.mark.browser]

# Tab presses allowed to reach one control: more means the page is not keyboard-friendly.
MAX_TABS = 40


@pytest.fixture
def live_seeded(transactional_db):
    call_command("seed", verbosity=0)


def _recording_page(context):
    """A page in another context that collects console errors like the `page` fixture."""
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    return page


def _focused(page) -> dict:
    """What has the keyboard focus, and how it is drawn."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {
                tag: el.tagName, type: el.type || "", name: el.name || "", value: el.value || "",
                checked: !!el.checked, text: (el.textContent || "").trim(),
                outline: style.outlineStyle, outlineWidth: style.outlineWidth,
                outlineColor: style.outlineColor,
                boxShadow: style.boxShadow,
            };
        }"""
    )


def _has_focus_indicator(focused: dict) -> bool:
    """A solid outline at least 2px wide in the site's dark brand colour.

    Bootstrap's pale focus glow (under 3:1 against white) does not count.
    """
    return (
        focused["outline"] == "solid"
        and float(focused["outlineWidth"].removesuffix("px")) >= 2
        and focused["outlineColor"] == "rgb(31, 59, 87)"
    )


def _tab_until(page, predicate, what: str) -> dict:
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if predicate(focused):
            return focused
    raise AssertionError(f"{what} is not reachable with {MAX_TABS} presses of Tab")


def _ranking(page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator("ol.ranking > li").all_inner_texts()]


def test_reader_goes_from_home_to_a_comparison_a_profile_and_a_prefilled_questionnaire(
    page, live_seeded
):
    # Home: pick two frameworks with the picker on the page, in reverse order.
    page.goto("/")
    picker = page.get_by_role("group", name="Or pick two to four frameworks")
    picker.get_by_label("Litestar").check()
    picker.get_by_label("FastAPI").check()
    picker.get_by_role("button", name="Compare").click()

    # The comparison lands on its canonical address, in alphabetical order.
    page.wait_for_url("**/compare/fastapi-vs-litestar/")
    heading = page.get_by_role("heading", level=1)
    assert " ".join(heading.inner_text().split()) == "FastAPI vs Litestar"
    table = page.locator(".compare-table")
    headers = table.locator("thead th").all_inner_texts()
    assert [h.strip() for h in headers] == ["Criterion", "FastAPI", "Litestar"]
    all_rows = table.locator("tr.criterion-row").count()
    assert all_rows > 0
    # Every row shows one score per framework, and the evidence is linked.
    first_row = table.locator("tr.criterion-row").first
    expect(first_row.locator("td .score-num")).to_have_count(2)
    # The note and its source are one tap away.
    first_row.locator("summary").first.click()
    source = first_row.locator("a.source-link").first
    expect(source).to_be_visible()
    assert source.get_attribute("href").startswith("https://")
    assert source.inner_text().startswith("source: ")

    # Only the differences.
    page.get_by_role("link", name="Show only differences").click()
    page.wait_for_url("**/compare/fastapi-vs-litestar/?diff=1")
    diff_rows = table.locator("tr.criterion-row").count()
    assert 0 < diff_rows < all_rows
    expect(page.get_by_text(f"Showing the {diff_rows} criteria where they differ.")).to_be_visible()
    for row in table.locator("tr.criterion-row").all():
        values = row.locator("td .score-num").all_inner_texts()
        assert len(set(values)) == 2, f"a row where they do not differ: {row.inner_text()}"
    expect(page.get_by_role("link", name="Show all criteria")).to_be_visible()

    # A framework's profile, from the table's column header.
    table.locator("thead").get_by_role("link", name="FastAPI").click()
    page.wait_for_url("**/frameworks/fastapi/")
    assert page.get_by_role("heading", level=1).inner_text() == "FastAPI"
    fits = page.locator("section[aria-labelledby='fits-heading']")
    expect(fits.get_by_role("heading", name="Projects it suits")).to_be_visible()

    # One of the projects it suits.
    use_case_link = fits.get_by_role("link").first
    title = use_case_link.inner_text()
    use_case_link.click()
    page.wait_for_url("**/use-cases/*/")
    assert page.get_by_role("heading", level=1).inner_text() == title
    slug = page.url.rstrip("/").rsplit("/", 1)[1]
    answers = UseCase.objects.get(slug=slug).example_answers
    assert answers, f"the use case {slug} has no example answers to pre-fill"

    # Its answers open the questionnaire already filled in.
    page.get_by_role("link", name="Open the questionnaire with this project's answers").click()
    page.wait_for_url("**/recommend/?**")
    assert page.get_by_role("heading", level=1).inner_text() == "Which framework fits your project?"
    for question, choice in answers.items():
        radio = page.locator(f"input[type=radio][name='{question}'][value='{choice}']")
        expect(radio).to_be_checked()
    chosen = page.locator("#questionnaire input[type=radio]:checked:not([value=''])")
    expect(chosen).to_have_count(len(answers))
    assert page.console_errors == []


def test_decider_answers_with_the_keyboard_only_and_keeps_a_record(
    page, browser, live_server, live_seeded
):
    # Without transitions, the focus ring is read as drawn, not half-way through appearing.
    page.emulate_media(reduced_motion="reduce")
    page.goto("/recommend/")
    # The skip link takes the keyboard past the site's navigation.
    page.keyboard.press("Tab")
    assert _focused(page)["text"] == "Skip to content"
    page.keyboard.press("Enter")

    # Tab enters a group of radios; the arrow keys move the choice within it.
    focused = _tab_until(page, lambda f: f["name"] == "project_type", "The first question")
    assert focused["checked"] and focused["value"] == "", "No preference is selected first"
    assert _has_focus_indicator(focused), f"no visible focus on a radio: {focused}"
    for _ in range(6):
        page.keyboard.press("ArrowDown")
    focused = _focused(page)
    assert (focused["name"], focused["value"], focused["checked"]) == (
        "project_type",
        "ecommerce",
        True,
    )
    assert _has_focus_indicator(focused), f"no visible focus on a radio: {focused}"

    page.keyboard.press("Tab")
    assert _focused(page)["name"] == "project_size"
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert _focused(page)["value"] == "large"

    page.keyboard.press("Tab")
    assert _focused(page)["name"] == "security"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert (_focused(page)["value"], _focused(page)["checked"]) == ("high", True)

    # On to the button, and Enter submits.
    button = _tab_until(page, lambda f: f["type"] == "submit", "The submit button")
    assert button["text"] == "Show my verdict"
    assert _has_focus_indicator(button), f"no visible focus on the button: {button}"
    page.keyboard.press("Enter")
    page.wait_for_url("**/recommend/verdict/?**")

    assert page.get_by_role("heading", level=1).inner_text() == "Django"
    for param in ("project_type=ecommerce", "project_size=large", "security=high"):
        assert param in page.url
    answers = page.locator("dl.answers")
    expect(answers).to_contain_text("An online shop")
    expect(answers).to_contain_text("Large: many features, several developers")
    expect(answers).to_contain_text("High: audited, sensitive data")
    ranking = _ranking(page)
    assert len(ranking) >= 2 and ranking[0].startswith("Django")
    # The permalink carries the answers given, not the form's empty "no preference"
    # ones, and pins the verdict to the moment it was computed.
    permalink = page.locator(".permalink a").get_attribute("href")
    assert permalink.startswith(
        live_server.url
        + "/recommend/verdict/?project_size=large&project_type=ecommerce&security=high&as_of="
    )

    # The permalink, opened by someone else, gives the same verdict.
    other = browser.new_context(base_url=live_server.url)
    try:
        colleague = _recording_page(other)
        colleague.goto(permalink)
        assert colleague.get_by_role("heading", level=1).inner_text() == "Django"
        assert _ranking(colleague) == ranking
        assert colleague.console_errors == []
    finally:
        other.close()

    # The decision record downloads as a Markdown file that states the decision.
    record_link = page.get_by_role("link", name="Decision record (Markdown)")
    assert record_link.get_attribute("download") == "framework-decision.md"
    with page.expect_download() as download_info:
        record_link.click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename == "framework-decision.md"
    record = Path(download.path()).read_text(encoding="utf-8")
    assert record.startswith("# Decision record: choosing a Python web framework")
    assert f"Permalink: <{permalink}>" in record  # an autolink: Markdown leaves it whole
    assert "We choose **Django**." in record
    assert "- What are you building? An online shop" in record
    assert "- How big will it get? Large: many features, several developers" in record
    assert "- How demanding are your security requirements? High: audited, sensitive data" in record
    assert "| 1 | Django |" in record
    assert page.console_errors == []


def test_editor_changes_a_score_and_readers_see_it_at_once(
    page, browser, live_server, live_seeded, django_user_model
):
    editor = django_user_model.objects.create_user(
        "score-editor", "editor@example.com", "a-long-password-1", is_staff=True
    )
    editor.groups.add(sync_editors_group())
    score = Score.objects.select_related("framework", "criterion").get(
        framework__slug="flask", criterion__slug="async"
    )
    new_value = 4 if score.value != 4 else 3
    new_note = "Edited in a browser: async views run in a thread per request since Flask 2.0."

    # A reader has the profile open (and cached) before the edit.
    reader_context = browser.new_context(base_url=live_server.url)
    try:
        reader = _recording_page(reader_context)
        reader.goto("/frameworks/flask/")
        before = reader.locator(f"#score-{score.criterion.slug}")
        expect(before.locator(".score-num")).to_have_text(str(score.value))
        expect(before).not_to_contain_text(new_note)

        page.goto("/admin/login/")
        page.get_by_label("Username").fill("score-editor")
        page.get_by_label("Password").fill("a-long-password-1")
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/admin/")
        page.goto(f"/admin/frameworks/score/{score.pk}/change/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Change score")
        page.get_by_label("Value").fill(str(new_value))
        page.get_by_label("Note").fill(new_note)
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.locator("ul.messagelist")).to_contain_text("was changed successfully")
        assert page.console_errors == []

        # The reader reloads and sees the change straight away.
        reader.reload()
        after = reader.locator(f"#score-{score.criterion.slug}")
        expect(after.locator(".score-num")).to_have_text(str(new_value))
        expect(after).to_contain_text(new_note)
        assert reader.console_errors == []
    finally:
        reader_context.close()

    # Editors manage content, never accounts.
    response = page.goto("/admin/auth/user/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You may not do that")
    expect(page.locator("#result_list")).to_have_count(0)
    page.goto("/admin/")
    expect(page.get_by_role("link", name="Scores", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Users", exact=True)).to_have_count(0)
