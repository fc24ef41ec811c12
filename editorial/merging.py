"""After an edit conflict: show the other editor's values wherever this one changed nothing.

When a save is refused, the form comes back with what this editor sent. A field
they left as it was when they opened the page, but which someone else has
changed since, is refreshed to the saved value; so saving again keeps both
editors' work instead of quietly writing back the old values. A field both of
them changed keeps this editor's text: that is theirs to decide.
"""

import json

from django.db import models
from django.http import QueryDict
from django.utils.text import capfirst


def as_posted(field: models.Field, value) -> str | None:
    """A model value as the admin form posts it; None when a browser sends nothing."""
    if isinstance(field, models.BooleanField):
        return "on" if value else None
    if value is None:
        return ""
    if isinstance(field, models.JSONField):
        return json.dumps(value, ensure_ascii=False)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def same_text(a: str | None, b: str | None) -> bool:
    """Equal but for line endings and trailing spaces, which browsers change."""

    def normal(text: str | None) -> str | None:
        if text is None:
            return None
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return "\n".join(line.rstrip() for line in lines).strip()

    return normal(a) == normal(b)


def refresh_untouched(
    data: QueryDict, key_for, fields: list[models.Field], seen, current, *, row: str = ""
) -> list[str]:
    """Put `current`'s value in `data` for each field still as it was in `seen`.

    `data` is a mutable copy of the POST data, `key_for(name)` names a field in
    it, `seen` is the version this editor opened (a history record) and
    `current` the row as saved now. Returns the names of the fields refreshed,
    followed by `row` in brackets when given.
    """
    refreshed = []
    for field in fields:
        key = key_for(field.name)
        posted = data.get(key)
        seen_value = as_posted(field, getattr(seen, field.attname))
        now_value = as_posted(field, getattr(current, field.attname))
        if not same_text(posted, seen_value) or same_text(now_value, seen_value):
            continue
        if now_value is None:
            data.pop(key, None)
        else:
            data[key] = now_value
        name = capfirst(field.verbose_name)
        refreshed.append(f"{name} ({row})" if row else name)
    return refreshed


def seen_version(history_model, pk, last_seen: int):
    """The row as it stood when the editor opened the page, from its history."""
    return (
        history_model.objects.filter(id=pk, history_id__lte=last_seen)
        .order_by("-history_id")
        .first()
    )
