"""Bring the prototype answer's flexibility weight up to the re-tuned seed.

With 18 frameworks FastAPI tied Flask for a prototype, where the article makes
Flask the default; the seed now weighs flexibility at +3 (see the header of
recommender/seed_data/questionnaire.toml). Only an effect still holding its
first-seeded value is changed: an editor's own value is theirs to keep. The
new performance effect needs no migration: `manage.py seed` creates it.
"""

from django.db import migrations

# (question, choice, criterion), (weight, min, need) as first seeded, the same as seeded now.
RETUNED = [
    (("project_type", "prototype", "flexibility"), (1.5, None, None), (3.0, None, None)),
]


def retune(apps, schema_editor):
    ChoiceEffect = apps.get_model("recommender", "ChoiceEffect")
    for (question, choice, criterion), before, after in RETUNED:
        effect = ChoiceEffect.objects.filter(
            choice__question__slug=question, choice__slug=choice, criterion__slug=criterion
        ).first()
        if effect is None or (effect.weight_change, effect.min_score, effect.need) != before:
            continue  # deleted or changed by an editor
        effect.weight_change, effect.min_score, effect.need = after
        effect.save(update_fields=["weight_change", "min_score", "need"])


class Migration(migrations.Migration):
    dependencies = [("recommender", "0005_backfill_applied_seeds")]

    operations = [migrations.RunPython(retune, migrations.RunPython.noop)]
