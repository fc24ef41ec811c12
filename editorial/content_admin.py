"""The base of every content admin: history with revert, and edit-conflict checks."""

from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ForeignKey, Model
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from editorial.conflicts import (
    ID,
    TOKEN_FIELD,
    EditConflictForm,
    InlinePost,
    Watched,
)


def _inline_posts(request) -> list[InlinePost]:
    # One list per request, shared by every form class the admin builds for it.
    return request.__dict__.setdefault("_edit_conflict_inline_posts", [])


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


class ContentAdmin(SimpleHistoryAdmin):
    """History, revert and conflict checks for a content model's change page."""

    form = EditConflictForm

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
        return super().history_view(request, object_id, extra_context)

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
