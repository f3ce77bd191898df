"""What a page weighs as transferred: the page and every file it loads, for bench/pages.py.

Stylesheets, scripts, images and the fonts and images a stylesheet loads, each fetched
with a browser's ``Accept-Encoding`` and counted as sent (no decompression); and the
page's render-blocking scripts.
"""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

BROWSER_HEADERS = {"Accept-Encoding": "br, gzip", "Accept-Language": "nl"}


def fetch(url: str, headers: dict[str, str] | None = None):
    """(status, headers, body as transferred): no decompression, like counting bytes on the wire."""
    request = urllib.request.Request(
        url, headers={**BROWSER_HEADERS, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def decoded(headers, body: bytes) -> bytes:
    encoding = headers.get("Content-Encoding", "")
    if encoding == "br":
        import brotli

        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    return body


class Assets(HTMLParser):
    """The stylesheets, scripts and images a page loads, and its render-blocking scripts."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.blocking: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = set((attrs.get("rel") or "").split())
        if tag == "link" and rel & {"stylesheet", "icon", "preload"}:
            self.urls.append(attrs["href"])
        elif tag == "img" and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "script" and attrs.get("src"):
            self.scripts += 1
            self.urls.append(attrs["src"])
            if not (
                "defer" in attrs or "async" in attrs or attrs.get("type") == "module"
            ):
                self.blocking.append(attrs["src"])
        elif tag == "script" and (attrs.get("type") or "text/javascript") in (
            "text/javascript",
            "module",
        ):
            self.blocking.append("inline script")


def page_weight(base: str, path: str) -> dict:
    status, headers, body = fetch(base + path)
    assert status == 200, (path, status)
    parser = Assets()
    parser.feed(decoded(headers, body).decode())
    files = [(path, len(body), headers.get("Content-Encoding", "-"))]
    seen = set()
    for url in parser.urls:
        if url in seen or url.startswith("data:"):
            continue
        seen.add(url)
        status, headers, body = fetch(base + url)
        assert status == 200, (url, status)
        files.append((url, len(body), headers.get("Content-Encoding", "-")))
        if url.endswith(".css"):  # fonts and images a stylesheet loads
            for ref in re.findall(
                r"url\(['\"]?([^'\")]+)", decoded(headers, body).decode()
            ):
                if ref.startswith("data:"):
                    continue
                ref_url = urllib.parse.urljoin(url, ref)
                if ref_url not in seen:
                    seen.add(ref_url)
                    status, headers, body = fetch(base + ref_url)
                    files.append(
                        (ref_url, len(body), headers.get("Content-Encoding", "-"))
                    )
    total = sum(size for _, size, _ in files)
    # gunicorn sends the page itself uncompressed; in production nginx in front
    # compresses it (docs/deploy.md: gzip on, nginx's default level 1).
    page, page_encoding = files[0][1], files[0][2]
    with_front = total
    if page_encoding == "-":
        html = fetch(base + path)[2]
        with_front = total - page + len(gzip.compress(html, compresslevel=1))
    return {
        "files": files,
        "total": total,
        "with_front": with_front,
        "scripts": parser.scripts,
        "blocking": parser.blocking,
    }
