"""What the figure check found in each article, kept so that the admin can filter cheaply.

``FigureCheck`` holds an article's findings (recomputed on every save and whenever
the data it cites change), the rounds it cites, and when a re-import changed one of
its figures after publication. ``CitedFigure`` is each figure the article cites
(by tag, or as checked plain text) with the value it had when last checked, so that
a re-import can tell which articles it changed.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FigureCheck(models.Model):
    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="figure_check",
        verbose_name=_("artikel"),
    )
    findings = models.JSONField(_("bevindingen"), default=list, blank=True)
    has_mismatch = models.BooleanField(_("cijfers kloppen niet"), default=False)
    checked_at = models.DateTimeField(_("gecontroleerd"))
    surveys = models.ManyToManyField(
        "surveys.Survey",
        blank=True,
        related_name="+",
        verbose_name=_("geciteerde enquêtes"),
    )
    figures_changed_at = models.DateTimeField(
        _("cijfers gewijzigd"),
        null=True,
        blank=True,
        help_text=_(
            "Wanneer een nieuwe import een geciteerd cijfer van het gepubliceerde artikel veranderde."
        ),
    )
    figures_note_date = models.DateField(
        _("melding bijgewerkte cijfers"),
        null=True,
        blank=True,
        help_text=_(
            "De datum in de melding op het artikel; gezet zodra het artikel daarna is opgeslagen."
        ),
    )

    class Meta:
        verbose_name = _("cijfercontrole")
        verbose_name_plural = _("cijfercontroles")
        indexes = [
            models.Index(fields=["has_mismatch"]),
            models.Index(fields=["figures_changed_at"]),
        ]

    def __str__(self) -> str:
        return str(self.article)

    @property
    def is_change_pending(self) -> bool:
        """Changed figures the article's page does not mention yet (it is not saved since)."""
        return self.figures_changed_at is not None and (
            self.figures_note_date is None
            or self.figures_note_date < self.figures_changed_at.date()
        )


class CitedFigure(models.Model):
    class Via(models.TextChoices):
        TAG = "tag", _("[cijfer]")
        TEXT = "text", _("tekst")

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="cited_figures"
    )
    question = models.ForeignKey(
        "surveys.Question", on_delete=models.CASCADE, related_name="+"
    )
    answer = models.CharField(
        _("antwoord"), max_length=500
    )  # "Ja", "Altijd+Vaak", "Ja@Gemeente"
    value = models.DecimalField(_("waarde"), max_digits=7, decimal_places=2, null=True)
    via = models.CharField(max_length=4, choices=Via.choices)

    class Meta:
        verbose_name = _("geciteerd cijfer")
        verbose_name_plural = _("geciteerde cijfers")
        indexes = [models.Index(fields=["question"])]

    def __str__(self) -> str:
        return f"{self.question_id}/{self.answer}: {self.value}"
