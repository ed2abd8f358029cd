"""Imports run one way: common <- people <- photos <- articles <- reading <- discovery <- newsroom.

The ``people`` app must not import the ``articles`` app anywhere, migrations
included, nor make its migrations depend on it. Beyond that, the import graph
of every project package (each module's imports, at module level and inside
functions) is checked: no package imports one above it (no app imports
``newsroom``, ``common`` imports no app), no module takes part in an import
circle, and no module imports a project module inside a function, where an
import hides a circle instead of breaking it. docs/architecture.md draws it.
"""

import ast
from collections import defaultdict
from dataclasses import dataclass
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


# The import graph of the project's packages ------------------------------------------

# Each package, and the packages it may import: each only those below it.
LAYERS = {
    "common": set(),  # what the apps share; knows no app
    "people": {"common"},
    "photos": {"common", "people"},  # photos, credits, renditions, rights
    "articles": {"common", "people", "photos"},  # stories and the desk
    "reading": {"common", "people", "photos", "articles"},  # listings, pages, page cache
    # feeds, sitemaps, search, structured data, the API
    "discovery": {"common", "people", "photos", "articles", "reading"},
    # the site: settings, URLs, middleware
    "newsroom": {"common", "people", "photos", "articles", "reading", "discovery"},
}
NOT_PACKAGES = {"tests"}  # tests may import anything

# Imports inside a function that are truly needed, with the reason.
FUNCTION_LEVEL_ALLOWED = {
    ("reading.apps", "reading.receivers"): (
        "AppConfig.ready() is where receivers are imported: they import the models, "
        "which cannot load before the app registry"
    ),
    ("photos.apps", "photos.receivers"): "as reading.receivers: receivers connect in ready()",
    ("articles.apps", "articles.bylines"): "as reading.receivers: receivers connect in ready()",
}


@dataclass(frozen=True)
class Edge:
    source: str  # the importing module
    target: str  # the project module imported
    path: str  # the importing file, from the root
    line: int
    in_function: bool


def project_packages(root=ROOT):
    return sorted(
        path.parent.name
        for path in root.glob("*/__init__.py")
        if path.parent.name not in NOT_PACKAGES
    )


