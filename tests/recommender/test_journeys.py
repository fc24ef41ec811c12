"""Journeys taken from the source article: answers in, the article's verdict out.

The article (shared/seed) says: enterprise-grade work, e-commerce, travel,
banking, data warehouses, content management and high security lead to
Django; blogs, forums and other small sites lead to Flask; single-page-app back
ends, rapid prototypes and non-critical apps put Flask above Django.
"""

import pytest

from recommender.loading import load_catalogue_from_db
from recommender.scoring import decide


@pytest.fixture
def catalogue(seeded):
    return load_catalogue_from_db()


def winner(catalogue, **answers):
    return decide(catalogue, answers).winner.slug


def position(catalogue, slug, **answers):
    return [r.slug for r in decide(catalogue, answers).eligible].index(slug)


DJANGO_JOURNEYS = [
    {"project_size": "enterprise"},
    {"project_size": "enterprise", "security": "high", "criticality": "business_critical"},
    {"project_type": "ecommerce"},
    {"project_type": "ecommerce", "project_size": "large", "admin_needed": "yes"},
    {"project_type": "travel"},
    {"project_type": "travel", "async_io": "some", "project_size": "large"},
    {"project_type": "banking"},
    {"project_type": "banking", "security": "high", "criticality": "business_critical"},
    {"project_type": "data_warehouse"},
    {"project_type": "data_warehouse", "data_layer": "relational_heavy"},
    {"project_type": "cms"},
    {"project_type": "cms", "admin_needed": "yes", "structure": "batteries_included"},
    {"security": "high"},
    {"project_type": "blog", "security": "high"},
    {"data_layer": "relational_heavy", "admin_needed": "yes"},
]

FLASK_JOURNEYS = [
    {"project_type": "blog"},
    {"project_type": "blog", "project_size": "small", "criticality": "non_critical"},
    {"project_type": "forum"},
    {"project_type": "forum", "project_size": "small"},
    {"project_type": "prototype"},
    {"project_type": "prototype", "timeline": "days", "criticality": "non_critical"},
    {"project_size": "small"},
    {"criticality": "non_critical"},
    {"project_type": "blog", "structure": "choose_my_own", "team_experience": "new_to_python_web"},
]

FLASK_ABOVE_DJANGO = [
    {"project_type": "spa_backend"},
    {"project_type": "spa_backend", "project_size": "medium"},
    {"project_type": "prototype", "team_experience": "experienced"},
    {"criticality": "non_critical", "timeline": "days"},
    {"structure": "choose_my_own"},
]


@pytest.mark.parametrize("answers", DJANGO_JOURNEYS, ids=lambda a: ",".join(a.values()))
def test_article_says_django(catalogue, answers):
    assert winner(catalogue, **answers) == "django"


@pytest.mark.parametrize("answers", FLASK_JOURNEYS, ids=lambda a: ",".join(a.values()))
def test_article_says_flask(catalogue, answers):
    assert winner(catalogue, **answers) == "flask"


@pytest.mark.parametrize("answers", FLASK_ABOVE_DJANGO, ids=lambda a: ",".join(a.values()))
def test_article_ranks_flask_above_django(catalogue, answers):
    assert position(catalogue, "flask", **answers) < position(catalogue, "django", **answers)


@pytest.mark.parametrize(
    "answers",
    [
        {"project_type": "rest_api", "async_io": "heavy"},
        {"project_type": "realtime"},
        {"async_io": "heavy"},
        {"project_type": "realtime", "async_io": "heavy", "project_size": "medium"},
    ],
    ids=lambda a: ",".join(a.values()),
)
def test_async_heavy_work_goes_to_an_async_framework(catalogue, answers):
    assert winner(catalogue, **answers) in {"fastapi", "litestar", "sanic", "quart", "tornado"}


def test_high_security_excludes_frameworks_without_solid_built_in_security(catalogue):
    verdict = decide(catalogue, {"security": "high"})
    excluded = {r.slug for r in verdict.excluded}
    assert "bottle" in excluded
    reason = next(r for r in verdict.excluded if r.slug == "bottle").reasons[0]
    assert "Security features" in reason and "High: audited, sensitive data" in reason


def test_every_use_case_example_leads_to_its_first_fit(catalogue, seeded):
    from frameworks.models import UseCase

    for use_case in UseCase.objects.with_fits():
        first = use_case.fits.all()[0].framework.slug
        assert winner(catalogue, **use_case.example_answers) == first, use_case.slug
