"""Secrets and data files on the host: readable by the site's own user only."""

import contextlib
import os
from pathlib import Path


def private_dir(path: Path) -> Path:
    """Create the folder (0700) if it is missing; an existing one is left as it is."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def private_file(path: Path) -> Path:
    """Create an empty file (0600) if it is missing, so whatever writes it next
    (SQLite, say) inherits that mode instead of the process's umask."""
    private_dir(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return path
