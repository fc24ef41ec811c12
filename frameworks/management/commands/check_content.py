from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from frameworks.content_checks import FrameworkFacts, ScoreFacts, check_catalogue
from frameworks.models import Framework
from frameworks.seeding import SEED_DIR, load


def seed_files(seed_dir: Path = SEED_DIR) -> dict[str, dict]:
    return {
        data["slug"]: data
        for data in (load(p) for p in sorted((seed_dir / "frameworks").glob("*.toml")))
    }


def facts_from_seed(data: dict) -> FrameworkFacts:
    return FrameworkFacts(
        slug=data["slug"],
        name=data["name"],
        license=data.get("license", ""),
        package=data.get("package", ""),
        description=data.get("description", ""),
        scores=tuple(
            ScoreFacts(slug, s["value"], s.get("note", ""), s.get("source_url", ""))
            for slug, s in data.get("scores", {}).items()
        ),
    )


def facts_from_database(seeds: dict[str, dict]) -> list[FrameworkFacts]:
    frameworks = Framework.objects.prefetch_related("scores__criterion").order_by("slug")
    return [
        FrameworkFacts(
            slug=fw.slug,
            name=fw.name,
            license=fw.license,
            # Framework.package arrives with the release-sync work; until then the
            # seed file is the only place the distribution name is written.
            package=getattr(fw, "package", None) or seeds.get(fw.slug, {}).get("package", ""),
            description=fw.description,
            scores=tuple(
                ScoreFacts(s.criterion.slug, s.value, s.note, s.source_url) for s in fw.scores.all()
            ),
        )
        for fw in frameworks
    ]


class Command(BaseCommand):
    help = (
        "Fail on content that cannot be trusted: a score without a note or source, a source "
        "that is a bare home page, a note citing a version newer than the latest, an "
        "SPDX-invalid license, a framework without a package name."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--seed-files",
            action="store_true",
            help="Check the seed TOML files instead of the database (needs no database).",
        )

    def handle(self, *args, **options) -> None:
        seeds = seed_files()
        if options["seed_files"]:
            frameworks = [facts_from_seed(data) for data in seeds.values()]
            latest = {slug: data.get("latest_version", "") for slug, data in seeds.items()}
        else:
            frameworks = facts_from_database(seeds)
            # The coordinator switches this to the synced release versions at merge.
            latest = dict(Framework.objects.values_list("slug", "latest_version"))
        problems = check_catalogue(frameworks, latest)
        for problem in problems:
            self.stderr.write(str(problem))
        if problems:
            raise CommandError(f"{len(problems)} content problem(s).")
        scores = sum(len(f.scores) for f in frameworks)
        self.stdout.write(f"Content OK: {len(frameworks)} frameworks, {scores} scores.")
