"""Create the Editors group with exactly the permissions to manage content."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from editorial.permissions import GROUP_NAME, sync_editors_group


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after the last migration; the group needs
    # them now, so create them for every app first (it only adds missing rows).
    alias = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=alias)
        app_config.models_module = None
    sync_editors_group(apps, using=alias)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("editorial", "0001_initial"),
        ("frameworks", "0003_history"),
        ("recommender", "0002_history"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
