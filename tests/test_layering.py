"""Stories build on photos and people, photos on people, never the other way round.

The ``people`` app must not import the ``articles`` or ``photos`` app
anywhere, migrations included, nor make its migrations depend on them; the
``photos`` app must not import ``articles``.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = ROOT / "people"
PHOTOS = ROOT / "photos"
FORBIDDEN = "articles"


def sources(package):
    return sorted(path for path in package.rglob("*.py") if "__pycache__" not in path.parts)


def people_sources():
    return sources(PEOPLE)


def is_forbidden(module, forbidden=(FORBIDDEN,)):
    return any(module == name or module.startswith(name + ".") for name in forbidden)


def forbidden_imports(tree, forbidden=(FORBIDDEN,)):
    """(line, statement) for each import of the articles app (or ``forbidden``) in ``tree``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [
                (node.lineno, f"import {a.name}")
                for a in node.names
                if is_forbidden(a.name, forbidden)
            ]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            # "from .x" stays inside the app; "from ..x" climbs out of it.
            leaves_the_app = node.level != 1
            names = [module] if module else [alias.name for alias in node.names]
            if leaves_the_app and any(is_forbidden(name, forbidden) for name in names):
                found.append((node.lineno, f"from {'.' * node.level}{module} import ..."))
        elif isinstance(node, ast.Call):
            # importlib.import_module("articles...") and __import__("articles...")
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in ("import_module", "__import__") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and is_forbidden(str(first.value), forbidden):
                    found.append((node.lineno, f"{name}({first.value!r})"))
    return found


def migration_dependencies_on_articles(tree):
    """(line, dependency) for each migration dependency on the articles app."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "dependencies" for target in node.targets
        ):
            for element in ast.walk(node.value):
                if (
                    isinstance(element, ast.Tuple)
                    and element.elts
                    and isinstance(element.elts[0], ast.Constant)
                    and element.elts[0].value == FORBIDDEN
                ):
                    found.append((element.lineno, ast.unparse(element)))
    return found


def test_the_people_app_has_sources_to_check():
    names = {path.relative_to(PEOPLE).as_posix() for path in people_sources()}
    assert {"models.py", "managers.py", "relations.py"} <= names
    assert any(name.startswith("migrations/0") for name in names)


@pytest.mark.parametrize(
    "path", people_sources(), ids=lambda path: path.relative_to(ROOT).as_posix()
)
def test_people_never_imports_articles(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {statement}"
        for line, statement in forbidden_imports(tree)
    ]
    assert not problems, "The people app must not import articles:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "path",
    [path for path in people_sources() if path.parent.name == "migrations"],
    ids=lambda path: path.relative_to(ROOT).as_posix(),
)
def test_people_migrations_do_not_depend_on_articles(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    problems = [
        f"{path.relative_to(ROOT)}:{line}: depends on {dependency}"
        for line, dependency in migration_dependencies_on_articles(tree)
    ]
    assert not problems, "People migrations must not depend on articles:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "source",
    [
        "import articles",
        "import articles.models as m",
        "from articles import models",
        "from articles.credits import compose_credit_line",
        "from ..articles import models",
        "from .. import articles",
        "import importlib\nimportlib.import_module('articles.models')",
        "def f():\n    from articles.models import Article",
    ],
)
def test_the_check_catches_each_way_of_importing(source):
    assert forbidden_imports(ast.parse(source))


@pytest.mark.parametrize(
    "source",
    [
        "from django.db import models",
        "from .models import Person",
        "from . import relations",
        "import articles_extra",
        "text = 'articles build on people'",
    ],
)
def test_the_check_leaves_other_imports_alone(source):
    assert not forbidden_imports(ast.parse(source))


def test_the_dependency_check_catches_a_dependency_on_articles():
    source = "class Migration:\n    dependencies = [('articles', '0001_initial')]\n"
    assert migration_dependencies_on_articles(ast.parse(source)) == [
        (2, "('articles', '0001_initial')")
    ]


def test_the_photos_app_has_sources_to_check():
    names = {path.relative_to(PHOTOS).as_posix() for path in sources(PHOTOS)}
    assert {"models.py", "admin.py", "credits.py", "renditions.py", "rights.py"} <= names


@pytest.mark.parametrize(
    "path", sources(PHOTOS), ids=lambda path: path.relative_to(ROOT).as_posix()
)
def test_photos_never_imports_articles(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {statement}"
        for line, statement in forbidden_imports(tree)
    ]
    assert not problems, "The photos app must not import articles:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "path", people_sources(), ids=lambda path: path.relative_to(ROOT).as_posix()
)
def test_people_never_imports_photos(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {statement}"
        for line, statement in forbidden_imports(tree, forbidden=("photos",))
    ]
    assert not problems, "The people app must not import photos:\n" + "\n".join(problems)
