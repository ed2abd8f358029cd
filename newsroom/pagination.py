from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def paginate(request, queryset, per_page):
    """The page of ``queryset`` the request asks for; 404 for a page that is not there."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    number = request.GET.get("page", "1")
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404(f"There is no page {number!r} here.") from error
