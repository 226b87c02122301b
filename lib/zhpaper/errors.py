"""Errors that zhpaper reports to users.

Every problem with a user's input is raised as :class:`ZhpaperError`; the command line
turns it into one line on stderr (``zhpaper: error: …``) and exit status 2.
"""

from __future__ import annotations


class ZhpaperError(Exception):
    """A problem with the user's input or environment, explained in one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
