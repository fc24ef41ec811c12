"""Bring a database seeded with the first questionnaire up to the re-tuned one.

Needs, the reviewed knock-outs and the re-tuned weights (see the header of
recommender/seed_data/questionnaire.toml) reach a database seeded before them,
but only where an effect still holds exactly what the first seed gave it: an
effect an editor changed, or added, is left alone.
"""

from django.db import migrations

# (question, choice, criterion), (weight, min) as first seeded or None,
# (weight, min, need) as seeded now or None.
RETUNED = [
    (("admin_needed", "yes", "admin"), (3.0, 2), (3.0, None, 2)),
    (("async_io", "heavy", "async"), (4.0, 3), (3.0, None, 4)),
    (("criticality", "non_critical", "flexibility"), (2.5, None), (3.0, None, None)),
    (("criticality", "non_critical", "maturity"), (-0.5, None), (-1.0, None, None)),
    (("criticality", "non_critical", "security"), (-0.5, None), (-1.0, None, None)),
    (("criticality", "non_critical", "testing"), None, (-1.0, None, None)),
    (("data_layer", "relational_heavy", "orm"), (3.0, 2), (3.0, None, 2)),
    (("project_size", "enterprise", "community"), (1.0, None), None),
    (("project_size", "small", "admin"), (-0.5, None), (-1.0, None, None)),
    (("project_size", "small", "batteries-included"), (-0.5, None), (-1.0, None, None)),
    (("project_size", "small", "flexibility"), (2.5, None), (1.0, None, None)),
    (("project_size", "small", "performance"), None, (-1.0, None, None)),
    (("project_type", "banking", "maturity"), (2.0, None), (1.5, None, None)),
    (("project_type", "banking", "security"), (4.0, 4), (3.0, 3, 4)),
    (("project_type", "banking", "testing"), (1.0, None), (0.5, None, None)),
    (("project_type", "blog", "batteries-included"), (-0.5, None), (-1.0, None, None)),
    (("project_type", "blog", "flexibility"), (2.0, None), (1.5, None, None)),
    (("project_type", "blog", "templating"), (1.0, None), (1.5, None, 3)),
    (("project_type", "cms", "admin"), (3.0, None), (2.5, None, None)),
    (("project_type", "cms", "batteries-included"), (1.0, None), (0.5, None, None)),
    (("project_type", "cms", "ecosystem"), (1.0, None), (0.5, None, None)),
    (("project_type", "cms", "templating"), (2.0, None), (1.5, None, 3)),
    (("project_type", "ecommerce", "admin"), (2.0, None), (1.5, None, None)),
    (("project_type", "ecommerce", "batteries-included"), (1.5, None), (1.0, None, None)),
    (("project_type", "ecommerce", "ecosystem"), (1.0, None), (0.5, None, None)),
    (("project_type", "ecommerce", "orm"), (2.0, None), (1.5, None, None)),
    (("project_type", "ecommerce", "security"), (2.0, None), (1.5, None, None)),
    (("project_type", "ecommerce", "templating"), None, (0.0, None, 3)),
    (("project_type", "forum", "admin"), (-0.5, None), (-1.0, None, None)),
    (("project_type", "forum", "batteries-included"), (-0.5, None), (-1.0, None, None)),
    (("project_type", "forum", "flexibility"), (2.0, None), (1.5, None, None)),
    (("project_type", "forum", "learning-curve"), (2.5, None), (3.0, None, None)),
    (("project_type", "forum", "templating"), (1.0, None), (1.5, None, 3)),
    (("project_type", "realtime", "async"), (3.0, None), (2.0, None, None)),
    (("project_type", "realtime", "realtime"), (4.0, 2), (3.0, 2, 4)),
    (("project_type", "rest_api", "api"), (3.0, None), (3.0, None, 3)),
    (("project_type", "spa_backend", "api"), (2.0, None), (2.0, None, 3)),
    (("project_type", "spa_backend", "learning-curve"), (1.0, None), (1.5, None, None)),
    (("project_type", "travel", "orm"), (2.0, None), (1.5, None, None)),
    (("project_type", "travel", "templating"), None, (0.0, None, 3)),
    (("security", "high", "security"), (6.0, 4), (3.0, 3, 4)),
    (("structure", "choose_my_own", "admin"), (-0.5, None), (-1.0, None, None)),
    (("structure", "choose_my_own", "flexibility"), (4.0, None), (3.0, None, None)),
    (("timeline", "days", "flexibility"), (1.5, None), (1.0, None, None)),
    (("timeline", "days", "learning-curve"), (3.5, None), (2.0, None, None)),
]


def retune(apps, schema_editor):
    ChoiceEffect = apps.get_model("recommender", "ChoiceEffect")
    Choice = apps.get_model("recommender", "Choice")
    Criterion = apps.get_model("frameworks", "Criterion")
    criteria = {c.slug: c for c in Criterion.objects.all()}
    for (question, choice_slug, criterion), before, after in RETUNED:
        choice = Choice.objects.filter(question__slug=question, slug=choice_slug).first()
        if choice is None or criterion not in criteria:
            continue
        effect = ChoiceEffect.objects.filter(choice=choice, criterion__slug=criterion).first()
        if before is None:
            if effect is None:
                weight, minimum, need = after
                ChoiceEffect.objects.create(
                    choice=choice,
                    criterion=criteria[criterion],
                    weight_change=weight,
                    min_score=minimum,
                    need=need,
                )
            continue
        if effect is None or (effect.weight_change, effect.min_score, effect.need) != (
            *before,
            None,
        ):
            continue  # an editor's change: theirs to keep
        if after is None:
            effect.delete()
        else:
            effect.weight_change, effect.min_score, effect.need = after
            effect.save(update_fields=["weight_change", "min_score", "need"])


class Migration(migrations.Migration):
    dependencies = [
        ("frameworks", "0003_history"),
        ("recommender", "0003_effect_need_and_multiselect_question"),
    ]

    operations = [migrations.RunPython(retune, migrations.RunPython.noop)]
