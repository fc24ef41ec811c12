from django.core.management.base import BaseCommand
from django.db import transaction

from frameworks.seeding import seed_catalogue
from pagecache import content_version
from recommender.seeding import seed_questionnaire


class Command(BaseCommand):
    help = (
        "Create the seeded frameworks, criteria, scores, use cases and questionnaire. "
        "Creates what is missing; never changes what exists."
    )

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            created = seed_catalogue()
            created.update(seed_questionnaire())
        # A new deploy may carry new templates: start every cached page afresh.
        content_version.bump()
        if any(created.values()):
            summary = ", ".join(f"{n} {what}" for what, n in created.items() if n)
            self.stdout.write(self.style.SUCCESS(f"Seeded {summary}."))
        else:
            self.stdout.write("Nothing to seed: everything already exists.")
