"""Code samples and framework benchmarks, mirrored from the repository's samples/ folder.

They are not in the admin (nor then in its delete checks): `manage.py import_samples`
replaces them from the files CI ran, so a page shows exactly that code and those results.
"""

from django.db import models

from codesamples import layout
from frameworks.models import Criterion, Framework


class CodeSampleQuerySet(models.QuerySet):
    def for_frameworks(self, frameworks):
        return self.filter(framework__in=frameworks).order_by("framework_id", "order")


class CodeSample(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="code_samples")
    task = models.CharField(max_length=20, choices=list(layout.TASKS.items()))
    order = models.PositiveSmallIntegerField()
    files = models.JSONField(
        default=list, help_text="Each file's path, source and Pygments HTML, in the order shown."
    )
    unsupported = models.TextField(blank=True, help_text="Why the framework cannot do the task.")
    note = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, blank=True, help_text="From samples/results.json.")
    tested_version = models.CharField(max_length=40, blank=True)
    tested_python = models.CharField(max_length=20, blank=True)
    tested_on = models.DateField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    objects = CodeSampleQuerySet.as_manager()

    class Meta:
        ordering = ["framework__name", "order"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "task"], name="one_sample_per_task")
        ]

    def __str__(self) -> str:
        return f"{self.framework} – {self.get_task_display()}"

    @property
    def python_minor(self) -> str:
        return ".".join(self.tested_python.split(".")[:2])


class BenchmarkResultQuerySet(models.QuerySet):
    def for_criterion(self, criterion):
        return self.filter(criterion=criterion).select_related("framework").order_by("-rps")


class BenchmarkResult(models.Model):
    """One framework app's throughput in one `make bench-frameworks` run."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="benchmarks")
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="benchmarks")
    app = models.CharField(max_length=20, help_text="hello or json")
    rps = models.FloatField("requests per second")
    p99_ms = models.FloatField(null=True, blank=True)
    server = models.CharField(max_length=200)
    version = models.CharField(max_length=40)
    python = models.CharField(max_length=20)
    measured_at = models.DateTimeField()
    machine = models.CharField(max_length=200)
    method = models.TextField()

    objects = BenchmarkResultQuerySet.as_manager()

    class Meta:
        ordering = ["-rps"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "app"], name="one_result_per_app")
        ]

    def __str__(self) -> str:
        return f"{self.framework} {self.app}: {self.rps:.0f} req/s"
