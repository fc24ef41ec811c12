"""Throw-away PostgreSQL 15 and Redis servers that a test can stop, freeze and restart.

Each lives in its own temporary folder on a free loopback port. Use them as
context managers: whatever happens inside, the server is stopped and its
folder removed on the way out. `scripts/with_postgres.sh` and
`scripts/with_redis.sh` do the same for a whole command; these are for
tests that make the servers fail on purpose (`make test-faults`).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


class PostgresServer:
    def __init__(self) -> None:
        if not (PGBIN / "initdb").exists():
            raise RuntimeError(f"PostgreSQL 15 is missing ({PGBIN}): apt-get install postgresql-15")
        self.workdir = Path(tempfile.mkdtemp(prefix="compare-faults-pg."))
        self.port = free_port()
        self.data = self.workdir / "data"
        # initdb refuses to run as root: use the unprivileged account with_postgres.sh makes.
        self.run_as: list[str] = []
        if os.geteuid() == 0:
            if subprocess.run(["id", "-u", "pgtest"], capture_output=True).returncode:
                nologin = ["--shell", "/usr/sbin/nologin"]
                subprocess.run(["useradd", "--system", "--no-create-home", *nologin, "pgtest"],
                               check=True)  # fmt: skip
            shutil.chown(self.workdir, "pgtest")
            self.run_as = ["runuser", "-u", "pgtest", "--"]

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/compare"

    def _pg(self, *args: str) -> None:
        subprocess.run([*self.run_as, *args], check=True, stdout=subprocess.DEVNULL)

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.workdir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        self._pg(str(PGBIN / "pg_ctl"), "-D", str(self.data), "-w", "-l",
                 str(self.workdir / "server.log"), "-o", options, "start")  # fmt: skip

    def stop(self) -> None:
        self._pg(str(PGBIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def __enter__(self) -> PostgresServer:
        self._pg(str(PGBIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                 "--no-sync")  # fmt: skip
        self.start()
        self._pg(str(PGBIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                 "-U", "postgres", "compare")  # fmt: skip
        return self

    def __exit__(self, *exc_info) -> None:
        subprocess.run(
            [*self.run_as, str(PGBIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(self.workdir, ignore_errors=True)


class RedisServer:
    def __init__(self) -> None:
        if not shutil.which("redis-server"):
            raise RuntimeError("redis-server is missing: apt-get install redis-server")
        self.workdir = Path(tempfile.mkdtemp(prefix="compare-faults-redis."))
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--dir", str(self.workdir), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        _wait_for_port(self.port)

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def freeze(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        if self.process is not None:
            self.process.send_signal(
                signal.SIGCONT
            )  # a stopped process cannot die of SIGKILL's cleanup
        self.kill()
        shutil.rmtree(self.workdir, ignore_errors=True)
