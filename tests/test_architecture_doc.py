"""docs/architecture.md's package map names every package and top-level module there is."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "moderator"


def _map() -> str:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    found = re.search(r"## Package map\s+```(.*?)```", text, re.S)
    assert found, "docs/architecture.md has no package map"
    return found.group(1)


def test_the_package_map_matches_the_tree() -> None:
    mapped = set(re.findall(r"^\s+([a-z_]+(?:/|\.py))\s", _map(), re.M))
    present = {
        p.name + "/" for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()
    }
    present |= {
        p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")
    }
    assert present - mapped == set(), "in the tree, missing from the map"
    assert mapped - present == set(), "in the map, missing from the tree"


def test_every_module_the_docs_name_exists() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    files = {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")}
    for name in re.findall(r"`([a-z_]+/[a-z_]+\.py)`", text):
        if name.startswith("tests/"):
            assert (ROOT / name).exists(), name
            continue
        assert any(f == name or f.endswith("/" + name) for f in files), name
