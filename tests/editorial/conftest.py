import re

import pytest
from django.test import Client

from editorial.permissions import sync_editors_group


@pytest.fixture
def make_editor(django_user_model):
    """A logged-in client for a new member of the Editors group (not a superuser)."""

    def make(username: str = "editor-a") -> Client:
        user = django_user_model.objects.create_user(
            username, f"{username}@example.com", "a-long-password-1", is_staff=True
        )
        user.groups.add(sync_editors_group())
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def editor_client(make_editor):
    return make_editor()


def form_value(html: str, name: str) -> str:
    """The value of an input in a rendered form, as a browser would send it."""
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html)
    assert match, f"no input called {name}"
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else ""
