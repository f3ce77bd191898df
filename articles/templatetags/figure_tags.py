"""``[cijfer]`` tags in templates: the pieces of a text, plain leads for cards, the dated note."""

from django import template
from django.core.exceptions import ObjectDoesNotExist

from articles.figures import rendering
from articles.figures.rendering import (
    ArticleFigures,
    Piece,
    figure_pieces,
    rendered_plain_texts,
    with_plain_leads,
)

register = template.Library()


@register.filter
def html_pieces(html: str, figures: ArticleFigures | None = None) -> list[Piece]:
    """``{% for piece in part.html|html_pieces:figures %}``: sanitised HTML and figures."""
    return figure_pieces(html, figures or None, is_html=True)


@register.simple_tag
def text_pieces(text: str, figures: ArticleFigures | None = None) -> list[Piece]:
    """``{% text_pieces article.lead figures as pieces %}``: plain text and figures."""
    return figure_pieces(text, figures or None, is_html=False)


@register.simple_tag
def prepare_plain_leads(articles) -> str:
    """Render the leads of ``articles`` (a page of cards) as plain text, in three queries at most."""
    with_plain_leads(articles)
    return ""


@register.filter
def plain_lead(article) -> str:
    """The lead with its figures as words (after ``prepare_plain_leads``, without a query)."""
    if not hasattr(article, "plain_lead"):
        article.plain_lead = rendered_plain_texts([article])[article.pk].lead
    return article.plain_lead


@register.simple_tag
def plain_description(article, figures: ArticleFigures | None = None) -> str:
    """The share and search-engine description with the figures as words (``figures``: the page's)."""
    figures = figures or ArticleFigures(
        article.lead, article.body, article.search_description
    )
    return rendering.plain_description(article, figures)


@register.simple_tag
def figures_updated_on(article):
    """The date of the note "De cijfers in dit artikel zijn op … bijgewerkt.", or None."""
    try:
        check = article.figure_check
    except ObjectDoesNotExist:
        return None
    return check.figures_note_date
