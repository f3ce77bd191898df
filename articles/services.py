from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import QuerySet, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from ambtenarenpanel.caching import invalidate

from .models import Article, Comment
from .signals import articles_changed


@transaction.atomic
def set_comment_status(*, comments: QuerySet[Comment], status: str) -> int:
    """Give every comment in ``comments`` the moderation ``status``; return how many changed."""
    count = comments.exclude(status=status).update(status=status)
    invalidate()  # update() sends no signals
    return count


@transaction.atomic
def set_article_status(*, articles: QuerySet[Article], status: str) -> int:
    """Give every article in ``articles`` the ``status``; return how many changed.

    Publishing a draft sets its publish time to now, so that it appears at the top of
    the lists and feeds with today's date, not the day the draft was started; a
    publish time in the future stays (the article then appears at that time).
    ``updated_at`` moves along, so that the sitemap reports the change.
    """
    now = timezone.now()
    changes = {"status": status, "updated_at": now}
    if status == Article.Status.PUBLISHED:
        changes["published_at"] = Greatest("published_at", Value(now))
    changing = articles.exclude(status=status)
    ids = list(changing.values_list("pk", flat=True))
    count = changing.filter(pk__in=ids).update(**changes)
    invalidate()  # update() sends no signals
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


def store_comment(*, comment: Comment) -> bool:
    """Store a new ``comment`` unless its article already has the same one.

    Returns whether it was stored. The database's unique fingerprint decides, so two
    posts of one double click that arrive at the same moment store one comment.
    """
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        if Comment.objects.filter(
            article_id=comment.article_id, fingerprint=comment.fingerprint
        ).exists():
            return False
        raise
    return True
