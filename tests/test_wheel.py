"""The desk as a packager installs it: a wheel built from the checkout, in a new venv.

The wheel must carry everything the desk reads at run time (catalog, calendar,
forms, fonts, translations, migrations), so a desk installed by ``pip install .``
or pipx works far from the checkout. The new venv borrows the third-party packages
of the running one through a path file (only the build backend comes from the
package index, as for any ``pip install .``); the desk itself comes only from the wheel (the running venv's editable hook is a ``.pth``
file of its own, which a path added this way does not run).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

SHIPPED = (
    "desk/resources/catalog/procedures.csv",
    "desk/resources/calendar/vn-days.csv",
    "desk/resources/forms/apology.toml",
    "desk/resources/fonts/DejaVuSans.ttf",
    "desk/resources/translations/desk_en.qm",
    "desk/storage/migrations/env.py",
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The ``desk`` script of a new venv where the desk came from a wheel."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "-q",
            "-w",
            str(work / "dist"),
        ],
        check=True,
        cwd=work,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    (wheel,) = (work / "dist").glob("desk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in SHIPPED if name not in names]
    assert not missing, f"the wheel lacks {missing}"
    assert not any(name.startswith("resources/") for name in names)  # inside the package only

    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site) / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    return env_dir / "bin" / "desk"


def _run(script: Path, *args: str, cwd: Path, signed_in: bool = False):
    """``desk ARGS`` run in ``cwd`` (its home too), far from the checkout; ``signed_in``
    as the demo office's supervisor."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("DESK_", "PYTHON"))
    }
    env.update(HOME=str(cwd), QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(cwd / "data"))
    if signed_in:
        env.update(DESK_USER="lanhdao", DESK_PASSWORD="demo1234")
    return subprocess.run(
        [str(script), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_installed_desk_comes_from_the_wheel_not_the_checkout(installed, tmp_path):
    python = installed.parent / "python"
    where = subprocess.run(
        [str(python), "-c", "import desk.config as c; print(c.resource('catalog'))"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert "site-packages" in where and not where.startswith(str(ROOT))


def test_due_demo_and_a_receipt_work_from_the_wheel(installed, tmp_path):
    due = _run(installed, "due", "--days", "2", "--received", "2026-03-06 10:00", cwd=tmp_path)
    assert due.returncode == 0, due.stderr
    assert due.stdout.splitlines()[-1] == "2026-03-10 10:00"

    db = tmp_path / "demo.sqlite3"
    demo = _run(installed, "demo", "--db", str(db), "--dossiers", "30", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr

    listing = _run(
        installed, "dossiers", "--db", str(db), "--limit", "1", cwd=tmp_path, signed_in=True
    )
    assert listing.returncode == 0, listing.stderr
    code = listing.stdout.split("\t")[0].strip()
    assert code

    receipt = tmp_path / "receipt.bin"
    printed = _run(
        installed,
        "receipt",
        code,
        "--printer",
        f"file:{receipt}",
        "--db",
        str(db),
        cwd=tmp_path,
        signed_in=True,
    )
    assert printed.returncode == 0, printed.stderr
    data = receipt.read_bytes()
    assert data.startswith(b"\x1b@")  # ESC @: the printer is reset first
    assert b"\x1dv0" in data  # GS v 0: the receipt went as a raster image (the fonts were found)
