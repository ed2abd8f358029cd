"""Moving the test database to given migrations, for tests of data migrations."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets=None):
    """Migrate to ``targets``, or to the latest migrations; the apps (historical
    models) as they are there. A target ``(app, None)`` unapplies all of the app.

    A test that reads the result with the current models migrates on to the
    latest: their columns are there only then.
    """
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    reached = [target for target in targets if target[1] is not None]
    return executor.loader.project_state(reached).apps


def story_models(apps):
    """(Person, Article, ArticlePerson, Tag, TaggedArticle) as ``apps`` has them."""
    return (
        apps.get_model("people", "Person"),
        apps.get_model("articles", "Article"),
        apps.get_model("articles", "ArticlePerson"),
        apps.get_model("taggit", "Tag"),
        apps.get_model("articles", "TaggedArticle"),
    )
