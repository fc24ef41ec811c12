import shutil
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from frameworks.models import AppliedSeed, Criterion, Framework, Score, UseCase, UseCaseFit
from frameworks.seed_backfill import record_catalogue
from frameworks.seed_ledger import SeedLedger
from frameworks.seeding import SEED_DIR, seed_catalogue
from recommender.models import Choice, ChoiceEffect, Question
from recommender.seed_backfill import record_questionnaire
from recommender.seeding import SEED_FILE, seed_questionnaire

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
    call_command("seed", verbosity=0)
    assert Framework.objects.get(slug="flask").tagline == "Edited by an editor"
    assert Score.objects.get(framework__slug="flask", criterion__slug="admin").value == 1


DELETIONS = {
    "framework": lambda: Framework.objects.filter(slug="bottle"),
    "criterion": lambda: Criterion.objects.filter(slug="templating"),
    "score": lambda: Score.objects.filter(framework__slug="flask", criterion__slug="admin"),
    "use case": lambda: UseCase.objects.filter(slug="personal-blog"),
    "use case fit": lambda: UseCaseFit.objects.filter(
        use_case__slug="personal-blog", framework__slug="flask"
    ),
    "question": lambda: Question.objects.filter(slug="timeline"),
    "choice": lambda: Choice.objects.filter(question__slug="project_type", slug="blog"),
    "effect": lambda: ChoiceEffect.objects.filter(
        choice__question__slug="project_type", choice__slug="blog", criterion__slug="flexibility"
    ),
}


@pytest.mark.parametrize("what", DELETIONS)
def test_seed_never_brings_back_what_an_editor_deleted(seeded, what):
    rows = DELETIONS[what]
    assert rows().exists()
    rows().delete()
    before = counts()
    call_command("seed", verbosity=0)
    assert not rows().exists()
    assert counts() == before


@pytest.mark.parametrize(
    "model, old, new",
    [
        (Framework, "flask", "flask-web"),
        (Criterion, "orm", "data-layer"),
        (UseCase, "personal-blog", "blog-of-one"),
        (Question, "timeline", "deadline"),
    ],
)
def test_seed_after_an_editor_renamed_a_slug_neither_fails_nor_copies(seeded, model, old, new):
    model.objects.filter(slug=old).update(slug=new)
    before = counts()
    out = StringIO()
    call_command("seed", stdout=out)
    assert counts() == before
    assert not model.objects.filter(slug=old).exists()
    assert "Nothing to seed" in out.getvalue()


def test_seed_after_a_choice_slug_was_renamed_neither_fails_nor_copies(seeded):
    Choice.objects.filter(question__slug="project_type", slug="blog").update(slug="weblog")
    before = counts()
    call_command("seed", verbosity=0)
    assert counts() == before


NEW_FRAMEWORK = """
name = "Newcomer"
slug = "newcomer"
kind = "micro"
tagline = "Shipped in a later release."
description = "A framework added to the seed files after the site went live."
last_reviewed = 2026-11-30

[scores.orm]
value = 2
note = "A later release scores it."
source_url = "https://example.org/newcomer/orm"
"""

NEW_CRITERION = """
[[criterion]]
slug = "newness"
name = "Newness"
category = "Later"
order = 999
default_weight = 1.0
description = "A criterion added after the site went live."
"""

NEW_SCORE = """
[scores.newness]
value = 3
note = "Scored in a later release."
source_url = "https://example.org/newness"
"""

NEW_USE_CASE = """
[[use_case]]
slug = "later-project"
title = "A later project"
description = "A use case added after the site went live."

[[use_case.fit]]
framework = "flask"
note = "Fits, says a later release."
"""

NEW_QUESTION = """
[[question]]
slug = "later_question"
text = "A question added later?"

  [[question.choice]]
  slug = "yes"
  label = "Yes"
  effects = [{ criterion = "orm", weight = 1 }]
"""

