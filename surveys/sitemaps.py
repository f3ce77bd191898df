"""The survey pages under /onderzoek/ in sitemap.xml: the list of rounds, every round and
every question (each with its chart and table), paged like every section of the index
so that no sitemap grows with the number of rounds."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from ambtenarenpanel.pagination import KeysFirstPaginator

from .models import Question, Survey

#: URLs per sitemap page, as the articles' sections have.
PAGE_SIZE = 200


class SurveyListSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["surveys:survey-list"]

    def location(self, item: str) -> str:
        return reverse(item)


class SurveySitemap(Sitemap):
    changefreq = "monthly"
    limit = PAGE_SIZE

    def items(self):
        return Survey.objects.order_by("pk").only("slug")


class QuestionSitemap(Sitemap):
    changefreq = "monthly"
    limit = PAGE_SIZE

    @property
    def paginator(self):
        return KeysFirstPaginator(self._items(), self.limit)

    def items(self):
        return (
            Question.objects.select_related("survey")
            .order_by("survey_id", "order", "pk")
            .only("code", "survey__slug")
        )
