"""The questionnaire: questions, their choices, and what each choice does to the scoring."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from simple_history.models import HistoricalRecords

from frameworks.models import Criterion, name_or_deleted
from frameworks.scale import SCORE_MAX, SCORE_MIN


class QuestionQuerySet(models.QuerySet):
    def with_choices(self):
        """Questions with choices and their effects: two extra queries, whatever the size."""
        return self.prefetch_related(
            Prefetch(
                "choices",
                queryset=Choice.objects.order_by("order", "id").prefetch_related(
                    Prefetch("effects", queryset=ChoiceEffect.objects.select_related("criterion"))
                ),
            )
        )


class Question(models.Model):
    slug = models.SlugField(max_length=60, unique=True, help_text="Used in verdict URLs.")
    text = models.CharField(max_length=200)
    help_text = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = QuestionQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.text


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    slug = models.SlugField(max_length=60, help_text="Used in verdict URLs.")
    label = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["question__order", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "slug"], name="choice_slug_unique_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{name_or_deleted(lambda: self.question.slug)}={self.slug}"


class ChoiceEffect(models.Model):
    """What picking a choice does to one criterion.

    ``weight_change`` is added to the criterion's default weight (the result never
    drops below zero); ``min_score`` excludes every framework scoring lower.
    """

    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="effects")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="effects")
    weight_change = models.FloatField(
        default=0.0,
        validators=[MinValueValidator(-10.0), MaxValueValidator(10.0)],
        help_text="Added to the criterion's weight: positive matters more, negative less.",
    )
    min_score = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)],
        help_text="Optional hard minimum: frameworks scoring below it are excluded.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["criterion__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["choice", "criterion"], name="one_effect_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(min_score__isnull=True)
                | (Q(min_score__gte=SCORE_MIN) & Q(min_score__lte=SCORE_MAX)),
                name="effect_min_score_between_0_and_5",
            ),
        ]

    def __str__(self) -> str:
        criterion = name_or_deleted(lambda: self.criterion.slug)
        return f"{name_or_deleted(lambda: self.choice)}: {criterion} {self.weight_change:+g}"
