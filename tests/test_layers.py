"""The layers import one way down: ``surveys`` (data) knows nothing of ``articles``
(publishing); ``ambtenarenpanel`` (wiring) imports no app outside its urls.py."""

import ast
from pathlib import Path

import pytest

from tests.support.processes import PROJECT_DIR


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def python_files(package: str) -> list[Path]:
    return sorted((PROJECT_DIR / package).rglob("*.py"))


@pytest.mark.parametrize("path", python_files("surveys"), ids=str)
def test_surveys_imports_nothing_from_articles(path):
    assert not {
        name for name in imported_modules(path) if name.split(".")[0] == "articles"
    }


@pytest.mark.parametrize(
    "path",
    [p for p in python_files("ambtenarenpanel") if p.name != "urls.py"],
    ids=str,
)
def test_the_wiring_imports_no_app_module_at_import_time_outside_urls(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = [
        node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)
    ]
    modules = {
        (node.module if isinstance(node, ast.ImportFrom) else alias.name)
        for node in top_level
        for alias in node.names
    }
    assert not {m for m in modules if m and m.split(".")[0] in {"articles", "surveys"}}
