"""Edit conflicts: a second editor's save never silently overwrites the first's.

The change form carries a token naming the latest history record of the object
and of the rows edited inline with it (a framework's scores, say). If the token
has moved on when the form comes back, someone saved in between: the save is
refused, the form comes back with this editor's input intact, and the message
lists what the other editor changed, read from the history. Saving again then
keeps this editor's version, knowingly.

django-concurrency does optimistic locking too, but it needs a version column
on every model and cannot say what changed; the history already knows both.
"""

import os
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Model
from django.utils import timezone
from django.utils.text import Truncator, capfirst

TOKEN_FIELD = "edit_token"


@dataclass(frozen=True)
class Watched:
    """A history table, and the lookup that picks one object's rows in it."""

    history_model: type[Model]
    lookup: str

    def records(self, pk):
        return self.history_model.objects.filter(**{self.lookup: pk})


def current_token(watched: tuple[Watched, ...], pk) -> str:
    latest = (w.records(pk).aggregate(latest=Max("history_id"))["latest"] for w in watched)
    return "-".join(str(value or 0) for value in latest)


def _parse(token: str, size: int) -> list[int] | None:
    parts = token.split("-")
    if len(parts) != size or not all(p.isdigit() and len(p) < 19 for p in parts):
        return None
    return [int(p) for p in parts]


def _text(value) -> str:
    return " ".join(("" if value is None else str(value)).split())


def _quoted(text: str) -> str:
    return "“" + Truncator(text).chars(80) + "”"


def _difference(old, new) -> str:
    """Old → new; long texts are shown from just before where they start to differ."""
    old, new = _text(old), _text(new)
    common = len(os.path.commonprefix([old, new]))
    start = max(0, common - 20)
    if start > 0:
        return f"“…{Truncator(old[start:]).chars(80)}” → “…{Truncator(new[start:]).chars(80)}”"
    return f"{_quoted(old)} → {_quoted(new)}"


def describe(record) -> str | None:
    """One line a person can read: who changed what, when, from what to what.

    None for a save that changed nothing (the admin saves the object itself on
    every save, even when only an inline row changed).
    """
    user = record.history_user
    who = user.get_username() if user is not None else "someone"
    when = timezone.localtime(record.history_date).strftime("%H:%M:%S on %d %b %Y")
    what = f"{record.instance._meta.verbose_name} “{record.instance}”"
    if record.history_type == "+":
        return f"{who} added {what} at {when}."
    if record.history_type == "-":
        return f"{who} deleted {what} at {when}."
    previous = record.prev_record
    if previous is None:
        return f"{who} saved {what} at {when}."
    opts = record.instance._meta
    changes = [
        f"{capfirst(opts.get_field(c.field).verbose_name)}: {_difference(c.old, c.new)}"
        for c in record.diff_against(previous).changes
        if _text(c.old) != _text(c.new)  # not a change of line endings or spacing only
    ]
    if not changes:
        return None
    return f"{who} changed {what} at {when}: " + "; ".join(changes) + "."


def changes_since(watched: tuple[Watched, ...], pk, seen: list[int]) -> list[str]:
    lines = []
    for w, last_seen in zip(watched, seen, strict=True):
        records = (
            w.records(pk)
            .filter(history_id__gt=last_seen)
            .select_related("history_user")
            .order_by("history_id")
        )
        lines.extend(line for record in records if (line := describe(record)))
    return lines


class EditConflictForm(forms.ModelForm):
    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)
    # Set by the admin on the class it builds for each request.
    watched: tuple[Watched, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial[TOKEN_FIELD] = current_token(self.watched, self.instance.pk)

    def clean(self):
        cleaned = super().clean()
        pk = self.instance.pk
        if not pk or not self.watched:
            return cleaned
        if transaction.get_connection().in_atomic_block:
            # Saves of one object queue here, so two cannot both pass the check.
            model = type(self.instance)
            list(model._default_manager.select_for_update().filter(pk=pk).values_list("pk"))
        current = current_token(self.watched, pk)
        sent = cleaned.get(TOKEN_FIELD) or ""
        if sent == current:
            return cleaned
        seen = _parse(sent, len(self.watched))
        changes = changes_since(self.watched, pk, seen) if seen is not None else []
        if seen is not None and not changes:
            return cleaned  # only saves that changed nothing came in between
        # The next save knowingly keeps this editor's version.
        self.data = self.data.copy()
        self.data[self.add_prefix(TOKEN_FIELD)] = current
        raise ValidationError(
            [
                ValidationError(
                    "Someone else saved this %(name)s after you opened it, so your changes "
                    "were not saved. They are still in the form below. Check what changed, "
                    "then save again to keep your version.",
                    code="edit_conflict",
                    params={"name": self.instance._meta.verbose_name},
                ),
                *(ValidationError(line, code="edit_conflict_change") for line in changes[-20:]),
            ]
        )
