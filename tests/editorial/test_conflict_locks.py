"""A save locks every row it touches, in one fixed order, before checking for conflicts.

Two saves that touch the same score, one from its framework's page and one from
its own, must queue on that score's row; otherwise, on PostgreSQL, both pass
the conflict check and the second silently overwrites the first.
"""

from frameworks.models import Framework, Score
from tests.editorial.test_conflicts_every_admin import opened_form
from tests.frameworks.test_admin import change_url


def refused_form(client, obj, data):
    """Post a stale form; the refusal comes back with the form that checked it."""
    response = client.post(change_url(obj), data)
    assert response.status_code == 200
    return response.context["adminform"].form


def test_saves_from_a_framework_page_and_a_score_page_lock_the_same_score(make_editor):
    alice, bob = make_editor("alice"), make_editor("bob")
    flask = Framework.objects.get(slug="flask")
    score = Score.objects.get(framework=flask, criterion__slug="orm")
    framework_form, score_form = opened_form(bob, flask), opened_form(bob, score)
    # Alice saves both, so that Bob's two forms are stale and come back refused.
    for obj in (flask, score):
        data = opened_form(alice, obj)
        data["note" if obj is score else "tagline"] = ["Alice was here."]
        assert alice.post(change_url(obj), data).status_code == 302

    on_framework_page = refused_form(bob, flask, framework_form).locked
    on_score_page = refused_form(bob, score, score_form).locked

    scores = set(Score.objects.filter(framework=flask).values_list("pk", flat=True))
    assert on_framework_page == [
        ("frameworks.framework", (flask.pk,)),
        ("frameworks.score", tuple(sorted(scores))),
    ]
    assert on_score_page == [("frameworks.score", (score.pk,))]


def test_locks_are_taken_in_one_order_whatever_the_page(make_editor):
    """Models by label, rows by id: two saves never wait on each other in a cycle."""
    bob, alice = make_editor("bob"), make_editor("alice")
    flask = Framework.objects.get(slug="flask")
    criterion = Score.objects.filter(framework=flask).first().criterion
    forms = {obj: opened_form(bob, obj) for obj in (flask, criterion)}
    for obj in forms:
        data = opened_form(alice, obj)
        data["description"] = ["Alice was here."]
        assert alice.post(change_url(obj), data).status_code == 302
    for obj, data in forms.items():
        locked = refused_form(bob, obj, data).locked
        labels = [label for label, _ in locked]
        assert labels == sorted(labels)
        assert all(list(pks) == sorted(pks) for _, pks in locked)
        assert "frameworks.score" in labels
