"""Writing the index: entries for articles and questions, and the vocabulary with them.

``index_articles(ids)`` and ``index_questions(ids)`` bring the entries of those objects
in line with the database: an entry for each one that should be findable, none for the
others (drafts, deleted rows), unchanged entries left alone. ``rebuild()`` indexes
everything from scratch (``manage.py rebuild_search_index`` and migration 0001).
Every function takes an app registry, so that a migration can pass its historical one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.apps import apps as global_apps
from django.db import connections, transaction

from . import backends
from .documents import (
    ARTICLE,
    QUESTION,
    Document,
    article_documents,
    question_documents,
)
from .text import stem
from .vocabulary import VocabularyChange, entry_words

BATCH = 500


def _models(apps):
    return apps.get_model("search", "SearchEntry"), apps.get_model(
        "search", "SearchWord"
    )


def _batches(items: Iterable, size: int = BATCH) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def index_articles(ids: Iterable[int], *, apps=global_apps, using="default") -> None:
    ids = set(ids)
    if ids:
        _store(apps, using, ARTICLE, ids, list(article_documents(apps, ids)))


def index_questions(ids: Iterable[int], *, apps=global_apps, using="default") -> None:
    ids = set(ids)
    if ids:
        _store(apps, using, QUESTION, ids, list(question_documents(apps, ids)))


def index_survey(survey_id: int, *, apps=global_apps, using="default") -> None:
    Question = apps.get_model("surveys", "Question")
    index_questions(
        Question.objects.filter(survey_id=survey_id).values_list("pk", flat=True),
        apps=apps,
        using=using,
    )


def remove(kind: str, ids: Iterable[int], *, apps=global_apps, using="default") -> None:
    """Take the entries of these objects out of the index."""
    ids = set(ids)
    if ids:
        _store(apps, using, kind, ids, [])


def set_context(kind: str, object_ids, context: str, *, apps=global_apps) -> None:
    """Give the entries of ``object_ids`` (a list or a subquery) a new context."""
    SearchEntry, _ = _models(apps)
    stale = SearchEntry.objects.filter(kind=kind, object_id__in=object_ids).exclude(
        context=context
    )
    if stale.exists():  # a save that renamed nothing writes nothing
        stale.update(context=context)


def _store(apps, using: str, kind: str, ids: set[int], documents: list[Document]):
    SearchEntry, SearchWord = _models(apps)
    entries = SearchEntry.objects.using(using)
    with transaction.atomic(using=using):
        existing = {}
        for batch in _batches(sorted(ids), 5000):
            for entry in entries.filter(kind=kind, object_id__in=batch):
                existing[entry.object_id] = entry
        change = VocabularyChange()
        new, changed = [], []
        for document in documents:
            entry = existing.pop(document.object_id, None)
            values = document.values()
            if entry is None:
                new.append(
                    SearchEntry(kind=kind, object_id=document.object_id, **values)
                )
                change.add(entry_words(document))
                continue
            if all(getattr(entry, name) == value for name, value in values.items()):
                continue
            change.remove(entry_words(entry))
            for name, value in values.items():
                setattr(entry, name, value)
            change.add(entry_words(entry))
            changed.append(entry)
        for entry in existing.values():
            change.remove(entry_words(entry))
        entries.bulk_create(new, batch_size=BATCH)
        entries.bulk_update(changed, list(Document.FIELDS), batch_size=BATCH)
        for batch in _batches([entry.pk for entry in existing.values()], 5000):
            entries.filter(pk__in=batch).delete()
        change.apply(SearchWord, using=using)


@dataclass(frozen=True)
class RebuildSummary:
    articles: int
    questions: int
    words: int


def rebuild(*, apps=global_apps, using="default") -> RebuildSummary:
    """Index every published article and every question anew, in one transaction."""
    SearchEntry, SearchWord = _models(apps)
    connection = connections[using]
    backend = backends.for_connection(connection)
    counts = {ARTICLE: 0, QUESTION: 0}
    vocabulary = VocabularyChange()
    with transaction.atomic(using=using):
        backend.before_rebuild(connection)
        SearchEntry.objects.using(using).all().delete()
        SearchWord.objects.using(using).all().delete()
        for documents in (article_documents(apps), question_documents(apps)):
            for batch in _batches(documents):
                SearchEntry.objects.using(using).bulk_create(
                    SearchEntry(kind=d.kind, object_id=d.object_id, **d.values())
                    for d in batch
                )
                for document in batch:
                    counts[document.kind] += 1
                    vocabulary.add(entry_words(document))
        words = [
            SearchWord(
                word=word,
                spelling=vocabulary.spellings[word][:100],
                stem=stem(word)[:100],
                entries=n,
            )
            for word, n in vocabulary.counts.items()
        ]
        SearchWord.objects.using(using).bulk_create(words, batch_size=5000)
        backend.after_rebuild(connection)
    return RebuildSummary(counts[ARTICLE], counts[QUESTION], len(words))
