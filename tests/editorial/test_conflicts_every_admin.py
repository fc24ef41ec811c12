"""Two editors save the same object on every content admin: refused, then merged."""

from html.parser import HTMLParser

import pytest
from django.contrib import admin

from editorial.content_admin import refreshable_fields
from frameworks.models import Criterion, Framework, Score, UseCase, UseCaseFit
from recommender.admin import ChoiceInline
from recommender.models import Choice, ChoiceEffect, Question
from tests.frameworks.test_admin import change_url


class _FormReader(HTMLParser):
    """What a browser would send for the admin's change form, as the test client takes it."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._textarea = None
        self._select = None
        self._first_option = None
        self._chosen = False
        self._in_form = False

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id", "").endswith("_form"):
            self._in_form = True
        if not self._in_form or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in {"submit", "button", "file"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in a:
                    self._add(name, a.get("value", "on"))
                return
            self._add(name, a.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")
        elif tag == "select" and name:
            self._select, self._first_option, self._chosen = name, None, False
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self._add(self._select, value)
                self._chosen = True

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            value = self.data[self._textarea][-1]
            self.data[self._textarea][-1] = value[1:] if value.startswith("\n") else value
            self._textarea = None
        elif tag == "select" and self._select:
            if not self._chosen and self._first_option is not None:
                self._add(self._select, self._first_option)
            self._select = None
        elif tag == "form":
            self._in_form = False


def opened_form(client, obj) -> dict[str, list[str]]:
    response = client.get(change_url(obj))
    assert response.status_code == 200
    reader = _FormReader()
    reader.feed(response.content.decode())
    assert "edit_token" in reader.data
    return reader.data


def _row(model):
    pick = {
        Framework: lambda: Framework.objects.get(slug="flask"),
        Criterion: lambda: Criterion.objects.get(slug="orm"),
        Score: lambda: Score.objects.get(framework__slug="flask", criterion__slug="orm"),
        UseCase: lambda: UseCase.objects.order_by("pk").first(),
        UseCaseFit: lambda: UseCaseFit.objects.order_by("pk").first(),
        Question: lambda: Question.objects.get(slug="project_size"),
        Choice: lambda: Choice.objects.get(question__slug="project_size", slug="small"),
        ChoiceEffect: lambda: ChoiceEffect.objects.order_by("pk").first(),
    }
    return pick[model]()


# For each content admin: a field Alice changes and a different one Bob changes.
EDITS = [
    (Framework, ("tagline", "Alice's tagline"), ("description", "Bob's description.")),
    (Criterion, ("description", "Alice's description."), ("category", "Bob's category")),
    (Score, ("note", "Alice's note."), ("source_url", "https://example.org/bob")),
    (UseCase, ("title", "Alice's title"), ("description", "Bob's description.")),
    (UseCaseFit, ("note", "Alice's note."), ("order", "7")),
    (Question, ("text", "Alice's question?"), ("help_text", "Bob's help.")),
    (Choice, ("label", "Alice's label"), ("order", "9")),
    (ChoiceEffect, ("weight_change", "2.5"), ("min_score", "1")),
]


@pytest.mark.parametrize(
    "model, alice_edit, bob_edit", EDITS, ids=lambda v: getattr(v, "__name__", "")
)
def test_two_editors_on_one_object_are_refused_then_both_kept(
    make_editor, model, alice_edit, bob_edit
):
    alice, bob = make_editor("alice"), make_editor("bob")
    obj = _row(model)
    url = change_url(obj)
    alice_data, bob_data = opened_form(alice, obj), opened_form(bob, obj)

    field, value = alice_edit
    alice_data[field] = [value]
    assert alice.post(url, alice_data).status_code == 302

    field, value = bob_edit
    bob_data[field] = [value]
    response = bob.post(url, bob_data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this" in html and "alice changed" in html

    # Bob's form now shows Alice's change, which he had left alone; saving it keeps both.
    reader = _FormReader()
    reader.feed(html)
    assert reader.data[alice_edit[0]] == [alice_edit[1]]
    assert reader.data[bob_edit[0]] == [bob_edit[1]]
    assert bob.post(url, reader.data).status_code == 302
    obj.refresh_from_db()
    for field, value in (alice_edit, bob_edit):
        assert str(getattr(obj, field)) == value


def test_refreshable_fields_skip_read_only_displays_and_cover_inlines_without_fields(
    rf, admin_user
):
    request = rf.get("/")
    request.user = admin_user
    shows_a_count = ChoiceInline(Question, admin.site)
    assert refreshable_fields(shows_a_count, request, None) == ("slug", "label", "order")

    class EveryField(admin.TabularInline):
        model = ChoiceEffect

    names = refreshable_fields(EveryField(Choice, admin.site), request, None)
    assert {"criterion", "weight_change", "min_score"} <= set(names)
