"""Edit conflicts: a second editor's save never silently overwrites the first's.

The change form carries a token naming the latest history record of the object
and of the rows edited inline with it (a framework's scores, say). If the token
has moved on when the form comes back, someone saved in between: the save is
refused, the form comes back with this editor's input intact, and the message
lists what the other editor changed, read from the history. Fields this editor
had left alone now show the saved values (see ``merging``), so saving again
keeps both editors' work.

django-concurrency does optimistic locking too, but it needs a version column
on every model and cannot say what changed; the history already knows both.
"""

import os
import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import Max, Model
from django.forms.models import BaseInlineFormSet
from django.http import QueryDict
from django.utils import timezone
from django.utils.text import Truncator, capfirst

from editorial.merging import as_posted, refresh_untouched, same_text, seen_version

TOKEN_FIELD = "edit_token"
# Not a model field: the editor's reason, kept with the change in its history.
REASON_FIELD = "change_reason"
REASON_MAX = 100  # simple-history's column


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


ID = re.compile(r"[0-9]{1,18}")


def _parse(token: str, size: int) -> list[int] | None:
    parts = token.split("-")
    if len(parts) != size or not all(ID.fullmatch(p) for p in parts):
        return None
    return [int(p) for p in parts]


def _label(record) -> str:
    """The row's name, or its number when what it names has been deleted since."""
    opts = record.instance._meta
    try:
        name = str(record.instance)
    except ObjectDoesNotExist:
        name = f"#{record.id}"
    return f"{opts.verbose_name} “{name}”"


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


def _really_changed(field, old, new) -> bool:
    """Not a change of line endings or trailing spaces only."""
    return not same_text(as_posted(field, old), as_posted(field, new))


def describe(record) -> str | None:
    """One line a person can read: who changed what, when, from what to what.

    None for a save that changed nothing (the admin saves the object itself on
    every save, even when only an inline row changed).
    """
    user = record.history_user
    who = user.get_username() if user is not None else "someone"
    when = timezone.localtime(record.history_date).strftime("%H:%M:%S on %d %b %Y")
    what = _label(record)
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
        if _really_changed(opts.get_field(c.field), c.old, c.new)
    ]
    if not changes:
        return None
    return f"{who} changed {what} at {when}: " + "; ".join(changes) + "."


def changes_since(
    watched: tuple[Watched, ...], pk, seen: list[int], *, editor_id: int | None = None
) -> list[str]:
    """What other editors changed since the versions in `seen`, one line per change.

    The editor's own saves do not count: a double-click on Save, or the same
    editor in a second tab, is not a conflict between two people.
    """
    lines = []
    for w, last_seen in zip(watched, seen, strict=True):
        records = (
            w.records(pk)
            .filter(history_id__gt=last_seen)
            .exclude(history_user_id=editor_id)
            .select_related("history_user")
            .order_by("history_id")
        )
        lines.extend(line for record in records if (line := describe(record)))
    return lines


HEADLINE = (
    "Someone else saved this %(name)s after you opened it, so your changes were not "
    "saved. They are still in the form below. Check what changed, then save again to "
    "keep your version."
)
HEADLINE_NO_VERSION = (
    "This form does not say which version of the %(name)s you opened (it may be from "
    "before an update, or altered), so your changes were not saved. They are still in "
    "the form below: check them, then save again to keep them."
)


def conflict_error(
    name: str, version_known: bool, changes: list[str], refreshed: list[str]
) -> ValidationError:
    """The refusal: what happened, who changed what, and which fields now show theirs."""
    headline = HEADLINE if version_known else HEADLINE_NO_VERSION
    messages = [
        ValidationError(headline, code="edit_conflict", params={"name": name}),
        *(ValidationError(line, code="edit_conflict_change") for line in changes[-20:]),
    ]
    if refreshed:
        names = ", ".join(dict.fromkeys(refreshed))
        messages.append(
            ValidationError(
                f"Fields you had left as they were now show the values saved since: {names}.",
                code="edit_conflict_refreshed",
            )
        )
    return ValidationError(messages)


@dataclass(frozen=True)
class InlinePost:
    """One inline formset's POST data, a mutable copy the form may refresh."""

    model: type[Model]
    prefix: str
    fields: tuple[str, ...]
    data: QueryDict


