import re
from pathlib import Path

import pytest

from frameworks.models import Framework
from frameworks.rendering import render_markdown
from recommender.models import Choice, Question

HOSTILE = (
    "## Heading\n\nSome *emphasis* and `code` and a [safe link](https://example.com).\n\n"
    "<script>alert(1)</script>\n\n"
    "<img src=x onerror=alert(1)>\n\n"
    "[x](javascript:alert(1))\n\n"
    "- one\n- two\n"
)


def test_markdown_keeps_safe_formatting():
    html = render_markdown(HOSTILE)
    assert "<h2>Heading</h2>" in html
    assert "<em>emphasis</em>" in html
    assert "<code>code</code>" in html
    assert '<a href="https://example.com" rel="noopener noreferrer nofollow">safe link</a>' in html
    assert "<li>one</li>" in html


@pytest.mark.parametrize("needle", ["<script", "onerror", "javascript:", "<img"])
def test_markdown_drops_active_content(needle):
    assert needle not in render_markdown(HOSTILE).lower()


def test_hostile_description_is_inert_on_the_profile_page(client, seeded):
    Framework.objects.filter(slug="flask").update(description=HOSTILE)
    response = client.get("/frameworks/flask/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h2>Heading</h2>" in html
    body = html.split('<div class="prose">', 1)[1].split("</div>", 1)[0].lower()
    for needle in ("<script", "onerror", "javascript:", "<img"):
        assert needle not in body


REFRESH = '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
PHISH = '<a href="https://evil.example/login">Sign in again</a>'


def test_question_help_text_and_labels_reach_the_questionnaire_as_text(client, seeded):
    """crispy-bootstrap5 renders help text with |safe: an editor's markup must arrive inert."""
    Question.objects.filter(slug="project_size").update(help_text=REFRESH + PHISH, text=PHISH)
    Choice.objects.filter(question__slug="project_size", slug="small").update(label=REFRESH)
    html = client.get("/recommend/").content.decode()
    assert "<meta http-equiv" not in html
    assert 'href="https://evil.example' not in html
    assert "&lt;meta http-equiv=" in html and "&lt;a href=" in html


SAFE_MARKERS = re.compile(r"\|\s*safe\b|mark_safe\(|SafeString\(|autoescape off")
# Where our own code may mark text safe, and why it is safe there.
ALLOWED = {
    "frameworks/rendering.py",  # the output of nh3, which keeps only an allow-list of tags
    "frameworks/search.py",  # highlight(): every piece of text escaped before <mark> is added
    "editorial/admin.py",  # a literal <br> as format_html_join's separator; values escaped
    "templates/recommender/verdict.md",  # text/markdown, every value escaped by markdown_text
    "templates/includes/_verdict_moment.md",
    "frameworks/comparison.py",  # Bar.svg: five numbers formatted with :d and :g, no text
    "codesamples/presentation.py",  # the benchmark chart: names escaped, the rest numbers
    # Badges, source and history links, overview cells: text escaped, the rest numbers.
    "frameworks/templatetags/catalogue.py",
    # Names, categories and criteria escaped; notes are render_markdown's (nh3) output.
    "frameworks/templatetags/compare_table.py",
    # Labels escaped; each file's HTML is Pygments' output, which escapes every
    # character of the sample's source.
    "codesamples/templatetags/code_compare.py",
    # A template's own output, escaped by the engine as it rendered, kept for reuse.
    "pagecache/fragments.py",
    "recommender/templatetags/verdict_tables.py",  # names escaped, the rest formatted numbers
    "frameworks/templatetags/compare_picker.py",  # slugs and names escaped
    # Versions, Python versions and maintenance labels escaped; the rest dates and counts.
    "releases/templatetags/releases.py",
}


def test_only_sanitised_output_is_ever_marked_safe():
    root = Path(__file__).resolve().parents[2]
    found = {
        str(path.relative_to(root))
        for top in (
            "templates",
            "frameworks",
            "recommender",
            "editorial",
            "compare_site",
            "changelog",
            "corrections",
            "releases",
            "codesamples",
            "pagecache",
        )
        for path in (root / top).rglob("*")
        if path.suffix in {".py", ".html", ".md", ".txt", ".xml"}
        and SAFE_MARKERS.search(path.read_text(encoding="utf-8"))
    }
    assert found == ALLOWED


def test_hostile_text_is_inert_in_the_admin_history_too(admin_client_logged):
    """django-simple-history marks its change lists safe after escaping them: check it does."""
    flask = Framework.objects.get(slug="flask")
    for tagline in ("<script>alert(1)</script>", REFRESH):
        flask.tagline = tagline
        flask.save()
    html = admin_client_logged.get(f"/admin/frameworks/framework/{flask.pk}/history/").content
    html = html.decode()
    assert "<script>alert(1)</script>" not in html and "<meta http-equiv" not in html
    assert "&lt;script&gt;" in html
