from django.core.management.base import BaseCommand
from django.db import transaction

from frameworks.seed_ledger import SeedLedger
from frameworks.seeding import seed_catalogue
from pagecache import content_version
from recommender.seeding import seed_questionnaire


class Command(BaseCommand):
    help = (
        "Create the seeded frameworks, criteria, scores, use cases and questionnaire. "
        "Creates each row once, ever: never changes what exists, never re-creates what an "
        "editor deleted, and adds rows shipped since the last run."
    )

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            ledger = SeedLedger()
            created = seed_catalogue(ledger=ledger)
            created.update(seed_questionnaire(ledger=ledger))
        # A new deploy may carry new templates: start every cached page afresh.
        content_version.bump()
        for key in ledger.refused:
            self.stderr.write(
                self.style.WARNING(f"Not seeded: {key} clashes with a row an editor made.")
            )
        if any(created.values()):
            summary = ", ".join(f"{n} {what}" for what, n in created.items() if n)
            self.stdout.write(self.style.SUCCESS(f"Seeded {summary}."))
        else:
            self.stdout.write("Nothing to seed: every seed row was applied before.")
