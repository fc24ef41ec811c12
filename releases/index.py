"""Reading the package index's JSON API through the pypi-json client library.

The index's address is the library's default; ``PACKAGE_INDEX_URL`` may name a
mirror's JSON API instead. Every failure comes out as ``IndexFailure`` with a
sentence fit for the sync's report.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import requests
from django.conf import settings
from pypi_json import PyPIJSON


class IndexFailure(Exception):
    """The index could not give an answer: unreachable, slow, missing or malformed."""

    def __init__(self, message: str, *, unreachable: bool = False) -> None:
        super().__init__(message)
        self.unreachable = unreachable


class NotOnIndex(IndexFailure):
    """404: the project (or release) is not on the index, renamed or deleted."""


class IndexClient:
    def __init__(self, endpoint: str | None = None, timeout: float | None = None) -> None:
        endpoint = endpoint if endpoint is not None else settings.PACKAGE_INDEX_URL
        # The library's own default index unless a mirror is configured.
        self._client = PyPIJSON(endpoint) if endpoint else PyPIJSON()
        self.timeout = timeout if timeout is not None else settings.PACKAGE_INDEX_TIMEOUT

    def __enter__(self) -> IndexClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.endpoint.session.close()

    @property
    def endpoint(self) -> str:
        return self._client.endpoint_url

    def _url(self, *parts: str) -> str:
        # Built by hand rather than with the library's URL object, which adds a
        # trailing slash that some mirrors answer with a 404 instead of a redirect.
        return self.endpoint.rstrip("/") + "/" + "/".join(quote(p, safe="") for p in parts)

    def _get(self, what: str, *parts: str) -> Any:
        session = self._client.endpoint.session
        try:
            response = session.get(self._url(*parts), timeout=self.timeout)
        except requests.Timeout:
            raise IndexFailure(
                f"the index did not answer within {self.timeout:g} s", unreachable=True
            ) from None
        except requests.RequestException as error:
            reason = type(error).__name__
            raise IndexFailure(
                f"the index could not be reached ({reason})", unreachable=True
            ) from None
        if response.status_code == 404:
            raise NotOnIndex(f"{what} is not on the index (404): renamed or removed?")
        if response.status_code != 200:
            raise IndexFailure(f"the index answered HTTP {response.status_code} for {what}")
        try:
            return json.loads(response.content)
        except (ValueError, UnicodeDecodeError):
            raise IndexFailure(f"the index's answer for {what} is not valid JSON") from None

    def project(self, name: str) -> Any:
        """The project's JSON: its metadata, every release's files, advisories on the latest."""
        return self._get(f"project {name!r}", name, "json")

    def release(self, name: str, version: str) -> Any:
        """One release's JSON, whose 'vulnerabilities' are the advisories affecting it."""
        return self._get(f"release {name} {version}", name, version, "json")
