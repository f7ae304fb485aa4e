"""The exceptions councilgraph raises; the ones that reach users name the file and the reason."""

from pathlib import Path

__all__ = [
    "CouncilgraphError",
    "DocumentError",
    "StoreError",
    "UnknownNormalisationStep",
    "UnreadableDocument",
    "ValidationFailed",
]


class CouncilgraphError(Exception):
    """Base of every error councilgraph raises on purpose."""


class DocumentError(CouncilgraphError):
    """A document could not be turned into a graph; carries the file so batches can report it."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class UnreadableDocument(DocumentError):
    """The file is empty, binary or in an encoding we cannot decode."""


class ValidationFailed(DocumentError):
    """The document's graph violates the SHACL shapes, so nothing of it is stored."""

    def __init__(self, path: Path | str, violations: list[str]) -> None:
        self.violations = violations
        shown = "; ".join(violations[:5])
        more = f" (and {len(violations) - 5} more)" if len(violations) > 5 else ""
        super().__init__(path, f"SHACL violations: {shown}{more}")


class UnknownNormalisationStep(CouncilgraphError):
    """A normalisation pipeline named a step that does not exist."""

    def __init__(self, name: str, valid: list[str]) -> None:
        super().__init__(f"unknown normalisation step {name!r}; valid steps: {', '.join(valid)}")


class StoreError(CouncilgraphError):
    """The store could not be opened or written."""
