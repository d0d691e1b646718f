"""The ``desk`` command's language: Vietnamese by default and without Qt, English on demand.

The English catalogue ``desk/resources/translations/desk_en.qm`` is built from the
translations of the whole program; the wiring tests use a small catalogue of
their own, and the last test runs the real one end to end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desk import config
from desk.cli import language as cli_language
from desk.cli import main
from desk.domain import translation

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_QM = ROOT / "desk" / "resources" / "translations" / "desk_en.qm"
DUE = ["due", "--days", "2", "--received", "2026-03-06 10:00"]
SMALL_CATALOGUE = {
    ("CliDue", "Thời hạn: {limit}"): "Time limit: {limit}",
    ("TimeLimit", "{amount} ngày làm việc"): "{amount} working days",
    ("Cli", "Lỗi: {message}"): "Error: {message}",
}


@pytest.fixture
def small_english(tmp_path, monkeypatch):
    """The program's resources with a ``desk_en.qm`` of :data:`SMALL_CATALOGUE` only."""
    resources = tmp_path / "resources"
    (resources / "translations").mkdir(parents=True)
    for child in (ROOT / "desk" / "resources").iterdir():
        if child.name != "translations":
            (resources / child.name).symlink_to(child)
    messages = "".join(
        f"<context><name>{context}</name><message><source>{source}</source>"
        f"<translation>{english}</translation></message></context>"
        for (context, source), english in SMALL_CATALOGUE.items()
    )
    ts = tmp_path / "desk_en.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>'
        f'<TS version="2.1" language="en" sourcelanguage="vi_VN">{messages}</TS>',
        encoding="utf-8",
    )
    qm = resources / "translations" / "desk_en.qm"
    subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    assert qm.exists()
    monkeypatch.setattr(config, "resource_dir", lambda: resources)
    return qm


def _lrelease() -> str:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    import PySide6

    return str(Path(PySide6.__file__).parent / "lrelease")


def _vietnamese(text: str) -> list[str]:
    """The letters of ``text`` outside ASCII (Vietnamese ones: ă, ệ, Đ...)."""
    return sorted({c for c in text if ord(c) > 127 and c.isalpha()})


@pytest.mark.parametrize(
    "argv, language, rest",
    [
        (["--lang", "en", "due", "--days", "1"], "en", ["due", "--days", "1"]),
        (["due", "--days", "1", "--lang=vi"], "vi", ["due", "--days", "1"]),
        (["dossiers", "--limit", "5"], None, ["dossiers", "--limit", "5"]),
        (["--lang", "fr", "due"], None, ["--lang", "fr", "due"]),  # the parser refuses it
        (["step", "X", "--", "--lang", "en"], None, ["step", "X", "--", "--lang", "en"]),
        (["--lang"], None, ["--lang"]),
    ],
)
def test_the_language_option_is_taken_before_the_parser(argv, language, rest):
    assert cli_language.take_language_option(argv) == (language, rest)


def test_an_unknown_language_is_refused(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "fr", *DUE])
    assert exit_.value.code == 2
    assert "--lang" in capsys.readouterr().err


@pytest.mark.parametrize("variable", [None, "klingon"])
def test_vietnamese_runs_without_importing_qt(tmp_path, variable):
    """A plain run in Vietnamese needs no translator, so it does not pay for Qt; nor
    does a ``DESK_LANG`` naming a language the desk does not speak."""
    code = textwrap.dedent(
        f"""
        import sys
        from desk.cli import main
        main({DUE!r})
        main(["--lang", "vi", *{DUE!r}])
        print(any(name.startswith("PySide6") for name in sys.modules))
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "DESK_LANG"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    if variable:
        env["DESK_LANG"] = variable
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    ).stdout.splitlines()
    assert out == [
        "Thời hạn: 02 ngày làm việc",
        "2026-03-10 10:00",
        "Thời hạn: 02 ngày làm việc",
        "2026-03-10 10:00",
        "False",
    ]


def _choose_by_environment(monkeypatch) -> list[str]:
    monkeypatch.setenv("DESK_LANG", "en")
    return []


def _choose_by_pc_setting(monkeypatch) -> list[str]:
    config.save_machine_setting("language", "en")
    return []


def _choose_by_option(monkeypatch) -> list[str]:
    monkeypatch.setenv("DESK_LANG", "vi")  # --lang wins over the environment
    return ["--lang", "en"]


@pytest.mark.parametrize(
    "choose", [_choose_by_environment, _choose_by_pc_setting, _choose_by_option]
)
def test_english_installs_qt_translator(capsys, monkeypatch, small_english, choose):
    code = main([*choose(monkeypatch), *DUE])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.splitlines() == ["Time limit: 02 working days", "2026-03-10 10:00"]
    assert translation._backend is not translation._identity


def test_english_errors_too(capsys, small_english):
    code = main(["--lang", "en", "due", "--days", "0", "--received", "2026-03-06 10:00"])
    assert code == 2
    assert capsys.readouterr().err.startswith("Error: ")


def test_vietnamese_option_wins_over_an_english_pc(capsys, small_english):
    config.save_machine_setting("language", "en")
    assert main(["--lang", "vi", *DUE]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Thời hạn: 02 ngày làm việc"
    assert translation._backend is translation._identity


def test_the_option_holds_for_one_run_and_reaches_its_windows(monkeypatch, small_english):
    """The windows a run opens choose their language from ``DESK_LANG``."""
    monkeypatch.setenv("DESK_LANG", "vi")
    with cli_language.speaking("en") as language:
        assert language == "en" and os.environ["DESK_LANG"] == "en"
    assert os.environ["DESK_LANG"] == "vi"
    monkeypatch.delenv("DESK_LANG")
    with cli_language.speaking("en"):
        assert os.environ["DESK_LANG"] == "en"
    assert "DESK_LANG" not in os.environ


ENGLISH_RUN = textwrap.dedent(
    """
    import contextlib, io, sys
    from desk.cli import build_parser, main

    def run(*argv):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            try:
                main(["--lang", "en", *argv])
            except SystemExit:
                pass
        return out.getvalue()

    commands = build_parser()._subparsers._group_actions[0].choices
    texts = [run("--help"), run(*{due}), run("due", "--days", "1", "--received", "10/03/2026")]
    texts += [run(name, "--help") for name in commands]
    texts += [run("db", action, "--help") for action in ("init", "use")]
    sys.stdout.write("\\n".join(texts))
    """
).format(due=DUE)


def test_english_command_line_has_no_vietnamese_left(tmp_path):
    """Every help text, message and error of ``desk --lang en`` is English.

    Needs the English catalogue built from the program's translations
    (``python tools/translations.py release``): without it this test fails.
    """
    assert ENGLISH_QM.exists(), f"{ENGLISH_QM.relative_to(ROOT)} is missing: build it first"
    env = {k: v for k, v in os.environ.items() if k not in ("DESK_LANG", "DESK_DB")}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-c", ENGLISH_RUN], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "usage: desk" in out and "2026-03-10 10:00" in out
    leftovers = [line for line in out.splitlines() if _vietnamese(line)]
    assert leftovers == []
