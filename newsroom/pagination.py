from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def paginate(request, queryset, per_page, count=None):
    """The page of ``queryset`` the request asks for; 404 for a page that is not there.

    ``count``, when the caller already knows it, spares the paginator its count query.
    """
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    if count is not None:
        paginator.count = count
    number = request.GET.get("page", "1")
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404(f"There is no page {number!r} here.") from error
