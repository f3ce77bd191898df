"""The English catalogue: valid for the gettext tools, and complete for code and templates.

Dutch is the source language; ``locale/en/LC_MESSAGES/django.po`` is kept by hand (the
Makefile only compiles it), so a string added in code or a merge of two branches can
leave it with a gap or a second definition of one message.
"""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_python
from babel.messages.pofile import read_po
from django.utils import translation
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "gettext_lazy": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
}


def python_messages() -> dict[tuple[str | None, str], str]:
    """Every message the Python code of the apps marks for translation, with its place."""
    found = {}
    for app in ("ambtenarenpanel", "articles", "surveys", "search"):
        for filename, line, message, _comments, context in extract_from_dir(
            ROOT / app, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            if "migrations" in Path(filename).parts:
                continue
            msgid = message[0] if isinstance(message, tuple) else message
            found[(context, msgid)] = f"{app}/{filename}:{line}"
    return found


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt is not installed")
def test_the_english_catalogue_passes_msgfmt_check():
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(CATALOGUE)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr


def template_messages() -> dict[tuple[str | None, str], str]:
    """Every message of the templates, read as ``makemessages`` reads them (``templatize``)."""
    found = {}
    for folder in ("templates", "articles", "surveys", "search"):
        for path in sorted((ROOT / folder).rglob("*.html")):
            # templatize keeps each tag's place and masks the rest; as Python, only the
            # gettext calls matter, so each line stands on its own.
            code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
            lines = "\n".join(line.strip() for line in code.splitlines())
            for line, name, message, _comments in extract_python(
                io.BytesIO(lines.encode()), DEFAULT_KEYWORDS.keys(), [], {}
            ):
                parts = message if isinstance(message, tuple) else (message,)
                context, msgid = (
                    (parts[0], parts[1])
                    if name in ("pgettext", "npgettext")
                    else (None, parts[0])
                )
                found[(context, msgid)] = f"{path.relative_to(ROOT)}:{line}"
    return found


def untranslated(messages: dict[tuple[str | None, str], str]) -> list[str]:
    with CATALOGUE.open("rb") as file:
        catalogue = read_po(file)
    translated = {
        (
            message.context,
            message.id[0] if isinstance(message.id, tuple) else message.id,
        )
        for message in catalogue
        if message.id and message.string and not message.fuzzy
    }
    missing = []
    for (context, msgid), place in messages.items():
        if not msgid or (context, msgid) in translated:
            continue
        with translation.override("nl"):
            if context:
                in_dutch = translation.pgettext(context, msgid)
            else:
                in_dutch = translation.gettext(msgid)
        if in_dutch != msgid:
            continue  # Django's own English message ("Log in"), in Django's catalogue
        missing.append(f"{place}: {msgid[:60]}")
    return missing


def test_every_message_of_the_python_code_has_an_english_translation():
    assert not untranslated(python_messages())


def test_every_message_of_the_templates_has_an_english_translation():
    messages = template_messages()

    assert len(messages) > 200  # the reading found the templates' messages
    assert not untranslated(messages)
