"""django-import-export glue for survey results: the admin's import format and resource.

The admin's import and export (``surveys.admin.ResultAdmin``) use ``ResultResource``;
its ``import_data`` hands the whole file to ``surveys.importing.import_results``,
which checks every row in Python and stores the lot in bulk, instead of
django-import-export's row-by-row saving (a round can have 100 000 rows). The
``import_results`` command calls the same function, so rules and messages match.
"""

from __future__ import annotations

import tablib
from django.utils.translation import gettext_lazy as _
from import_export import resources
from import_export.fields import Field
from import_export.formats import base_formats
from import_export.results import Error, RowResult
from import_export.results import Result as ImportExportResult

from .export import SHEET_TITLE, results_dataset
from .importing import COLUMNS, ImportSummary, import_results, read_results_sheet
from .models import Result, Survey
from .spreadsheets import Sheet, SpreadsheetError
from .spreadsheets.writing import xlsx_workbook


class ResultsSpreadsheet(base_formats.Format):
    """The admin's one import format: xlsx, ods or csv, recognised by content.

    One format means no format menu to get wrong, and nothing that needs
    JavaScript to guess it from the file name.
    """

    def __init__(self, encoding=None):
        # The admin passes an encoding; the content decides it (surveys.spreadsheets).
        self.encoding = encoding

    def get_title(self):
        return _("xlsx, csv of ods")

    def create_dataset(self, in_stream) -> Sheet:
        """The sheet to import (read lazily by the import); ``SpreadsheetError`` if none."""
        return read_results_sheet(in_stream)

    def can_import(self) -> bool:
        return True

    def get_extension(self) -> str:
        return "xlsx"


class ResultsXLSX(base_formats.XLSX):
    """xlsx export through our own writer: the sheet "Resultaten", seconds faster than
    openpyxl for a round of 100 000 results (surveys.spreadsheets.writing)."""

    def export_data(self, dataset, **kwargs):
        return xlsx_workbook(dataset.title or SHEET_TITLE, dataset.headers, dataset)


class ExcelCSV(base_formats.CSV):
    """CSV export with a byte-order mark, so that Excel reads its accents (é) correctly."""

    def export_data(self, dataset, **kwargs):
        return "\ufeff" + super().export_data(dataset, **kwargs)


class ResultsImportResult(ImportExportResult):
    """django-import-export's result, carrying our summary for the preview template."""

    def __init__(self, summary: ImportSummary):
        super().__init__()
        self.summary = summary
        self.diff_headers = list(COLUMNS)
        self.total_rows = summary.results
        for issue in summary.errors:
            self.append_base_error(
                Error(SpreadsheetError(issue.message), number=issue.row)
            )
        self.totals[RowResult.IMPORT_TYPE_NEW] = summary.new
        self.totals[RowResult.IMPORT_TYPE_UPDATE] = summary.updated
        self.totals[RowResult.IMPORT_TYPE_SKIP] = summary.unchanged
        self.totals[RowResult.IMPORT_TYPE_DELETE] = summary.removed


class ResultResource(resources.Resource):
    """Aggregated results in the import format of PRODUCT.md, one row per option per segment."""

    enquete = Field(column_name="enquete")
    vraagcode = Field(column_name="vraagcode")
    vraag = Field(column_name="vraag")
    vraagtype = Field(column_name="vraagtype")
    antwoord = Field(column_name="antwoord")
    percentage = Field(column_name="percentage")
    aantal = Field(column_name="aantal")
    segment = Field(column_name="segment")
    volgorde = Field(column_name="volgorde")

    class Meta:
        model = Result

    def __init__(self, survey: Survey | None = None, **kwargs):
        super().__init__()
        self.survey = survey

    @classmethod
    def get_display_name(cls) -> str:
        return _("Resultaten")

    def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
        """Check everything, then store everything or nothing (see ``import_results``)."""
        summary = import_results(file=dataset, survey=self.survey, dry_run=dry_run)
        return ResultsImportResult(summary)

    def export(self, queryset=None, **kwargs) -> tablib.Dataset:
        return results_dataset(queryset)
