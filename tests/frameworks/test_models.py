import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from frameworks.models import Criterion, Framework, Score


def make_framework(slug="testfw", **extra):
    defaults = {"name": slug.title(), "kind": "micro", "tagline": "t", "description": "d"}
    defaults.update(extra)
    return Framework.objects.create(slug=slug, **defaults)


def test_one_score_per_framework_and_criterion_is_enforced_by_the_database(seeded):
    django = Framework.objects.get(slug="django")
    admin = Criterion.objects.get(slug="admin")
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(
            framework=django, criterion=admin, value=3, note="n", source_url="https://x.org"
        )


@pytest.mark.parametrize("value", [6, 99])
def test_score_value_above_five_is_refused_by_the_database(seeded, value):
    score = Score.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.filter(pk=score.pk).update(value=value)


def test_score_validators_give_a_clear_message():
    score = Score(value=7, note="n", source_url="not a url")
    with pytest.raises(ValidationError) as excinfo:
        score.full_clean(exclude=["framework", "criterion"])
    errors = excinfo.value.message_dict
    assert "Ensure this value is less than or equal to 5." in errors["value"]
    assert "Enter a valid URL." in errors["source_url"]


def test_published_hides_unpublished_frameworks(seeded):
    make_framework("hidden", is_published=False)
    assert not Framework.objects.published().filter(slug="hidden").exists()
    assert Framework.objects.published().filter(slug="django").exists()


def test_framework_url(seeded):
    assert Framework.objects.get(slug="flask").get_absolute_url() == "/frameworks/flask/"


@pytest.mark.parametrize("slug", ["foo-vs-bar", "web-vs", "a-vs-b-vs-c"])
def test_a_framework_slug_that_would_make_compare_addresses_ambiguous_is_refused(seeded, slug):
    """/compare/<a>-vs-<b>/ splits at the first "-vs-": no slug may contain one or end in "-vs"."""
    framework = Framework(name="Foo", slug=slug, kind="micro", tagline="t", description="d")
    with pytest.raises(ValidationError) as excinfo:
        framework.full_clean()
    assert "-vs-" in " ".join(excinfo.value.message_dict["slug"])


@pytest.mark.parametrize("slug", ["vs", "vs-code", "canvas", "versus-x"])
def test_slugs_with_vs_elsewhere_are_accepted(seeded, slug):
    Framework(name="Foo", slug=slug, kind="micro", tagline="t", description="d").full_clean()
