"""The freshness queue: stale scores, oldest first, and "mark as reviewed today"."""

import datetime
import re

from frameworks.models import Score

QUEUE = "/admin/editorial/scoredueforreview/"
TODAY = datetime.date.today()


def make_stale(framework: str, criterion: str, days_ago: int) -> Score:
    score = Score.objects.get(framework__slug=framework, criterion__slug=criterion)
    score.last_reviewed = TODAY - datetime.timedelta(days=days_ago)
    score.save()
    return score


def test_stale_scores_are_listed_oldest_first_and_fresh_ones_are_not(editor_client):
    Score.objects.update(last_reviewed=TODAY)
    # Dates in the opposite order to the criteria's, so that only the review
    # date can put them oldest first.
    criteria = ["learning-curve", "security", "orm", "admin"]
    stale = [make_stale("bottle", slug, 400 + 100 * i) for i, slug in enumerate(criteria)]
    response = editor_client.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Scores due for review" in html
    listed = [int(pk) for pk in re.findall(r"/admin/frameworks/score/(\d+)/change/", html)]
    assert listed == [score.pk for score in reversed(stale)]


def test_marking_as_reviewed_today_empties_the_queue_and_updates_the_public_page(
    editor_client, client, django_capture_on_commit_callbacks
):
    Score.objects.update(last_reviewed=TODAY)
    stale = make_stale("flask", "admin", 500)
    assert "review due" in client.get("/frameworks/flask/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            QUEUE, {"action": "mark_reviewed_today", "_selected_action": [stale.pk]}, follow=True
        )
    assert "1 score marked as reviewed today" in response.content.decode()
    stale.refresh_from_db()
    assert stale.last_reviewed == TODAY
    assert stale.history.latest().history_user.username == "editor-a"
    queue = editor_client.get(QUEUE).content.decode()
    assert f"/admin/frameworks/score/{stale.pk}/change/" not in queue
    # The page cache moved on: readers see the new date and no "review due" flag.
    profile = client.get("/frameworks/flask/").content.decode()
    assert "review due" not in profile
    assert f'datetime="{TODAY.isoformat()}"' in profile


def test_the_admin_index_counts_stale_scores(editor_client):
    Score.objects.update(last_reviewed=TODAY)
    assert "No score is due for review" in editor_client.get("/admin/").content.decode()
    make_stale("flask", "admin", 366)
    make_stale("flask", "orm", 366)
    html = editor_client.get("/admin/").content.decode()
    assert "2 scores due for review" in html
    assert f'href="{QUEUE}"' in html


def test_the_allowed_age_is_configurable(editor_client, settings):
    Score.objects.update(last_reviewed=TODAY)
    make_stale("flask", "admin", 40)
    assert "No score is due for review" in editor_client.get("/admin/").content.decode()
    settings.REVIEW_MAX_AGE_DAYS = 30
    assert "1 score due for review" in editor_client.get("/admin/").content.decode()
    assert "more than 30 days ago" in editor_client.get(QUEUE).content.decode()


def test_public_pages_show_each_scores_review_date(client, seeded):
    html = client.get("/frameworks/django/").content.decode()
    for score in Score.objects.filter(framework__slug="django"):
        assert f'datetime="{score.last_reviewed.isoformat()}"' in html
    compare = client.get("/compare/django-vs-flask/").content.decode()
    assert compare.count("<time datetime=") >= 32


def test_a_queued_score_is_edited_on_the_score_page(editor_client):
    score = make_stale("flask", "admin", 400)
    response = editor_client.get(f"{QUEUE}{score.pk}/change/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/frameworks/score/{score.pk}/change/"
