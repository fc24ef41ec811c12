"""The base of every content admin: history with revert, and edit-conflict checks."""

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models, transaction
from django.db.models import ForeignKey, Model
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from editorial.conflicts import (
    ID,
    REASON_FIELD,
    TOKEN_FIELD,
    EditConflictForm,
    InlinePost,
    Watched,
)


def _inline_posts(request) -> list[InlinePost]:
    # One list per request, shared by every form class the admin builds for it.
    return request.__dict__.setdefault("_edit_conflict_inline_posts", [])


def _give_reason(obj, form) -> None:
    reason = (getattr(form, "cleaned_data", {}).get(REASON_FIELD) or "").strip()
    if reason:
        obj._change_reason = reason


def _related_name(record, name: str) -> str:
    try:
        return str(getattr(record, name))
    except ObjectDoesNotExist:  # history outlives the rows it names
        return "(deleted)"


class UnixNewlinesField(forms.CharField):
    """Text with the line endings the database holds.

    Browsers send a textarea's lines ending in CR LF, and stripping would drop
    the final newline the seed stored: either way every untouched description
    would count as changed and land in the history as an edit nobody made.
    """

    def __init__(self, *, strip=False, **kwargs):
        super().__init__(strip=strip, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class UnixNewlinesMixin:
    """Every long-text field of an admin form or inline normalises its line endings."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.TextField) and not db_field.choices:
            kwargs.setdefault("form_class", UnixNewlinesField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def differs_from_stored(obj: models.Model) -> bool:
    """Whether saving obj would change its row (timestamps that saving sets aside)."""
    fields = [f.attname for f in obj._meta.concrete_fields if not getattr(f, "auto_now", False)]
    stored = type(obj)._default_manager.filter(pk=obj.pk).values(*fields).first()
    return stored is None or any(stored[name] != getattr(obj, name) for name in fields)


def parent_key(parent: type[Model], inline) -> ForeignKey:
    """The inline model's foreign key to the parent, as the inline's formset uses it.

    Read from the model's _meta API; Django's own lookup is private.
    """
    if inline.fk_name:
        return inline.model._meta.get_field(inline.fk_name)
    (fk,) = (
        field
        for field in inline.model._meta.get_fields()
        if isinstance(field, ForeignKey) and issubclass(parent, field.remote_field.model)
    )
    return fk


def refreshable_fields(inline, request, obj) -> tuple[str, ...]:
    """The inline's fields that an editor can change and the model stores.

    Not ``inline.fields``: it may name read-only displays (a question's choice
    rows show a count of effects), and an inline without it edits every field.
    """
    shown = set(inline.get_fields(request, obj)) - set(inline.get_readonly_fields(request, obj))
    return tuple(
        field.name
        for field in inline.model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name in shown
    )


class ContentAdmin(UnixNewlinesMixin, SimpleHistoryAdmin):
    """History, revert and conflict checks for a content model's change page."""

    form = EditConflictForm
    # How many of the inline rows' changes a History page lists.
    related_changes_shown = 100

    def save_model(self, request, obj, form, change):
        # Saving a form that changes nothing must not record a change in the history.
        if change and not differs_from_stored(obj):
            return
        _give_reason(obj, form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for obj in instances:
            if obj.pk is None or differs_from_stored(obj):
                _give_reason(obj, form)  # the reason given for the page's save
                obj.save()
        formset.save_m2m()

    def related_changes(self, object_id) -> list:
        """Changes to the rows edited inline with this object (a framework's scores).

        Newest first, each with ``history_delta_changes`` as simple-history's own
        list has them, so that one save shows up whole on the parent's History.
        """
        records = []
        for watched in self.watched_histories()[1:]:
            # Name each row by what it points at besides the parent: a score by its criterion.
            labels = [
                f.name
                for f in watched.history_model._meta.get_fields()
                if f.many_to_one and f.attname not in (watched.lookup, "history_user_id")
            ]
            rows = list(
                watched.records(object_id)
                .select_related("history_user", *labels)
                .order_by("history_id")
            )
            previous = {}
            for record in rows:
                record.row_label = " · ".join(_related_name(record, name) for name in labels)
                before = previous.get(record.id)
                if before is not None:
                    delta = record.diff_against(before, foreign_keys_are_objs=True)
                    record.history_delta_changes = [
                        {"field": c.field, "old": c.old, "new": c.new} for c in delta.changes
                    ]
                previous[record.id] = record
            records += rows
        records.sort(key=lambda r: (r.history_date, r.history_id), reverse=True)
        return records[: self.related_changes_shown]

    def watched_histories(self) -> tuple[Watched, ...]:
        """This object's history and that of the rows edited inline with it."""
        watched = [Watched(self.model.history.model, self.model._meta.pk.attname)]
        for inline in self.inlines:
            fk = parent_key(self.model, inline)
            watched.append(Watched(inline.model.history.model, fk.attname))
        return tuple(watched)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.watched = self.watched_histories()
        form.editor_id = request.user.pk
        form.inline_posts = _inline_posts(request)
        return form

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if request.method == "POST" and "data" in kwargs:
            # A copy the conflict check may refresh before the formsets validate.
            kwargs["data"] = kwargs["data"].copy()
            fields = refreshable_fields(inline, request, obj)
            post = InlinePost(inline.model, prefix, fields, kwargs["data"])
            _inline_posts(request).append(post)
        return kwargs

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if REASON_FIELD not in flatten_fieldsets(fieldsets):
            fieldsets = [*fieldsets, ("Why", {"fields": (REASON_FIELD,)})]
        if obj is None or TOKEN_FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        # The hidden token rides along in the first fieldset (a row of only
        # hidden fields is not shown).
        (name, options), *rest = fieldsets
        first = (name, {**options, "fields": (*options["fields"], TOKEN_FIELD)})
        return [first, *rest]

    def history_view(self, request, object_id, extra_context=None):
        if not ID.fullmatch(object_id):
            raise Http404("No such object.")
        context = {"related_changes": self.related_changes(object_id), **(extra_context or {})}
        return super().history_view(request, object_id, context)

    @transaction.atomic
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting is a save like any other: atomic, so the conflict check can
        # lock, and only for those who may change the object.
        if not (ID.fullmatch(object_id) and ID.fullmatch(version_id)):
            raise Http404("No such version.")
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class RowAdmin(ContentAdmin):
    """Rows edited inline elsewhere (use-case fits, choice effects).

    Not listed on the admin's home page; each inline row links here, where its
    own history and revert live.
    """

    def get_model_perms(self, request):
        return {}
