from chartjs.views.base import JSONView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from ambtenarenpanel.caching import ARTICLES, SURVEYS, cached_page
from ambtenarenpanel.pagination import paginate

from .charts import build_chart
from .models import Question, Result, Survey, with_breakdowns_where_no_total
from .services import export_results

SURVEYS_PER_PAGE = 20


@cached_page(SURVEYS, params=["pagina"])
@require_safe
def survey_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, Survey.objects.with_question_count(), SURVEYS_PER_PAGE)
    return render(request, "surveys/survey_list.html", {"page_obj": page})


@cached_page(SURVEYS)
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


@cached_page(SURVEYS, ARTICLES)  # ARTICLES: the articles that cite the question
@require_safe
def question_detail(request: HttpRequest, survey_slug: str, code: str) -> HttpResponse:
    question = get_object_or_404(
        Question.objects.with_results(), survey__slug=survey_slug, code=code
    )
    context = {
        "question": question,
        "survey": question.survey,
        "chart": build_chart(question),
    }
    return render(request, "surveys/question_detail.html", context)


@cached_page(SURVEYS)
class QuestionChartView(JSONView):
    """``grafiek.json``: the Chart.js data of one question, every segment a dataset."""

    def get_context_data(self, **kwargs) -> dict:
        question = get_object_or_404(
            Question.objects.with_results(),
            survey__slug=kwargs["survey_slug"],
            code=kwargs["code"],
        )
        return build_chart(question).payload()


@require_safe
def survey_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The round's results in the import format, so that export → edit → import round-trips."""
    survey = get_object_or_404(Survey, slug=slug)
    dataset = export_results(Result.objects.filter(option__question__survey=survey))
    response = HttpResponse(dataset.csv, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{survey.slug}.csv"'
    return response
