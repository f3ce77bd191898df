"""How many rows a spreadsheet has, estimated without reading its cells.

The synchronous import page sends files of more than ``BACKGROUND_IMPORT_MIN_ROWS``
rows to the background (``handover``), and must decide before parsing them, since
parsing a large file is what takes the time. So: csv counts its line ends, xlsx reads
the size its first sheet declares (or counts its ``<row`` elements), ods counts its
``<table:table-row`` elements. An estimate to choose the path, never a check: the
import itself reads and checks every row.
"""

from __future__ import annotations

import re
import zipfile

from surveys.spreadsheets import MAX_UNPACKED_BYTES, ZIP_MAGIC

CHUNK = 1 << 20
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"')


def count_rows(upload) -> int:
    """Data rows (the header not counted) of an uploaded file; rewinds it afterwards."""
    try:
        upload.seek(0)
        if upload.read(4) != ZIP_MAGIC:
            upload.seek(0)
            return max(0, _count(upload, b"\n") - 1)
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as archive:
                return max(0, _archive_rows(archive) - 1)
        except Exception:  # damaged in any of zipfile's many ways (zlib, EOF, ...)
            return 0  # the synchronous page reads it and says what is wrong, quickly
    finally:
        upload.seek(0)


def _archive_rows(archive: zipfile.ZipFile) -> int:
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
        return MAX_UNPACKED_BYTES  # far too big for a request; the worker refuses it
    names = archive.namelist()
    sheets = sorted(
        (n for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)),
        key=lambda n: int(re.search(r"\d+", n.rsplit("/", 1)[1]).group()),
    )
    if sheets:
        with archive.open(sheets[0]) as sheet:
            head = sheet.read(4096)
        if match := _DIMENSION.search(head):
            return int(match.group(1))
        with archive.open(sheets[0]) as sheet:
            return _count(sheet, b"<row ")
    if "content.xml" in names:
        with archive.open("content.xml") as content:
            return _count(content, b"<table:table-row")
    return 0


def _count(stream, needle: bytes) -> int:
    count, tail = 0, b""
    while chunk := stream.read(CHUNK):
        data = tail + chunk
        count += data.count(needle)
        # Keep a needle's length minus one, so that no match is split or counted twice.
        tail = data[-(len(needle) - 1) :] if len(needle) > 1 else b""
    return count
