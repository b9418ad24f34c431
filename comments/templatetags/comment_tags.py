"""The comment thread of any commentable object: `{% comment_thread object %}`."""

from django import template

register = template.Library()


@register.inclusion_tag("comments/includes/_thread.html", takes_context=True)
def comment_thread(context, target):
    return {"target": target, "request": context.get("request")}
