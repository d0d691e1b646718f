"""The ``desk`` command's argument parser: argparse, saying what to fix when a command's
sub-command is missing.

``desk calendar``, ``desk db`` and ``desk notify`` each take a sub-command first
(``desk calendar list --db FILE``). Written the other way round,
``desk calendar --db FILE list`` or ``desk calendar --db FILE``, argparse skips the
option it does not know at that level and reads the path as the sub-command:
"no choice 'FILE'". This parser sees that case before argparse does and names what
is missing and where it goes.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from desk.domain.translation import translate

#: Asking for help is never misplaced.
HELP_OPTIONS = ("-h", "--help")


class DeskParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose commands that need a sub-command say so when an option
    comes first. Sub-parsers are made of the same class."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if args:
            first = args[0]
            needed = self._needed_sub_command()
            if needed is not None and self._misplaced(first):
                self.error(_missing_message(self.prog, needed, first))
        return super().parse_known_args(args, namespace)

    def _needed_sub_command(self) -> argparse._SubParsersAction | None:
        """This parser's sub-commands when one is required, else ``None``."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction) and action.required:
                return action
        return None

    def _misplaced(self, token: str) -> bool:
        """An option where the sub-command must come (one this parser does not know)."""
        if not token.startswith("-") or token == "-" or token in HELP_OPTIONS:
            return False
        return token.split("=", 1)[0] not in self._option_string_actions


def _missing_message(prog: str, sub_commands: argparse._SubParsersAction, option: str) -> str:
    names: list[Any] = list(sub_commands.choices or ())
    return translate(
        "Cli",
        "thiếu {what}: ngay sau '{prog}' phải là một trong {names}, rồi mới đến các tùy chọn "
        "như {option} (ví dụ: {prog} {first} {option} …)",
    ).format(
        what=sub_commands.metavar or sub_commands.dest,
        prog=prog,
        names=", ".join(str(n) for n in names),
        option=option.split("=", 1)[0],
        first=names[0] if names else "",
    )
