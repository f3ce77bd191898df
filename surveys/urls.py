from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.survey_list, name="survey-list"),
    path("<slug:slug>/", views.survey_detail, name="survey-detail"),
    path("<slug:slug>/data.csv", views.survey_csv, name="survey-csv"),
    path("<slug:slug>/data.xlsx", views.survey_xlsx, name="survey-xlsx"),
    path(
        "<slug:survey_slug>/<slug:code>/",
        views.question_detail,
        name="question-detail",
    ),
    path(
        "<slug:survey_slug>/<slug:code>/grafiek.json",
        views.QuestionChartView.as_view(),
        name="question-chart",
    ),
]
