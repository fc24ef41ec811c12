"""Playwright driving Debian's Chromium against pytest-django's live server.

A browser that cannot start fails the test run: these tests never skip.
"""

import os

import pytest
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS


class _WhiteNoiseLiveServer(LiveServer):
    """pytest-django's live server, with static files served as in production.

    Its default handler looks files up through the finders, which know nothing of
    the hashed names that the manifest storage puts in pages; passing requests
    straight to the app lets WhiteNoise serve the collected files instead.
    """

    def __init__(self, addr: str) -> None:
        super().__init__(addr, start=False)
        self.thread.static_handler = lambda app: app
        self.start()


@pytest.fixture(scope="session")
def live_server(request):
    server = _WhiteNoiseLiveServer(request.config.getvalue("liveserver") or "localhost")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop; Django must be told that its ORM
    # calls from this thread are deliberate.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: errors.append(msg.text) if msg.type == "error" else None,
    )
    page.console_errors = errors
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()
