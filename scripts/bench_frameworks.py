"""`make bench-frameworks`: every sample's hello and JSON apps under their servers, with wrk.

For every samples/<slug>/ with a [bench] table: reuse (or make) the sample's
virtual environment as `make test-samples` does, start the command sample.toml
names on a free loopback port, check the answer, warm up, run wrk, stop the
server. All frameworks in one run, one after another, so the figures compare.
A full run writes samples/bench.json (committed: the site's "Raw performance"
page draws it); a run over a subset writes var/bench-frameworks.json instead,
since figures from different runs must not share one chart.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shlex
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bench  # noqa: E402  (ensure_wrk, run_wrk: the site's own benchmark tools)
import run_samples  # noqa: E402
from throwaway_site import free_port  # noqa: E402

from codesamples import layout  # noqa: E402

CRITERION = "performance"
APPS = {"hello": "/", "json": None}  # json's path comes from [bench] json_path
WARM_UP_SECONDS = 1
# Other work on a shared machine comes in bursts: the median of a few short
# rounds is steadier than one long one, in the same time.
ROUNDS = 3
bench.DURATION = int(os.environ.get("BENCH_SECONDS", "3"))
START_TIMEOUT = 30


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpu = f"{model}, " if model else ""
    return f"{cpu}{os.cpu_count()} cores, {platform.system()} {platform.release()}"


def wait_until_up(url: str, process: subprocess.Popen) -> bytes:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return response.read()
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {START_TIMEOUT} s")


def serve_and_measure(spec: layout.SampleSpec, venv_python: Path, app: str, wrk: str) -> dict:
    path = APPS[app] or spec.bench.get("json_path", "/items/1")
    port = free_port()
    command = shlex.split(spec.bench[app].format(port=port))
    # The server's executable lives in the sample's virtual environment.
    local = venv_python.parent / command[0]
    if command[0] == "python":
        command[0] = str(venv_python)
    elif local.exists():
        command[0] = str(local)
    env = run_samples.clean_env()
    env["PATH"] = f"{venv_python.parent}{os.pathsep}{env.get('PATH', '')}"
    process = subprocess.Popen(
        command,
        cwd=spec.directory,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # so the server and its workers stop together
    )
    try:
        url = f"http://127.0.0.1:{port}{path}"
        wait_until_up(url, process)
        subprocess.run([wrk, "-t1", "-c4", f"-d{WARM_UP_SECONDS}s", url], capture_output=True)
        rounds = [bench.run_wrk(wrk, url) for _ in range(ROUNDS)]
        measured = sorted(rounds, key=lambda r: r["rps"])[len(rounds) // 2]
        if any(r["non_2xx"] for r in rounds):
            raise RuntimeError(f"{url} answered with errors under load")
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return {
        "app": app,
        "path": path,
        "rps": measured["rps"],
        "p99_ms": measured["p99_ms"],
        "non_2xx": sum(r["non_2xx"] for r in rounds),
        "rounds_rps": [r["rps"] for r in rounds],
        "server": spec.bench[app],
    }


def method_text() -> str:
    return (
        f"Each app ran alone with one worker process; after a {WARM_UP_SECONDS}-second warm-up, "
        f"wrk ({bench.CONNECTIONS} connections, 2 threads) asked for / (hello world) or "
        f"/items/1 (JSON) for {ROUNDS} rounds of {bench.DURATION} seconds, and the median "
        "round counts; wrk ran on the same machine."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples", nargs="*", help="sample slugs (default: all)")
    parser.add_argument("--samples-dir", type=Path, default=layout.SAMPLES_DIR)
    parser.add_argument("--venv-dir", type=Path, default=ROOT / "var" / "sample-venvs")
    args = parser.parse_args(argv)
    partial = args.samples or args.samples_dir != layout.SAMPLES_DIR
    output = ROOT / "var" / "bench-frameworks.json" if partial else layout.BENCH_FILE
    wrk = bench.ensure_wrk()
    started = time.monotonic()
    results, failures = [], []
    for directory in layout.discover(args.samples_dir, args.samples or None):
        try:
            spec = layout.load_sample(directory)
        except layout.SampleError as exc:
            failures.append(str(exc))
            continue
        if not all(app in spec.bench for app in APPS):
            failures.append(f"samples/{spec.slug}: sample.toml has no [bench] hello and json")
            continue
        try:
            python = run_samples.find_python(spec.python)
            venv_python = run_samples.ensure_venv(
                python, directory / "requirements.txt", args.venv_dir / spec.slug
            )
            facts = run_samples.installed_facts(venv_python, spec.package)
            for app in APPS:
                print(f"{spec.slug} {app}...", flush=True)
                row = serve_and_measure(spec, venv_python, app, wrk)
                results.append({"framework": spec.slug, **facts, **row})
        except (layout.SampleError, RuntimeError, subprocess.CalledProcessError) as exc:
            failures.append(f"samples/{spec.slug}: {exc}")
    data = {
        "criterion": CRITERION,
        "measured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "method": method_text(),
        "wrk": f"wrk -t2 -c{bench.CONNECTIONS} -d{bench.DURATION}s, median of {ROUNDS} rounds",
        "results": results,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(data, indent=2) + "\n")
    fastest = {app: max((r["rps"] for r in results if r["app"] == app), default=0) for app in APPS}
    print(f"\n{'framework':14} {'app':6} {'req/s':>9} {'relative':>8}  server")
    for r in sorted(results, key=lambda r: (r["app"], -r["rps"])):
        relative = 100 * r["rps"] / fastest[r["app"]] if fastest[r["app"]] else 0
        print(f"{r['framework']:14} {r['app']:6} {r['rps']:9.0f} {relative:7.0f}%  {r['server']}")
    print(f"\nWrote {output} in {time.monotonic() - started:.0f} s.")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures or not results else 0


if __name__ == "__main__":
    sys.exit(main())
