#!/usr/bin/env python
import os
import secrets
import sys
from pathlib import Path


def use_local_secret_key() -> None:
    """On a developer's machine, take the key `make run` keeps in var/secret_key.

    Only this command-line entry point does so: gunicorn loads the settings
    through wsgi.py, where a missing SECRET_KEY still stops the site.
    """
    if os.environ.get("SECRET_KEY"):
        return
    path = Path(__file__).resolve().parent / "var" / "secret_key"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(50) + "\n")
        path.chmod(0o600)
    os.environ["SECRET_KEY"] = path.read_text().strip()


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compare_site.settings")
    use_local_secret_key()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