class EditConflictForm(forms.ModelForm):
    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)
    change_reason = forms.CharField(
        label="Reason for this change",
        required=False,
        max_length=REASON_MAX,
        help_text="Optional. Shown with the change in the public history (your name is not).",
    )
    # Set by the admin on the class it builds for each request.
    watched: tuple[Watched, ...] = ()
    editor_id: int | None = None
    inline_posts: list[InlinePost] = []
    # What the last check locked: (model label, ids), in locking order.
    locked: list[tuple[str, tuple[int, ...]]] = []

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
            # Saves that touch a row in common queue here, so two cannot both pass.
            self.locked = lock_rows(self._rows_touched())
        current = current_token(self.watched, pk)
        sent = cleaned.get(TOKEN_FIELD) or ""
        if sent == current:
            return cleaned
        seen = _parse(sent, len(self.watched))
        if seen is None:
            changes = []
        else:
            changes = changes_since(self.watched, pk, seen, editor_id=self.editor_id)
            if not changes:
                return cleaned  # only saves that changed nothing, or this editor's own
        # The next save knowingly keeps this editor's version.
        self.data = self.data.copy()
        self.data[self.add_prefix(TOKEN_FIELD)] = current
        refreshed = self._refresh_untouched(seen) if seen is not None else []
        raise conflict_error(self.instance._meta.verbose_name, seen is not None, changes, refreshed)

    def _rows_touched(self) -> dict[type[Model], set[int]]:
        """This object and every existing row posted in its inline formsets."""
        rows = {type(self.instance): {self.instance.pk}}
        for post in self.inline_posts:
            rows.setdefault(post.model, set()).update(posted_row_ids(post).values())
        return rows

    def _refresh_untouched(self, seen: list[int]) -> list[str]:
        model = type(self.instance)
        pk = self.instance.pk
        refreshed = []
        opts = model._meta
        seen_row = seen_version(self.watched[0].history_model, pk, seen[0])
        current_row = model._default_manager.filter(pk=pk).first()
        if seen_row is not None and current_row is not None:
            # Model fields only: a form may add fields of its own (the token, for one).
            fields = [f for f in opts.concrete_fields if f.editable and f.name in self.fields]
            refreshed += refresh_untouched(
                self.data, self.add_prefix, fields, seen_row, current_row
            )
        last_seen = {w.history_model: n for w, n in zip(self.watched, seen, strict=True)}
        for post in self.inline_posts:
            history_model = post.model.history.model
            if history_model in last_seen:
                refreshed += _refresh_inline(post, history_model, last_seen[history_model])
        return refreshed


def posted_row_ids(post: InlinePost) -> dict[int, int]:
    """Form number -> id of the existing row it edits, for well-formed ids only."""
    total = post.data.get(f"{post.prefix}-TOTAL_FORMS", "")
    rows = {}
    for n in range(min(int(total), 1000) if ID.fullmatch(total) else 0):
        raw = post.data.get(f"{post.prefix}-{n}-{post.model._meta.pk.name}", "")
        if ID.fullmatch(raw):
            rows[n] = int(raw)
    return rows


def lock_rows(rows: dict[type[Model], set[int]]) -> list[tuple[str, tuple[int, ...]]]:
    """Lock the rows until the transaction ends, models by label and rows by id.

    One order for every save, so that two saves sharing rows queue instead of
    each holding a lock the other waits for. Returns what was locked.
    """
    locked = []
    for model in sorted(rows, key=lambda m: m._meta.label):
        ids = tuple(sorted(pk for pk in rows[model] if pk is not None))
        if ids:
            query = model._default_manager.select_for_update().filter(pk__in=ids).order_by("pk")
            list(query.values_list("pk", flat=True))
            locked.append((model._meta.label_lower, ids))
    return locked


def _refresh_inline(post: InlinePost, history_model, last_seen: int) -> list[str]:
    rows = posted_row_ids(post)
    current = post.model._default_manager.in_bulk(rows.values())
    fields = [post.model._meta.get_field(name) for name in post.fields]
    refreshed = []
    for n, row_id in rows.items():
        seen_row = seen_version(history_model, row_id, last_seen)
        if seen_row is None or row_id not in current:
            continue
        refreshed += refresh_untouched(
            post.data,
            lambda name, n=n: f"{post.prefix}-{n}-{name}",
            fields,
            seen_row,
            current[row_id],
            row=str(current[row_id]),
        )
    return refreshed


class DeletedRowsFormSet(BaseInlineFormSet):
    """Inline rows that another editor deleted since the page was opened drop out.

    Otherwise their hidden id fails as "select a valid choice", an error the
    admin does not show, and the editor could never save; the conflict message
    has already said who deleted the row.
    """

    # Django has no public hook for "leave this form out": deleted_forms and
    # can_delete only follow the DELETE box, which editors without the delete
    # permission do not get. This private method is what full_clean and save
    # consult; tests/editorial/test_conflicts.py fails if Django renames it.
    def _should_delete_form(self, form) -> bool:
        return super()._should_delete_form(form) or self._deleted_elsewhere(form)

    def _deleted_elsewhere(self, form) -> bool:
        if not self.is_bound or form not in self.initial_forms:
            return False
        posted_id = form.data.get(form.add_prefix(self.model._meta.pk.name))
        return bool(posted_id) and form.instance.pk is None
