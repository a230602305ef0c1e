"""The core knows nothing of the UI: importing it must not pull in textual or rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import moderator

CORE = ("domain", "store", "services", "anonymise", "analysis", "exchange", "reports")


def _core_modules() -> list[str]:
    root = Path(moderator.__file__).parent
    names = []
    for package in CORE:
        if not (root / package).is_dir():
            continue
        names.append(f"moderator.{package}")
        for info in pkgutil.walk_packages([str(root / package)], prefix=f"moderator.{package}."):
            if not info.name.endswith("__main__"):
                names.append(info.name)
    return names


def test_core_imports_without_textual_or_rich() -> None:
    modules = _core_modules()
    assert "moderator.domain.rubric" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in ('textual', 'rich') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core pulled in: {out.stdout.strip()}"


def test_cli_help_starts_without_loading_the_tui_or_statistics() -> None:
    code = (
        "import sys\n"
        "from moderator.cli import cli\n"
        "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "print('LOADED:' + ','.join(m for m in ('textual', 'scipy', 'numpy', 'openpyxl') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "LOADED:"


def test_the_workbench_starts_without_the_data_libraries(tmp_path: Path) -> None:
    # sqlite-utils imports pandas (and with it numpy and pyarrow) whenever it is
    # installed, as it is with the dev extras: a third of a second at every start.
    code = (
        "import sys\n"
        "import moderator.tui.app, moderator.store, moderator.settings\n"
        "import moderator.tui.screens.home, moderator.tui.screens.queue\n"
        "import moderator.tui.screens.lead_home\n"
        "from moderator.store import open_store\n"
        f"open_store({str(tmp_path / 'w.db')!r}).close()\n"
        "heavy = ('pandas', 'numpy', 'scipy', 'pyarrow', 'sqlite_utils')\n"
        "print('LOADED:' + ','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "LOADED:"
