"""`make bench`: throughput of the site against the static-file ceiling, and scoring speed.

Starts gunicorn with the production settings (less the HTTPS redirect: it serves
plain loopback) on a free loopback port with a throw-away seeded database, then
measures each page with wrk, first with the seeded 10 frameworks and then with
50. Prints a table and writes it as JSON to var/bench.json.
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from throwaway_site import ThrowawaySite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DURATION = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
VERDICT = "/recommend/verdict/?project_type=ecommerce&project_size=large&security=high"
PAGES = [
    ("home", "/"),
    ("profile", "/frameworks/django/"),
    ("compare", "/compare/django-vs-flask/"),
    ("verdict", VERDICT),
    ("catalogue.json", "/api/catalogue.json"),
]
GROW = """
import datetime
from frameworks.models import Criterion, Framework, Score
criteria = list(Criterion.objects.all())
new = [Framework.objects.create(name=f"Bench {i:02d}", slug=f"bench-{i:02d}", kind="micro",
       tagline="Synthetic framework for benchmarks.", description="Synthetic.")
       for i in range(50 - Framework.objects.count())]
Score.objects.bulk_create(Score(framework=fw, criterion=c, value=(i + j) % 6, note="Synthetic.",
    source_url="https://example.com/", last_reviewed=datetime.date(2026, 1, 1))
    for i, fw in enumerate(new) for j, c in enumerate(criteria))
