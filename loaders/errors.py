"""Errors a user can act on, raised at the loader boundary."""

from __future__ import annotations


class LoaderError(Exception):
    """A document could not be loaded; the message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class UnsupportedDocument(LoaderError):
    """The bytes are not a text document this project can read (empty, binary, too large)."""


class UnreadableDocument(LoaderError):
    """The file exists but cannot be read (permissions, vanished, a directory)."""
