"""`make bench`: throughput of the site against the static-file ceiling, and scoring speed.

Starts gunicorn with the production settings (less the HTTPS redirect: it serves
plain loopback; and less worker recycling, see main()) on a free loopback port
with a throw-away seeded database, then measures with wrk, first with the seeded
frameworks and then with 50:

* hits: each page asked again and again, answered from the page cache;
* a floor: /healthz, a bare request through Django and its middleware with no
  page to build, the least any page the cache does not hold costs;
* misses: real distinct pages, each asked once (random 3- and 4-way comparisons
  in random column order, and random answer sets for the verdict and for its
  JSON), so that every request until the list runs out renders a page nobody
  asked for before. Each row starts after WARM_SECONDS of other distinct pages
  of its kind, so that workers hold the pieces such pages share;
* the profile's first render after an edit, over several edits.

Every row is also given as a share of the static-file ceiling measured in the
same run. Then the time to render each public page once (scripts/render_times.py)
and each gunicorn worker's resident memory after the run. Prints the tables and
writes them as JSON to var/bench.json and as Markdown to var/bench.md.
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
from collections.abc import Callable
from functools import partial
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
EDIT = "from pagecache import content_version; content_version.bump()"
DISTINCT_PATHS = 20000
# Before a miss row, other distinct pages of its kind for this long: each worker
# then has the pieces every such page shares (score cells, column heads), as it
# has a few seconds after an edit. The first render after an edit is its own row.
WARM_SECONDS = 2


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


def run_wrk(wrk: str, url: str, script: Path | None = None, seconds: int = DURATION) -> dict:
    """wrk on ``url``, or on the paths a Lua ``script`` asks for under it."""
    scripted = ["-s", str(script)] if script else []
    out = subprocess.run(
        [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", *scripted, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(out)


def parse_wrk(out: str) -> dict:
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1))
    p99 = to_ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {
        "requests": requests,
        "rps": rps,
        "p50_ms": p50,
        "p99_ms": p99,
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(0) if errors else "",
    }


def run_wrk_paths(
    wrk: str, base: str, paths: list[str], workdir: Path, seconds: int = DURATION
) -> dict:
    """wrk over ``paths``, each thread taking every other one in turn: no page twice
    until the list runs out."""
    script = workdir / "paths.lua"
    listed = ",\n".join(json.dumps(p) for p in paths)
    script.write_text(
        f"local paths = {{\n{listed}\n}}\n"
        "local threads = 0\n"
        "function setup(thread) thread:set('id', threads); threads = threads + 1 end\n"
        "local i = nil\n"
        "function request()\n"
        "  i = (i or id) + 2\n"
        "  return wrk.format('GET', paths[(i % #paths) + 1])\n"
        "end\n"
    )
    return run_wrk(wrk, base, script, seconds)


def distinct(make_path: Callable[[], str]) -> list[str]:
    """Up to DISTINCT_PATHS different paths from ``make_path``, in the order made."""
    seen: dict[str, None] = {}
    for _ in range(DISTINCT_PATHS * 3):
        seen[make_path()] = None
        if len(seen) == DISTINCT_PATHS:
            break
    return list(seen)


def comparison_paths(slugs: list[str], rng: random.Random) -> list[str]:
    """Distinct random 3- and 4-way comparisons; the column order is part of the page."""

    def path() -> str:
        picked = rng.sample(slugs, rng.choice((3, 4)))
        return "/compare/?" + "&".join(f"f={slug}" for slug in picked)

    return distinct(path)


def verdict_paths(
    questionnaire_html: str, rng: random.Random, shape: Callable[[str], str] = str
) -> list[str]:
    """Distinct random answer sets, read from the questionnaire's own inputs, each
    path given its ``shape`` (the verdict page's by default)."""
    choices: dict[str, list[str]] = {}
    multiple: set[str] = set()
    for kind, name, value in re.findall(
        r'type="(radio|checkbox)"[^>]*name="([\w-]+)" value="([\w-]*)"', questionnaire_html
    ):
        if value:
            choices.setdefault(name, []).append(value)
        if kind == "checkbox":
            multiple.add(name)

    def path() -> str:
        query = []
        for name, values in choices.items():
            if name in multiple:
                query += [(name, v) for v in values if rng.random() < 0.3]
            elif rng.random() < 0.8:
                query.append((name, rng.choice(values)))
        return shape("/recommend/verdict/?" + "&".join(f"{k}={v}" for k, v in query))

    return distinct(path)


def as_json(verdict_path: str) -> str:
    return verdict_path.replace("/recommend/verdict/?", "/recommend/verdict.json?", 1)


def worker_rss_mb(master_pid: int) -> list[float]:
    """Resident memory of each gunicorn worker (the master's children), in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master_pid) and "VmRSS" in fields:
            sizes.append(round(int(fields["VmRSS"].split()[0]) / 1024, 1))
    return sorted(sizes)


def first_render_after_edit_ms(site: ThrowawaySite, url: str, edits: int = 10) -> float:
    times = []
    for _ in range(edits):
        site.manage("shell", "-c", EDIT)
        start = time.perf_counter()
        fetch(url)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def render_times(site: ThrowawaySite) -> dict:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "render_times.py")],
        cwd=ROOT,
        env=site.env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)["pages"]


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
    rng = random.Random(2026)  # the same pages on every run
    warm_rng = random.Random(7)  # and the same others to warm up with
    # Workers are not recycled (gunicorn.conf.py recycles each after about 20,000
    # requests, a guard against slow leaks): the hit rows alone ask some 60,000 of
    # each, so recycling fell at random inside miss rows, where a fresh worker
    # renders every shared piece again, and left the memory row measuring
    # workers just started. Unrecycled, that row also shows any growth.
    with ThrowawaySite("compare-bench-", GUNICORN_MAX_REQUESTS="0") as site:
        base = site.base
        site.seed()
        for grow in (False, True):
            if grow:
                site.manage("shell", "-c", GROW)
            site.start()
            _, home = fetch(base + "/")
            css = re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', home).group(1).decode()
            slugs = [
                fw["slug"]
                for fw in json.loads(fetch(base + "/api/catalogue.json")[1])["frameworks"]
            ]
            questionnaire = fetch(base + "/recommend/")[1].decode()
            # The ceiling is measured before and after the pages and averaged, so
            # that a machine whose speed drifts during the run skews no ratio.
            before = run_wrk(wrk, base + css)
            rows = {}
            for name, path in PAGES:
                # Warm the page cache as readers before would: a page is stored the second
                # time a worker renders it, and one ask more than there are workers
                # (gunicorn.conf.py: two a core plus one) gives one of them two.
                for _ in range(2 * (os.cpu_count() or 1) + 2):
                    fetch(base + path)
                row = {"path": path, "kind": "hit", **run_wrk(wrk, base + path)}
                _, body = fetch(base + path, "br")
                row["brotli_bytes"] = len(body)
                rows[name] = row
            # What any page the cache does not hold costs at least: a bare Django
            # request through the whole middleware (one query), with no page to build.
            rows["bare request (/healthz)"] = {
                "path": "/healthz",
                "kind": "floor",
                **run_wrk(wrk, base + "/healthz"),
                "brotli_bytes": len(fetch(base + "/healthz", "br")[1]),
            }
            verdicts = verdict_paths(questionnaire, rng)
            misses = (
                (
                    "random 3-/4-way compare",
                    comparison_paths(slugs, rng),
                    partial(comparison_paths, slugs, warm_rng),
                ),
                ("unique verdict", verdicts, partial(verdict_paths, questionnaire, warm_rng)),
                # The same answers scored and written as JSON, no page: what the
                # scoring alone allows.
                (
                    "unique verdict.json",
                    [as_json(p) for p in verdicts],
                    partial(verdict_paths, questionnaire, warm_rng, as_json),
                ),
            )
            for name, paths, others in misses:
                measured = set(paths)
                warm = [p for p in others() if p not in measured]
                run_wrk_paths(wrk, base, warm, site.workdir, WARM_SECONDS)
                row = {
                    "path": paths[0],
                    "kind": "miss",
                    **run_wrk_paths(wrk, base, paths, site.workdir),
                }
                # Each page is asked once until the list runs out: every request
                # up to its length rendered a page nobody had asked for before.
                row["misses"] = min(row["requests"], len(paths))
                row["brotli_bytes"] = len(fetch(base + paths[1], "br")[1])
                rows[name] = row
            after = run_wrk(wrk, base + css)
            ceiling_row = {
                "path": css,
                "kind": "ceiling",
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
            size = str(len(slugs))
            results["runs"][size] = rows
            results.setdefault("worker_rss_mb", {})[size] = worker_rss_mb(site.server.pid)
            results.setdefault("profile_after_edit_ms", {})[size] = first_render_after_edit_ms(
                site, base + "/frameworks/django/"
            )
            site.stop()
            results.setdefault("render_ms", {})[size] = render_times(site)
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
    print(markdown_table(results))


def _render_lines(results: dict) -> list[str]:
    sizes = list(results["render_ms"])
    lines = [
        "Rendering each public page on a miss (page cache off), in ms: the first render "
        "after an edit, and the median of 50 renders:",
        "",
        "| page | "
        + " | ".join(f"{n} frameworks: after an edit | median of 50 | queries" for n in sizes)
        + " |",
        "| --- |" + " ---: | ---: | ---: |" * len(sizes),
    ]
    for name in results["render_ms"][sizes[0]]:
        cells = []
        for n in sizes:
            page = results["render_ms"][n][name]
            cells += [
                f"{page['after_edit_ms']:.1f}",
                f"{page['median_ms']:.1f}",
                str(page["queries"]),
            ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def markdown_table(results: dict) -> str:
    machine = results["machine"]
    lines = [
        f"Measured with `make bench` on {machine['cores']} cores ({machine['processor']}, "
        f"{machine['platform']}), Python {machine['python']}; wrk with "
        f"{results['connections']} connections for {results['duration_s']} s per row. "
        "A hit is one page asked again and again; a miss row asks real distinct pages, "
        "each once.",
        "",
        "| frameworks | page | kind | req/s | p50 ms | p99 ms | non-2xx | misses "
        "| vs ceiling | Brotli bytes |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, rows in results["runs"].items():
        for name, row in rows.items():
            misses = f"{row['misses']:,} of {row['requests']:,}" if "misses" in row else ""
            lines.append(
                f"| {size} | {name} | {row.get('kind', '')} | {row['rps']:.0f} | "
                f"{row['p50_ms']:.2f} | {row['p99_ms']:.2f} | {row['non_2xx']} | {misses} | "
                f"{row['ratio']:.0%} | {row['brotli_bytes']:,} |"
            )
    kb = results["compare_first_visit_brotli_bytes"] / 1024
    ms = results["scoring_ms_per_verdict_50x30x15"]
    after_edit = ", ".join(
        f"{ms_:.1f} ms with {n} frameworks" for n, ms_ in results["profile_after_edit_ms"].items()
    )
    rss = "; ".join(
        f"{n} frameworks: " + ", ".join(f"{mb:.0f}" for mb in sizes)
        for n, sizes in results["worker_rss_mb"].items()
    )
    lines += [
        "",
        f"The profile's first answer after an edit (median of 10 edits, over HTTP): {after_edit}.",
        f"Each gunicorn worker's resident memory after the run, in MB: {rss}.",
        f"Compare page, first visit (HTML, CSS and JavaScript with Brotli): {kb:.1f} KB.",
        f"Scoring a verdict for 50 frameworks × 30 criteria × 15 answered questions: {ms:.2f} ms.",
        "",
        *_render_lines(results),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compare_site.settings")
    main()
