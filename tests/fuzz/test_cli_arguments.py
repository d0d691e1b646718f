"""Random arguments to ``desk due``: an answer, or exit code 2 with a message; no traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.cli import main

OPTIONS = [
    "--days",
    "--calendar-days",
    "--hours",
    "--same-day",
    "--procedure",
    "--cutoff",
    "--channel",
    "--received",
    "--json",
]
VALUES = st.one_of(
    st.text(max_size=30).filter(lambda t: not t.startswith("-") or t == "-"),
    st.integers(-100, 100).map(str),
    st.sampled_from(
        [
            "2026-03-10 09:15",
            "2026-02-30 09:15",
            "15:00",
            "99:99",
            "counter",
            "online",
            "1.001193",
            "0",
            "",
            " ",
        ]
    ),
)
ARGV = st.lists(st.one_of(st.sampled_from(OPTIONS), VALUES), max_size=8)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ARGV)
def test_due_with_random_arguments_answers_or_exits_2_with_a_message(capsys, monkeypatch, argv):
    monkeypatch.delenv("DESK_DB", raising=False)
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    capsys.readouterr()
    try:
        code = main(["due", *argv])
    except SystemExit as stop:
        code = stop.code
    out, err = capsys.readouterr()
    assert code in (0, 2)
    if code == 2:
        assert "lỗi:" in err.lower() and "error" not in err  # in Vietnamese, argparse's too
    else:
        assert out.strip()
