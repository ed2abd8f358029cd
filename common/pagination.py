from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def paginate(request, object_list, per_page):
    """The page of ``object_list`` the request asks for; 404 for a page that is not there.

    The paginator asks ``object_list.count()`` for its length: a list that
    knows it without a query costs none.
    """
    paginator = Paginator(object_list, per_page, allow_empty_first_page=True)
    number = request.GET.get("page", "1")
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404(f"There is no page {number!r} here.") from error
