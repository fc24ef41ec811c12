"""`make screenshots`: pictures of the site for the README, from a real browser.

Starts gunicorn with the production settings (less the HTTPS redirect: it serves
plain loopback) on a free loopback port with a throw-away seeded SQLite database,
then drives Debian's Chromium through Playwright and saves a full-page PNG of
each page at desktop (1280 px) and phone (375 px) widths into docs/screenshots/.
Expects collected static files (`make static`). The server is stopped at the end,
whatever happens.
"""

from __future__ import annotations

import os
from pathlib import Path

from chromium import CHROMIUM
from chromium import CHROMIUM_ARGS as BASE_ARGS
from playwright.sync_api import sync_playwright
from throwaway_site import ROOT, ThrowawaySite

OUT = ROOT / "docs" / "screenshots"
# Scrollbars would differ from one machine's pictures to the next.
CHROMIUM_ARGS = [*BASE_ARGS, "--hide-scrollbars"]
PAGES = [
    ("home", "/"),
    ("compare", "/compare/django-vs-flask/"),
    ("compare4", "/compare/?f=django&f=flask&f=fastapi&f=litestar"),
    ("profile", "/frameworks/django/"),
    ("questionnaire", "/recommend/"),
    ("verdict", "/recommend/verdict/?project_type=blog&project_size=small"),
    ("search", "/search/?q=websocket"),
]
# Pages also pictured in dark mode (the browser's prefers-color-scheme: dark).
DARK_PAGES = {"compare", "compare4", "home"}
SIZES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True},
}
SCHEMES = ("light", "dark")
# A full page larger than this is cut to its first CLIP_HEIGHT CSS pixels.
MAX_BYTES = 1_500_000
CLIP_HEIGHT = 2400


def shoot(base: str) -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    saved = []
    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for (size, options), scheme in [(item, s) for item in SIZES.items() for s in SCHEMES]:
                context = browser.new_context(base_url=base, color_scheme=scheme, **options)
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
                page.on(
                    "console",
                    lambda msg, errors=errors: (
                        errors.append(msg.text) if msg.type == "error" else None
                    ),
                )
                for name, path in PAGES:
                    if scheme == "dark" and name not in DARK_PAGES:
                        continue
                    response = page.goto(path, wait_until="networkidle")
                    if response is None or response.status != 200:
                        status = response.status if response else "no response"
                        problems.append(f"{path} ({size}): HTTP {status}")
                    suffix = "-dark" if scheme == "dark" else ""
                    target = OUT / f"{name}-{size}{suffix}.png"
                    page.screenshot(path=target, full_page=True, animations="disabled")
                    if target.stat().st_size > MAX_BYTES:
                        width = options["viewport"]["width"]
                        page.screenshot(
                            path=target,
                            full_page=True,
                            animations="disabled",
                            clip={"x": 0, "y": 0, "width": width, "height": CLIP_HEIGHT},
                        )
                    saved.append(target)
                problems += [f"console ({size}): {e}" for e in errors]
                context.close()
        finally:
            browser.close()
    if problems:
        raise SystemExit("Some pages did not render cleanly:\n  " + "\n  ".join(problems))
    return saved


def main() -> None:
    if not os.environ.get("SECRET_KEY"):
        raise SystemExit("Set SECRET_KEY (`make screenshots` passes var/secret_key).")
    static_root = Path(os.environ.get("STATIC_ROOT", ROOT / "staticfiles"))
    if not (static_root / "staticfiles.json").exists():
        raise SystemExit("Collect the static files first: `make static`.")
    # SITE_URL as `make run` serves it, so that permalinks in the pictures do not
    # change with the random port.
    with ThrowawaySite(
        "compare-screenshots-", WEB_CONCURRENCY="2", SITE_URL="http://127.0.0.1:8000"
    ) as site:
        site.seed()
        site.start()
        saved = shoot(site.base)
    for path in saved:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
