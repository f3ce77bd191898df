"""RSS 2.0 feeds: the newest articles, per category and per author.

Every text goes through ``clean_text`` once more on its way out (``CleanRssFeed``):
titles and leads are cleaned when saved, but a row written before that, or by a raw
update, must not make a feed answer 500 (Django refuses control characters in XML)
or send malformed XML (U+FFFE).
"""

from datetime import UTC, datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ambtenarenpanel.caching import cached_page
from ambtenarenpanel.text import clean_text

from .figures.rendering import with_plain_leads
from .models import Article, Author, Category

FEED_SIZE = 20
#: lastBuildDate of a feed without articles: a fixed time, so that the feed stays
#: the same from one request to the next (Django would put in the current time).
EMPTY_FEED_DATE = datetime(2020, 1, 1, tzinfo=UTC)


def _clean(value):
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return type(value)(_clean(part) for part in value)
    return value


class CleanRssFeed(Rss201rev2Feed):
    """RSS 2.0 whose texts hold only characters XML 1.0 can carry; its lastBuildDate
    is the publish time of its newest article."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            *map(_clean, args), **{key: _clean(value) for key, value in kwargs.items()}
        )

    def add_item(self, *args, **kwargs):
        super().add_item(
            *map(_clean, args), **{key: _clean(value) for key, value in kwargs.items()}
        )

    def latest_post_date(self):
        dates = [item["pubdate"] for item in self.items if item.get("pubdate")]
        return max(dates, default=EMPTY_FEED_DATE)


@cached_page()  # CategoryFeed and AuthorFeed inherit it
class LatestArticlesFeed(Feed):
    feed_type = CleanRssFeed
    # The articles are Dutch, whatever the reader's interface language.
    language = "nl"
    title = _("Ambtenarenpanel: nieuwste artikelen")
    description = _("De nieuwste artikelen van het Ambtenarenpanel.")

    def link(self):
        return reverse("articles:home")

    def items(self):
        return with_plain_leads(
            Article.objects.published().with_listing_data()[:FEED_SIZE]
        )

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.plain_lead  # [cijfer] tags as their figures, see items()

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_author_name(self, item: Article) -> str:
        return item.author.name

    def item_categories(self, item: Article):
        return [item.category.name]


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug: str) -> Category:
        return get_object_or_404(Category, slug=slug)

    def title(self, obj: Category) -> str:
        return _("Ambtenarenpanel: %(category)s") % {"category": obj.name}

    def description(self, obj: Category) -> str:
        return _("De nieuwste artikelen in de categorie %(category)s.") % {
            "category": obj.name
        }

    def link(self, obj: Category) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Category):
        return with_plain_leads(
            obj.articles.published().with_listing_data()[:FEED_SIZE]
        )


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request, slug: str) -> Author:
        return get_object_or_404(Author, slug=slug)

    def title(self, obj: Author) -> str:
        return _("Ambtenarenpanel: artikelen van %(name)s") % {"name": obj.name}

    def description(self, obj: Author) -> str:
        return _("De nieuwste artikelen van %(name)s.") % {"name": obj.name}

    def link(self, obj: Author) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Author):
        return with_plain_leads(
            obj.articles.published().with_listing_data()[:FEED_SIZE]
        )
