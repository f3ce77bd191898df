"""Receivers that keep the index in step with articles and survey questions.

Connected once from ``SearchConfig.ready()``. Saves and deletes in the admin, the demo
and the shell arrive as model signals and are indexed in the same transaction. Bulk
writes send signals of their own: ``articles.signals.articles_changed`` (publishing in
bulk, inside its transaction) and ``surveys.signals.survey_data_changed`` (an import,
after its commit).
"""

import threading

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete

from articles.models import Article, Category
from articles.signals import articles_changed
from surveys.models import AnswerOption, Question, Survey
from surveys.signals import survey_data_changed

from . import indexing
from .documents import ARTICLE, QUESTION


def _article_saved(sender, instance: Article, **kwargs) -> None:
    indexing.index_articles([instance.pk])


def _article_deleted(sender, instance: Article, **kwargs) -> None:
    indexing.remove(ARTICLE, [instance.pk])


def _articles_changed(sender, article_ids, **kwargs) -> None:
    indexing.index_articles(article_ids)


def _category_saved(sender, instance: Category, created: bool, **kwargs) -> None:
    if not created:
        articles = Article.objects.filter(category=instance).values("pk")
        indexing.set_context(ARTICLE, articles, instance.name)


def _survey_saved(sender, instance: Survey, created: bool, **kwargs) -> None:
    if not created:  # its title and slug are in its questions' entries
        indexing.index_survey(instance.pk)


def _question_saved(sender, instance: Question, **kwargs) -> None:
    indexing.index_questions([instance.pk])


def _question_deleted(sender, instance: Question, **kwargs) -> None:
    indexing.remove(QUESTION, [instance.pk])


def _option_saved(sender, instance: AnswerOption, **kwargs) -> None:
    indexing.index_questions([instance.question_id])


# Questions whose options a delete is removing, by the delete that started it
# (``origin``): a delete of many options reindexes each question once.
_deleting = threading.local()


def _is_option_delete(origin) -> bool:
    # Deleting a question or a round deletes its options too: nothing to reindex.
    return isinstance(origin, AnswerOption) or (
        isinstance(origin, QuerySet) and origin.model is AnswerOption
    )


def _option_deleting(sender, instance: AnswerOption, origin=None, **kwargs) -> None:
    if _is_option_delete(origin):
        pending = _deleting.__dict__.setdefault("questions", {})
        pending.setdefault(id(origin), set()).add(instance.question_id)


def _option_deleted(sender, instance: AnswerOption, origin=None, **kwargs) -> None:
    pending = _deleting.__dict__.get("questions", {}).pop(id(origin), None)
    if pending:  # the first option of this delete: all of them are gone by now
        indexing.index_questions(pending)


def _survey_data_changed(sender, survey_ids, question_ids, **kwargs) -> None:
    indexing.index_questions(question_ids)


def connect_receivers() -> None:
    uid = "search-index"
    post_save.connect(_article_saved, sender=Article, dispatch_uid=f"{uid}-article")
    post_delete.connect(
        _article_deleted, sender=Article, dispatch_uid=f"{uid}-article-delete"
    )
    articles_changed.connect(_articles_changed, dispatch_uid=f"{uid}-articles")
    post_save.connect(_category_saved, sender=Category, dispatch_uid=f"{uid}-category")
    post_save.connect(_survey_saved, sender=Survey, dispatch_uid=f"{uid}-survey")
    post_save.connect(_question_saved, sender=Question, dispatch_uid=f"{uid}-question")
    post_delete.connect(
        _question_deleted, sender=Question, dispatch_uid=f"{uid}-question-delete"
    )
    post_save.connect(_option_saved, sender=AnswerOption, dispatch_uid=f"{uid}-option")
    pre_delete.connect(
        _option_deleting, sender=AnswerOption, dispatch_uid=f"{uid}-option-deleting"
    )
    post_delete.connect(
        _option_deleted, sender=AnswerOption, dispatch_uid=f"{uid}-option-delete"
    )
    survey_data_changed.connect(_survey_data_changed, dispatch_uid=f"{uid}-import")
