"""Headless Chromium (the system package, never a downloaded browser) driving pages served on loopback.

Each test gets a fresh page whose console errors, uncaught errors, failed requests and every requested URL
are recorded, so a test can say that a page loaded cleanly and asked nothing of any other host."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
# No GPU, no sandbox (containers), and none of Chromium's own calls home: the machine may have no network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class WatchedPage:
    """A page and what went wrong while it was used."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    error_responses: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _failed(self, request: Request) -> None:
        self.failed_requests.append(f"{request.url}: {request.failure}")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.error_responses.append(f"{response.status} {response.url}")

    def watch(self) -> WatchedPage:
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", self._response)
        self.page.on("request", lambda request: self.requested.append(request.url))
        return self

    def problems(self) -> list[str]:
        """Everything that went wrong; empty for a page that loaded and ran cleanly."""
        return self.console_errors + self.page_errors + self.failed_requests + self.error_responses


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: `make test` installs the apt package `chromium`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def watched(browser: Browser) -> Iterator[WatchedPage]:
    """A fresh page in its own context, recording errors and requests."""
    context = browser.new_context()
    context.set_default_timeout(15_000)
    yield WatchedPage(context.new_page()).watch()
    context.close()
