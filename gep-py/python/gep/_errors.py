"""The exceptions of ``gep``.

Two levels, as the core's answers: ``MalformedInput`` when the call could not
run (the input is not a document or a command: ``IN`` codes), and
``CharterViolation`` when it ran and the charter or the lifecycle refused
(``PR``, ``DE``, ``OR``, ``LC`` codes). Both carry every violation; both are
``ValueError`` too. A refused operation leaves the ``Gep`` unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from gep._gep import Violation

__all__ = ["CharterViolation", "GepError", "MalformedInput"]


class GepError(Exception):
    """Base of every error that ``gep`` raises.

    ``violations`` holds every violation (errors, and warnings found on the
    way); it is empty only for an internal error, which is a bug.
    """

    __module__ = "gep"

    violations: list[Violation]

    def __init__(self, message: str, violations: Iterable[Violation] = ()) -> None:
        super().__init__(message)
        self.violations = list(violations)

    def __reduce__(self) -> tuple[type[GepError], tuple[str, list[Violation]]]:
        # Pickles with the violations (for multiprocessing), not the message only.
        return (type(self), (str(self), self.violations))

    @property
    def errors(self) -> list[Violation]:
        """The violations that refused the call."""
        return [v for v in self.violations if v.severity == "error"]

    @property
    def codes(self) -> list[str]:
        """The codes of the errors, in order."""
        return [v.code for v in self.errors]


class CharterViolation(GepError, ValueError):
    """The charter (or the lifecycle) refused: nothing changed."""

    __module__ = "gep"


class MalformedInput(GepError, ValueError):
    """The input could not be read: not JSON, not UTF-8, an unknown or
    missing field, a wrong type, a timestamp without offset (a naive
    ``datetime``), an unsupported version (``IN`` codes)."""

    __module__ = "gep"
