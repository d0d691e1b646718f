"""A URL as the window and the log show it, without SQLAlchemy: the password hidden
as SQLAlchemy hides it, nothing else changed."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from desk.storage.url_text import shown_url


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://desk:s%40cr%3Aet@db.tanphu.local:5432/desk",
        "postgresql+psycopg://desk@db/desk",
        "postgresql+psycopg://desk:@db/desk",
        "postgresql+psycopg://db/desk",
        "sqlite:////srv/mot-cua/desk.sqlite3",
        "postgresql+psycopg://u:p@h/d?sslmode=require",
    ],
)
def test_the_password_is_hidden_as_sqlalchemy_hides_it(url):
    shown = shown_url(url)
    assert shown == make_url(url).render_as_string(hide_password=True)
    assert "cr%3Aet" not in shown and ":p@" not in shown


def test_a_text_that_is_not_a_url_is_kept():
    assert shown_url("  desk.sqlite3 ") == "desk.sqlite3"


def test_the_file_a_sqlite_url_names_is_read_as_sqlalchemy_reads_it(tmp_path):
    from desk.config import database_url
    from desk.storage.engine import sqlite_path
    from desk.storage.url_text import sqlite_file

    for name in ("hồ sơ 100%.sqlite3", "a#b?.db", "desk.sqlite3"):
        url = database_url(tmp_path / name)
        assert sqlite_file(url) == (str(sqlite_path(url)), "") == (str(tmp_path / name), "")
    assert sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file("postgresql+psycopg://desk@db/desk") is None
    assert sqlite_file("sqlite:////srv/desk.db?timeout=5") == ("/srv/desk.db", "timeout=5")