print(Framework.objects.count())
"""


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing Debian's wrk...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env)
        return shutil.which("wrk") or "wrk"
    sys.exit("make bench needs wrk: apt-get install wrk")


def fetch(url: str, accept_encoding: str = "") -> tuple[int, bytes]:
    headers = {"Accept-Encoding": accept_encoding} if accept_encoding else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=20) as r:
        return r.status, r.read()


def to_ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(wrk: str, url: str) -> dict:
    out = subprocess.run(
        [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1))
    p99 = to_ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {
        "rps": rps,
        "p50_ms": p50,
        "p99_ms": p99,
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(0) if errors else "",
    }


def bench_scoring() -> float:
    """Milliseconds per verdict: 50 frameworks x 30 criteria x 15 answered questions."""
    from recommender.scoring import (
        Catalogue,
        ChoiceInfo,
        CriterionInfo,
        Effect,
        FrameworkInfo,
        QuestionInfo,
        decide,
    )

    rng = random.Random(2026)  # the same synthetic catalogue on every run
    criteria = tuple(CriterionInfo(f"c{i}", f"Criterion {i}", 1.0) for i in range(30))
    frameworks = tuple(
        FrameworkInfo(
            f"f{i}", f"Framework {i:02d}", {f"c{j}": rng.randint(0, 5) for j in range(30)}
        )
        for i in range(50)
    )
    questions = tuple(
        QuestionInfo(
            f"q{q}",
            f"Question {q}",
            tuple(
                ChoiceInfo(
                    f"a{a}",
                    f"Answer {a}",
                    # Shaped like the seeded questionnaire: a few strong boosts, a
                    # mild demotion, now and then a hard minimum, and a stated need
                    # on about one choice in three.
                    tuple(
                        Effect(
                            f"c{(q * 5 + a * 3 + k) % 30}",
                            (3.0, 1.5, 1.0, -0.5)[k],
                            2 if (q + a + k) % 7 == 0 else None,
                            3 if k == 0 and (q + a) % 3 == 0 else None,
                        )
                        for k in range(4)
                    ),
                )
                for a in range(4)
            ),
            # The last question is multi-select, like must_haves.
            multiple=q == 14,
        )
        for q in range(15)
    )
    catalogue = Catalogue(criteria=criteria, frameworks=frameworks, questions=questions)
    answers = {f"q{q}": f"a{q % 4}" for q in range(14)} | {"q14": ("a0", "a2")}
    decide(catalogue, answers)  # warm up
    rounds = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(50):
            decide(catalogue, answers)
        rounds.append((time.perf_counter() - start) / 50 * 1000)
    return statistics.median(rounds)


def main() -> None:
    # Scoring first, on a quiet machine, before any server is under load.
    scoring_ms = bench_scoring()
    wrk = ensure_wrk()

    results: dict = {
        "machine": {
            "platform": platform.platform(),
            "processor": platform.machine(),
            "cores": os.cpu_count(),
            "python": platform.python_version(),
        },
        "duration_s": DURATION,
        "connections": CONNECTIONS,
        "runs": {},
    }
    with ThrowawaySite("compare-bench-") as site:
        base = site.base
        site.seed()
        for size in (10, 50):
            if size == 50:
                site.manage("shell", "-c", GROW)
            site.start()
            _, home = fetch(base + "/")
            css = re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', home).group(1).decode()
            # The ceiling is measured before and after the pages and averaged, so
            # that a machine whose speed drifts during the run skews no ratio.
            before = run_wrk(wrk, base + css)
            rows = {}
            for name, path in PAGES:
                fetch(base + path)  # warm the page cache, as a reader before would
                row = {"path": path, **run_wrk(wrk, base + path)}
                _, body = fetch(base + path, "br")
                row["brotli_bytes"] = len(body)
                rows[name] = row
            after = run_wrk(wrk, base + css)
            ceiling_row = {
                "path": css,
                **{k: (before[k] + after[k]) / 2 for k in ("rps", "p50_ms", "p99_ms")},
                "non_2xx": before["non_2xx"] + after["non_2xx"],
                "socket_errors": before["socket_errors"] or after["socket_errors"],
                "ratio": 1.0,
                "brotli_bytes": len(fetch(base + css, "br")[1]),
                "rps_before_and_after": [before["rps"], after["rps"]],
            }
            for row in rows.values():
                row["ratio"] = row["rps"] / ceiling_row["rps"]
            rows = {"static file (ceiling)": ceiling_row, **rows}
            results["runs"][str(size)] = rows
            site.stop()
        # First visit to the compare page: HTML plus every stylesheet and script, with Brotli.
        site.start()
        _, html = fetch(base + "/compare/django-vs-flask/")
        assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
        total = len(fetch(base + "/compare/django-vs-flask/", "br")[1])
        for asset in assets:
            total += len(fetch(base + asset.decode(), "br")[1])
        results["compare_first_visit_brotli_bytes"] = total

    results["scoring_ms_per_verdict_50x30x15"] = scoring_ms
    print_table(results)
    out = ROOT / "var" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    (ROOT / "var" / "bench.md").write_text(markdown_table(results))
    print(f"\nWrote {out.relative_to(ROOT)} and var/bench.md (the README's table)")


def print_table(results: dict) -> None:
    print(
        f"\nwrk: {results['connections']} connections, {results['duration_s']} s per URL; "
        f"{results['machine']['cores']} cores, {results['machine']['platform']}"
    )
    header = (
        f"{'frameworks':>10} {'page':<22} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'non-2xx':>8} {'vs ceiling':>10} {'br bytes':>9}"
    )
    print(header)
    print("-" * len(header))
    for size, rows in results["runs"].items():
        for name, row in rows.items():
            print(
                f"{size:>10} {name:<22} {row['rps']:>9.0f} {row['p50_ms']:>8.2f} "
                f"{row['p99_ms']:>8.2f} {row['non_2xx']:>8} {row['ratio']:>9.0%} "
                f"{row['brotli_bytes']:>9}"
            )
    kb = results["compare_first_visit_brotli_bytes"] / 1024
    print(f"\nCompare page, first visit (HTML + CSS + JS, Brotli): {kb:.1f} KB (target <= 60 KB)")
    ms = results["scoring_ms_per_verdict_50x30x15"]
    print(
        f"Scoring, 50 frameworks x 30 criteria x 15 answers: {ms:.2f} ms per verdict "
        "(target < 2 ms)"
    )


def markdown_table(results: dict) -> str:
    machine = results["machine"]
    lines = [
        f"Measured with `make bench` on {machine['cores']} cores ({machine['processor']}, "
        f"{machine['platform']}), Python {machine['python']}; wrk with "
        f"{results['connections']} connections for {results['duration_s']} s per URL.",
        "",
        "| frameworks | page | req/s | p50 ms | p99 ms | non-2xx | vs ceiling | Brotli bytes |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, rows in results["runs"].items():
        for name, row in rows.items():
            lines.append(
                f"| {size} | {name} | {row['rps']:.0f} | {row['p50_ms']:.2f} | "
                f"{row['p99_ms']:.2f} | {row['non_2xx']} | {row['ratio']:.0%} | "
                f"{row['brotli_bytes']:,} |"
            )
    kb = results["compare_first_visit_brotli_bytes"] / 1024
    ms = results["scoring_ms_per_verdict_50x30x15"]
    lines += [
        "",
        f"Compare page, first visit (HTML, CSS and JavaScript with Brotli): {kb:.1f} KB.",
        f"Scoring a verdict for 50 frameworks × 30 criteria × 15 answered questions: {ms:.2f} ms.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compare_site.settings")
    main()
