"""The figure check in the article admin: findings, one-click tags, a filter, publish confirmation.

``FigureCheckAdminMixin`` goes before ``admin.ModelAdmin`` in ``ArticleAdmin``:

- the change page lists the stored findings above the fields
  (``admin/articles/article/change_form.html``), each mismatch with a button
  "Koppel dit cijfer" that replaces the written figure by its ``[cijfer]`` tag
  (``link_figure_view``: a POST with the form's CSRF token, refused when the text
  changed since the page was shown or the form holds edits not saved yet);
- ``FiguresFilter`` ("Cijfers kloppen niet", "Cijfers gewijzigd sinds publicatie") reads
  the stored checks, one join;
- saving with status published, when the text has a mismatch, first shows an
  intermediate page (``confirm_publish.html``), and so does the bulk action
  (``confirm_publishing_selection()``); both work without JavaScript.
"""

import hashlib
from decimal import Decimal

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.db.models.functions import TruncDate
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from articles.html import sanitize_html

from .check import MISMATCH, ArticleText
from .models import FigureCheck
from .presentation import finding_sentence
from .rendering import ArticleFigures, percentage_words, plain
from .services import check_article, finding_record, refresh_figure_check

MISMATCHES = "kloppen-niet"
CHANGED = "gewijzigd"
CHANGED_NOT_SAVED = "gewijzigd-niet-opgeslagen"


class FiguresFilter(admin.SimpleListFilter):
    title = gettext_lazy("cijfers")
    parameter_name = "cijfers"

    def lookups(self, request, model_admin):
        return [
            (MISMATCHES, gettext_lazy("Cijfers kloppen niet")),
            (CHANGED, gettext_lazy("Cijfers gewijzigd sinds publicatie")),
            (
                CHANGED_NOT_SAVED,
                gettext_lazy("Cijfers gewijzigd, artikel nog niet opnieuw opgeslagen"),
            ),
        ]

    def queryset(self, request, queryset):
        changed = Q(figure_check__figures_changed_at__isnull=False) & Q(
            figure_check__figures_changed_at__gt=F("published_at")
        )
        if self.value() == MISMATCHES:
            return queryset.filter(figure_check__has_mismatch=True)
        if self.value() == CHANGED:
            return queryset.filter(changed)
        if self.value() == CHANGED_NOT_SAVED:
            return queryset.filter(changed).filter(
                Q(figure_check__figures_note_date__isnull=True)
                | Q(
                    figure_check__figures_note_date__lt=TruncDate(
                        "figure_check__figures_changed_at"
                    )
                )
            )
        return queryset


def text_digest(text: str) -> str:
    return hashlib.sha256((text or "").encode()).hexdigest()[:16]


def link_token(finding: dict, text: str) -> str:
    """What the "Koppel dit cijfer" button sends: where the figure stands and what the field held."""
    return f"{finding['field']}:{finding['start']}:{finding['end']}:{text_digest(text)}"


def _plain_field(name: str, value: str) -> str:
    return " ".join(
        plain(value or "", ArticleFigures(), is_html=name == "body").split()
    )


