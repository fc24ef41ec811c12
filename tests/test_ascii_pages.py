"""Pages drawn on every miss are all ASCII (``frameworks.formatting.ascii_escape``).

Python keeps an all-ASCII string at one byte per character; one curly quote
in a 250 KB comparison made every join of its pieces and its encoding work at
two, a quarter of the page's time on a miss. Their own punctuation is written
as character references, which a browser reads the same.
"""

import pytest

PAGES = [
    "/compare/django-vs-flask/",
    "/compare/?f=django&f=flask&f=fastapi&f=litestar",
    "/compare/django-vs-flask/?notes=1",
    # Exclusions, needs and what would change: each text from the questionnaire.
    "/recommend/verdict/?project_type=ecommerce&project_size=large&security=high",
    "/recommend/verdict/?project_type=banking&security=high&realtime=yes&must_haves=websockets",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_drawn_on_every_miss_are_ascii(client, seeded, path):
    html = client.get(path).content.decode()
    outside = sorted({c for c in html if not c.isascii()})
    assert not outside, [(c, html[html.index(c) - 60 : html.index(c)]) for c in outside]
