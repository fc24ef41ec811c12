"""Create the seeded catalogue from the TOML files in seed_data/.

Each row is created once, ever (see ``seed_ledger``): a row that exists is
left exactly as an editor last saved it, and one an editor deleted or renamed
is not made again.
"""

import tomllib
from collections import Counter
from pathlib import Path

from frameworks import seed_keys
from frameworks.models import Criterion, Framework, Score, UseCase, UseCaseFit
from frameworks.seed_ledger import SeedLedger

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


def seed_catalogue(seed_dir: Path = SEED_DIR, ledger: SeedLedger | None = None) -> Counter:
    ledger = ledger or SeedLedger()
    created: Counter = Counter()
    # Seed slug -> the row it made, under whatever slug an editor has given it since.
    criteria = {}
    for row in load(seed_dir / "criteria.toml")["criterion"]:
        criterion, new = ledger.get_or_create(
            seed_keys.criterion(row["slug"]),
            Criterion,
            slug=row["slug"],
            defaults={
                k: row[k] for k in ("name", "category", "order", "description", "default_weight")
            },
        )
        if criterion is not None:
            criteria[row["slug"]] = criterion
        created["criteria"] += new

    frameworks = {}
    for path in sorted((seed_dir / "frameworks").glob("*.toml")):
        data = load(path)
        framework, new = ledger.get_or_create(
            seed_keys.framework(data["slug"]),
            Framework,
            slug=data["slug"],
            defaults={k: data[k] for k in FRAMEWORK_FIELDS if k in data},
        )
        created["frameworks"] += new
        if framework is None:
            continue  # deleted by an editor: its scores go with it
        frameworks[data["slug"]] = framework
        for slug, score in data.get("scores", {}).items():
            if slug not in criteria:
                continue
            _, new = ledger.get_or_create(
                seed_keys.score(data["slug"], slug),
                Score,
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
        use_case, new = ledger.get_or_create(
            seed_keys.use_case(row["slug"]),
            UseCase,
            slug=row["slug"],
            defaults={
                "title": row["title"],
                "order": row.get("order", 0),
                "description": row["description"],
                "example_answers": row.get("example_answers", {}),
            },
        )
        created["use cases"] += new
        if use_case is None:
            continue
        for fit in row.get("fit", []):
            if fit["framework"] not in frameworks:
                continue
            _, new = ledger.get_or_create(
                seed_keys.use_case_fit(row["slug"], fit["framework"]),
                UseCaseFit,
                use_case=use_case,
                framework=frameworks[fit["framework"]],
                defaults={"order": fit.get("order", 0), "note": fit["note"]},
            )
            created["use case fits"] += new
    return created
