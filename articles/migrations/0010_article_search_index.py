"""A stored, indexed full-text search document for stories, on PostgreSQL only.

The column ``search_document`` holds each story's weighted text search vector
(headline A, standfirst B, body C, "english" configuration). A trigger keeps
it current on every insert and on every update of those three fields, and a
GIN index serves the search. Ranking reads the stored vector, so a search
never re-parses the bodies it ranks.

A trigger rather than a generated column, so that later migrations may still
change the types of the three fields. Other databases get nothing here: the
model does not know the column, and discovery.search falls back there.
"""

from django.db import migrations

from common.migration_ops import on_postgresql

DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, COALESCE({row}headline, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE({row}standfirst, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE({row}body, '')), 'C')"
)

CREATE = [
    "ALTER TABLE articles_article ADD COLUMN search_document tsvector",
    f"""
    CREATE FUNCTION articles_article_search_document() RETURNS trigger AS $$
    BEGIN
        NEW.search_document := {DOCUMENT.format(row="NEW.")};
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER article_search_document
    BEFORE INSERT OR UPDATE OF headline, standfirst, body ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_document()
    """,
    f"UPDATE articles_article SET search_document = {DOCUMENT.format(row='')}",
    "CREATE INDEX article_search_document ON articles_article USING GIN (search_document)",
]

DROP = [
    "DROP INDEX IF EXISTS article_search_document",
    "DROP TRIGGER IF EXISTS article_search_document ON articles_article",
    "DROP FUNCTION IF EXISTS articles_article_search_document()",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_document",
]


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0009_reinstall_roles"),
    ]

    operations = [
        on_postgresql(CREATE, DROP),
    ]
