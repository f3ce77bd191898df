"""The layers import one way down: the project package is wiring, surveys is the data layer.

``ambtenarenpanel/`` imports no app module outside ``urls.py`` (apps register what they
need, such as what invalidates cached pages, in their own ``apps.py``), and ``surveys``
imports nothing from ``articles``, not even inside a function.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("articles", "surveys")


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return modules


def test_the_project_package_imports_no_app_outside_urls():
    for path in sorted((ROOT / "ambtenarenpanel").glob("*.py")):
        if path.name == "urls.py":
            continue
        apps = {m for m in imported_modules(path) if m.split(".")[0] in APPS}
        assert not apps, f"{path.name} imports {sorted(apps)}"


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (ROOT / "surveys").rglob("*.py") if "migrations" not in p.parts),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_the_data_layer_imports_nothing_from_articles(path):
    articles = {m for m in imported_modules(path) if m.split(".")[0] == "articles"}
    assert not articles, f"imports {sorted(articles)}"
