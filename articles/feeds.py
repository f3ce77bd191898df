from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ambtenarenpanel.caching import ARTICLES, cached_page

from .figures.rendering import with_plain_leads
from .models import Article, Category

FEED_SIZE = 20


@cached_page(ARTICLES)  # CategoryFeed inherits it
class LatestArticlesFeed(Feed):
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
