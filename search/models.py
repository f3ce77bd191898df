"""The search index: one table of entries over articles and survey questions, and its words.

``SearchEntry`` holds the text a reader can find (plain text only: see ``search.text``),
one row per published article or survey question, written by ``search.indexing``. The
database keeps the full-text index of those rows in step by itself, in the same
transaction as each write (triggers created by migration 0001, ``search/backends/``):

- PostgreSQL: ``vector`` (a ``tsvector`` of title A, lead B, body C with the Dutch
  configuration), with a GIN index;
- SQLite: the FTS5 table ``search_entry_fts`` over title, lead and body (external
  content: this table), with the ``unicode61 remove_diacritics 2`` tokenizer. A later
  migration that rebuilds ``search_searchentry`` on SQLite drops its triggers: it must
  call ``search.backends.sqlite.install()`` again (``rebuild_search_index`` does too).

``SearchWord`` is the vocabulary: every distinct word of the entries, with its Dutch stem
and the number of entries holding it. SQLite matches a query word by its stem through it
(FTS5 cannot stem Dutch), and both databases draw "Bedoelde je …?" from it (PostgreSQL
with a ``pg_trgm`` GIN index on ``word``).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("Artikel")
        QUESTION = "question", _("Onderzoeksvraag")

    # The small columns first: SQLite reads a row's columns in order, and a query
    # that filters or sorts on them should not read past the text.
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("nummer"))
    #: Hidden until then: a scheduled article becomes findable without a write.
    published_at = models.DateTimeField(_("publicatietijd"))
    url = models.CharField(_("adres"), max_length=500)
    #: Shown with the hit: the article's category, the question's round.
    context = models.CharField(_("context"), max_length=300, blank=True)
    title = models.TextField(_("titel"))
    lead = models.TextField(_("intro"), blank=True)
    body = models.TextField(_("tekst"), blank=True)
    #: PostgreSQL only (kept by a trigger); always empty on SQLite.
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("zoekindex-item")
        verbose_name_plural = _("zoekindex")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="unique_search_entry_per_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class SearchWord(models.Model):
    #: Folded as the FTS5 tokenizer folds it: lower case, no diacritics.
    word = models.CharField(_("woord"), max_length=100, unique=True)
    #: As it was first written (lower case, with diacritics): how a suggestion reads.
    spelling = models.CharField(_("spelling"), max_length=100)
    stem = models.CharField(_("stam"), max_length=100, db_index=True)
    #: How many entries hold the word; a word at 0 is removed.
    entries = models.IntegerField(_("aantal items"), default=0)

    class Meta:
        verbose_name = _("woord")
        verbose_name_plural = _("woorden")

    def __str__(self) -> str:
        return self.word
