"""Audit history: who changed what and when, with revert to any earlier version."""

import pytest

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


def test_view_only_staff_cannot_revert(db, django_user_model):
    from django.contrib.auth.models import Permission
    from django.test import Client

    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename="view_score"))
    client = Client()
    client.force_login(viewer)
    score = Score.objects.get(framework__slug="flask", criterion__slug="admin")
    url = score_url(score, f"history/{score.history.latest().history_id}/")
    assert client.get(url).status_code == 200  # may look
    response = client.post(url, score_post_data(score, value=0, note="Vandalised."))
    assert response.status_code == 403
    score.refresh_from_db()
    assert score.note != "Vandalised."


@pytest.mark.parametrize(
    "suffix", ["history/abc/", "history/1x/", "history/%C2%B2/", "history/99999999/"]
)
def test_odd_history_addresses_are_404_not_errors(editor_client, suffix):
    score = Score.objects.get(framework__slug="flask", criterion__slug="admin")
    assert editor_client.get(score_url(score, suffix)).status_code == 404
    assert editor_client.get(f"/admin/frameworks/score/abc/{suffix}").status_code == 404


def test_use_case_fits_and_choice_effects_have_history_too(editor_client):
    from frameworks.models import UseCaseFit
    from recommender.models import ChoiceEffect

    fit = UseCaseFit.objects.first()
    effect = ChoiceEffect.objects.first()
    for url in (
        f"/admin/frameworks/usecasefit/{fit.pk}/history/",
        f"/admin/recommender/choiceeffect/{effect.pk}/history/",
    ):
        assert editor_client.get(url).status_code == 200
    # Reached from their parent's page, not listed on the admin's home page.
    use_case_page = editor_client.get(f"/admin/frameworks/usecase/{fit.use_case_id}/change/")
    assert f"/admin/frameworks/usecasefit/{fit.pk}/change/" in use_case_page.content.decode()
    assert "/admin/frameworks/usecasefit/" not in editor_client.get("/admin/").content.decode()


def test_history_of_a_score_whose_framework_is_gone_still_opens(editor_client):
    score = Score.objects.get(framework__slug="bottle", criterion__slug="admin")
    Framework.objects.filter(slug="bottle").delete()
    assert editor_client.get(score_url(score, "history/")).status_code == 200
