"""Signals of the data layer, for the layers above it (articles, search, the page cache).

``survey_data_changed`` is sent once a write that changes survey figures in bulk (an
import of results or respondents) has been committed; bulk writes send no model signals.
Arguments: ``survey_ids`` (the rounds written) and ``question_ids`` (the questions whose
texts, answers or figures changed). Never sent for a dry run or a refused file.
"""

from django.dispatch import Signal

survey_data_changed = Signal()
