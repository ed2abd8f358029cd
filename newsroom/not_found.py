"""The designed 404 page on a laptop too (``DESIGNED_404``, which ``make run`` turns on).

With ``DEBUG`` off Django answers a missing address with ``handler404`` and
``templates/404.html``. With it on, Django shows its own debug page instead,
so the demo (which runs with ``DEBUG`` on) would never show readers' 404 page.
This middleware answers with the site's 404 page in both cases Django would
have shown its debug page: a view raised ``Http404``, or no URL matched.
Off (and not even installed in the chain) unless ``DEBUG`` and ``DESIGNED_404``
are both on: production needs nothing of it.
"""

from importlib import import_module

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import Http404
from django.utils.module_loading import import_string
from django.views import defaults


class DesignedNotFoundMiddleware:
    def __init__(self, get_response):
        if not (settings.DEBUG and getattr(settings, "DESIGNED_404", False)):
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # No URL matched (the resolver's 404 never reaches process_exception).
        if response.status_code == 404 and getattr(request, "resolver_match", None) is None:
            return not_found_page(request, Http404("No page has this address."))
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return not_found_page(request, exception)
        return None


def not_found_page(request, exception):
    """The site's 404 page, through the root URLconf's ``handler404`` if it names one."""
    handler = getattr(import_module(settings.ROOT_URLCONF), "handler404", None)
    if isinstance(handler, str):
        handler = import_string(handler)
    return (handler or defaults.page_not_found)(request, exception)
