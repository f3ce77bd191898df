"""PostgreSQL: a ``tsvector`` per entry (Dutch configuration), a GIN index, ``pg_trgm``.

A trigger computes ``vector`` from title (weight A), lead (B) and body (C) on every
write of those columns, so that no write can leave it behind. The query is a
``to_tsquery`` built from the parsed words (``word:*`` for a prefix), ranked with
``ts_rank`` and the page's passages made by ``ts_headline``, for the page's rows only.
Suggestions come from the vocabulary through its trigram index (``word % query``).
"""

from __future__ import annotations

from datetime import datetime

from ..text import MARK_END, MARK_START

ENTRIES = "search_searchentry"
WORDS = "search_searchword"
CONFIG = "pg_catalog.dutch"
#: Matches ranked by relevance; beyond them, by date (see ``hits()``).
RANKED = 1000
#: Words checked per statement by ``known()``.
KNOWN_BATCH = 200

_CREATE = [
    f"""CREATE OR REPLACE FUNCTION search_entry_vector() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.vector :=
            setweight(to_tsvector('{CONFIG}', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('{CONFIG}', coalesce(NEW.lead, '')), 'B')
            || setweight(to_tsvector('{CONFIG}', coalesce(NEW.body, '')), 'C');
        RETURN NEW;
    END
    $$""",
    f"""CREATE TRIGGER search_entry_vector
    BEFORE INSERT OR UPDATE OF title, lead, body, vector ON {ENTRIES}
    FOR EACH ROW EXECUTE FUNCTION search_entry_vector()""",
    # Without fastupdate: a write updates the index at once, instead of adding to a
    # pending list that every search reads until a vacuum merges it.
    f"CREATE INDEX search_entry_vector_gin ON {ENTRIES} USING gin (vector) "
    "WITH (fastupdate = off)",
    f"CREATE INDEX search_word_trigram ON {WORDS} USING gin (word gin_trgm_ops) "
    "WITH (fastupdate = off)",
]
_DROP = [
    "DROP INDEX IF EXISTS search_word_trigram",
    "DROP INDEX IF EXISTS search_entry_vector_gin",
    f"DROP TRIGGER IF EXISTS search_entry_vector ON {ENTRIES}",
    "DROP FUNCTION IF EXISTS search_entry_vector()",
]
_HEADLINE = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=20, "
    'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
)


def install(schema_editor) -> None:
    for statement in _CREATE:
        schema_editor.execute(statement)


def uninstall(schema_editor) -> None:
    for statement in _DROP:
        schema_editor.execute(statement)


def before_rebuild(connection) -> None:
    """Without the GIN indexes while every row is written: building them once is faster."""
    with connection.cursor() as cursor:
        cursor.execute(_DROP[0])
        cursor.execute(_DROP[1])


def after_rebuild(connection) -> None:
    with connection.cursor() as cursor:
        cursor.execute(_CREATE[2])
        cursor.execute(_CREATE[3])
        cursor.execute(f"ANALYZE {ENTRIES}")
        cursor.execute(f"ANALYZE {WORDS}")


def prepare(connection, terms) -> str:
    """The ``to_tsquery`` text: words hold letters and digits only (search.text)."""

    def operand(word) -> str:
        return f"{word.text}:*" if word.prefix else word.text

    return " & ".join(
        "(" + " & ".join(operand(word) for word in term) + ")" for term in terms
    )


def counts(connection, prepared: str, now: datetime) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT kind, COUNT(*) FROM {ENTRIES} "
            f"WHERE vector @@ to_tsquery('{CONFIG}', %s) AND published_at <= %s "
            "GROUP BY kind",
            [prepared, now],
        )
        return dict(cursor.fetchall())


def hits(connection, prepared: str, now: datetime, offset: int, limit: int) -> list:
    """(kind, url, title, lead, body, context, published_at); passages marked, best first.

    ``ts_rank`` reads each match's whole ``vector`` (out of line, compressed): for
    ten thousand matches that is most of the time. So the newest ``RANKED`` matches
    are ranked and come first, the older ones follow newest first; up to ``RANKED``
    matches, that is simply every match by relevance. Only the page's rows get a
    passage (``ts_headline`` parses the text again).
    """
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT entry.kind, entry.url, entry.title,
                ts_headline('{CONFIG}', entry.lead, query, %s),
                ts_headline('{CONFIG}', entry.body, query, %s),
                entry.context, entry.published_at
            FROM (
                SELECT id, published_at, rank FROM (
                    SELECT id, published_at,
                        CASE WHEN row_number() OVER (
                            ORDER BY published_at DESC, id DESC
                        ) <= {RANKED} THEN ts_rank(vector, query) END AS rank
                    FROM {ENTRIES}, to_tsquery('{CONFIG}', %s) AS query
                    WHERE vector @@ query AND published_at <= %s
                ) AS ranked
                ORDER BY rank DESC NULLS LAST, published_at DESC, id DESC
                LIMIT %s OFFSET %s
            ) AS page
            JOIN {ENTRIES} AS entry ON entry.id = page.id,
            to_tsquery('{CONFIG}', %s) AS query
            ORDER BY page.rank DESC NULLS LAST, page.published_at DESC, page.id DESC
            """,
            [_HEADLINE, _HEADLINE, prepared, now, limit, offset, prepared],
        )
        return cursor.fetchall()


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
                condition += " OR word LIKE %s"
                params.append(word.stem + "%")
            columns.append(f"EXISTS (SELECT 1 FROM {WORDS} WHERE {condition})")
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(columns)}", params)
            row = cursor.fetchone()
        found.update(word.text for word, held in zip(batch, row, strict=True) if held)
    return found


def similar(connection, word: str) -> list[tuple[str, str, int]]:
    """Candidates for a suggestion: the words most similar by trigrams (``pg_trgm``)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word, spelling, entries FROM {WORDS} WHERE word %% %s "
            "ORDER BY similarity(word, %s) DESC, entries DESC, word LIMIT 10",
            [word, word],
        )
        return cursor.fetchall()
