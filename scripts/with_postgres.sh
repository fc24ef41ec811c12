#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL 15 server:
#   scripts/with_postgres.sh .venv/bin/pytest
# The server lives in a temporary folder on a free loopback port, and is stopped
# and removed when the command ends, whether it passed or failed.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PGBIN/initdb" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL 15 server binaries..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  else
    echo "PostgreSQL 15 server binaries are missing: apt-get install postgresql-15" >&2
    exit 1
  fi
fi

workdir=$(mktemp -d /tmp/compare-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
run_as=()
if [ "$(id -u)" = "0" ]; then
  # initdb refuses to run as root: use an unprivileged account made for this.
  id -u pgtest >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin pgtest
  chown pgtest "$workdir"
  run_as=(runuser -u pgtest --)
fi

cleanup() {
  "${run_as[@]}" "$PGBIN/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

"${run_as[@]}" "$PGBIN/initdb" -D "$workdir/data" -U postgres -A trust --no-sync >/dev/null
"${run_as[@]}" "$PGBIN/pg_ctl" -D "$workdir/data" -w -l "$workdir/server.log" \
  -o "-p $port -k $workdir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
echo "PostgreSQL 15 running on 127.0.0.1:$port (data in $workdir)"

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/compare"
"${run_as[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres compare
"$@"
