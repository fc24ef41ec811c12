"""The base of every content admin: history with revert, and edit-conflict checks."""

from django.contrib.admin.utils import flatten_fieldsets
from django.db import transaction
from django.forms.models import _get_foreign_key
from simple_history.admin import SimpleHistoryAdmin

from editorial.conflicts import TOKEN_FIELD, EditConflictForm, Watched


class ContentAdmin(SimpleHistoryAdmin):
    form = EditConflictForm

    def watched_histories(self) -> tuple[Watched, ...]:
        """This object's history and that of the rows edited inline with it."""
        watched = [Watched(self.model.history.model, self.model._meta.pk.attname)]
        for inline in self.inlines:
            fk = _get_foreign_key(self.model, inline.model, fk_name=inline.fk_name)
            watched.append(Watched(inline.model.history.model, fk.attname))
        return tuple(watched)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.watched = self.watched_histories()
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or TOKEN_FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        # The hidden token rides along in the first fieldset (a row of only
        # hidden fields is not shown).
        (name, options), *rest = fieldsets
        first = (name, {**options, "fields": (*options["fields"], TOKEN_FIELD)})
        return [first, *rest]

    @transaction.atomic
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting is a save like any other: atomic, so the conflict check can lock.
        return super().history_form_view(request, object_id, version_id, extra_context)
