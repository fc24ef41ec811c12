#!/usr/bin/env python
import os
import secrets
import sys
from pathlib import Path


def use_local_secret_key() -> None:
    """On a developer's machine, take the key `make run` keeps in var/secret_key
    (in $VAR_DIR when set, like the settings).

    Only this command-line entry point does so: gunicorn loads the settings
    through wsgi.py, where a missing SECRET_KEY still stops the site.
    """
    if os.environ.get("SECRET_KEY"):
        return
    var = Path(os.environ.get("VAR_DIR", Path(__file__).resolve().parent / "var"))
    path = var / "secret_key"
    if not path.exists():
        var.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Created 0600 in one step: never readable by others, not even for a moment.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50) + "\n")
    os.environ["SECRET_KEY"] = path.read_text().strip()


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compare_site.settings")
    use_local_secret_key()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
