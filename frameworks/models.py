"""The catalogue: frameworks, the criteria they are scored on, and sourced scores.

Every model keeps its history (django-simple-history): who changed what and
when, shown in the admin with a revert to any earlier version.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, IntegerField, Min, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from frameworks.compare_urls import validate_compare_slug
from frameworks.page_urls import criterion_url, page_url, profile_url
from frameworks.scale import SCORE_MAX, SCORE_MIN

# A distribution name as the packaging specifications allow it (PEP 508).
PACKAGE_NAME = RegexValidator(
    r"^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])\Z",
    "Letters, digits, '.', '_' and '-', starting and ending with a letter or digit.",
)


class FrameworkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Published frameworks; editors see drafts too, to preview them."""
        if user.is_active and user.is_staff and user.has_perm("frameworks.view_framework"):
            return self.all()
        return self.published()

    def with_scores(self, change_stats: bool = False):
        """Prefetch every score with its criterion: one extra query, whatever the size."""
        scores = Score.objects.select_related("criterion")
        if change_stats:
            scores = scores.with_change_stats()
        return self.prefetch_related(Prefetch("scores", queryset=scores))

    def with_latest_release(self):
        """Prefetch each framework's newest release snapshot: one extra query, whatever the size.

        The snapshot (or None) is then ``framework.latest_release``.
        """
        # The snapshot model belongs to the releases app; reached through the relation
        # it declares, so that this app does not import it.
        snapshots = self.model._meta.get_field("release_snapshots").related_model
        return self.prefetch_related(
            Prefetch(
                "release_snapshots",
                queryset=snapshots.objects.latest_per_framework(),
                to_attr="_latest_release_list",
            )
        )

    def with_review_stats(self):
        return self.annotate(
            score_count=Count("scores", distinct=True),
            oldest_review=Min("scores__last_reviewed"),
        )


