"""Markup built in Python for speed (comparison tables, charts, verdict lists,
overview cells) escapes every editor's text exactly as the templates did."""

import pytest

from frameworks.models import Criterion, Framework
from pagecache import fragments

NAME = '<b id="x">Flask</b>'
CRITERION = '<i id="y">Admin</i>'
CATEGORY = '<u id="z">Back office</u>'
PAGES = [
    "/compare/django-vs-flask/",
    "/compare/?f=django&f=flask&f=fastapi&f=starlette",
    "/compare/?f=flask&f=django&f=bottle&notes=1",
    "/frameworks/",
    "/frameworks/flask/",
    "/criteria/performance/",
    "/recommend/verdict/?project_type=cms&admin_needed=yes",
]


@pytest.fixture
def hostile_names(seeded):
    Framework.objects.filter(slug="flask").update(name=NAME)
    Criterion.objects.filter(slug="admin").update(name=CRITERION, category=CATEGORY)
    fragments.clear()  # update() sends no signals


@pytest.mark.parametrize("path", PAGES)
def test_editors_text_in_built_markup_is_escaped(client, hostile_names, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    for raw in ('<b id="x">', '<i id="y">', '<u id="z">'):
        assert raw not in html, (path, raw)
    assert "&lt;b id=&quot;x&quot;&gt;Flask&lt;/b&gt;" in html, path
