"""An import that runs in the background: what was uploaded, where it stands, what it found.

The row holds the durable state, written by the worker only outside the import's own
transaction (before it starts, after it ends), and by the admin: status, the preview
summary as plain data, the errors, who started and confirmed it, and when. Progress
within a phase (rows done, the heartbeat, a cancel request) changes many times a
second and lives in the progress cache instead (``surveys/jobs/progress.py``); the
fields ``phase``, ``rows_done`` and ``rows_total`` keep its last value once a task ends.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ImportJobQuerySet(models.QuerySet):
    def with_listing_data(self) -> ImportJobQuerySet:
        return self.select_related("survey", "started_by", "confirmed_by")

    def in_progress(self) -> ImportJobQuerySet:
        """Jobs a worker is working on right now (it should be sending heartbeats)."""
        return self.filter(status__in=ImportJob.WORKING)


class ImportJob(models.Model):
    class Kind(models.TextChoices):
        RESULTS = "results", _("resultaten (percentages per segment)")
        RESPONDENTS = "respondents", _("antwoorden per respondent")

    class Status(models.TextChoices):
        WAITING = "waiting", _("wachtend")
        CHECKING = "checking", _("bezig")
        READY = "ready", _("klaar voor controle")
        CONFIRMED = "confirmed", _("bevestigd")
        SAVING = "saving", _("bezig met opslaan")
        SAVED = "saved", _("opgeslagen")
        FAILED = "failed", _("mislukt")
        CANCELLED = "cancelled", _("geannuleerd")

    class Phase(models.TextChoices):
        READING = "lezen", _("lezen")
        CHECKING = "controleren", _("controleren")
        COMPUTING = "berekenen", _("berekenen")
        SAVING = "opslaan", _("opslaan")

    #: A worker is on it: it sends heartbeats, and stops at a cancel request.
    WORKING = (Status.CHECKING, Status.SAVING)
    #: Waiting for a worker or for a person; the page refreshes while one of these.
    RUNNING = (Status.WAITING, Status.CHECKING, Status.CONFIRMED, Status.SAVING)
    FINISHED = (Status.SAVED, Status.FAILED, Status.CANCELLED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind)
    survey = models.ForeignKey(
        "surveys.Survey",
        verbose_name=_("enquête"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="import_jobs",
    )
    #: The uploaded files by role ("file"; "answers" and "codebook"): each a dict with
    #: "stored" (its generated name in the private upload folder), "name" (as uploaded)
    #: and "size" in bytes. The files are removed once the job has finished.
    files = models.JSONField(_("bestanden"), default=dict, blank=True)
    #: The language of the person who started it: the messages are in that language.
    language = models.CharField(_("taal"), max_length=10, default="nl")
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.WAITING
    )
    phase = models.CharField(_("fase"), max_length=20, choices=Phase, blank=True)
    rows_done = models.PositiveIntegerField(_("rijen verwerkt"), default=0)
    rows_total = models.PositiveIntegerField(_("rijen in totaal"), default=0)
    #: What the check found (the preview), then what was stored: plain data, see
    #: ``surveys/jobs/kinds.py``.
    summary = models.JSONField(_("samenvatting"), null=True, blank=True)
    #: The first ``kinds.ERRORS_KEPT`` errors, each {"message", "row", "column"}.
    errors = models.JSONField(_("fouten"), default=list, blank=True)
    error_count = models.PositiveIntegerField(_("aantal fouten"), default=0)
    #: Why it failed or was cancelled, in one or two sentences.
    message = models.TextField(_("melding"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bevestigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    #: The task (django-tasks result id) of the latest step, for whoever runs the site.
    task_id = models.CharField(_("taak"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("geüpload"), auto_now_add=True)
    started_at = models.DateTimeField(_("gestart"), null=True, blank=True)
    checked_at = models.DateTimeField(_("gecontroleerd"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)
    #: When the worker last wrote this row; the progress cache has the fresher one.
    heartbeat_at = models.DateTimeField(_("laatst gezien"), null=True, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        indexes = [models.Index(fields=["status"], name="jobs_importjob_status_idx")]

    def __str__(self) -> str:
        name = ", ".join(file["name"] for file in self.files.values())
        return f"{self.get_kind_display()}: {name}" if name else self.get_kind_display()

    def get_absolute_url(self) -> str:
        return reverse("admin:jobs_importjob_change", args=[self.pk])

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING

    @property
    def is_working(self) -> bool:
        return self.status in self.WORKING

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def can_cancel(self) -> bool:
        return not self.is_finished

    @property
    def more_errors(self) -> int:
        """Errors counted but not kept (only the first ``kinds.ERRORS_KEPT`` are)."""
        return max(0, self.error_count - len(self.errors))