class Framework(models.Model):
    class Kind(models.TextChoices):
        FULL_STACK = "full_stack", "Full-stack"
        MICRO = "micro", "Micro-framework"
        ASYNC = "async", "Async-first"

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True, validators=[validate_compare_slug])
    package = models.CharField(
        max_length=100,
        blank=True,
        validators=[PACKAGE_NAME],
        help_text=(
            "Its distribution name on the Python Package Index, as the index spells it "
            "(for example Django). `manage.py sync_releases` reads its release facts from there."
        ),
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    tagline = models.CharField(max_length=160)
    description = models.TextField(help_text="Markdown. Rendered and sanitised on output.")

    first_release_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    first_release_source = models.URLField(blank=True, max_length=500)
    license = models.CharField(
        max_length=60, blank=True, help_text="SPDX identifier where one exists."
    )
    license_source = models.URLField(blank=True, max_length=500)
    latest_version = models.CharField(max_length=40, blank=True)
    latest_version_source = models.URLField(blank=True, max_length=500)
    project_url = models.URLField(blank=True, max_length=500)
    docs_url = models.URLField(blank=True, max_length=500)
    repository_url = models.URLField(blank=True, max_length=500)

    is_published = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FrameworkQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return profile_url(self.slug)

    @property
    def latest_release(self):
        """The newest release snapshot synced from the index, or None.

        Loaded by ``with_latest_release()``; without it, one query.
        """
        prefetched = getattr(self, "_latest_release_list", None)
        if prefetched is not None:
            return prefetched[0] if prefetched else None
        return self.release_snapshots.order_by("-synced_at", "-pk").first()


class Criterion(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    category = models.CharField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(blank=True)
    default_weight = models.FloatField(
        default=1.0,
        validators=[MinValueValidator(0.0), MaxValueValidator(10.0)],
        help_text="How much this criterion counts when a decider states no preference.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "criteria"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return criterion_url(self.slug)


def name_or_deleted(get) -> str:
    """A related row's name; history can outlive the row, so "(deleted)" then."""
    try:
        return str(get())
    except ObjectDoesNotExist:
        return "(deleted)"


# Oldest review first: the order the freshness queue is worked through.
DUE_FOR_REVIEW_ORDER = ("last_reviewed", "framework__name", "criterion__order")


def review_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Scores last reviewed before this day are due for review."""
    today = today or datetime.date.today()
    return today - datetime.timedelta(days=settings.REVIEW_MAX_AGE_DAYS)


class ScoreQuerySet(models.QuerySet):
    def published(self):
        return self.filter(framework__is_published=True)

    def due_for_review(self, today: datetime.date | None = None):
        return self.filter(last_reviewed__lt=review_cutoff(today)).order_by(*DUE_FOR_REVIEW_ORDER)

    def with_change_stats(self):
        """``change_count`` (edits since it was added) and ``last_changed``, in the same query."""
        versions = self.model.history.model.objects.filter(id=OuterRef("pk")).order_by()
        edits = versions.filter(history_type="~").values("id").annotate(n=Count("*")).values("n")
        return self.annotate(
            change_count=Coalesce(Subquery(edits, output_field=IntegerField()), 0),
            last_changed=Subquery(versions.order_by("-history_id").values("history_date")[:1]),
        )


class Score(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)],
        help_text="0 absent … 5 built in and best in class (see the score scale).",
    )
    note = models.TextField(help_text="Why this score. Markdown.")
    source_url = models.URLField(max_length=500, help_text="Evidence for the note.")
    last_reviewed = models.DateField(default=datetime.date.today)

    objects = ScoreQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["criterion__order", "framework__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "criterion"], name="one_score_per_framework_and_criterion"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=SCORE_MIN) & Q(value__lte=SCORE_MAX),
                name="score_value_between_0_and_5",
            ),
        ]

    def __str__(self) -> str:
        # Where this is shown (admin rows, history) both are loaded with select_related.
        framework = name_or_deleted(lambda: self.framework.name)
        return f"{framework} · {name_or_deleted(lambda: self.criterion.name)}"


class UseCaseQuerySet(models.QuerySet):
    def with_fits(self):
        return self.prefetch_related(
            Prefetch(
                "fits",
                queryset=UseCaseFit.objects.filter(framework__is_published=True)
                .select_related("framework")
                .order_by("order", "framework__name"),
            )
        )


class UseCase(models.Model):
    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(help_text="Markdown.")
    example_answers = models.JSONField(
        default=dict,
        blank=True,
        help_text='Questionnaire answers, e.g. {"project_type": "blog", "project_size": "small"}.',
    )
    frameworks = models.ManyToManyField(Framework, through="UseCaseFit", related_name="use_cases")

    objects = UseCaseQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = "use case"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return page_url("frameworks:use_case", slug=self.slug)

    def clean(self) -> None:
        answers = self.example_answers
        # A multi-select question (must_haves) takes a list of choice slugs.
        if not isinstance(answers, dict) or not all(
            isinstance(k, str)
            and (isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v)))
            for k, v in answers.items()
        ):
            raise ValidationError(
                {
                    "example_answers": "Give an object of question slug to choice slug (or a "
                    "list of choice slugs for a multi-select question), as text."
                }
            )


class UseCaseFit(models.Model):
    use_case = models.ForeignKey(UseCase, on_delete=models.CASCADE, related_name="fits")
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="use_case_fits")
    order = models.PositiveSmallIntegerField(default=0, help_text="1 is the best fit.")
    note = models.TextField(help_text="Why it fits this project. Markdown.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "framework__name"]
        constraints = [
            models.UniqueConstraint(fields=["use_case", "framework"], name="one_fit_per_framework")
        ]
        verbose_name = "fitting framework"

    def __str__(self) -> str:
        framework = name_or_deleted(lambda: self.framework)
        return f"{framework} for {name_or_deleted(lambda: self.use_case)}"


class AppliedSeed(models.Model):
    """A row `manage.py seed` has created once and must never create again."""

    key = models.CharField(max_length=255, unique=True)
    object_id = models.PositiveBigIntegerField(help_text="The row it created.")
    applied_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key
