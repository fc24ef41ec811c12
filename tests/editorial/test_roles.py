"""The Editors group: content, yes; users, groups, sessions and lockouts, no."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from editorial.management.commands import createeditor
from frameworks.models import Framework
from tests.conftest import edit_token
from tests.frameworks.test_admin import change_url, framework_post_data

CONTENT_MODELS = {
    "frameworks": ["framework", "criterion", "score", "usecase", "usecasefit"],
    "recommender": ["question", "choice", "choiceeffect"],
}


def test_migration_creates_the_editors_group_with_exactly_the_content_permissions(db):
    group = Group.objects.get(name="Editors")
    granted = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }
    expected = {
        f"{app}.{action}_{model}"
        for app, models in CONTENT_MODELS.items()
        for model in models
        for action in ("add", "change", "delete", "view")
    } | {
        "editorial.view_scoredueforreview",
        "editorial.change_scoredueforreview",
        # The index-disagreement queue and the synced snapshots: read only.
        "editorial.view_factdisagreement",
        "releases.view_releasesnapshot",
        "corrections.view_suggestion",
        "corrections.change_suggestion",
    }
    assert granted == expected
    assert not any(p.split(".")[0] in {"auth", "sessions", "axes", "admin"} for p in granted)


def test_an_editor_can_change_content(editor_client):
    flask = Framework.objects.get(slug="flask")
    data = framework_post_data(flask, tagline="Edited by an editor")
    response = editor_client.post(change_url(flask), data)
    assert response.status_code == 302
    flask.refresh_from_db()
    assert flask.tagline == "Edited by an editor"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/auth/user/",
        "/admin/auth/user/add/",
        "/admin/auth/group/",
        "/admin/axes/accessattempt/",
    ],
)
def test_an_editor_cannot_open_user_management(editor_client, path):
    assert editor_client.get(path).status_code == 403


def test_the_admin_index_offers_an_editor_content_and_no_user_management(editor_client):
    html = editor_client.get("/admin/").content.decode()
    assert 'href="/admin/frameworks/framework/"' in html
    assert 'href="/admin/recommender/question/"' in html
    assert "/admin/auth/user/" not in html
    assert "/admin/auth/group/" not in html


def test_createeditor_takes_the_password_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "correct-horse-battery-9")
    out = io.StringIO()
    call_command("createeditor", "carol", "--email", "carol@example.com", stdout=out)
    assert "Editor “carol” created." in out.getvalue()
    carol = get_user_model().objects.get(username="carol")
    assert carol.is_staff and not carol.is_superuser
    assert carol.check_password("correct-horse-battery-9")
    assert list(carol.groups.values_list("name", flat=True)) == ["Editors"]
    assert carol.has_perm("frameworks.change_score")
    assert not carol.has_perm("auth.view_user")


def test_createeditor_prompts_twice_for_the_password(db, monkeypatch):
    monkeypatch.delenv("EDITOR_PASSWORD", raising=False)
    monkeypatch.setattr(createeditor, "stdin_is_a_terminal", lambda: True)
    answers = iter(["first-try-password-1", "mistyped", "second-try-pass-22", "second-try-pass-22"])
    monkeypatch.setattr(createeditor.getpass, "getpass", lambda prompt: next(answers))
    err = io.StringIO()
    call_command("createeditor", "dave", stdout=io.StringIO(), stderr=err)
    assert "did not match" in err.getvalue()
    assert get_user_model().objects.get(username="dave").check_password("second-try-pass-22")


def test_createeditor_refuses_a_weak_password_and_creates_nothing(db, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "12345")
    with pytest.raises(CommandError, match="Password refused"):
        call_command("createeditor", "erin")
    assert not get_user_model().objects.filter(username="erin").exists()


def test_createeditor_refuses_an_existing_username(db, monkeypatch, django_user_model):
    django_user_model.objects.create_user("frank", password="x-long-password-1")
    monkeypatch.setenv("EDITOR_PASSWORD", "correct-horse-battery-9")
    with pytest.raises(CommandError, match="already exists"):
        call_command("createeditor", "frank")


def test_createeditor_without_a_terminal_or_password_says_what_to_do(db, monkeypatch):
    monkeypatch.delenv("EDITOR_PASSWORD", raising=False)
    monkeypatch.setattr(createeditor, "stdin_is_a_terminal", lambda: False)
    with pytest.raises(CommandError, match="set \\$EDITOR_PASSWORD"):
        call_command("createeditor", "gina")


def test_edit_token_helper_matches_the_form(editor_client):
    # The helper the admin tests use must send what the rendered form carries.
    from tests.editorial.conftest import form_value

    flask = Framework.objects.get(slug="flask")
    html = editor_client.get(change_url(flask)).content.decode()
    assert form_value(html, "edit_token") == edit_token(flask)


@pytest.mark.parametrize("name", ["", "ed one", "ed/<b>", "x" * 151])
def test_createeditor_refuses_a_username_django_would_not_accept(db, monkeypatch, name):
    monkeypatch.setenv("EDITOR_PASSWORD", "correct-horse-battery-9")
    with pytest.raises(CommandError, match="Username refused"):
        call_command("createeditor", name)
    assert not get_user_model().objects.filter(is_staff=True, username=name).exists()
