"""A database seeded with the first questionnaire is brought up to the re-tuned one."""

import importlib

from django.apps import apps

from recommender.models import ChoiceEffect

migration = importlib.import_module("recommender.migrations.0004_retune_seeded_questionnaire")


def _effect(choice, criterion):
    return ChoiceEffect.objects.filter(choice__slug=choice, criterion__slug=criterion).first()


def test_effects_as_first_seeded_become_needs_and_editors_changes_stay(seeded):
    # As the first seed left them: heavy async a knock-out, high security too.
    ChoiceEffect.objects.filter(choice__slug="heavy", criterion__slug="async").update(
        weight_change=4, min_score=3, need=None
    )
    ChoiceEffect.objects.filter(choice__slug="high", criterion__slug="security").update(
        weight_change=6, min_score=4, need=None
    )
    # An editor's own call on the shop's ORM weight, and the shop's first seeded effects.
    ChoiceEffect.objects.filter(choice__slug="ecommerce", criterion__slug="orm").update(
        weight_change=2.75
    )
    _effect("ecommerce", "templating").delete()

    migration.retune(apps, None)

    heavy = _effect("heavy", "async")
    assert (heavy.weight_change, heavy.min_score, heavy.need) == (3, None, 4)
    high = _effect("high", "security")
    assert (high.weight_change, high.min_score, high.need) == (3, 3, 4)
    assert _effect("ecommerce", "orm").weight_change == 2.75
    assert _effect("ecommerce", "templating").need == 3


def test_an_effect_an_editor_changed_is_not_removed(seeded):
    enterprise = ChoiceEffect.objects.filter(choice__slug="enterprise").first().choice
    from frameworks.models import Criterion

    community = Criterion.objects.get(slug="community")
    ChoiceEffect.objects.create(choice=enterprise, criterion=community, weight_change=1.5)
    migration.retune(apps, None)
    assert _effect("enterprise", "community").weight_change == 1.5
    _effect("enterprise", "community").delete()
    ChoiceEffect.objects.create(choice=enterprise, criterion=community, weight_change=1)
    migration.retune(apps, None)
    assert _effect("enterprise", "community") is None


prototype_migration = importlib.import_module(
    "recommender.migrations.0006_retune_prototype_for_the_full_catalogue"
)


def test_a_prototype_seeded_before_the_full_catalogue_weighs_flexibility_as_the_seed_does(seeded):
    flexibility = _effect("prototype", "flexibility")
    seeded_now = flexibility.weight_change
    flexibility.weight_change = 1.5  # as the first seed left it
    flexibility.save()
    prototype_migration.retune(apps, None)
    assert _effect("prototype", "flexibility").weight_change == seeded_now == 3


def test_a_prototype_flexibility_weight_an_editor_set_is_kept(seeded):
    ChoiceEffect.objects.filter(choice__slug="prototype", criterion__slug="flexibility").update(
        weight_change=2.25
    )
    prototype_migration.retune(apps, None)
    assert _effect("prototype", "flexibility").weight_change == 2.25
