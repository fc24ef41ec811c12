"""The base of every content inline: shared dropdowns, and rows deleted by another editor."""

from django.contrib import admin

from editorial.conflicts import DeletedRowsFormSet
from editorial.content_admin import UnixNewlinesMixin


class SharedChoicesInlineMixin:
    """Load each foreign-key dropdown of an inline once per request, not once per row.

    Without this an inline of N rows runs N queries for every select box, and the
    change page slows down as the catalogue grows.
    """

    shared_choice_fields: tuple[str, ...] = ()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name in self.shared_choice_fields and field is not None:
            cache = request.__dict__.setdefault("_shared_admin_choices", {})
            key = f"{db_field.model._meta.label}.{db_field.name}"
            if key not in cache:
                cache[key] = list(field.choices)
            field.choices = cache[key]
        return field


class CountedTabularInline(UnixNewlinesMixin, SharedChoicesInlineMixin, admin.TabularInline):
    formset = DeletedRowsFormSet


class ReadOnlyAdminMixin:
    """Rows that only a program writes (synced snapshots, computed queues): look, never touch."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
