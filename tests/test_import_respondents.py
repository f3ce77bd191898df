"""Research staff import a round's raw answers; the site computes every figure from them."""

from collections import Counter
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from surveys.models import Question, Respondent, Result, Segment
from surveys.respondents.service import import_respondents
from tests.factories import SurveyFactory
from tests.respondent_files import (
    CHANNELS,
    KNOWN,
    ORGANISATIONS,
    SAV_CODEBOOK,
    answer_headers,
    answer_rows,
    example_people,
    write,
    write_round,
    write_sav,
)

pytestmark = pytest.mark.django_db

ORGANISATION = dict(ORGANISATIONS)


def figure(code: str, label: str, segment: str = "Totaal") -> Result:
    return Result.objects.select_related("segment").get(
        option__question__code=code, option__label=label, segment__name=segment
    )


def expected_single(people, segment=None, weighted=False) -> dict[str, float]:
    """Percentages of ``bekend`` per answer, in plain Python over the same rows."""
    chosen = [p for p in people if p.bekend and (segment is None or segment(p))]
    weight = (lambda p: p.gewicht) if weighted else (lambda p: 1.0)
    total = sum(weight(p) for p in chosen)
    return {
        label: 100 * sum(weight(p) for p in chosen if p.bekend == value) / total
        for value, label in KNOWN
    }


@pytest.mark.parametrize("kind", ["csv", "xlsx", "ods"])
def test_a_round_is_imported_from_each_format_and_percentages_match_a_plain_count(
    tmp_path, kind
):
    survey = SurveyFactory(respondents=None)
    people = example_people()
    codebook, answers = write_round(tmp_path, kind)

    summary = import_respondents(
        survey=survey, answers=answers.read_bytes(), codebook=codebook.read_bytes()
    )

    assert summary.is_valid, summary.errors
    assert summary.respondents == len(people) == Respondent.objects.count()
    survey.refresh_from_db()
    assert survey.respondents == 150 and survey.is_computed and not survey.is_weighted
    for label, percentage in expected_single(people).items():
        assert abs(figure("bekend", label).percentage - Decimal(percentage)) <= Decimal(
            "0.05"
        )
    gemeente = expected_single(people, lambda p: p.organisatie == "1")
    assert (
        abs(
            float(figure("bekend", "Ja", "Organisatie: Gemeente").percentage)
            - gemeente["Ja"]
        )
        <= 0.05
    )
    answered = [p for p in people if p.bekend]
    assert figure("bekend", "Ja").n == len(answered)


def test_multi_percentages_are_over_respondents_who_chose_any_option(tmp_path):
    survey = SurveyFactory()
    people = example_people()
    codebook, answers = write_round(tmp_path, "csv")

    import_respondents(survey=survey, answers=answers, codebook=codebook)

    answered = [p for p in people if "1" in p.kanalen.values()]
    for value, label in CHANNELS:
        share = 100 * sum(p.kanalen[value] == "1" for p in answered) / len(answered)
        result = figure("kanalen", label)
        assert result.n == len(answered)
        assert abs(float(result.percentage) - share) <= 0.05


def test_codes_written_as_decimals_by_pandas_or_r_are_the_codes(tmp_path):
    """pandas and R write a number column with empty cells as 1.0, 2.0, 0.0: a person
    reads code 1 and "chosen", and the figures are those of the plain file."""
    people = example_people()
    rows = [
        [f"{value}.0" if value.isdigit() else value for value in row]
        for row in answer_rows(people)
    ]
    codebook, _plain = write_round(tmp_path, "csv")
    answers = write("csv", tmp_path / "pandas.csv", answer_headers(), rows)
    assert "1.0,0.0" in answers.read_text()

    summary = import_respondents(
        survey=SurveyFactory(), answers=answers, codebook=codebook
    )

    assert summary.is_valid, summary.errors
    for label, percentage in expected_single(people).items():
        assert abs(float(figure("bekend", label).percentage) - percentage) <= 0.05
    answered = [p for p in people if "1" in p.kanalen.values()]
    assert figure("kanalen", "E-mail").n == len(answered)


def test_weights_give_weighted_percentages_and_a_kish_effective_n(tmp_path):
    survey = SurveyFactory()
    people = example_people()
    codebook, answers = write_round(tmp_path, "xlsx", weighted=True)

    summary = import_respondents(survey=survey, answers=answers, codebook=codebook)

    assert summary.is_weighted
    for label, percentage in expected_single(people, weighted=True).items():
        assert abs(float(figure("bekend", label).percentage) - percentage) <= 0.05
    weights = [p.gewicht for p in people if p.bekend]
    kish = sum(weights) ** 2 / sum(w * w for w in weights)
    assert figure("bekend", "Ja").n_effective == pytest.approx(kish, abs=0.01)
    survey.refresh_from_db()
    assert survey.is_weighted


