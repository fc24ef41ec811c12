from django.db import migrations, models


def add_books(apps, schema_editor):
    Book = apps.get_model("books", "Book")
    Book.objects.bulk_create([Book(title="Dune"), Book(title="Emma")])


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Book",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("title", models.CharField(max_length=200)),
            ],
        ),
        # A data migration fills the table, so the sample runs with no set-up.
        migrations.RunPython(add_books, migrations.RunPython.noop),
    ]
