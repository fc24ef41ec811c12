"""Site search: what a reader finds, what a bad query gets, and what it costs."""

import pytest

from frameworks.models import Framework

QUERY_CAP = 8


def test_websocket_finds_the_real_time_criterion_and_notes_that_mention_it(client, seeded):
    response = client.get("/search/", {"q": "websocket"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "WebSockets and real time" in html
    assert "Score notes" in html
    # Matches are highlighted, and the results are grouped by kind.
    assert "<mark>WebSocket</mark>" in html
    assert html.index("Criteria") < html.index("Score notes")


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_gets_a_clear_message(client, seeded, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "Type a word or two" in response.content.decode()


def test_a_thousand_character_query_gets_a_clear_message_not_an_error(client, seeded):
    response = client.get("/search/", {"q": "x" * 1000})
    assert response.status_code == 400
    assert "use at most 200" in response.content.decode()


def test_markup_in_a_query_is_never_rendered(client, seeded):
    response = client.get("/search/", {"q": "<script>alert(1)</script> django"})
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_unpublished_frameworks_are_not_found(client, seeded):
    Framework.objects.filter(slug="bottle").update(is_published=False)
    html = client.get("/search/", {"q": "bottle"}).content.decode()
    assert 'href="/frameworks/bottle/"' not in html


def test_the_search_box_is_on_every_page(client, seeded):
    html = client.get("/criteria/").content.decode()
    assert 'role="search"' in html and 'action="/search/"' in html


def test_search_costs_a_fixed_number_of_queries(seeded, queries_stay_flat):
    queries_stay_flat("/search/?q=synthetic+framework", cap=QUERY_CAP)
