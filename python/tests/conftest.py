"""Shared by the Python package's tests: the built wheel, a fresh virtual environment with
only that wheel in it, the CLI to compare against, and the data kept outside the repository.

`make packages` writes the wheel first (the Makefile's test target does it before pytest).
"""

from __future__ import annotations

import os
import subprocess
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ROOT / "target" / "packages"
SHARED = ROOT.parent / "shared"


def need_shared(path: Path) -> Path:
    """`path` under ../shared; skips without it, fails when CROSSCHECK_REQUIRE_SHARED is set (CI)."""
    if not path.exists():
        message = f"{path} is not here (it is kept outside the repository)"
        if os.environ.get("CROSSCHECK_REQUIRE_SHARED"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def wheel() -> Path:
    wheels = sorted(PACKAGES.glob("crosscheck-*.whl"))
    if len(wheels) != 1:
        pytest.fail(f"expected one wheel in {PACKAGES} (run make packages), found {[w.name for w in wheels]}")
    return wheels[0]


@pytest.fixture(scope="session")
def fresh_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The interpreter of a new virtual environment with the wheel installed as a user would."""
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=True)
    python = home / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-index", str(wheel)], check=True)
    return python


@pytest.fixture(scope="session")
def cli() -> Path:
    """The CLI, built now if it is not current: the debug build, which `cargo test` has just
    made (a release build would take minutes; comparing the seeds and the 66 ECB+ clusters
    in debug takes seconds)."""
    subprocess.run(["cargo", "build", "--quiet", "--bin", "crosscheck"], cwd=ROOT, check=True)
    return ROOT / "target" / "debug" / "crosscheck"


def run_python(python: Path, code: str, *args: str) -> str:
    """Runs `code` in `python` (outside the source tree, so only the installed package can be
    imported) and returns its stdout; fails with its stderr."""
    result = subprocess.run([python, "-c", code, *args], capture_output=True, text=True, cwd=python.parent)
    if result.returncode != 0:
        pytest.fail(f"{python} failed:\n{result.stderr}")
    return result.stdout
