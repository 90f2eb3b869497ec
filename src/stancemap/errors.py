"""Errors that carry a one-line message meant for the user."""


class StancemapError(Exception):
    """A failure the CLI reports as one line and a non-zero exit status."""


class InputError(StancemapError):
    """One input cannot be read or holds no article; it is reported and skipped."""
