"""The one family of errors ``desk`` raises on purpose.

``UserError`` means the user's world is at fault (bad input, a printer that is off,
a database that is locked): its message is written for a clerk, in Vietnamese, and
says what to do next. Anything else that escapes is a bug.
"""

from __future__ import annotations


class DeskError(Exception):
    """Base of every error ``desk`` raises on purpose."""


class UserError(DeskError):
    """Something the clerk can fix; ``message`` is Vietnamese and says how.

    ``field`` names the input the message belongs to, when there is one, so a
    form can show it next to that input.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(UserError):
    """Several inputs are wrong at once: ``errors`` maps field name to message."""

    def __init__(self, errors: dict[str, str]) -> None:
        first_field, first_message = next(iter(errors.items()))
        super().__init__(first_message, first_field)
        self.errors = dict(errors)


class NotFound(UserError):
    """A dossier, procedure or account that the user named does not exist."""
