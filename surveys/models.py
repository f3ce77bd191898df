from django.db import models
from django.db.models import Count, F, Prefetch, Q, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

TOTAL_SEGMENT = "Totaal"


class SurveyQuerySet(models.QuerySet):
    def with_question_count(self) -> "SurveyQuerySet":
        """Newest fieldwork first, with ``question_count``; rounds without dates last."""
        return self.annotate(question_count=Count("questions")).order_by(
            F("fieldwork_end").desc(nulls_last=True), "-id"
        )

    def with_results(self, *, all_segments: bool = True) -> "SurveyQuerySet":
        """Rounds with every question, option and result: four queries in all.

        ``all_segments`` as for ``Question.objects.with_results()``.
        """
        questions = Question.objects.with_results(all_segments=all_segments)
        return self.prefetch_related(Prefetch("questions", queryset=questions))


class Survey(models.Model):
    """One survey round (enquête) of the panel."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    fieldwork_start = models.DateField(_("begin veldwerk"), null=True, blank=True)
    fieldwork_end = models.DateField(_("einde veldwerk"), null=True, blank=True)
    respondents = models.PositiveIntegerField(
        _("aantal respondenten"),
        null=True,
        blank=True,
        help_text=_("n, het aantal deelnemers."),
    )
    respondents_note = models.CharField(
        _("aantal respondenten in woorden"),
        max_length=100,
        blank=True,
        help_text=_(
            "Bijvoorbeeld ‘een kleine 500’, als het precieze aantal niet bekend is."
        ),
    )
    method = models.TextField(_("methode"), blank=True)
    computed_at = models.DateTimeField(
        _("berekend uit antwoorden"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Wanneer de cijfers het laatst zijn berekend uit de antwoorden van de "
            "respondenten; leeg als ze als percentages zijn ingelezen."
        ),
    )
    is_weighted = models.BooleanField(
        _("gewogen"),
        default=False,
        editable=False,
        help_text=_("De berekende cijfers zijn gewogen (kolom gewicht)."),
    )
    effective_respondents = models.FloatField(
        _("effectief aantal respondenten"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Kish: (Σw)² / Σw², gelijk aan het aantal zonder weging."),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-fieldwork_end", "-id"]
        verbose_name = _("enquête")
        verbose_name_plural = _("enquêtes")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:survey-detail", kwargs={"slug": self.slug})

    @property
    def respondents_display(self) -> str:
        """n as a reader should see it: the exact number, or the wording of the note."""
        if self.respondents is not None:
            return str(self.respondents)
        return self.respondents_note

    @property
    def is_computed(self) -> bool:
        """True when the figures were computed from respondent-level answers."""
        return self.computed_at is not None


class QuestionQuerySet(models.QuerySet):
    def with_results(self, *, all_segments: bool = True) -> "QuestionQuerySet":
        """Questions with their round, options in order and results with segment.

        Three queries however many questions: what every chart needs. With
        ``all_segments=False``, only the results of Totaal, which is what
        ``build_chart(all_segments=False)`` shows (the survey page, charts in
        articles): a fifth of the rows when a round has four breakdowns. Pass the
        questions to ``with_breakdowns_where_no_total()`` then, for the questions
        that have no Totaal.
        """
        return self.select_related("survey").prefetch_related(
            _options_with_results(all_segments=all_segments)
        )


def _options_with_results(*, all_segments: bool) -> Prefetch:
    results = Result.objects.select_related("segment")
    if not all_segments:
        results = results.filter(segment__name=TOTAL_SEGMENT)
    options = AnswerOption.objects.order_by("order", "id").prefetch_related(
        Prefetch("results", queryset=results)
    )
    return Prefetch("options", queryset=options)


def with_breakdowns_where_no_total(questions) -> list:
    """``questions`` (from ``with_results(all_segments=False)``), with every result loaded
    for those that have no Totaal figures: their chart shows the breakdowns instead.

    No query when every question has Totaal figures; two more otherwise.
    """
    questions = list(questions)
    without_total = [
        question
        for question in questions
        if not any(option.results.all() for option in question.options.all())
    ]
    if without_total:
        for question in without_total:
            question._prefetched_objects_cache.pop("options", None)
        prefetch_related_objects(
            without_total, _options_with_results(all_segments=True)
        )
    return questions


class Question(models.Model):
    class Type(models.TextChoices):
        SINGLE = "single", _("Eén antwoord")
        MULTI = "multi", _("Meer antwoorden mogelijk")
        PROFIEL = "profiel", _("Profielvraag (ook uitsplitsing)")

    survey = models.ForeignKey(
        Survey,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("enquête"),
    )
    code = models.SlugField(_("vraagcode"), max_length=50)
    text = models.TextField(_("vraag"))
    type = models.CharField(_("vraagtype"), max_length=10, choices=Type.choices)
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["survey", "order", "id"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "code"], name="unique_question_code_per_survey"
            ),
            models.CheckConstraint(
                condition=Q(type__in=["single", "multi", "profiel"]),
                name="question_type_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.text}"

    def get_absolute_url(self) -> str:
        return reverse(
            "surveys:question-detail",
            kwargs={"survey_slug": self.survey.slug, "code": self.code},
        )


class AnswerOption(models.Model):
    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="options",
        verbose_name=_("vraag"),
    )
    label = models.CharField(_("antwoord"), max_length=300)
    value = models.CharField(
        _("waarde"),
        max_length=50,
        blank=True,
        help_text=_("De code van dit antwoord in het antwoordenbestand (codeboek)."),
    )
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["question", "order", "id"]
        verbose_name = _("antwoordoptie")
        verbose_name_plural = _("antwoordopties")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "label"], name="unique_option_per_question"
            ),
        ]

    def __str__(self) -> str:
        return self.label


class Segment(models.Model):
    """A group of respondents; ``Totaal`` is everyone, others are breakdowns such as ``Gemeente``."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    group = models.CharField(
        _("uitsplitsing"),
        max_length=100,
        blank=True,
        help_text=_(
            "De profielvraag waar dit segment bij hoort (bijvoorbeeld Organisatie); "
            "een vraagpagina toont elke uitsplitsing als eigen grafiek."
        ),
    )
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("segment")
        verbose_name_plural = _("segmenten")

    def __str__(self) -> str:
        return self.name

    @property
    def is_total(self) -> bool:
        return self.name == TOTAL_SEGMENT


