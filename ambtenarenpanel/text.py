"""Text that is safe to store and to show: one cleaner for every text people type or paste.

Word and PowerPoint paste U+000B (a line break), copied text brings U+FFFE, C1 controls
or zero-width characters. XML 1.0 cannot hold most of them (a feed with one is refused
by Django or is malformed), HTML calls them errors, and the invisible ones can hide or
reorder text. ``clean_text()`` turns line-break characters into a newline (or, in a
one-line field, a space), removes the rest, and normalises to NFC, so that the same
words are stored the same way whatever program they came from.

``PlainCharField`` and ``PlainTextField`` are model fields that clean on every save and
in model validation (so a title of only such characters counts as empty); they
deconstruct as Django's own fields, so migrations never import this module.
"""

from __future__ import annotations

import re
import unicodedata

from django.db import models

# Line breaks of other systems and programs: CR, VT (Word), FF, NEL, LS, PS.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Characters with no place in stored text: C0 controls but tab and newline, DEL, the
# C1 controls, lone surrogates, the noncharacters (U+FDD0–U+FDEF and the last two code
# points of every plane), and the invisible characters that hide or reorder text (zero
# width space, bidirectional embeddings, overrides and isolates, a byte order mark).
_UNWANTED = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)
    )
    + "\u200b\u202a-\u202e\u2066-\u2069\ufeff]"
)
_ONE_LINE = re.compile("[\t\n]")


def clean_text(text: str, *, multiline: bool = True) -> str:
    """``text`` without control, non- and invisible characters, in NFC.

    Line breaks of any kind become ``\\n`` (one-line text: a space); tabs stay in
    multi-line text. Nothing is trimmed: forms and fields decide about whitespace.
    """
    if not text:
        return text
    text = _UNWANTED.sub("", _LINE_BREAK.sub("\n", text))
    if not multiline:
        text = _ONE_LINE.sub(" ", text)
    return unicodedata.normalize("NFC", text)


class _CleanTextMixin:
    multiline = True

    def _clean(self, value):
        return (
            clean_text(value, multiline=self.multiline)
            if isinstance(value, str)
            else value
        )

    def to_python(self, value):
        return self._clean(super().to_python(value))

    def pre_save(self, model_instance, add):
        value = self._clean(super().pre_save(model_instance, add))
        setattr(model_instance, self.attname, value)
        return value

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, f"django.db.models.{self._django_field.__name__}", args, kwargs


class PlainCharField(_CleanTextMixin, models.CharField):
    """A ``CharField`` of one line of clean text (``clean_text(multiline=False)``)."""

    multiline = False
    _django_field = models.CharField


class PlainTextField(_CleanTextMixin, models.TextField):
    """A ``TextField`` of clean text (``clean_text()``)."""

    _django_field = models.TextField


def shorten(text: str, length: int) -> str:
    """``text`` in at most ``length`` characters: cut at a word boundary, with "…".

    Whitespace runs count as one space. A first word longer than ``length`` is cut
    inside the word.
    """
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if text[length - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"
