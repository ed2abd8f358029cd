"""Response headers Django has no setting for."""

from django.conf import settings


class SecurityHeadersMiddleware:
    """Adds ``Permissions-Policy``: browser features the site never asks for stay off.

    Django's SecurityMiddleware already sends HSTS, ``X-Content-Type-Options``,
    ``Referrer-Policy`` and ``Cross-Origin-Opener-Policy``; django-csp sends the
    Content Security Policy and XFrameOptionsMiddleware ``X-Frame-Options``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response