class FigureCheckAdminMixin:
    change_form_template = "admin/articles/article/change_form.html"

    # --- the change page -------------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "<path:object_id>/koppel-cijfer/",
                self.admin_site.admin_view(require_POST(self.link_figure_view)),
                name="articles_article_link_figure",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is not None:
            extra_context = {**(extra_context or {}), **self._figure_context(article)}
        return super().change_view(request, object_id, form_url, extra_context)

    def _figure_context(self, article) -> dict:
        check = FigureCheck.objects.filter(
            article=article
        ).first() or refresh_figure_check(article=article)
        findings = []
        for finding in check.findings:
            text = getattr(article, finding["field"], "")
            findings.append(
                {
                    **finding,
                    "sentence": finding_sentence(finding),
                    "token": link_token(finding, text) if finding.get("tag") else "",
                }
            )
        return {
            "figure_check": check,
            "figure_findings": findings,
            "link_figure_url": reverse(
                "admin:articles_article_link_figure", args=[article.pk]
            ),
        }

    def link_figure_view(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            return HttpResponseRedirect(reverse("admin:articles_article_changelist"))
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        problem, done = self._link_figure(request, article)
        if problem:
            self.message_user(request, problem, messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return HttpResponseRedirect(change_url)

    def _link_figure(self, request, article) -> tuple[str, str]:
        """Replace the figure the button names by its tag; (problem, "") or ("", done)."""
        try:
            field, start, end, digest = request.POST.get("_koppel", "").split(":")
            start, end = int(start), int(end)
        except ValueError:
            return _(
                "Dit cijfer kon niet worden gekoppeld: de knop stuurde geen geldig cijfer."
            ), ""
        if (
            field not in ("title", "lead", "body")
            or text_digest(getattr(article, field)) != digest
        ):
            return _(
                "Het artikel is intussen gewijzigd. Bekijk de cijfercontrole hieronder opnieuw "
                "en koppel het cijfer dan nog eens."
            ), ""
        for name in ("title", "lead", "body"):
            if name in request.POST and _plain_field(
                name, request.POST[name]
            ) != _plain_field(name, getattr(article, name)):
                return _(
                    "Het formulier bevat wijzigingen die nog niet zijn opgeslagen. Sla het artikel "
                    "eerst op en koppel het cijfer daarna; er is niets veranderd."
                ), ""
        figure = next(
            (
                f
                for f in check_article(article).findings
                if f.kind == MISMATCH
                and f.field == field
                and f.source_span == (start, end)
            ),
            None,
        )
        finding = finding_record(article.slug, figure) if figure else None
        if not finding or not finding["tag"]:
            return _(
                "Dit cijfer staat niet meer als bevinding in het artikel; er is niets veranderd."
            ), ""
        text = getattr(article, field)
        tag = escape(finding["tag"]) if field == "body" else finding["tag"]
        setattr(article, field, text[:start] + tag + text[end:])
        article.save()
        message = _(
            "‘%(written)s’ is vervangen door %(tag)s: de tekst toont nu %(figure)s."
        ) % {
            "written": finding["written"],
            "tag": finding["tag"],
            "figure": _stored_words(finding),
        }
        self.log_change(request, article, message)
        return "", message

    # --- publishing with a mismatch ----------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST":
            if "_figures_as_draft" in request.POST:
                post = request.POST.copy()
                post["status"] = self.model.Status.DRAFT
                request.POST = post
            elif "_figures_confirmed" not in request.POST:
                confirmation = self._confirm_publish(request, object_id)
                if confirmation is not None:
                    return confirmation
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _confirm_publish(self, request, object_id):
        if request.POST.get("status") != self.model.Status.PUBLISHED:
            return None
        article = self.get_object(request, unquote(object_id)) if object_id else None
        text = ArticleText(
            title=request.POST.get("title", ""),
            lead=request.POST.get("lead", ""),
            body=sanitize_html(request.POST.get("body", "")),
        )
        slug = request.POST.get("slug", "") or (article.slug if article else "")
        findings = [
            finding_record(slug, f)
            for f in check_article(article, text=text).findings
            if f.kind == MISMATCH
        ]
        if not findings:
            return None
        if article is not None and article.status == self.model.Status.PUBLISHED:
            known = {
                (f["value"], f["question"], f["answer"])
                for f in getattr(getattr(article, "figure_check", None), "findings", [])
                if f["kind"] == MISMATCH
            }
            if all((f["value"], f["question"], f["answer"]) in known for f in findings):
                return None  # published already, with these same findings
        hidden = [
            (name, value)
            for name, values in request.POST.lists()
            if name != "csrfmiddlewaretoken"
            for value in values
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Publiceren met cijfers die niet kloppen?"),
            "article_title": text.title,
            "sentences": [finding_sentence(f) for f in findings],
            "hidden": hidden,
            "has_files": bool(request.FILES),
        }
        return TemplateResponse(
            request, "admin/articles/article/confirm_publish.html", context
        )

    def confirm_publishing_selection(self, request, queryset):
        """For the bulk publish action: a confirmation page when a selected article has a mismatch.

        Returns None when nothing needs confirming or the editor confirmed (``post=yes``).
        """
        if request.POST.get("post") == "yes":
            return None
        mismatched = list(
            queryset.exclude(status=self.model.Status.PUBLISHED)
            .filter(figure_check__has_mismatch=True)
            .select_related("figure_check")
        )
        if not mismatched:
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Publiceren met cijfers die niet kloppen?"),
            "articles": [
                (
                    article,
                    [
                        finding_sentence(f)
                        for f in article.figure_check.findings
                        if f["kind"] == MISMATCH
                    ],
                )
                for article in mismatched
            ],
            "selected": [str(pk) for pk in queryset.values_list("pk", flat=True)],
            "action": request.POST.get("action", "publish"),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/articles/article/confirm_bulk_publish.html", context
        )


def _stored_words(finding: dict) -> str:
    if finding.get("is_suppressed") or finding.get("stored") is None:
        return _("(te weinig respondenten)")
    return percentage_words(Decimal(str(finding["stored"])))
