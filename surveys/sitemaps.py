"""The survey pages under /onderzoek/ in sitemap.xml: the list of rounds, every round and
every question (each with its chart and table)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Question, Survey


class SurveyListSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["surveys:survey-list"]

    def location(self, item: str) -> str:
        return reverse(item)


class SurveySitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Survey.objects.order_by("pk").only("slug")


class QuestionSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return (
            Question.objects.select_related("survey")
            .order_by("survey_id", "order", "pk")
            .only("code", "survey__slug")
        )
