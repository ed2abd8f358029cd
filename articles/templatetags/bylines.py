"""``byline_name``: an account as bylines print it, for the desk's templates."""

from django import template

from articles.models import byline_name

register = template.Library()
register.filter("byline_name", byline_name)
