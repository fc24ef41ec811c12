"""Sign-in lockout (django-axes): five failures lock a username from one address."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import Client

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "the-right-password-1"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("eve", password=PASSWORD, is_staff=True)


def sign_in(client: Client, password: str, username: str = "eve", address: str = "10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_sixth_attempt_is_locked_out_even_with_the_right_password(editor):
    client = Client()
    for attempt in range(1, 5):
        response = sign_in(client, f"wrong-{attempt}")
        assert response.status_code == 200, attempt
        assert "Please enter the correct username and password" in response.content.decode()
    fifth = sign_in(client, "wrong-5")
    assert fifth.status_code == 429
    html = sign_in(client, "wrong-6").content.decode()
    assert "Sign-in locked for now" in html
    assert "15 minutes" in html
    assert "Traceback" not in html

    right = sign_in(client, PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still sent to the sign-in page


def test_the_lock_is_per_username_and_address(editor, django_user_model):
    django_user_model.objects.create_user("frank", password=PASSWORD, is_staff=True)
    client = Client()
    for attempt in range(5):
        sign_in(client, f"wrong-{attempt}")
    assert sign_in(client, PASSWORD).status_code == 429
    # Another editor at the same address, and eve from elsewhere, still get in.
    assert sign_in(Client(), PASSWORD, username="frank").status_code == 302
    assert sign_in(Client(), PASSWORD, address="10.0.0.2").status_code == 302


def test_a_successful_sign_in_resets_the_count(editor):
    client = Client()
    for attempt in range(4):
        sign_in(client, f"wrong-{attempt}")
    assert sign_in(client, PASSWORD).status_code == 302
    client = Client()
    for attempt in range(4):
        assert sign_in(client, f"again-wrong-{attempt}").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_lock_lifts_after_fifteen_minutes(editor):
    client = Client()
    for attempt in range(5):
        sign_in(client, f"wrong-{attempt}")
    assert sign_in(client, PASSWORD).status_code == 429
    sixteen_minutes_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    AccessAttempt.objects.update(attempt_time=sixteen_minutes_ago)
    assert sign_in(client, PASSWORD).status_code == 302


def test_a_forged_forwarded_address_does_not_escape_the_lock(editor):
    client = Client()
    for attempt in range(5):
        client.post(
            LOGIN,
            {"username": "eve", "password": f"wrong-{attempt}"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}",
        )
    assert sign_in(client, PASSWORD).status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_counts(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.9.9.9"
    client = Client()
    for attempt in range(5):
        client.post(
            LOGIN,
            {"username": "eve", "password": f"wrong-{attempt}"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    locked = client.post(
        LOGIN, {"username": "eve", "password": PASSWORD}, REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )  # fmt: skip
    assert locked.status_code == 429
    other = Client().post(
        LOGIN, {"username": "eve", "password": PASSWORD}, REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.4",
    )  # fmt: skip
    assert other.status_code == 302


@pytest.mark.parametrize("name", ["a" * 300, "é" * 200, "<b>eve</b>", "eve\u202e"])
def test_odd_usernames_get_the_form_or_the_lock_never_an_error(db, name):
    client = Client()
    for _ in range(5):
        response = sign_in(client, "wrong", username=name)
        assert response.status_code in (200, 429)
    assert response.status_code == 429
    # What axes stores fits its column on every database.
    assert all(len(a.username) <= 150 for a in AccessAttempt.objects.all())


def test_a_malformed_forwarded_address_falls_back_to_the_peer(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client()
    for attempt in range(5):
        client.post(
            LOGIN,
            {"username": "eve", "password": f"wrong-{attempt}"},
            REMOTE_ADDR="10.9.9.9",
            HTTP_X_FORWARDED_FOR="203.0.113.7:4444",
        )
    assert AccessAttempt.objects.get().ip_address == "10.9.9.9"


def test_one_address_trying_many_usernames_is_throttled_after_twenty_failures(
    editor, django_user_model
):
    """Credential stuffing: 2 guesses for each of many usernames from one address."""
    django_user_model.objects.create_user("zed", password=PASSWORD, is_staff=True)
    client = Client()
    for n in range(10):
        for guess in range(2):
            response = sign_in(client, f"wrong-{guess}", username=f"user{n}")
        assert response.status_code == (429 if n == 9 else 200), n
    # Now every username from that address is refused, even with the right password...
    assert sign_in(Client(), PASSWORD, username="zed").status_code == 429
    # ...while the same editor elsewhere still gets in.
    assert sign_in(Client(), PASSWORD, username="zed", address="10.0.0.2").status_code == 302


def test_nineteen_failures_across_usernames_leave_the_address_open(editor):
    for n in range(19):
        sign_in(Client(), "wrong", username=f"user{n}")
    assert sign_in(Client(), PASSWORD).status_code == 302


def test_the_address_lock_lifts_after_fifteen_minutes(editor):
    for n in range(20):
        sign_in(Client(), "wrong", username=f"user{n}")
    assert sign_in(Client(), PASSWORD).status_code == 429
    sixteen_minutes_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    AccessAttempt.objects.update(attempt_time=sixteen_minutes_ago)
    assert sign_in(Client(), PASSWORD).status_code == 302


def test_a_successful_sign_in_does_not_clear_the_address_count(editor):
    """An attacker holding one real account must not reset the address-wide count."""
    for n in range(18):
        sign_in(Client(), "wrong", username=f"user{n}")
    assert sign_in(Client(), PASSWORD).status_code == 302
    sign_in(Client(), "wrong", username="user18")
    assert sign_in(Client(), "wrong", username="user19").status_code == 429
