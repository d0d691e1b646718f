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
