import pytest

from frameworks.models import Framework
from frameworks.rendering import render_markdown

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
