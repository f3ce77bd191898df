"""Respondent-level data: import raw answers, compute every figure, protect small groups.

Read (``sheets``, ``codebook``, ``answers``, ``sav``) → check → compute (``compute``,
with the pure statistics in ``surveys.statistics``) → plan and a short atomic apply
(``service.import_respondents``, storing in ``store``), shared by the admin and ``manage.py
import_respondents``. See PRODUCT.md, "Respondent-level data".
"""
