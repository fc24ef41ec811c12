"""An editor's decision on a suggestion. Accepting edits the score through its normal save."""

import datetime

from django.db import transaction
from django.utils import timezone

from corrections.models import Suggestion
from editorial.conflicts import REASON_MAX
from frameworks.models import Score


def accepted_reason(suggestion: Suggestion) -> str:
    """The reason recorded in the score's history, which readers see there.

    Cut to fit the history's column; the whole reason stays on the suggestion.
    """
    reason = "A reader's correction, accepted"
    if suggestion.decision_reason:
        reason = f"{reason}: {suggestion.decision_reason}"
    return reason if len(reason) <= REASON_MAX else reason[: REASON_MAX - 1] + "…"


class AlreadyDecided(Exception):
    """Another editor decided this suggestion first."""


def _lock_pending(suggestion: Suggestion) -> None:
    current = Suggestion.objects.select_for_update().only("status").get(pk=suggestion.pk)
    if current.status != Suggestion.Status.PENDING:
        raise AlreadyDecided


@transaction.atomic
def accept(suggestion: Suggestion, editor) -> Score:
    """Apply the proposal: new value and/or note, the reader's evidence as the source.

    Saved like any edit (one history row under the editor's name, with the reason),
    so the content version moves on and every cached page shows it.
    """
    _lock_pending(suggestion)
    score = Score.objects.select_for_update().get(pk=suggestion.score_id)
    if suggestion.proposed_value is not None:
        score.value = suggestion.proposed_value
    if suggestion.proposed_note:
        score.note = suggestion.proposed_note
    score.source_url = suggestion.evidence_url
    score.last_reviewed = datetime.date.today()
    score._history_user = editor
    score._change_reason = accepted_reason(suggestion)
    score.save()
    _decide(suggestion, Suggestion.Status.ACCEPTED, editor)
    return score


@transaction.atomic
def reject(suggestion: Suggestion, editor) -> None:
    _lock_pending(suggestion)
    _decide(suggestion, Suggestion.Status.REJECTED, editor)


def _decide(suggestion: Suggestion, status: str, editor) -> None:
    suggestion.status = status
    suggestion.decided_at = timezone.now()
    suggestion.decided_by = editor
    suggestion.save()
