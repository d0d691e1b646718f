"""Paths and machine settings.

Resources (fonts, catalog, forms, calendar, translations, sounds) ship inside the
``desk`` package, in ``desk/resources``: an editable install, a wheel and the
PyInstaller bundle (which puts the package's data under ``sys._MEIPASS/desk``) all
find them the same way.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "desk"
APP_AUTHOR = "MotCua"


def resource_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "desk" / "resources"
    return Path(__file__).resolve().parent / "resources"  # the desk package's folder


def resource(*parts: str) -> Path:
    path = resource_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {path}")
    return path


def data_dir() -> Path:
    path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """``DESK_DB`` if set, else ``desk.sqlite3`` in the user's data folder."""
    env = os.environ.get("DESK_DB")
    if env:
        return Path(env)
    return data_dir() / "desk.sqlite3"


def database_url(path_or_url: str | Path) -> str:
    """A SQLAlchemy URL from a file path, or the URL itself if it already is one.

    The path is escaped as SQLAlchemy's ``URL`` writes it (without loading
    SQLAlchemy: ``desk dossiers`` may never need it): ``ho so 100%20.db``,
    ``x?.db`` or ``a#b.db`` name exactly that file, never ``ho so 100 .db`` or
    ``x`` with a query string.
    """
    from urllib.parse import quote

    text = str(path_or_url)
    if "://" in text:
        return text
    return "sqlite:///" + quote(str(Path(text).resolve()), safe=" +/")


#: The machine setting (``machine.json``) naming the office's database server.
DATABASE_URL_SETTING = "database_url"


def resolve_database_url(db_url: str | None = None, db_path: str | Path | None = None) -> str:
    """The database this run uses, most explicit choice first.

    ``--db-url`` > ``--db`` > ``DESK_DATABASE_URL`` > ``DESK_DB`` > the PC's
    ``database_url`` setting > ``desk.sqlite3`` in the user's data folder. A
    service centre with many counters points every PC at one PostgreSQL server
    (``postgresql+psycopg://user@host/desk``) with any of them; a commune office
    with one or two counters keeps the default local file.
    """
    for choice in (
        db_url,
        db_path,
        os.environ.get("DESK_DATABASE_URL"),
        os.environ.get("DESK_DB"),
        machine_settings().get(DATABASE_URL_SETTING),
    ):
        if choice and str(choice).strip():
            return database_url(str(choice).strip())
    return database_url(data_dir() / "desk.sqlite3")


MACHINE_FILE = "machine.json"


def machine_settings() -> dict[str, object]:
    """Settings of this PC, not of the office: which counter it is, for example.

    Kept in ``machine.json`` in the user's data folder; a missing or damaged file
    means the defaults.
    """
    import json

    path = data_dir() / MACHINE_FILE
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def save_machine_setting(key: str, value: object) -> None:
    import json

    settings = machine_settings()
    settings[key] = value
    path = data_dir() / MACHINE_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(settings, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
