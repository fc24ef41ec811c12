"""The editors' History tells the truth: no phantom edits, score changes on the framework's page."""

from frameworks.models import Framework, Score
from tests.frameworks.test_admin import change_url, framework_post_data


def as_browser_sends(data: dict) -> dict:
    """Textareas come back from a browser with CR LF line endings."""
    return {k: v.replace("\n", "\r\n") if isinstance(v, str) else v for k, v in data.items()}


def test_saving_a_framework_unchanged_records_no_change(make_editor):
    bob = make_editor("bob")
    flask = Framework.objects.get(slug="flask")
    assert "\n" in flask.description  # the seed's Markdown has several lines
    before = flask.history.count()
    response = bob.post(change_url(flask), as_browser_sends(framework_post_data(flask)))
    assert response.status_code == 302
    assert flask.history.count() == before
    flask.refresh_from_db()
    assert "\r" not in flask.description


def test_one_score_changed_on_the_framework_page_is_the_one_change(make_editor):
    bob = make_editor("bob")
    flask = Framework.objects.get(slug="flask")
    scores = list(flask.scores.order_by("criterion__order"))
    target = scores[0]
    framework_versions = flask.history.count()
    score_versions = {s.pk: s.history.count() for s in scores}

    data = as_browser_sends(framework_post_data(flask))
    new_value = (target.value + 1) % 6
    data["scores-0-value"] = str(new_value)
    assert data["scores-0-id"] == str(target.pk)
    assert bob.post(change_url(flask), data).status_code == 302

    assert flask.history.count() == framework_versions
    for score in Score.objects.filter(pk__in=score_versions):
        expected = score_versions[score.pk] + (1 if score.pk == target.pk else 0)
        assert score.history.count() == expected, score
    latest = target.history.latest()
    assert latest.value == new_value and latest.history_user.username == "bob"

    html = bob.get(change_url(flask).replace("change/", "history/")).content.decode()
    assert "Changes to the rows edited with it" in html
    related = html.split('id="related-changes"', 1)[1]
    assert target.criterion.name in related
    assert f"{target.value} &rarr; {new_value}" in related
    assert "bob" in related


def test_history_never_says_none(make_editor):
    bob = make_editor("bob")
    score = Score.objects.get(framework__slug="flask", criterion__slug="admin")
    html = bob.get(f"/admin/frameworks/score/{score.pk}/history/").content.decode()
    table = html.split('id="change-history"', 1)[1].split("</table>", 1)[0]
    assert "created by the initial content" in table
    assert "None" not in table
