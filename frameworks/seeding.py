"""Create the seeded catalogue from the TOML files in seed_data/.

Idempotent: rows are looked up by their natural keys (slugs), created when
missing and otherwise left exactly as an editor last saved them.
"""

import tomllib
from collections import Counter
from pathlib import Path

from frameworks.models import Criterion, Framework, Score, UseCase, UseCaseFit

SEED_DIR = Path(__file__).resolve().parent / "seed_data"

FRAMEWORK_FIELDS = (
    "name",
    "package",
    "kind",
    "tagline",
    "description",
    "first_release_year",
    "first_release_source",
    "license",
    "license_source",
    "latest_version",
    "latest_version_source",
    "project_url",
    "docs_url",
    "repository_url",
)


def load(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def seed_catalogue(seed_dir: Path = SEED_DIR) -> Counter:
    created: Counter = Counter()
    criteria = {}
    for row in load(seed_dir / "criteria.toml")["criterion"]:
        criterion, new = Criterion.objects.get_or_create(
            slug=row["slug"],
            defaults={
                k: row[k] for k in ("name", "category", "order", "description", "default_weight")
            },
        )
        criteria[criterion.slug] = criterion
        created["criteria"] += new

    frameworks = {}
    for path in sorted((seed_dir / "frameworks").glob("*.toml")):
        data = load(path)
        framework, new = Framework.objects.get_or_create(
            slug=data["slug"],
            defaults={k: data[k] for k in FRAMEWORK_FIELDS if k in data},
        )
        frameworks[framework.slug] = framework
        created["frameworks"] += new
        for slug, score in data.get("scores", {}).items():
            _, new = Score.objects.get_or_create(
                framework=framework,
                criterion=criteria[slug],
                defaults={
                    "value": score["value"],
                    "note": score["note"],
                    "source_url": score["source_url"],
                    "last_reviewed": score.get("last_reviewed", data["last_reviewed"]),
                },
            )
            created["scores"] += new

    for row in load(seed_dir / "use_cases.toml")["use_case"]:
        use_case, new = UseCase.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "title": row["title"],
                "order": row.get("order", 0),
                "description": row["description"],
                "example_answers": row.get("example_answers", {}),
            },
        )
        created["use cases"] += new
        for fit in row.get("fit", []):
            if fit["framework"] not in frameworks:
                continue
            _, new = UseCaseFit.objects.get_or_create(
                use_case=use_case,
                framework=frameworks[fit["framework"]],
                defaults={"order": fit.get("order", 0), "note": fit["note"]},
            )
            created["use case fits"] += new
    return created
