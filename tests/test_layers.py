"""The layers import one way down: the project package is wiring, surveys is the data layer.

``ambtenarenpanel/`` imports no app module outside ``urls.py`` (apps register what they
need, such as what invalidates cached pages, in their own ``apps.py``). ``surveys``
(with its background imports, ``surveys/jobs``) imports nothing from ``articles`` or
``search``, and ``articles`` nothing from ``search``, which indexes both: not even
inside a function, nor by name (``import_module``, ``apps.get_model``, a relation to
``"articles.Article"``).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("articles", "surveys", "search")
#: Each app, and the apps it must never import.
BELOW = {"surveys": ("articles", "search"), "articles": ("search",)}
#: Calls that import a module or reach a model by name: their first argument counts.
BY_NAME = {
    "import_module",
    "get_model",
    "ForeignKey",
    "OneToOneField",
    "ManyToManyField",
}


def modules_of(folder: str) -> list[Path]:
    return sorted(
        p for p in (ROOT / folder).rglob("*.py") if "migrations" not in p.parts
    )


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return modules


def named_modules(path: Path) -> set[str]:
    """Modules and models reached by a string: ``import_module("x.y")``, ``"x.Model"``."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        func = node.func
        called = (
            func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        )
        first = node.args[0]
        if called in BY_NAME and isinstance(getattr(first, "value", None), str):
            names.add(first.value)
    return names


def test_the_checks_see_every_app_and_the_background_imports():
    checked = {
        path.relative_to(ROOT).parts[0] for app in BELOW for path in modules_of(app)
    }
    assert checked == set(BELOW)
    assert any(p.parent.name == "jobs" for p in modules_of("surveys"))


@pytest.mark.parametrize(
    "path", modules_of("ambtenarenpanel"), ids=lambda p: str(p.relative_to(ROOT))
)
def test_the_project_package_imports_no_app_outside_urls(path):
    if path.name == "urls.py":
        return
    apps = {m for m in imported_modules(path) if m.split(".")[0] in APPS}
    assert not apps, f"{path.name} imports {sorted(apps)}"


@pytest.mark.parametrize(
    "path",
    [path for app in BELOW for path in modules_of(app)],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_an_app_imports_nothing_from_the_apps_above_it(path):
    forbidden = BELOW[path.relative_to(ROOT).parts[0]]
    reached = imported_modules(path) | named_modules(path)
    above = {m for m in reached if m.split(".")[0] in forbidden}
    assert not above, f"imports {sorted(above)}"
