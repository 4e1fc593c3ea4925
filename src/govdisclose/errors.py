"""Errors a user can act on; the CLI prints them as one line, never a traceback."""
from __future__ import annotations


class GovdiscloseError(Exception):
    """Base class: ``str(err)`` is the one-line message for the user."""

    exit_code = 2


class InputError(GovdiscloseError):
    """The file cannot be read: empty, corrupt, encrypted, too large, wrong kind."""

    exit_code = 2

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NoTableError(GovdiscloseError):
    """The file was read but holds no task table and no numbered work points."""

    exit_code = 1


class SettingsError(GovdiscloseError):
    """An unknown or invalid setting name / value was given."""

    exit_code = 2
