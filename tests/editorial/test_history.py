"""Audit history: who changed what and when, with revert to any earlier version."""

from frameworks.models import Framework, Score
from tests.conftest import edit_token
from tests.editorial.conftest import form_value


def score_url(score, suffix="change/"):
    return f"/admin/frameworks/score/{score.pk}/{suffix}"


def score_post_data(score, **overrides):
    data = {
        "framework": score.framework_id,
        "criterion": score.criterion_id,
        "value": score.value,
        "note": score.note,
        "source_url": score.source_url,
        "last_reviewed": score.last_reviewed.isoformat(),
        "edit_token": edit_token(score),
    }
    data.update(overrides)
    return data


def test_a_change_is_recorded_with_its_editor_and_shown_in_the_admin(make_editor):
    alice = make_editor("alice")
    score = Score.objects.get(framework__slug="flask", criterion__slug="admin")
    response = alice.post(score_url(score), score_post_data(score, value=4, note="Now better."))
    assert response.status_code == 302
    latest = score.history.latest()
    assert latest.history_user.username == "alice"
    assert latest.value == 4

    html = alice.get(score_url(score, "history/")).content.decode()
    assert "alice" in html
    assert "Now better." in html  # the change list shows what changed


def test_revert_restores_an_earlier_score(make_editor):
    alice = make_editor("alice")
    score = Score.objects.get(framework__slug="flask", criterion__slug="admin")
    original_value, original_note = score.value, score.note
    original = score.history.latest()

    alice.post(score_url(score), score_post_data(score, value=5, note="Overstated."))
    score.refresh_from_db()
    assert (score.value, score.note) == (5, "Overstated.")

    # The history page links to the earlier version; its form is the revert.
    history_html = alice.get(score_url(score, "history/")).content.decode()
    revert_url = score_url(score, f"history/{original.history_id}/")
    assert f'href="{revert_url}"' in history_html
    form_html = alice.get(revert_url).content.decode()
    assert "Revert" in form_html
    data = score_post_data(score, value=original_value, note=original_note)
    data["edit_token"] = form_value(form_html, "edit_token")
    response = alice.post(revert_url, data)
    assert response.status_code == 302

    score.refresh_from_db()
    assert (score.value, score.note) == (original_value, original_note)
    assert score.history.count() == 3  # seeded, overstated, reverted
    assert score.history.latest().history_user.username == "alice"


def test_framework_history_lists_every_save(make_editor):
    from tests.frameworks.test_admin import change_url, framework_post_data

    bob = make_editor("bob")
    flask = Framework.objects.get(slug="flask")
    bob.post(change_url(flask), framework_post_data(flask, tagline="First"))
    flask.refresh_from_db()
    bob.post(change_url(flask), framework_post_data(flask, tagline="Second"))
    taglines = list(flask.history.values_list("tagline", flat=True)[:2])
    assert taglines == ["Second", "First"]
    html = bob.get(f"/admin/frameworks/framework/{flask.pk}/history/").content.decode()
    assert html.count("bob") >= 2
