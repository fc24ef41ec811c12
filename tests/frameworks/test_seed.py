from io import StringIO

from django.core.management import call_command

from frameworks.models import Criterion, Framework, Score, UseCase
from recommender.models import Choice, ChoiceEffect, Question

ARTICLE_USE_CASES = {
    "blog", "forum", "spa_backend", "prototype", "ecommerce", "travel", "banking",
    "data_warehouse", "cms", "rest_api", "realtime",
}  # fmt: skip


def counts():
    return [
        m.objects.count()
        for m in (Framework, Criterion, Score, UseCase, Question, Choice, ChoiceEffect)
    ]


def test_seed_creates_the_catalogue(seeded):
    assert Framework.objects.published().count() >= 18
    for slug in ("django", "flask", "fastapi", "pyramid", "tornado", "bottle", "falcon",
                 "sanic", "litestar", "quart", "starlette", "aiohttp", "cherrypy",
                 "blacksheep", "robyn", "emmett", "py4web", "django-ninja"):  # fmt: skip
        fw = Framework.objects.get(slug=slug)
        assert fw.tagline and fw.description.count("\n\n") >= 2, slug
        assert fw.first_release_year and fw.license, slug
        assert fw.project_url.startswith("https://") and fw.docs_url.startswith("https://")
        assert fw.repository_url.startswith("https://")
    assert Criterion.objects.count() >= 12
    assert Criterion.objects.values("category").distinct().count() >= 4


def test_every_framework_has_every_score_with_a_note_and_a_source(seeded):
    frameworks = Framework.objects.count()
    criteria = Criterion.objects.count()
    assert Score.objects.count() == frameworks * criteria
    assert not Score.objects.filter(note="").exists()
    assert not Score.objects.exclude(source_url__startswith="https://").exists()


def test_use_cases_cover_the_source_article(seeded):
    kinds = {uc.example_answers.get("project_type") for uc in UseCase.objects.all()}
    assert ARTICLE_USE_CASES.issubset(kinds)
    for uc in UseCase.objects.all():
        assert uc.fits.count() >= 2, uc.slug


def test_scores_agree_with_the_source_article(seeded):
    def value(fw, criterion):
        return Score.objects.get(framework__slug=fw, criterion__slug=criterion).value

    for criterion in ("orm", "admin", "community", "ecosystem", "batteries-included", "maturity"):
        assert value("django", criterion) > value("flask", criterion), criterion
    assert value("flask", "flexibility") > value("django", "flexibility")
    assert value("flask", "learning-curve") > value("django", "learning-curve")
    assert value("flask", "performance") == value("django", "performance")


def test_seed_is_idempotent(seeded):
    before = counts()
    out = StringIO()
    call_command("seed", stdout=out)
    assert counts() == before
    assert "Nothing to seed" in out.getvalue()


def test_seed_never_overwrites_an_editors_change(seeded):
    Framework.objects.filter(slug="flask").update(tagline="Edited by an editor")
    Score.objects.filter(framework__slug="flask", criterion__slug="admin").update(value=1)
    Framework.objects.filter(slug="bottle").delete()
    call_command("seed", verbosity=0)
    assert Framework.objects.get(slug="flask").tagline == "Edited by an editor"
    assert Score.objects.get(framework__slug="flask", criterion__slug="admin").value == 1
    # What was missing is created again.
    assert Framework.objects.filter(slug="bottle").exists()
