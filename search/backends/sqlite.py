"""SQLite: an FTS5 table over the entries, kept in step by triggers; Dutch stems by vocabulary.

FTS5's tokenizers cannot stem Dutch, and Python's ``sqlite3`` cannot add a tokenizer.
So the FTS5 table indexes the words as written (folded: ``unicode61 remove_diacritics
2``), which keeps ``snippet()`` and ``highlight()`` readable, and a query word is
widened to every form with its stem that the vocabulary knows (``dienstverlening`` →
``"dienstverlening" OR "dienstverleningen"``), plus a prefix query on the stem
(``"dienstverlen"*``) when the stem is long enough. Ranked by ``bm25`` with the
weights of PostgreSQL's A, B and C (title 5, lead 2, body 1).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ..text import MARK_END, MARK_START

ENTRIES = "search_searchentry"
WORDS = "search_searchword"
FTS = "search_entry_fts"
#: Forms of one stem put in a query, the most frequent first.
MAX_FORMS = 50
#: Words around the matches in a passage.
SNIPPET_TOKENS = 32
_LAST = chr(0x10FFFF)
#: Words checked per statement by ``known()``.
KNOWN_BATCH = 200

_CREATE = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(
        title, lead, body,
        content='{ENTRIES}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_insert AFTER INSERT ON {ENTRIES} BEGIN
        INSERT INTO {FTS}(rowid, title, lead, body)
        VALUES (new.id, new.title, new.lead, new.body);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_delete AFTER DELETE ON {ENTRIES} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, title, lead, body)
        VALUES ('delete', old.id, old.title, old.lead, old.body);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_update
    AFTER UPDATE OF title, lead, body ON {ENTRIES} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, title, lead, body)
        VALUES ('delete', old.id, old.title, old.lead, old.body);
        INSERT INTO {FTS}(rowid, title, lead, body)
        VALUES (new.id, new.title, new.lead, new.body);
    END""",
]
_DROP = [
    f"DROP TRIGGER IF EXISTS {FTS}_insert",
    f"DROP TRIGGER IF EXISTS {FTS}_delete",
    f"DROP TRIGGER IF EXISTS {FTS}_update",
    f"DROP TABLE IF EXISTS {FTS}",
]


def install(schema_editor) -> None:
    for statement in _CREATE:
        schema_editor.execute(statement)


def uninstall(schema_editor) -> None:
    for statement in _DROP:
        schema_editor.execute(statement)


def before_rebuild(connection) -> None:
    """No triggers while the entries are replaced: the index is built once, after."""
    with connection.cursor() as cursor:
        for statement in _DROP:
            cursor.execute(statement)


def after_rebuild(connection) -> None:
    with connection.cursor() as cursor:
        for statement in _CREATE:
            cursor.execute(statement)
        cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")


def _quoted(word: str) -> str:
    # Words hold letters and digits only (search.text), never a quote.
    return f'"{word}"'


def prepare(connection, terms) -> str | None:
    """The FTS5 query: every term, each word by any of its forms."""
    stems = sorted({word.stem for term in terms for word in term})
    forms: dict[str, list[str]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT stem, word FROM {WORDS} WHERE stem IN "
            f"({', '.join(['%s'] * len(stems))}) ORDER BY entries DESC, word",
            stems,
        )
        for word_stem, word in cursor.fetchall():
            forms[word_stem].append(word)
    expressions = []
    for term in terms:
        parts = []
        for word in term:
            written = dict.fromkeys([word.text, *forms[word.stem][:MAX_FORMS]])
            if word.prefix:
                # The prefix query finds the forms that begin with the stem; naming
                # them again would make bm25 count each of their words twice.
                written = [form for form in written if not form.startswith(word.stem)]
            alternatives = [_quoted(form) for form in written]
            if word.prefix:
                alternatives.append(_quoted(word.stem) + "*")
            parts.append("(" + " OR ".join(alternatives) + ")")
        expressions.append("(" + " AND ".join(parts) + ")")
    return " AND ".join(expressions)


_MATCHES = (
    f"FROM {FTS} JOIN {ENTRIES} entry ON entry.id = {FTS}.rowid "
    f"WHERE {FTS} MATCH %s AND entry.published_at <= %s"
)


def counts(connection, prepared: str, now: datetime) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT entry.kind, COUNT(*) {_MATCHES} GROUP BY entry.kind",
            [prepared, connection.ops.adapt_datetimefield_value(now)],
        )
        return dict(cursor.fetchall())


def hits(connection, prepared: str, now: datetime, offset: int, limit: int) -> list:
    """(kind, url, title, lead, body, context, published_at); passages marked, best first.

    The page is chosen first; only its rows get a passage (``snippet()`` reads the
    text). The ``+`` keeps SQLite from handing the page's ids to FTS5 as lookups,
    which would run the full-text query once per row.
    """
    marks = f"'{MARK_START}', '{MARK_END}'"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT page.kind, page.url, page.title,
                snippet({FTS}, 1, {marks}, '…', {SNIPPET_TOKENS}),
                snippet({FTS}, 2, {marks}, '…', {SNIPPET_TOKENS}),
                page.context, page.published_at
            FROM {FTS} JOIN (
                SELECT entry.id, entry.kind, entry.url, entry.title, entry.context,
                    entry.published_at, bm25({FTS}, 5.0, 2.0, 1.0) AS rank
                {_MATCHES}
                ORDER BY rank, entry.published_at DESC, entry.id DESC
                LIMIT %s OFFSET %s
            ) AS page ON page.id = +{FTS}.rowid
            WHERE {FTS} MATCH %s
            ORDER BY page.rank, page.published_at DESC, page.id DESC
            """,
            [
                prepared,
                connection.ops.adapt_datetimefield_value(now),
                limit,
                offset,
                prepared,
            ],
        )
        rows = cursor.fetchall()
    return [_with_datetime(connection, row) for row in rows]


def _with_datetime(connection, row) -> tuple:
    *rest, published_at = row
    if isinstance(published_at, str):
        published_at = parse_datetime(published_at)
    if timezone.is_naive(published_at):  # stored in UTC
        published_at = timezone.make_aware(published_at, UTC)
    return (*rest, published_at)


def known(connection, words) -> set[str]:
    """Which of ``words`` (``search.query.Word``) some entry holds: same stem, or as prefix."""
    found = set()
    for start in range(0, len(words), KNOWN_BATCH):
        batch = words[start : start + KNOWN_BATCH]
        columns, params = [], []
        for word in batch:
            condition = "stem = %s"
            params.append(word.stem)
            if word.prefix:
                condition += " OR (word >= %s AND word < %s)"
                params += [word.stem, word.stem + _LAST]
            columns.append(f"EXISTS (SELECT 1 FROM {WORDS} WHERE {condition})")
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(columns)}", params)
            row = cursor.fetchone()
        found.update(word.text for word, held in zip(batch, row, strict=True) if held)
    return found


def similar(connection, word: str) -> list[tuple[str, str, int]]:
    """Candidates for a suggestion: words with the same first letter and about as long."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word, spelling, entries FROM {WORDS} "
            "WHERE word >= %s AND word < %s AND length(word) BETWEEN %s AND %s",
            [word[0], word[0] + _LAST, len(word) - 2, len(word) + 2],
        )
        return cursor.fetchall()
