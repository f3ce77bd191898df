"""``{% waiting_comments as count %}``: the admin index's count of comments to moderate."""

from django import template

from articles.models import Comment

register = template.Library()


@register.simple_tag(takes_context=True)
def waiting_comments(context) -> int | None:
    """How many comments wait for moderation; None for staff who may not see comments."""
    request = context.get("request")
    if request is None or not request.user.has_perm("articles.view_comment"):
        return None
    return Comment.objects.pending().count()
