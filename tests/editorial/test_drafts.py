"""Drafts: editors preview an unpublished framework at its URL; readers get a 404."""

import pytest

from frameworks.models import Framework


@pytest.fixture
def draft(seeded):
    Framework.objects.filter(slug="falcon").update(is_published=False)
    return Framework.objects.get(slug="falcon")


def test_a_draft_answers_404_to_readers_every_time(client, draft):
    for _ in range(2):  # the second answer may come from the page cache
        response = client.get("/frameworks/falcon/")
        assert response.status_code == 404
        assert "Falcon" not in response.content.decode().split("<main", 1)[1].split("</main>")[0]


def test_an_editor_previews_the_draft_marked_as_a_draft(client, editor_client, draft):
    client.get("/frameworks/falcon/")  # a reader's 404 is now in the page cache
    response = editor_client.get("/frameworks/falcon/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft preview." in html
    assert '<meta name="robots" content="noindex">' in html
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store", "no-cache", "max-age=0"} <= cache_control
    assert response.has_header("Expires")  # for HTTP/1.0 caches too
    # The editor's preview never reaches readers.
    assert client.get("/frameworks/falcon/").status_code == 404


def test_an_editor_can_compare_a_draft_but_readers_cannot(client, editor_client, draft):
    assert editor_client.get("/compare/falcon-vs-flask/").status_code == 200
    assert client.get("/compare/falcon-vs-flask/").status_code == 404


def test_a_signed_in_user_without_editor_rights_gets_the_404(client, draft, django_user_model):
    reader = django_user_model.objects.create_user("reader", password="a-long-password-1")
    client.force_login(reader)
    assert client.get("/frameworks/falcon/").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/", "/frameworks/", "/compare/", "/api/catalogue.json", "/sitemap.xml", "/use-cases/"],
)
def test_a_draft_is_listed_nowhere_public(client, draft, path):
    response = client.get(path)
    assert response.status_code == 200  # a 404 would list nothing, drafts included
    body = response.content.decode()
    assert "/frameworks/falcon/" not in body and '"falcon"' not in body
    assert "falcon-vs" not in body and "-vs-falcon" not in body
