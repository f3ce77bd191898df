"""Signals of the publishing layer, for the layers above it (search, the page cache).

``articles_changed`` is sent by a bulk write that sends no model signals (publishing or
unpublishing in bulk with ``QuerySet.update()``), inside its transaction, so that what
a receiver writes (the search index) is stored or rolled back with it. Argument:
``article_ids``, the articles whose visibility or content changed.
"""

from django.dispatch import Signal

articles_changed = Signal()
