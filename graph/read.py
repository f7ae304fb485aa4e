"""Read a minutes file into normalised text: the one string every later span points into."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from graph.errors import UnknownNormalisationStep, UnreadableDocument
from graph.models import SourceDocument

__all__ = ["DEFAULT_STEPS", "FOLD_STEPS", "NORMALISATION_STEPS", "decode", "fold", "normalise", "read", "read_bytes"]

_ENCODINGS = ("utf-8-sig", "cp1252")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _newlines(text: str) -> str:
    """CR LF and lone CR become LF; form feeds (page breaks in PDF text) become blank lines."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")


def _spaces(text: str) -> str:
    """Non-breaking, zero-width and other odd spaces become plain spaces or vanish; tabs stay (they split
    two-column attendance tables); trailing spaces go."""
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)
    text = re.sub(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    return re.sub(r"[ \t]+(?=\n|$)", "", text)


_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00b4": "'",
        "`": "'",
    }
)


def _quotes(text: str) -> str:
    """Curly and prime quotes become straight ones, so "Children's" is spelled one way."""
    return text.translate(_QUOTES)


_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"))


def _dashes(text: str) -> str:
    """En, em and minus dashes become a hyphen-minus; names like "Eze-Okubuiro" are untouched."""
    return text.translate(_DASHES)


_BULLETS = str.maketrans(dict.fromkeys("\u2022\u00b7\u25aa\u25cf\u2023\u2043\u25e6\uf0b7\uf0a7", "-"))


def _bullets(text: str) -> str:
    """Bullet glyphs become "-" so lists read the same in every layout."""
    return text.translate(_BULLETS)


_FURNITURE_LINE = re.compile(
    r"(?im)^[ \t]*(?:page \d+(?: of \d+)?|-[ \t]*\d+[ \t]*-|"
    r"this page is intentionally left blank\.?)[ \t]*(?:\n|$)"
)
_FURNITURE_INLINE = re.compile(r"[ \t]*(?:pdf icon[ \t]*)?\bPDF[ \t]+\d+(?:\.\d+)?[ \t]*[KM]B\b", re.I)


def _furniture(text: str) -> str:
    """Page numbers, running footers and "pdf icon PDF 128 KB" download badges are not minutes text."""
    return _FURNITURE_INLINE.sub("", _FURNITURE_LINE.sub("", text))


def _blank_lines(text: str) -> str:
    """Runs of blank lines shrink to one blank line; leading and trailing blank lines go."""
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).strip("\n") + "\n"


NORMALISATION_STEPS: dict[str, Callable[[str], str]] = {
    "newlines": _newlines,
    "spaces": _spaces,
    "furniture": _furniture,
    "blank-lines": _blank_lines,
    "quotes": _quotes,
    "dashes": _dashes,
    "bullets": _bullets,
}
DEFAULT_STEPS = ("newlines", "spaces", "furniture", "blank-lines")
"""Steps that shape the stored text: line ends, odd spaces, page furniture, blank runs."""
FOLD_STEPS = ("quotes", "dashes", "bullets")
"""Steps that fold one character into another, never changing the length, for the matching view."""


def normalise(text: str, steps: Sequence[str] = DEFAULT_STEPS) -> str:
    """Apply the named steps in order; an unknown name is an error listing the valid ones."""
    for name in steps:
        step = NORMALISATION_STEPS.get(name)
        if step is None:
            raise UnknownNormalisationStep(name, list(NORMALISATION_STEPS))
        text = step(text)
    return text


def fold(text: str) -> str:
    """The matching view of normalised text: same length, one spelling of quotes, dashes and bullets."""
    return normalise(text, FOLD_STEPS)


def decode(data: bytes, path: Path | str) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM) or cp1252; refuse empty and binary files with the reason."""
    if not data.strip():
        raise UnreadableDocument(path, "the file is empty")
    if b"\x00" in data[:8192]:
        raise UnreadableDocument(path, "the file is binary (it contains NUL bytes), not minutes text")
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text[:8192])) > max(8, len(text[:8192]) // 100):
            raise UnreadableDocument(path, "the file is binary (too many control characters), not minutes text")
        return text, "utf-8" if encoding == "utf-8-sig" else encoding
    raise UnreadableDocument(path, "the text is neither UTF-8 nor cp1252")


def read_bytes(data: bytes, path: Path | str) -> SourceDocument:
    """Turn a file's bytes into a SourceDocument; the digest is of the bytes as given."""
    raw, encoding = decode(data, path)
    text = unicodedata.normalize("NFC", normalise(raw))
    if not text.strip():
        raise UnreadableDocument(path, "the file holds no text")
    return SourceDocument(
        path=str(path),
        name=Path(path).name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        text=text,
        folded=fold(text),
    )


def read(path: Path) -> SourceDocument:
    """Read one minutes file, whatever its extension."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(path, f"cannot read the file ({error.strerror or error})") from error
    return read_bytes(data, path)
