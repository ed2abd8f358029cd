"""The stories' stored full-text document, which readers' and the desk's searches share.

On PostgreSQL each story row keeps a weighted search vector (headline A,
standfirst B, body C) in a column the model does not declare: migration
0010 adds it with the trigger that keeps it current and its GIN index.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models.expressions import RawSQL

from .models import Article

#: The text search configuration, in the query and in the index alike.
CONFIG = "english"
#: The stored search vector and its GIN index (migration 0010, PostgreSQL only).
DOCUMENT_COLUMN = "search_document"
INDEX_NAME = "article_search_document"


def story_document():
    """A story's stored search vector, for ``alias()`` or ``annotate()`` (PostgreSQL only).

    Only for querysets whose story table is the outermost, unaliased one.
    """
    table = connection.ops.quote_name(Article._meta.db_table)
    column = connection.ops.quote_name(DOCUMENT_COLUMN)
    # Names from this module and the model, quoted; nothing from the request.
    return RawSQL(f"{table}.{column}", [], output_field=SearchVectorField())  # noqa: S611  # nosec
