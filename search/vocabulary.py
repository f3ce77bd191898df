"""Keeping the vocabulary (``SearchWord``) in step with the entries.

Each word counts the entries that hold it: an entry written adds one to each of its
words, an entry replaced or removed takes one off its old words, and a word at 0 is
gone. Counted in the database (``entries = entries + n``), so that two processes
writing at once cannot lose a count.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db import connections
from django.db.models import F

from .text import stem, vocabulary_words

BATCH = 2000


def entry_words(entry) -> dict[str, str]:
    """The words of an entry or document (``title``, ``lead``, ``body``) with spellings."""
    return vocabulary_words(entry.title, entry.lead, entry.body)


class VocabularyChange:
    """Words added and removed by a set of entry writes, applied in a few statements."""

    def __init__(self):
        self.counts: Counter[str] = Counter()
        self.spellings: dict[str, str] = {}

    def add(self, words: dict[str, str]) -> None:
        self.counts.update(words.keys())
        for word, spelling in words.items():
            self.spellings.setdefault(word, spelling)

    def remove(self, words: dict[str, str]) -> None:
        self.counts.subtract(words.keys())

    def apply(self, SearchWord, *, using: str = "default") -> None:
        added = [(word, n) for word, n in self.counts.items() if n > 0]
        removed: dict[int, list[str]] = defaultdict(list)
        for word, n in self.counts.items():
            if n < 0:
                removed[-n].append(word)
        for start in range(0, len(added), BATCH):
            _increment(SearchWord, added[start : start + BATCH], self.spellings, using)
        for amount, words in removed.items():
            for start in range(0, len(words), BATCH):
                chunk = words[start : start + BATCH]
                table = SearchWord.objects.using(using)
                table.filter(word__in=chunk).update(entries=F("entries") - amount)
                table.filter(word__in=chunk, entries__lte=0).delete()


def _increment(SearchWord, counts, spellings, using: str) -> None:
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(SearchWord._meta.db_table)
    rows = ", ".join(["(%s, %s, %s, %s)"] * len(counts))
    params = []
    for word, n in counts:
        params += [word, spellings.get(word, word)[:100], stem(word)[:100], n]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({quote('word')}, {quote('spelling')}, "
            f"{quote('stem')}, {quote('entries')}) VALUES {rows} "
            f"ON CONFLICT ({quote('word')}) DO UPDATE SET "
            f"{quote('entries')} = {table}.{quote('entries')} + excluded.{quote('entries')}",
            params,
        )
