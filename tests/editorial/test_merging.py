"""The pure helpers behind conflict messages and refreshed forms."""

import datetime

from django.db import models
from django.http import QueryDict

from editorial.merging import as_posted, refresh_untouched, same_text


def test_same_text_ignores_only_what_browsers_change():
    assert same_text("one\r\ntwo  \n", "one\ntwo")
    assert not same_text("one\n\ntwo", "one two")  # a new paragraph is a change
    assert not same_text("    code", "code block")
    assert not same_text(None, "")  # an unticked box is not an empty text


def test_values_are_written_as_the_admin_posts_them():
    assert as_posted(models.BooleanField(), True) == "on"
    assert as_posted(models.BooleanField(), False) is None
    assert as_posted(models.DateField(), datetime.date(2026, 11, 27)) == "2026-11-27"
    assert as_posted(models.JSONField(), {"a": "é"}) == '{"a": "é"}'
    assert as_posted(models.IntegerField(null=True), None) == ""


class Row:
    def __init__(self, **values):
        self.__dict__.update(values)


def test_only_fields_this_editor_left_alone_are_refreshed():
    title = models.CharField(name="title", verbose_name="title")
    title.attname = "title"
    body = models.TextField(name="body", verbose_name="body")
    body.attname = "body"
    data = QueryDict(mutable=True)
    data.update({"title": "Old title", "body": "My new body"})
    seen = Row(title="Old title", body="Old body")
    current = Row(title="Their title", body="Their body")
    refreshed = refresh_untouched(data, lambda n: n, [title, body], seen, current)
    assert refreshed == ["Title"]
    assert data["title"] == "Their title"  # untouched here, changed there: theirs
    assert data["body"] == "My new body"  # changed by both: this editor decides
