"""manage.py sync_releases: read every published framework's release facts from the index."""

from django.core.management.base import BaseCommand, CommandError

from frameworks.models import Framework
from releases.index import IndexClient
from releases.sync import Outcome, sync_all


class Command(BaseCommand):
    help = (
        "Read each published framework's releases, Python versions, license and advisories "
        "from the package index and store a dated snapshot. Exits non-zero only when every "
        "framework failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout", type=float, default=None, help="Seconds to wait for each answer."
        )
        parser.add_argument(
            "--framework", action="append", default=[], help="Only this slug (repeatable)."
        )

    def handle(self, *args, **options):
        frameworks = Framework.objects.published().order_by("slug")
        if options["framework"]:
            frameworks = frameworks.filter(slug__in=options["framework"])

        def report(outcome: Outcome) -> None:
            style = self.style.SUCCESS if outcome.ok else self.style.ERROR
            self.stdout.write(f"{outcome.framework}: " + style(outcome.message))

        with IndexClient(timeout=options["timeout"]) as client:
            summary = sync_all(client, frameworks, report)
        if not summary.outcomes:
            self.stdout.write("No published framework to sync.")
            return
        if summary.all_failed:
            raise CommandError(summary.line() + " Nothing was changed.")
        self.stdout.write(summary.line())
