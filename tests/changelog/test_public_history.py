"""Public history: a score's versions and chart, a framework's changes, /changes/ and its feeds."""

import datetime
import re

import feedparser
import pytest

from changelog.chart import value_chart
from frameworks.models import Framework, Score
from tests.editorial.test_history import score_post_data, score_url

HISTORY = "/frameworks/flask/scores/admin/history/"


@pytest.fixture
def edited_twice(make_editor, django_capture_on_commit_callbacks):
    """Flask's admin score edited twice by alice, the second time with a reason."""
    alice = make_editor("alice")
    score = Score.objects.select_related("framework", "criterion").get(
        framework__slug="flask", criterion__slug="admin"
    )
    first = {"value": score.value, "note": score.note, "source": score.source_url}
    second_value = (score.value + 1) % 6
    third_value = (score.value + 2) % 6
    with django_capture_on_commit_callbacks(execute=True):
        response = alice.post(
            score_url(score),
            score_post_data(score, value=second_value, note="Second version of the note."),
        )
        assert response.status_code == 302
        score.refresh_from_db()
        response = alice.post(
            score_url(score),
            score_post_data(
                score,
                value=third_value,
                note="Third version of the note.",
                source_url="https://flask.palletsprojects.com/en/stable/patterns/",
                change_reason="The patterns page documents it.",
            ),
        )
        assert response.status_code == 302
    subject = f"Flask · {score.criterion.name}"
    return {"first": first, "second": second_value, "third": third_value, "subject": subject}


def test_a_score_edited_twice_shows_every_version_and_its_chart(client, edited_twice):
    html = client.get(HISTORY).content.decode()
    first = edited_twice["first"]
    assert first["source"] in html
    assert "Second version of the note." in html
    assert "Third version of the note." in html
    assert f"Score moved from {first['value']} to {edited_twice['second']}" in html
    assert f"Score moved from {edited_twice['second']} to {edited_twice['third']}" in html
    assert "Reason: The patterns page documents it." in html
    # Editors are not named in public.
    assert "alice" not in html
    assert html.count("by an editor") == 2
    assert "from the initial content" in html
    chart = re.search(r'<figure class="value-chart">.*?</figure>', html, re.S).group(0)
    assert chart.count("<circle") == 3
    assert 'role="img"' in chart


def test_a_score_links_to_its_history_with_how_often_it_changed(client, edited_twice):
    html = client.get("/frameworks/flask/").content.decode()
    item = html.split('id="score-admin"', 1)[1].split("</li>", 1)[0]
    today = datetime.date.today()
    assert f'href="{HISTORY}"' in item
    assert f'Changed 2 times; last on <time datetime="{today:%Y-%m-%d}">' in item
    assert 'href="/frameworks/flask/scores/admin/suggest/"' in item
    other = html.split('id="score-orm"', 1)[1].split("</li>", 1)[0]
    assert "Unchanged since" in other


def test_the_changes_page_and_feed_list_the_edits(client, edited_twice):
    html = client.get("/changes/").content.decode()
    first = html.split('<ol class="change-list">', 1)[1].split("</li>", 1)[0]
    assert edited_twice["subject"] in first
    assert f"Score moved from {edited_twice['second']} to {edited_twice['third']}" in first
    assert "Note rewritten" in first and "Source changed" in first
    assert "alice" not in html

    response = client.get("/changes/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    titles = [e.title for e in feed.entries]
    second, third = edited_twice["second"], edited_twice["third"]
    assert titles[0] == f"{edited_twice['subject']}: Score moved from {second} to {third}"
    assert "Reason: The patterns page documents it." in feed.entries[0].summary
    assert feed.entries[0].link.startswith("http://testserver" + HISTORY + "#change-score-")
    ids = [e.id for e in feed.entries]
    assert len(ids) == len(set(ids))


def test_every_page_names_the_feed_in_its_head(client, seeded):
    head = client.get("/").content.decode().split("</head>", 1)[0]
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert 'href="/changes/feed/"' in head


def test_a_framework_history_lists_its_own_and_its_scores_changes(
    client, edited_twice, make_editor, django_capture_on_commit_callbacks
):
    from tests.frameworks.test_admin import change_url, framework_post_data

    flask = Framework.objects.get(slug="flask")
    with django_capture_on_commit_callbacks(execute=True):
        make_editor("bob").post(change_url(flask), framework_post_data(flask, tagline="Small."))
    html = client.get("/frameworks/flask/history/").content.decode()
    changes = html.split('<ol class="change-list">', 1)[1]
    assert changes.index("Tagline rewritten") < changes.index("Score moved from")
    assert edited_twice["subject"] in changes
    assert "Framework added" in changes

    feed = feedparser.parse(client.get("/frameworks/flask/history/feed/").content)
    assert not feed.bozo
    assert feed.entries[0].title == "Flask: Tagline rewritten"
    assert all(e.title.startswith("Flask") for e in feed.entries)


def test_drafts_stay_out_of_public_history(
    client, edited_twice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        flask = Framework.objects.get(slug="flask")
        flask.is_published = False
        flask.save()
    assert client.get(HISTORY).status_code == 404
    assert client.get("/frameworks/flask/history/").status_code == 404
    assert client.get("/frameworks/flask/history/feed/").status_code == 404
    assert "Flask" not in client.get("/changes/").content.decode()
    assert "Flask" not in client.get("/changes/feed/").content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1" * 50, "%00"])
def test_odd_page_numbers_still_give_a_page(client, seeded, page):
    response = client.get(f"/changes/?page={page}")
    assert response.status_code == 200
    assert "Page " in response.content.decode()


def test_pages_of_changes_run_a_fixed_number_of_queries(
    client, seeded, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        assert client.get("/changes/?page=2").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/changes/feed/").status_code == 200


def test_unknown_scores_are_404(client, seeded):
    assert client.get("/frameworks/flask/scores/nope/history/").status_code == 404
    assert client.get("/frameworks/nope/history/").status_code == 404


def test_the_chart_is_a_step_line_from_the_first_version_to_now():
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    versions = [(start, 2), (start + datetime.timedelta(days=10), 4)]
    chart = value_chart(versions, now=start + datetime.timedelta(days=20))
    first, second = chart.points
    assert first.x == chart.plot_left
    assert second.x == pytest.approx((chart.plot_left + chart.plot_right) / 2, abs=0.1)
    assert second.y < first.y  # higher value, higher on the chart
    assert chart.path == f"M{first.x},{first.y}H{second.x}V{second.y}H{chart.plot_right}"
    assert value_chart([], now=start) is None
