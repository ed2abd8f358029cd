from django.conf import settings

from articles.section_list import navigation


def site(request):
    return {"site_name": settings.SITE_NAME}


def sections(request):
    """The header's navigation: the sections, read once per content generation."""
    return {"nav_sections": navigation}