def test_segments_are_named_after_the_profile_question_and_its_value(tmp_path):
    survey = SurveyFactory()
    codebook, answers = write_round(tmp_path)

    import_respondents(survey=survey, answers=answers, codebook=codebook)

    names = set(
        Result.objects.filter(option__question__code="bekend").values_list(
            "segment__name", flat=True
        )
    )
    assert names == {
        "Totaal",
        *(f"Organisatie: {label}" for label in ORGANISATION.values()),
        "Leeftijd: Jonger dan 40",
        "Leeftijd: 40 of ouder",
    }
    assert Segment.objects.get(name="Organisatie: Gemeente").group == "Organisatie"
    assert Question.objects.get(code="organisatie").type == "profiel"


def test_a_small_group_is_suppressed_and_stores_no_figure(tmp_path):
    survey = SurveyFactory()
    codebook, answers = write_round(tmp_path)

    summary = import_respondents(survey=survey, answers=answers, codebook=codebook)

    small = Result.objects.filter(segment__name="Organisatie: Waterschap")
    assert small.exists() and all(r.is_suppressed for r in small)
    assert set(small.values_list("percentage", "count", "n", "interval_low")) == {
        (None, None, None, None)
    }
    assert summary.suppressed >= small.count()
    assert not figure("bekend", "Ja", "Organisatie: Gemeente").is_suppressed


def test_a_real_difference_is_marked_significant_and_the_interval_holds_the_figure(
    tmp_path,
):
    survey = SurveyFactory()
    codebook, answers = write_round(tmp_path)

    import_respondents(survey=survey, answers=answers, codebook=codebook)

    gemeente = figure("bekend", "Ja", "Organisatie: Gemeente")
    assert gemeente.difference == Result.Difference.HIGHER
    assert gemeente.interval_low < gemeente.percentage < gemeente.interval_high
    # Provincie has 26 respondents: below the 30 a test needs.
    assert figure("bekend", "Ja", "Organisatie: Provincie").difference == ""
    assert figure("bekend", "Ja").difference == ""


def test_sav_with_value_labels_and_user_missing_values_is_imported(tmp_path):
    survey = SurveyFactory()
    people = example_people()
    sav = write_sav(tmp_path / "ronde.sav", people, weighted=True)
    codebook = write("csv", tmp_path / "codeboek.csv", None, [])
    codebook.write_text(
        "vraagcode,vraag,vraagtype,waarde,label,volgorde\n"
        + "\n".join(",".join(str(v) for v in row) for row in SAV_CODEBOOK)
        + "\n"
    )

    summary = import_respondents(survey=survey, answers=sav, codebook=codebook)

    assert summary.is_valid, [str(e) for e in summary.errors]
    question = Question.objects.get(code="bekend")
    assert question.text == "Kent u de Agenda Digitale Overheid?"
    # 99 is user-missing: no answer, and no answer option.
    assert list(question.options.values_list("label", flat=True)) == [
        "Ja",
        "Nee",
        "Weet niet",
    ]
    for label, percentage in expected_single(people, weighted=True).items():
        assert abs(float(figure("bekend", label).percentage) - percentage) <= 0.05
    assert figure("bekend", "Ja").n == sum(1 for p in people if p.bekend)
    assert Segment.objects.filter(name="Organisatie: Gemeente").exists()
    assert figure("kanalen", "Telefoon").n == sum(
        1 for p in people if "1" in p.kanalen.values()
    )


def test_reimport_replaces_respondents_and_results_whole(tmp_path):
    survey = SurveyFactory()
    codebook, answers = write_round(tmp_path)
    import_respondents(survey=survey, answers=answers, codebook=codebook)
    fewer = example_people()[:120]
    write("csv", answers, answer_headers(), answer_rows(fewer))

    summary = import_respondents(survey=survey, answers=answers, codebook=codebook)

    assert summary.is_valid
    assert Respondent.objects.filter(survey=survey).count() == 120
    assert figure("bekend", "Ja").n == sum(1 for p in fewer if p.bekend)
    assert Counter(
        Result.objects.filter(option__question__code="bekend").values_list(
            "segment__name", flat=True
        )
    )["Totaal"] == len(KNOWN)


