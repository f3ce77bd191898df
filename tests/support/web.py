"""A visitor of a running site over real HTTP (urllib): cookies kept, redirects not followed."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass


@dataclass
class Page:
    status: int
    headers: dict[str, str]
    text: str

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """One browser: its own cookies; every request says it comes from the site itself."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects
        )

    def get(self, path: str, headers: dict[str, str] | None = None) -> Page:
        return self._open(
            urllib.request.Request(self.base + path, headers=headers or {})
        )

    def post(
        self, path: str, data: dict, headers: dict[str, str] | None = None
    ) -> Page:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={
                "Origin": self.base,
                "Sec-Fetch-Site": "same-origin",
                **(headers or {}),
            },
        )
        return self._open(request)

    def _open(self, request: urllib.request.Request) -> Page:
        request.add_header("Accept-Language", "nl")
        try:
            with self._opener.open(request, timeout=60) as response:
                status, headers, body = (
                    response.status,
                    response.headers,
                    response.read(),
                )
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read()
        return Page(
            status,
            {name.lower(): value for name, value in headers.items()},
            body.decode("utf-8", "replace"),
        )

    def log_in(self, username: str, password: str) -> None:
        """Log in through the admin's login form, as staff do."""
        form = self.get("/admin/login/")
        response = self.post(
            "/admin/login/?next=/admin/",
            {
                "csrfmiddlewaretoken": csrf_token(form.text),
                "username": username,
                "password": password,
                "next": "/admin/",
            },
        )
        assert response.status == 302, response.text[:2000]

    def admin_action(self, changelist: str, action: str, ids: list[int]) -> Page:
        """Run a bulk action of an admin change list on the rows ``ids``."""
        page = self.get(changelist)
        return self.post(
            changelist,
            {
                "csrfmiddlewaretoken": csrf_token(page.text),
                "action": action,
                "_selected_action": [str(pk) for pk in ids],
                "index": "0",
            },
        )


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def form_token(html: str) -> str:
    """The comment form's time token."""
    return re.search(r'name="token" value="([^"]+)"', html)[1]
