"""A throw-away copy of the site for the scripts: seeded SQLite, served by gunicorn.

Production settings, less the HTTPS redirect (it serves plain loopback), on a
free loopback port, with its database and cache in a temporary folder that is
removed afterwards. Used by `make bench` and `make screenshots`.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThrowawaySite:
    def __init__(self, prefix: str, **extra_env: str) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix=prefix))
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        self.env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{self.workdir / 'site.sqlite3'}",
            "CACHE_DIR": str(self.workdir / "cache"),
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_ACCESS_LOG": "/dev/null",
            "DEBUG": "",
            "HTTPS_ONLY": "",
            **extra_env,
        }
        self.log = self.workdir / "gunicorn.log"
        self.server: subprocess.Popen | None = None

    def manage(self, *args: str) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def seed(self) -> None:
        self.manage("migrate", "--noinput", "-v0")
        self.manage("seed", "-v0")
        self.manage("import_samples", "-v0")

    def start(self) -> None:
        with self.log.open("ab") as log_file:
            self.server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "compare_site/gunicorn.conf.py"],
                cwd=ROOT,
                env=self.env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        for _ in range(150):
            if self.server.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        sys.stderr.write(self.log.read_text(errors="replace")[-4000:])
        self.stop()
        raise SystemExit("gunicorn did not start: see its log above")

    def stop(self) -> None:
        server, self.server = self.server, None
        if server is None or server.poll() is not None:
            return
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    def __enter__(self) -> ThrowawaySite:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)
