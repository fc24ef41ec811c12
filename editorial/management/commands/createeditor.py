"""manage.py createeditor <username>: an account that can edit content, and only that."""

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from editorial.permissions import sync_editors_group

PASSWORD_ENV = "EDITOR_PASSWORD"


def stdin_is_a_terminal() -> bool:
    return sys.stdin.isatty()


class Command(BaseCommand):
    help = (
        "Create an editor account: staff, in the Editors group, with no rights over users. "
        f"Prompts for the password, or reads it from ${PASSWORD_ENV} for scripts."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, username: str, email: str, **options):
        user_model = get_user_model()
        try:
            username = user_model._meta.get_field("username").clean(username, None)
        except ValidationError as error:
            raise CommandError("Username refused: " + " ".join(error.messages)) from None
        if user_model._default_manager.filter(username=username).exists():
            raise CommandError(f"A user called “{username}” already exists.")
        candidate = user_model(username=username, email=email)
        password = os.environ.get(PASSWORD_ENV) or self._ask_password()
        try:
            validate_password(password, user=candidate)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from None
        with transaction.atomic():
            user = user_model._default_manager.create_user(
                username=username, email=email, password=password, is_staff=True
            )
            user.groups.add(sync_editors_group())
        self.stdout.write(self.style.SUCCESS(f"Editor “{username}” created."))

    def _ask_password(self) -> str:
        if not stdin_is_a_terminal():
            raise CommandError(f"No password: set ${PASSWORD_ENV} or run this in a terminal.")
        for _attempt in range(3):
            password = getpass.getpass("Password: ")
            if password and password == getpass.getpass("Password (again): "):
                return password
            self.stderr.write("The passwords were empty or did not match. Try again.")
        raise CommandError("No password given.")