def test_importing_the_same_files_again_reports_no_changed_questions(tmp_path):
    survey = SurveyFactory()
    codebook, answers = write_round(tmp_path)
    first = import_respondents(survey=survey, answers=answers, codebook=codebook)
    again = import_respondents(survey=survey, answers=answers, codebook=codebook)

    assert len(first.changed_question_ids) == 4
    assert again.changed_question_ids == set()


def test_dry_run_shows_the_totals_and_stores_nothing(tmp_path):
    survey = SurveyFactory()
    codebook, answers = write_round(tmp_path)

    summary = import_respondents(
        survey=survey, answers=answers, codebook=codebook, dry_run=True
    )

    assert summary.is_valid and summary.respondents == 150
    total = next(t for t in summary.totals if t.code == "bekend")
    assert [a.label for a in total.answers] == ["Ja", "Nee", "Weet niet"]
    assert sum(a.percentage for a in total.answers) == pytest.approx(100, abs=0.2)
    assert not Result.objects.exists() and not Respondent.objects.exists()


def test_progress_reports_every_phase_in_order(tmp_path):
    survey = SurveyFactory()
    codebook, answers = write_round(tmp_path)
    phases = []

    import_respondents(
        survey=survey,
        answers=answers,
        codebook=codebook,
        progress=lambda phase, done, total: phases.append(phase),
    )

    assert list(dict.fromkeys(phases)) == [
        "lezen",
        "controleren",
        "berekenen",
        "opslaan",
    ]


def test_the_command_prints_one_line_and_fails_with_row_column_and_reason(
    tmp_path, capsys
):
    survey = SurveyFactory(slug="ronde-2")
    codebook, answers = write_round(tmp_path)

    call_command(
        "import_respondents", str(answers), codebook=str(codebook), survey="ronde-2"
    )
    line = capsys.readouterr().out.strip()
    assert "150 respondenten" in line and "\n" not in line

    rows = answer_rows(example_people())
    rows[4][3] = "7"
    write("csv", answers, answer_headers(), rows)
    with pytest.raises(CommandError):
        call_command(
            "import_respondents", str(answers), codebook=str(codebook), survey="ronde-2"
        )
    error = capsys.readouterr().err
    assert "rij 6" in error and "kolom ‘bekend’" in error and "‘7’" in error
    assert Respondent.objects.filter(survey=survey).count() == 150


def test_the_command_refuses_an_unknown_round(tmp_path):
    codebook, answers = write_round(tmp_path)
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command(
            "import_respondents", str(answers), codebook=str(codebook), survey="nee"
        )


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_workbook_wider_than_200_columns_is_imported(tmp_path, kind):
    """An answers file has a column per question and per multi option: a round with a
    multi question of 250 topics is 257 columns wide, in a workbook as in a CSV."""
    from tests.respondent_files import CODEBOOK_HEADERS, codebook_rows

    people = example_people()
    book = codebook_rows() + [
        ("thema", "Welke thema's?" if i == 0 else "", "multi" if i == 0 else "")
        + (f"t{i}", f"Thema {i}", i + 1)
        for i in range(250)
    ]
    headers = answer_headers() + [f"thema_t{i}" for i in range(250)]
    rows = [
        row + [int((j + i) % 5 == 0) for i in range(250)]
        for j, row in enumerate(answer_rows(people))
    ]
    codebook = write(kind, tmp_path / f"codeboek.{kind}", CODEBOOK_HEADERS, book)
    answers = write(kind, tmp_path / f"antwoorden.{kind}", headers, rows)

    summary = import_respondents(
        survey=SurveyFactory(), answers=answers, codebook=codebook
    )

    assert summary.is_valid, summary.errors
    chosen = sum(row[-1] for row in rows)
    assert figure("thema", "Thema 249").count == chosen


def test_the_command_keeps_the_admins_upload_limit_and_says_why_in_dutch(
    tmp_path, settings
):
    """As the admin and import_results: a file over UPLOAD_MAX_BYTES is not read."""
    survey = SurveyFactory(slug="ronde-3")
    codebook, answers = write_round(tmp_path)
    settings.UPLOAD_MAX_BYTES = 1000
    assert answers.stat().st_size > 1000

    with pytest.raises(CommandError, match="groter dan de 1000\xa0bytes"):
        call_command(
            "import_respondents", str(answers), codebook=str(codebook), survey="ronde-3"
        )
    with pytest.raises(CommandError, match="kan niet worden gelezen: het is een map"):
        call_command(
            "import_respondents",
            str(tmp_path),
            codebook=str(codebook),
            survey="ronde-3",
        )
    assert not Respondent.objects.filter(survey=survey).exists()
