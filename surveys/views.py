from chartjs.views.base import JSONView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from ambtenarenpanel.caching import cached_page
from ambtenarenpanel.pagination import paginate

from .charts import build_chart, build_charts
from .export import results_csv, results_xlsx
from .models import Question, Result, Survey, with_breakdowns_where_no_total

SURVEYS_PER_PAGE = 20
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@cached_page(params=["pagina"])
@require_safe
def survey_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, Survey.objects.with_question_count(), SURVEYS_PER_PAGE)
    return render(request, "surveys/survey_list.html", {"page_obj": page})


@cached_page()
@require_safe
def survey_detail(request: HttpRequest, slug: str) -> HttpResponse:
    survey = get_object_or_404(
        Survey.objects.with_results(all_segments=False), slug=slug
    )
    questions = with_breakdowns_where_no_total(survey.questions.all())
    charts = [build_chart(question, all_segments=False) for question in questions]
    return render(
        request, "surveys/survey_detail.html", {"survey": survey, "charts": charts}
    )


@cached_page()
@require_safe
def question_detail(request: HttpRequest, survey_slug: str, code: str) -> HttpResponse:
    question = get_object_or_404(
        Question.objects.with_results(), survey__slug=survey_slug, code=code
    )
    charts = build_charts(question)
    context = {
        "question": question,
        "survey": question.survey,
        "chart": charts[0],
        "charts": charts,
        "has_intervals": any(chart.has_intervals for chart in charts),
    }
    return render(request, "surveys/question_detail.html", context)


@cached_page()
class QuestionChartView(JSONView):
    """``grafiek.json``: the Chart.js data of one question, every segment a dataset."""

    def get_context_data(self, **kwargs) -> dict:
        question = get_object_or_404(
            Question.objects.with_results(),
            survey__slug=kwargs["survey_slug"],
            code=kwargs["code"],
        )
        return build_chart(question).payload()


@cached_page()
@require_safe
def survey_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The round's results in the import format, so that export → edit → import round-trips."""
    survey = get_object_or_404(Survey, slug=slug)
    data = results_csv(
        Result.objects.filter(option__question__survey=survey),
        with_statistics=survey.is_computed,
    )
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{survey.slug}.csv"'
    return response


@cached_page()
@require_safe
def survey_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    """``data.csv`` as an Excel workbook, for readers whose Excel opens CSV badly."""
    survey = get_object_or_404(Survey, slug=slug)
    data = results_xlsx(
        Result.objects.filter(option__question__survey=survey),
        with_statistics=survey.is_computed,
    )
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{survey.slug}.xlsx"'
    return response
