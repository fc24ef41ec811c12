"""Record trimmed copies of the package index's answers, as offline test fixtures.

    SECRET_KEY=x .venv/bin/python scripts/record_release_fixtures.py Django Flask Quart web2py

Each answer goes through the same client as `manage.py sync_releases`, is cut down
to the fields the sync reads (one file entry per release, keeping its first upload
time and whether every file is yanked; no descriptions or advisory details), and is
written to tests/releases/answers/<name>.json with the moment it was recorded.
"""

import datetime
import json
import os
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compare_site.settings")
django.setup()

from releases.index import IndexClient  # noqa: E402

OUT = ROOT / "tests" / "releases" / "answers"
INFO_KEYS = ("name", "version", "requires_python", "license", "license_expression", "classifiers")
ADVISORY_KEYS = ("id", "aliases", "fixed_in", "link", "summary", "withdrawn")


def trim_release(files: list[dict]) -> list[dict]:
    if not files:
        return []
    first = min(f["upload_time_iso_8601"] for f in files)
    yanked = all(f.get("yanked") for f in files)
    reason = next((f.get("yanked_reason") for f in files if f.get("yanked")), None)
    return [{"upload_time_iso_8601": first, "yanked": yanked, "yanked_reason": reason}]


def trim(answer: dict) -> dict:
    return {
        "info": {k: answer["info"].get(k) for k in INFO_KEYS},
        "releases": {v: trim_release(files) for v, files in answer["releases"].items()},
        "vulnerabilities": [
            {k: item.get(k) for k in ADVISORY_KEYS} for item in answer.get("vulnerabilities", [])
        ],
    }


def main(names: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with IndexClient(timeout=30) as client:
        for name in names:
            recorded_at = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
            data = {"recorded_at": recorded_at.isoformat(), "project": trim(client.project(name))}
            path = OUT / f"{name.lower()}.json"
            path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
            print(
                f"{name}: {len(data['project']['releases'])} releases -> {path.relative_to(ROOT)}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