def module_names(root=ROOT, packages=None):
    """{dotted module name: its file} for every module of ``packages``."""
    found = {}
    for package in packages or project_packages(root):
        for path in sorted((root / package).rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _absolute(module, is_package, level, name):
    """What ``from <level dots><name>`` means inside ``module``."""
    if not level:
        return name
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def _project_module(name, modules):
    """The project module ``name`` loads: itself, or the nearest package above it."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


def imports_of(module, tree, modules, is_package=False):
    """[(target module, line, inside a function)] for each project module ``tree`` imports."""
    found = []

    def add(name, node, in_function):
        target = _project_module(name, modules)
        if target and target != module and (target, node.lineno, in_function) not in found:
            found.append((target, node.lineno, in_function))

    def visit(node, in_function):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node, in_function)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, is_package, node.level, node.module or "")
            for alias in node.names:
                # "from . import signals" loads the module articles.signals.
                full = f"{base}.{alias.name}" if base else alias.name
                add(full if full in modules else base, node, in_function)
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            first = node.args[0] if node.args else None
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant):
                add(str(first.value), node, in_function)
        inside = in_function or isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
        )
        for child in ast.iter_child_nodes(node):
            visit(child, inside)

    visit(tree, False)
    return found


def import_graph(root=ROOT, packages=None):
    """Every import of a project module by a project module, as ``Edge``s."""
    modules = module_names(root, packages)
    edges = []
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        relative = path.relative_to(root).as_posix()
        for target, line, in_function in imports_of(
            module, tree, modules, is_package=path.name == "__init__.py"
        ):
            edges.append(Edge(module, target, relative, line, in_function))
    return edges


def cycles(edges):
    """Each import circle, as the list of its modules (Tarjan's strongly connected parts)."""
    graph = defaultdict(set)
    for edge in edges:
        graph[edge.source].add(edge.target)
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            part = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                part.append(member)
                if member == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(set(graph)):
        if node not in index:
            connect(node)
    return found


def one_circle(part, edges):
    """A readable circle through the modules of ``part``: "a -> b -> a" with the lines."""
    by_source = defaultdict(list)
    for edge in edges:
        if edge.source in part and edge.target in part:
            by_source[edge.source].append(edge)
    path, seen, node = [], {}, part[0]
    while node not in seen:
        seen[node] = len(path)
        edge = min(by_source[node], key=lambda e: (e.target, e.line))
        path.append(edge)
        node = edge.target
    loop = path[seen[node] :]
    return " -> ".join(f"{e.source} ({e.path}:{e.line})" for e in loop) + f" -> {node}"


def package_of(module):
    return module.split(".")[0]


@pytest.fixture(scope="module")
def edges():
    return import_graph()


def test_every_package_has_a_place_in_the_layers():
    assert set(project_packages()) == set(LAYERS), (
        "Give each new package its place in LAYERS (and in docs/architecture.md)."
    )


def test_the_graph_is_read_from_the_code(edges):
    assert len(edges) > 50
    assert any(
        edge.source == "articles.models" and edge.target == "people.models" for edge in edges
    )
    assert any(edge.in_function for edge in edges)


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_each_package_imports_only_those_below_it(package, edges):
    problems = [
        f"{edge.path}:{edge.line}: {edge.source} imports {edge.target}"
        for edge in edges
        if package_of(edge.source) == package
        and package_of(edge.target) != package
        and package_of(edge.target) not in LAYERS[package]
    ]
    allowed = ", ".join(sorted(LAYERS[package])) or "no project package"
    assert not problems, f"{package} may import {allowed}:\n" + "\n".join(problems)


def test_no_app_imports_the_site(edges):
    problems = [
        f"{edge.path}:{edge.line}: {edge.source} imports {edge.target}"
        for edge in edges
        if package_of(edge.source) != "newsroom" and package_of(edge.target) == "newsroom"
    ]
    assert not problems, "newsroom/ is wiring only; no app imports it:\n" + "\n".join(problems)


def test_common_imports_no_app(edges):
    problems = [
        f"{edge.path}:{edge.line}: {edge.source} imports {edge.target}"
        for edge in edges
        if package_of(edge.source) == "common" and package_of(edge.target) != "common"
    ]
    assert not problems, "common/ imports no app and not the site:\n" + "\n".join(problems)


def test_people_imports_neither_articles_nor_the_site(edges):
    problems = [
        f"{edge.path}:{edge.line}: {edge.source} imports {edge.target}"
        for edge in edges
        if package_of(edge.source) == "people"
        and package_of(edge.target) in ("articles", "newsroom")
    ]
    assert not problems, "people builds on common only:\n" + "\n".join(problems)


def test_no_import_circles(edges):
    found = [one_circle(part, edges) for part in cycles(edges)]
    assert not found, "Import circles:\n" + "\n".join(found)


def test_no_project_module_is_imported_inside_a_function(edges):
    problems = [
        f"{edge.path}:{edge.line}: {edge.source} imports {edge.target} inside a function"
        for edge in edges
        if edge.in_function and (edge.source, edge.target) not in FUNCTION_LEVEL_ALLOWED
    ]
    assert not problems, (
        "Import at the top of the module; a circle this hides is broken by moving code:\n"
        + "\n".join(problems)
    )


def test_every_allowed_function_level_import_is_still_there(edges):
    inside = {(edge.source, edge.target) for edge in edges if edge.in_function}
    assert set(FUNCTION_LEVEL_ALLOWED) <= inside


# The graph checks themselves, on small made-up trees --------------------------------


def make_tree(tmp_path, files):
    for name, source in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return tmp_path


def test_the_graph_resolves_relative_and_absolute_imports(tmp_path):
    root = make_tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/models.py": "from . import managers\nfrom .listings import joined\n",
            "app/managers.py": "import other.util\n",
            "app/listings.py": "from ..other import util\n",
            "app/sub/__init__.py": "from .. import models\n",
            "other/__init__.py": "",
            "other/util.py": "from django.db import models\nimport app_extra\n",
        },
    )
    found = {(e.source, e.target) for e in import_graph(root, ["app", "other"])}
    assert found == {
        ("app.models", "app.managers"),
        ("app.models", "app.listings"),
        ("app.managers", "other.util"),
        ("app.listings", "other.util"),
        ("app.sub", "app.models"),
    }


def test_the_graph_marks_imports_inside_functions(tmp_path):
    root = make_tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/a.py": "import importlib\n\ndef f():\n    from .b import x\n",
            "app/b.py": "class C:\n    from . import c\n",
            "app/c.py": "g = lambda: __import__('app.a')\n",
        },
    )
    found = {(e.source, e.target, e.in_function) for e in import_graph(root, ["app"])}
    assert found == {("app.a", "app.b", True), ("app.b", "app.c", False), ("app.c", "app.a", True)}


def test_a_circle_is_found_and_shown(tmp_path):
    root = make_tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/models.py": "from .managers import Q\n",
            "app/managers.py": "def f():\n    from .relations import t\n",
            "app/relations.py": "from .models import M\n",
            "app/views.py": "from .models import M\n",
        },
    )
    edges = import_graph(root, ["app"])
    assert cycles(edges) == [["app.managers", "app.models", "app.relations"]]
    assert one_circle(["app.managers", "app.models", "app.relations"], edges) == (
        "app.managers (app/managers.py:2) -> app.relations (app/relations.py:1)"
        " -> app.models (app/models.py:1) -> app.managers"
    )


def test_a_tree_without_circles_has_none(tmp_path):
    root = make_tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/models.py": "from .managers import Q\n",
            "app/managers.py": "from .relations import t\n",
            "app/relations.py": "",
        },
    )
    assert cycles(import_graph(root, ["app"])) == []
