"""Decision records pinned to their moment: as_of recomputes from the history tables."""

import datetime
import re

import pytest
from django.apps import apps
from django.db.models import F
from django.utils import timezone

from frameworks.models import Score
from recommender.models import Choice

BANKING = "project_type=banking&security=high"


@pytest.fixture
def an_hour_of_history(seeded):
    """Everything seeded an hour ago, so that a moment between then and now is clearly past."""
    for model in apps.get_models():
        if model.__name__.startswith("Historical"):
            model.objects.update(history_date=F("history_date") - datetime.timedelta(hours=1))
    moment = timezone.now() - datetime.timedelta(minutes=30)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def ranking(data: dict) -> list[tuple[str, float]]:
    return [(r["framework"], r["score"]) for r in data["ranking"]]


def sink(slug: str) -> None:
    """An editor's later change: every score of the framework drops to 0, each in its history."""
    for score in Score.objects.filter(framework__slug=slug):
        score.value = 0
        score.save()


def test_a_pinned_record_keeps_its_winner_and_scores_after_a_later_edit(
    client, an_hour_of_history, django_capture_on_commit_callbacks
):
    stamp = an_hour_of_history
    then = client.get(f"/recommend/verdict.json?{BANKING}&as_of={stamp}").json()
    before_edit = client.get(f"/recommend/verdict.json?{BANKING}").json()
    assert then["winner"] == before_edit["winner"] == "django"
    assert ranking(then) == ranking(before_edit)
    markdown_then = client.get(f"/recommend/verdict.md?{BANKING}&as_of={stamp}").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        sink("django")

    today = client.get(f"/recommend/verdict.json?{BANKING}").json()
    assert today["winner"] != "django"
    pinned = client.get(f"/recommend/verdict.json?{BANKING}&as_of={stamp}").json()
    assert pinned["winner"] == "django"
    assert ranking(pinned) == ranking(then)
    assert pinned["as_of"] == stamp
    assert pinned["today"]["winner"] == today["winner"]

    markdown = client.get(f"/recommend/verdict.md?{BANKING}&as_of={stamp}").content.decode()
    assert "We choose **Django**" in markdown
    table = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert table == [line for line in markdown_then.splitlines() if line.startswith("| ")]
    assert "today's verdict: " in markdown

    page = client.get(f"/recommend/verdict/?{BANKING}&as_of={stamp}").content.decode()
    moment = re.search(r'id="verdict-moment">(.*?)</p>', page, re.S).group(1)
    shown = datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").strftime("%-d %b %Y, %H:%M")
    assert "As of <time" in moment and f"{shown} UTC" in moment
    today_name = next(r["name"] for r in today["ranking"] if r["framework"] == today["winner"])
    today_url = "/recommend/verdict/?" + BANKING.replace("&", "&amp;")
    assert f'today\'s verdict: <a href="{today_url}">{today_name}</a>' in moment


def test_a_record_reads_the_questionnaire_as_it_was(
    client, an_hour_of_history, django_capture_on_commit_callbacks
):
    stamp = an_hour_of_history
    with django_capture_on_commit_callbacks(execute=True):
        Choice.objects.get(question__slug="project_type", slug="banking").delete()
    assert client.get(f"/recommend/verdict.json?{BANKING}").status_code == 400
    pinned = client.get(f"/recommend/verdict.json?{BANKING}&as_of={stamp}")
    assert pinned.status_code == 200
    assert pinned.json()["winner"] == "django"
    page = client.get(f"/recommend/verdict/?{BANKING}&as_of={stamp}").content.decode()
    assert "today's questionnaire no longer offers some of these answers" in page


def test_the_verdict_carries_the_time_it_was_computed(client, seeded):
    before = timezone.now().replace(microsecond=0)
    page = client.get(f"/recommend/verdict/?{BANKING}").content.decode()
    permalink = re.search(r'Permalink: <a href="([^"]+)"', page).group(1)
    stamp = re.search(r"as_of=([0-9T:Z-]+)", permalink).group(1)
    computed = datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    assert before <= computed <= timezone.now()
    assert "Computed <time" in page
    # The record and JSON linked from the page are pinned to the page's moment.
    for endpoint in ("verdict.md", "verdict.json"):
        assert re.search(rf'href="/recommend/{endpoint}\?[^"]*as_of={stamp}"', page), endpoint
    markdown = client.get(f"/recommend/verdict.md?{BANKING}").content.decode()
    assert re.search(r"^Computed: \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\.$", markdown, re.M)
    assert "as_of=" in markdown.split("Permalink: ", 1)[1].splitlines()[0]


@pytest.mark.parametrize(
    "as_of, message",
    [
        ("yesterday", "as_of must be a UTC time to the second"),
        ("2026-12-01", "as_of must be a UTC time to the second"),
        ("2026-12-01T09:30:00", "as_of must be a UTC time to the second"),  # no offset
        ("2026-02-30T09:30:00Z", "does not exist"),
        ("2026-12-01T25:30:00Z", "does not exist"),
        ("9999-12-01T09:30:00Z", "in the future"),
        ("2001-01-01T00:00:00Z", "does not go back that far"),
        ("x" * 5000, "as_of must be a UTC time to the second"),
    ],
)
def test_an_unusable_as_of_gets_a_clear_message(client, seeded, as_of, message):
    response = client.get(f"/recommend/verdict.json?{BANKING}&as_of={as_of}")
    assert response.status_code == 400
    assert message in response.json()["errors"]["as_of"]
    page = client.get(f"/recommend/verdict/?{BANKING}&as_of={as_of}")
    assert page.status_code == 400
    assert message in page.content.decode()
    markdown = client.get(f"/recommend/verdict.md?{BANKING}&as_of={as_of}")
    assert markdown.status_code == 400
    assert message in markdown.content.decode()


def test_as_of_given_twice_is_refused(client, seeded):
    url = f"/recommend/verdict.json?{BANKING}&as_of=2026-01-01T00:00:00Z&as_of=2026-01-02T00:00:00Z"
    response = client.get(url)
    assert response.status_code == 400
    assert "once" in response.json()["errors"]["as_of"]
