from django.db import migrations

from recommender.seed_backfill import record_questionnaire


class Migration(migrations.Migration):
    dependencies = [
        ("frameworks", "0006_applied_seeds"),
        ("recommender", "0004_retune_seeded_questionnaire"),
    ]

    operations = [
        # A database seeded before seed keys existed: its questionnaire rows count
        # as applied, so that `seed` never re-creates one an editor deletes.
        migrations.RunPython(record_questionnaire, migrations.RunPython.noop),
    ]
