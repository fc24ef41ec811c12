"""The questionnaire: questions, their choices, and what each choice does to the scoring."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from frameworks.models import Criterion, name_or_deleted
from frameworks.scale import SCORE_MAX, SCORE_MIN


def validate_hundredths(value: float) -> None:
    """Scoring counts weights in whole hundredths; a finer weight would be silently rounded."""
    if abs(value * 100 - round(value * 100)) > 1e-6:
        raise ValidationError(
            "%(value)s has more than two decimal places; weights are counted in hundredths.",
            params={"value": value},
        )


class Question(models.Model):
    slug = models.SlugField(max_length=60, unique=True, help_text="Used in verdict URLs.")
    text = models.CharField(max_length=200)
    help_text = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    multiple = models.BooleanField(
        default=False,
        help_text="Several choices may be picked (the answer is a repeated parameter).",
    )

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


def _optional_score(help_text: str) -> models.PositiveSmallIntegerField:
    """A threshold on the 0-5 score scale that an effect may set, or not."""
    return models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)],
        help_text=help_text,
    )


class ChoiceEffect(models.Model):
    """What picking a choice does to one criterion.

    ``weight_change`` is added to the criterion's default weight (the result never
    drops below zero); ``need`` ranks every framework scoring lower after those
    that meet it; ``min_score`` excludes every framework scoring lower (for real
    knock-outs only).
    """

    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="effects")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="effects")
    weight_change = models.FloatField(
        default=0.0,
        validators=[MinValueValidator(-10.0), MaxValueValidator(10.0), validate_hundredths],
        help_text="Added to the criterion's weight: positive matters more, negative less. "
        "At most two decimal places: weights are counted in hundredths.",
    )
    need = _optional_score(
        "Optional stated need: frameworks scoring below it rank after those that "
        "meet every need, and the verdict names what they miss."
    )
    min_score = _optional_score("Optional hard minimum: frameworks scoring below it are excluded.")

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
            models.CheckConstraint(
                condition=Q(need__isnull=True) | (Q(need__gte=SCORE_MIN) & Q(need__lte=SCORE_MAX)),
                name="effect_need_between_0_and_5",
            ),
        ]

    def __str__(self) -> str:
        criterion = name_or_deleted(lambda: self.criterion.slug)
        return f"{name_or_deleted(lambda: self.choice)}: {criterion} {self.weight_change:+g}"
