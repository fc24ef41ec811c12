"""Mirror samples/ into the database: the code, the test results and the benchmark.

Run at deploy (`make run` does) and by the tests' seeding. Rows of a framework
whose samples are gone are removed; a framework not in the catalogue is skipped
with a warning; a broken sample set is reported and skipped, never half-imported.
"""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from codesamples import importing, layout
from codesamples.models import BenchmarkResult, CodeSample
from frameworks.models import Criterion, Framework
from pagecache import content_version


class Command(BaseCommand):
    help = "Import samples/<slug>/ code, samples/results.json and samples/bench.json."

    def add_arguments(self, parser):
        parser.add_argument("--samples-dir", type=Path, default=layout.SAMPLES_DIR)

    def handle(self, *args, samples_dir: Path, **options):
        frameworks = {fw.slug: fw for fw in Framework.objects.all()}
        results = layout.read_json(samples_dir / "results.json")
        imported = set()
        with transaction.atomic():
            for directory in layout.discover(samples_dir):
                framework = frameworks.get(directory.name)
                if framework is None:
                    self.stderr.write(f"samples/{directory.name}: no such framework; skipped")
                    continue
                try:
                    spec = layout.load_sample(directory)
                    rows = importing.sample_rows(spec, results.get(spec.slug) or {})
                except (layout.SampleError, OSError, UnicodeDecodeError) as exc:
                    self.stderr.write(f"{exc}; skipped")
                    continue
                for row in rows:
                    CodeSample.objects.update_or_create(
                        framework=framework,
                        task=row.task,
                        defaults={
                            "order": row.order,
                            "files": row.files,
                            "unsupported": row.unsupported,
                            "note": row.note,
                            "outcome": row.outcome,
                            "tested_version": row.tested_version,
                            "tested_python": row.tested_python,
                            "tested_on": row.tested_on,
                        },
                    )
                imported.add(framework.pk)
            CodeSample.objects.exclude(framework__in=imported).delete()
            benchmarks = self._import_bench(samples_dir / "bench.json", frameworks)
            # bulk_create sends no signals: say outright that cached pages are stale.
            transaction.on_commit(content_version.bump)
        if options["verbosity"]:
            self.stdout.write(
                f"Imported code samples for {len(imported)} frameworks and {benchmarks} benchmarks."
            )

    def _import_bench(self, path: Path, frameworks: dict) -> int:
        data = layout.read_json(path)
        criterion = Criterion.objects.filter(slug=data.get("criterion", "")).first()
        BenchmarkResult.objects.all().delete()
        if criterion is None or not data:
            return 0
        try:
            measured_at = datetime.datetime.fromisoformat(str(data.get("measured_at")))
        except ValueError:
            self.stderr.write(f"{path.name}: measured_at is not a date; benchmarks skipped")
            return 0
        if measured_at.tzinfo is None:
            measured_at = measured_at.replace(tzinfo=datetime.UTC)
        rows = [r for r in importing.bench_rows(data) if r.framework in frameworks]
        BenchmarkResult.objects.bulk_create(
            BenchmarkResult(
                criterion=criterion,
                framework=frameworks[r.framework],
                app=r.app,
                rps=r.rps,
                p99_ms=r.p99_ms,
                server=r.server,
                version=r.version,
                python=r.python,
                measured_at=measured_at,
                machine=str(data.get("machine", "")),
                method=str(data.get("method", "")),
            )
            for r in rows
        )
        return len(rows)