NEW_CHOICE = """
  [[question.choice]]
  slug = "later_choice"
  label = "A choice added later"
  effects = [{ criterion = "orm", weight = 2 }]
"""


def test_rows_shipped_later_reach_a_database_seeded_before(seeded, tmp_path):
    """New frameworks, criteria, scores, use cases, fits, questions, choices and effects."""
    Framework.objects.filter(slug="flask").update(slug="flask-web")  # renamed by an editor
    seeds = tmp_path / "seed_data"
    shutil.copytree(SEED_DIR, seeds)
    (seeds / "frameworks" / "newcomer.toml").write_text(NEW_FRAMEWORK)
    with (seeds / "criteria.toml").open("a") as handle:
        handle.write(NEW_CRITERION)
    with (seeds / "frameworks" / "flask.toml").open("a") as handle:
        handle.write(NEW_SCORE)
    with (seeds / "use_cases.toml").open("a") as handle:
        handle.write(NEW_USE_CASE)
    questionnaire = SEED_FILE.read_text()
    # A new choice for the last question (TOML appends it there), and a new effect
    # for the first choice of all.
    questionnaire = questionnaire.replace(
        '{ criterion = "learning-curve", weight = 3 },',
        '{ criterion = "learning-curve", weight = 3 },\n    { criterion = "newness", weight = 1 },',
        1,
    )
    last_question = Question.objects.order_by("-order").first().slug
    questions = tmp_path / "questionnaire.toml"
    questions.write_text(questionnaire + NEW_CHOICE + NEW_QUESTION)

    created = seed_catalogue(seeds)
    created.update(seed_questionnaire(questions))

    assert Framework.objects.get(slug="newcomer").scores.get(criterion__slug="orm").value == 2
    assert Criterion.objects.filter(slug="newness").exists()
    # The renamed framework gets its new score under its new name, and no copy.
    assert Score.objects.get(framework__slug="flask-web", criterion__slug="newness").value == 3
    assert not Framework.objects.filter(slug="flask").exists()
    assert UseCase.objects.get(slug="later-project").fits.get().framework.slug == "flask-web"
    assert Question.objects.get(slug="later_question").choices.get().effects.count() == 1
    assert Choice.objects.get(question__slug=last_question, slug="later_choice")
    assert ChoiceEffect.objects.filter(
        choice__question__slug="project_type", choice__slug="blog", criterion__slug="newness"
    ).exists()
    assert dict(created) == {
        "criteria": 1,
        "frameworks": 1,
        "scores": 1 + 1,
        "use cases": 1,
        "use case fits": 1,
        "questions": 1,
        "choices": 2,
        "effects": 3,
    }


def test_a_database_seeded_before_seed_keys_existed_keeps_its_deletions(seeded):
    """The migration that added seed keys recorded every row present as applied."""
    AppliedSeed.objects.all().delete()  # as before the migration
    record_catalogue(apps)
    record_questionnaire(apps)
    Framework.objects.filter(slug="bottle").delete()
    ChoiceEffect.objects.filter(choice__slug="blog", criterion__slug="flexibility").delete()
    before = counts()
    call_command("seed", verbosity=0)
    assert counts() == before


def test_a_shipped_row_that_clashes_with_an_editors_row_is_reported_not_fatal(seeded, tmp_path):
    Framework.objects.create(
        name="Newcomer", slug="newcomer-by-hand", kind="micro", tagline="t", description="d"
    )
    seeds = tmp_path / "seed_data"
    shutil.copytree(SEED_DIR, seeds)
    (seeds / "frameworks" / "newcomer.toml").write_text(NEW_FRAMEWORK)
    with (seeds / "criteria.toml").open("a") as handle:
        handle.write(NEW_CRITERION)
    ledger = SeedLedger()
    created = seed_catalogue(seeds, ledger=ledger)
    assert ledger.refused == ["framework:newcomer"]
    assert created["criteria"] == 1 and not Framework.objects.filter(slug="newcomer").exists()
