"""The desk's home page lists, drawn above the admin's apps (``articles.desk_home``)."""

from django import template

from .. import desk_home

register = template.Library()


@register.inclusion_tag("admin/articles/_desk_home.html", takes_context=True)
def desk_home_panels(context):
    request = context["request"]
    return {"panels": desk_home.panels(request.user)}