class Result(models.Model):
    """The share of one segment that gave one answer."""

    option = models.ForeignKey(
        AnswerOption,
        on_delete=models.CASCADE,
        related_name="results",
        verbose_name=_("antwoord"),
    )
    segment = models.ForeignKey(
        Segment,
        on_delete=models.PROTECT,
        related_name="results",
        verbose_name=_("segment"),
    )

    class Difference(models.TextChoices):
        HIGHER = "hoger", _("significant hoger dan de rest")
        LOWER = "lager", _("significant lager dan de rest")

    percentage = models.DecimalField(
        _("percentage"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leeg bij een onderdrukt cijfer (te weinig respondenten)."),
    )
    count = models.PositiveIntegerField(_("aantal"), null=True, blank=True)
    is_suppressed = models.BooleanField(
        _("onderdrukt"),
        default=False,
        help_text=_(
            "Te weinig respondenten in dit segment: nergens als cijfer getoond."
        ),
    )
    # Computed from respondent-level answers (surveys/respondents/); empty for
    # imported percentages and for suppressed figures.
    n = models.PositiveIntegerField(
        _("n"),
        null=True,
        blank=True,
        help_text=_("Respondenten in dit segment die de vraag beantwoordden."),
    )
    n_effective = models.FloatField(
        _("effectieve n"),
        null=True,
        blank=True,
        help_text=_("Kish: (Σw)² / Σw² over die respondenten."),
    )
    interval_low = models.DecimalField(
        _("marge van"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    interval_high = models.DecimalField(
        _("marge tot"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    difference = models.CharField(
        _("verschil met de rest"),
        max_length=5,
        choices=Difference.choices,
        blank=True,
        help_text=_(
            "Significant verschil met de overige respondenten (z-toets op de "
            "effectieve n, Holm-correctie, beide groepen minstens 30)."
        ),
    )

    class Meta:
        verbose_name = _("resultaat")
        verbose_name_plural = _("resultaten")
        constraints = [
            models.UniqueConstraint(
                fields=["option", "segment"], name="unique_result_per_option_segment"
            ),
            models.CheckConstraint(
                condition=Q(percentage__gte=0) & Q(percentage__lte=100),
                name="percentage_between_0_and_100",
            ),
            # A suppressed figure stores nothing that could give it away.
            models.CheckConstraint(
                condition=Q(is_suppressed=False)
                | Q(
                    percentage__isnull=True,
                    count__isnull=True,
                    interval_low__isnull=True,
                    interval_high__isnull=True,
                ),
                name="suppressed_result_has_no_figure",
                violation_error_message=_(
                    "Een onderdrukt cijfer heeft geen percentage, aantal of marge: "
                    "maak die velden leeg."
                ),
            ),
        ]

    def __str__(self) -> str:
        if self.is_suppressed or self.percentage is None:
            return f"{self.option} ({self.segment}): –"
        return f"{self.option} ({self.segment}): {self.percentage}%"


class Respondent(models.Model):
    """One respondent's raw answers in a round: staff only, never shown on the site.

    ``answers`` maps a question code to the ``waarde`` given (single and profiel) or
    to the list of chosen ``waarde``s (multi); questions left unanswered are absent.
    One row per respondent, not per answer: a round of 10 000 respondents × 100
    questions is 10 000 rows. The figures the site shows are ``Result`` rows computed
    from these at import (surveys/respondents/).
    """

    survey = models.ForeignKey(
        Survey,
        on_delete=models.CASCADE,
        related_name="respondent_rows",
        verbose_name=_("enquête"),
    )
    identifier = models.CharField(_("respondent"), max_length=100)
    weight = models.FloatField(_("gewicht"), null=True, blank=True)
    answers = models.JSONField(_("antwoorden"), default=dict)

    class Meta:
        ordering = ["survey", "id"]
        verbose_name = _("respondent")
        verbose_name_plural = _("respondenten")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "identifier"], name="unique_respondent_per_survey"
            ),
        ]

    def __str__(self) -> str:
        return self.identifier
