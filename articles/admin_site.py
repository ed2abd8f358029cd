"""The desk's admin site: Django's, with the story form's authors picker made for the desk.

Django's pickers search a model through its admin, and so ask for the right
to view that model: the accounts picker asked editors for the right to see
every account, which no desk role has, and was refused. Here the story form's
authors picker is open to whoever may write stories, offers staff accounts
only, and names each as its byline prints ("Rosa Blum"), not by login.
"""

from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView

from .models import Article, byline_name


class DeskAutocompleteView(AutocompleteJsonView):
    def is_authors_picker(self):
        field = self.source_field
        return field.model is Article and field.name == "authors"

    def has_perm(self, request, obj=None):
        if self.is_authors_picker():
            return request.user.has_perm("articles.change_article")
        return super().has_perm(request, obj)

    def get_queryset(self):
        found = super().get_queryset()
        return found.filter(is_staff=True) if self.is_authors_picker() else found

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        if self.is_authors_picker():
            result["text"] = byline_name(obj)
        return result


class DeskAdminSite(admin.AdminSite):
    def autocomplete_view(self, request):
        return DeskAutocompleteView.as_view(admin_site=self)(request)
