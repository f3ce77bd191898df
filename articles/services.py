from datetime import timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from ambtenarenpanel.caching import ARTICLES, article_scope, invalidate

from .models import Article, Comment
from .signals import articles_changed


@transaction.atomic
def set_comment_status(*, comments: QuerySet[Comment], status: str) -> int:
    """Give every comment in ``comments`` the moderation ``status``; return how many changed."""
    changing = comments.exclude(status=status)
    slugs = set(changing.values_list("article__slug", flat=True))
    count = changing.update(status=status)
    invalidate(*map(article_scope, slugs))  # update() sends no signals
    return count


@transaction.atomic
def set_article_status(*, articles: QuerySet[Article], status: str) -> int:
    """Give every article in ``articles`` the ``status``; return how many changed.

    ``updated_at`` moves along, so that the sitemap reports the change. A
    publish time in the future stays: the article then appears at that time.
    """
    changing = articles.exclude(status=status)
    ids = list(changing.values_list("pk", flat=True))
    count = changing.filter(pk__in=ids).update(status=status, updated_at=timezone.now())
    invalidate(ARTICLES)  # update() sends no signals
    # In the same transaction: the search index changes with the articles, or not at all.
    articles_changed.send(Article, article_ids=ids)
    return count


@transaction.atomic
def purge_comment_ips(*, older_than_days: int) -> int:
    """Forget the IP address of comments posted more than ``older_than_days`` ago.

    Returns the number of comments whose address was removed.
    """
    cutoff = timezone.now() - timedelta(days=older_than_days)
    return Comment.objects.filter(
        created_at__lt=cutoff, ip_address__isnull=False
    ).update(ip_address=None)
