"""Imports that run in the background, so that large files never hold up a web request.

A Django app of its own (label ``jobs``) inside the data layer; the design note is
docs/background-imports.md.

- ``models.ImportJob``: one upload, from "wachtend" to "opgeslagen" (or "mislukt",
  "geannuleerd"), with its files, preview summary, errors and timestamps;
- ``services``: what the admin does (start, confirm, cancel), never reading a file;
- ``tasks``: the two tasks of Django's task framework, "check" and "apply", run by
  ``manage.py db_worker``; ``runner`` does their work;
- ``kinds``: the registry of kinds of import, each the one call of its service;
- ``progress``: progress, heartbeat and cancel requests, outside the database;
- ``liveness``: jobs whose worker stopped are failed; ``status``: a job as its page shows it;
- ``admin``, ``forms``, ``rowcount``: the admin pages, the upload forms, and the quick
  row count that sends large files of the synchronous import here.
"""
