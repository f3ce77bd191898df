"""Shared test helpers: one of each kind of setup (see STYLE.md, Tests).

- ``tests.support.processes``: run Python or ``manage.py`` in a fresh process of the site.
- ``tests.support.queries``: count the database queries of an action.
"""
