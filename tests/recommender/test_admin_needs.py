"""Editors set needs on effects in the admin, and the verdict follows."""

from recommender.models import ChoiceEffect, Question
from tests.conftest import edit_token


def _effect_url(effect):
    return f"/admin/recommender/choiceeffect/{effect.pk}/change/"


def test_the_choice_page_edits_each_effect_s_need_inline(admin_client_logged):
    effect = ChoiceEffect.objects.get(choice__slug="heavy", criterion__slug="async")
    html = admin_client_logged.get(
        f"/admin/recommender/choice/{effect.choice_id}/change/"
    ).content.decode()
    assert 'name="effects-0-need"' in html


def test_an_editor_turns_a_need_into_a_knock_out_and_readers_see_it(
    admin_client_logged, django_capture_on_commit_callbacks
):
    effect = ChoiceEffect.objects.get(choice__slug="heavy", criterion__slug="async")
    before = admin_client_logged.get("/recommend/verdict.json?async_io=heavy").json()
    assert not any(r["excluded"] for r in before["ranking"])
    data = {
        "choice": effect.choice_id,
        "criterion": effect.criterion_id,
        "weight_change": effect.weight_change,
        "need": "",
        "min_score": 4,
        "edit_token": edit_token(effect),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_logged.post(_effect_url(effect), data)
    assert response.status_code == 302
    after = admin_client_logged.get("/recommend/verdict.json?async_io=heavy").json()
    assert after["needs"] == []
    excluded = [r for r in after["ranking"] if r["excluded"]]
    assert excluded and all("below the minimum of 4" in r["reasons"][0] for r in excluded)


def test_a_weight_finer_than_hundredths_is_refused(admin_client_logged):
    effect = ChoiceEffect.objects.get(choice__slug="heavy", criterion__slug="async")
    data = {
        "choice": effect.choice_id,
        "criterion": effect.criterion_id,
        "weight_change": "1.005",
        "need": 4,
        "min_score": "",
        "edit_token": edit_token(effect),
    }
    response = admin_client_logged.post(_effect_url(effect), data)
    assert response.status_code == 200
    assert "more than two decimal places" in response.content.decode()


def test_must_haves_is_the_only_multi_select_question(seeded):
    assert list(Question.objects.filter(multiple=True).values_list("slug", flat=True)) == [
        "must_haves"
    ]
