"""The editors' admin: every page renders, validation is clear, queries stay flat."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from frameworks.models import Criterion, Framework, Score, UseCase
from recommender.models import Choice, Question
from tests.conftest import edit_token


def change_url(obj):
    meta = obj._meta
    return f"/admin/{meta.app_label}/{meta.model_name}/{obj.pk}/change/"


ADMIN_LISTS = [
    "/admin/",
    "/admin/frameworks/framework/",
    "/admin/frameworks/criterion/",
    "/admin/frameworks/score/",
    "/admin/frameworks/usecase/",
    "/admin/recommender/question/",
    "/admin/recommender/choice/",
    "/admin/frameworks/framework/add/",
    "/admin/frameworks/criterion/add/",
    "/admin/frameworks/usecase/add/",
    "/admin/recommender/question/add/",
    "/admin/recommender/choice/add/",
    "/admin/frameworks/framework/?kind__exact=async&q=api",
]


@pytest.mark.parametrize("url", ADMIN_LISTS)
def test_admin_pages_render_for_staff(admin_client_logged, url):
    assert admin_client_logged.get(url).status_code == 200


def test_admin_requires_login(client, seeded):
    response = client.get("/admin/frameworks/framework/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_framework_changelist_shows_score_count_and_oldest_review(admin_client_logged):
    html = admin_client_logged.get("/admin/frameworks/framework/").content.decode()
    assert "Oldest review" in html and "Scores" in html
    assert f'class="field-score_count">{Criterion.objects.count()}<' in html


def test_framework_change_page_edits_every_score_inline(admin_client_logged):
    django = Framework.objects.get(slug="django")
    html = admin_client_logged.get(change_url(django)).content.decode()
    assert html.count('name="scores-') > 0
    assert f'name="scores-TOTAL_FORMS" value="{Criterion.objects.count()}"' in html
    assert "View on site" in html


def test_new_framework_is_offered_one_score_row_per_criterion(admin_client_logged):
    html = admin_client_logged.get("/admin/frameworks/framework/add/").content.decode()
    assert f'name="scores-TOTAL_FORMS" value="{Criterion.objects.count()}"' in html
    # Each row comes with its criterion already chosen.
    admin = Criterion.objects.get(slug="admin")
    assert re.search(rf'<option value="{admin.pk}" selected>', html)


def test_criterion_change_page_reviews_all_frameworks(admin_client_logged):
    criterion = Criterion.objects.get(slug="admin")
    html = admin_client_logged.get(change_url(criterion)).content.decode()
    assert f'name="scores-TOTAL_FORMS" value="{Framework.objects.count()}"' in html


@pytest.mark.parametrize(
    "model, slug", [(Framework, "django"), (Criterion, "admin"), (UseCase, "personal-blog")]
)
def test_admin_change_pages_do_not_grow_with_the_catalogue(
    admin_client_logged, many_frameworks, model, slug
):
    obj = model.objects.get(slug=slug)
    # Once first: what a process reads once (the content version) is no growth.
    admin_client_logged.get(change_url(obj))
    with CaptureQueriesContext(connection) as small:
        assert admin_client_logged.get(change_url(obj)).status_code == 200
    many_frameworks(50)
    with CaptureQueriesContext(connection) as large:
        assert admin_client_logged.get(change_url(obj)).status_code == 200
    assert len(large) == len(small)
    assert len(large) <= 20


def test_question_and_choice_change_pages(admin_client_logged):
    question = Question.objects.get(slug="project_type")
    html = admin_client_logged.get(change_url(question)).content.decode()
    assert "A blog or personal site" in html
    choice = Choice.objects.get(question=question, slug="banking")
    html = admin_client_logged.get(change_url(choice)).content.decode()
    assert 'name="effects-TOTAL_FORMS"' in html


def framework_post_data(framework, **overrides):
    """The framework change form as the browser would submit it, scores included."""
    data = {
        "name": framework.name,
        "slug": framework.slug,
        "package": framework.package,
        "kind": framework.kind,
        "tagline": framework.tagline,
        "description": framework.description,
        "is_published": "on",
        "first_release_year": framework.first_release_year or "",
        "first_release_source": framework.first_release_source,
        "license": framework.license,
        "license_source": framework.license_source,
        "latest_version": framework.latest_version,
        "latest_version_source": framework.latest_version_source,
        "project_url": framework.project_url,
        "docs_url": framework.docs_url,
        "repository_url": framework.repository_url,
        "edit_token": edit_token(framework),
    }
    scores = list(framework.scores.order_by("criterion__order"))
    data.update(
        {
            "scores-TOTAL_FORMS": str(len(scores)),
            "scores-INITIAL_FORMS": str(len(scores)),
            "scores-MIN_NUM_FORMS": "0",
            "scores-MAX_NUM_FORMS": "1000",
        }
    )
    for i, s in enumerate(scores):
        data.update(
            {
                f"scores-{i}-id": str(s.pk),
                f"scores-{i}-framework": str(framework.pk),
                f"scores-{i}-criterion": str(s.criterion_id),
                f"scores-{i}-value": str(s.value),
                f"scores-{i}-note": s.note,
                f"scores-{i}-source_url": s.source_url,
                f"scores-{i}-last_reviewed": s.last_reviewed.isoformat(),
            }
        )
    data.update(overrides)
    return data


def test_valid_edit_saves(admin_client_logged):
    flask = Framework.objects.get(slug="flask")
    data = framework_post_data(flask, tagline="A new tagline", **{"scores-0-value": "1"})
    response = admin_client_logged.post(change_url(flask), data)
    assert response.status_code == 302
    flask.refresh_from_db()
    assert flask.tagline == "A new tagline"


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"scores-0-value": "9"}, "Ensure this value is less than or equal to 5."),
        ({"scores-1-source_url": "not a url"}, "Enter a valid URL."),
        ({"slug": "django"}, "Framework with this Slug already exists."),
        ({"docs_url": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"package": "flask/../json"}, "starting and ending with a letter or digit"),
    ],
)
def test_bad_edits_are_refused_with_a_clear_message_and_nothing_saved(
    admin_client_logged, overrides, message
):
    flask = Framework.objects.get(slug="flask")
    before = (flask.tagline, list(flask.scores.values_list("value", flat=True)))
    data = framework_post_data(flask, tagline="Half-way edit", **overrides)
    response = admin_client_logged.post(change_url(flask), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    flask.refresh_from_db()
    assert (flask.tagline, list(flask.scores.values_list("value", flat=True))) == before


def test_duplicate_score_in_the_inline_is_refused(admin_client_logged):
    flask = Framework.objects.get(slug="flask")
    data = framework_post_data(flask)
    data["scores-1-criterion"] = data["scores-0-criterion"]
    response = admin_client_logged.post(change_url(flask), data)
    assert response.status_code == 200
    assert "Please correct the duplicate data for criterion" in response.content.decode()
    assert Score.objects.filter(framework=flask).count() == Criterion.objects.count()


def test_new_criterion_is_offered_one_score_row_per_framework(admin_client_logged):
    html = admin_client_logged.get("/admin/frameworks/criterion/add/").content.decode()
    assert f'name="scores-TOTAL_FORMS" value="{Framework.objects.count()}"' in html
    django = Framework.objects.get(slug="django")
    assert re.search(rf'<option value="{django.pk}" selected>', html)
