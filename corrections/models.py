"""A reader's suggested correction to one score, and what an editor decided."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from frameworks.models import SCORE_MAX, SCORE_MIN, Score

NOTE_MAX = 2000
URL_MAX = 500
REASON_MAX = 1000


def new_token() -> str:
    # The status link is the reader's only key to it: unguessable, and no account needed.
    return secrets.token_urlsafe(24)


class SuggestionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Suggestion.Status.PENDING)


class Suggestion(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an editor"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="suggestions")
    proposed_value = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)],
    )
    proposed_note = models.TextField(blank=True, max_length=NOTE_MAX)
    evidence_url = models.URLField(max_length=URL_MAX)
    email = models.EmailField(blank=True, help_text="The reader's, if given; never shown publicly.")
    # The score as the reader saw it, so that the editor sees what they were answering.
    value_then = models.PositiveSmallIntegerField()
    note_then = models.TextField()

    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decision_reason = models.TextField(
        blank=True,
        max_length=REASON_MAX,
        help_text="Why: required to reject. Shown to the reader on their status page, and "
        "with an accepted correction in the score's public history.",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "reader's correction"
        verbose_name_plural = "reader corrections"

    def __str__(self) -> str:
        return f"Correction to {self.score} ({self.get_status_display().lower()})"

    def get_absolute_url(self) -> str:
        return reverse("corrections:status", kwargs={"token": self.token})
