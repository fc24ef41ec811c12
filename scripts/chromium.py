"""Debian's Chromium as every browser run here starts it: the tests and `make screenshots`.

Never a browser that Playwright downloads: only Debian's package is reachable.
"""

import os

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
]
