"""Rule tests for `graph.read`: decoding, refusing unreadable files, normalisation steps and folding.

Each table row is an invented minutes snippet and what a reader of it would expect."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from graph.errors import UnknownNormalisationStep, UnreadableDocument
from graph.read import NORMALISATION_STEPS, fold, normalise, read, read_bytes

PATH = "minutes/ambridge-2024-03.txt"


class Decoded(NamedTuple):
    encoding: str
    text: str
    folded: str


def decoded(encoding: str, text: str, folded: str | None = None) -> Decoded:
    """What a read document should hold; `folded` defaults to the text when nothing needs folding."""
    return Decoded(encoding, text, text if folded is None else folded)


DECODE_CASES: list[tuple[bytes, Decoded]] = [
    (b"Councillor Okafor (Chair)\n", decoded("utf-8", "Councillor Okafor (Chair)\n")),
    ("Councillor O\u2019Brien\n".encode(), decoded("utf-8", "Councillor O\u2019Brien\n", "Councillor O'Brien\n")),
    (b"\xef\xbb\xbfAmbridge Parish Council\n", decoded("utf-8", "Ambridge Parish Council\n")),
    (b"Councillor O\x92Brien", decoded("cp1252", "Councillor O\u2019Brien\n", "Councillor O'Brien\n")),
    (b"Caf\xe9 Okafor \x96 tenant", decoded("cp1252", "Café Okafor \u2013 tenant\n", "Café Okafor - tenant\n")),
    (b"PRESENT:\r\nCouncillor Moss\r\n", decoded("utf-8", "PRESENT:\nCouncillor Moss\n")),
    (b"1. WELCOME\rHello.\r", decoded("utf-8", "1. WELCOME\nHello.\n")),
    (b"\n\n\nMinutes\n\n\n\n1. WELCOME\n\n\n", decoded("utf-8", "Minutes\n\n1. WELCOME\n")),
    ("Councillor\u00a0Moss\u200b  \nDone".encode(), decoded("utf-8", "Councillor Moss\nDone\n")),
]


@pytest.mark.parametrize(("data", "expected"), DECODE_CASES)
def test_read_bytes_decodes(data: bytes, expected: Decoded) -> None:
    doc = read_bytes(data, PATH)
    assert Decoded(doc.encoding, doc.text, doc.folded) == expected
    assert doc.name == "ambridge-2024-03.txt"


UNREADABLE_CASES: list[tuple[bytes, str]] = [
    (b"", "empty"),
    (b"   \n\t\r\n  ", "empty"),
    (b"\xef\xbb\xbf", "no text"),
    (b"Minutes\x00\x00of the meeting", "binary"),
    (b"\x00" * 64, "binary"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20, "binary"),
    (b"\x81\x8d\x8f\x90\x9d" * 3, "neither UTF-8 nor cp1252"),
]


@pytest.mark.parametrize(("data", "reason"), UNREADABLE_CASES)
def test_unreadable_documents_name_the_path_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableDocument) as caught:
        read_bytes(data, PATH)
    assert caught.value.path == Path(PATH)
    assert PATH in str(caught.value)
    assert reason in caught.value.reason


def test_read_of_a_missing_file_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-minutes.txt"
    with pytest.raises(UnreadableDocument) as caught:
        read(missing)
    assert caught.value.path == missing


def test_read_digests_the_bytes_as_given(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes(b"Minutes\r\n")
    second.write_bytes(b"Minutes\n")
    one, two = read(first), read(second)
    assert one.text == two.text
    assert one.sha256 != two.sha256


NORMALISE_CASES: list[tuple[str, str]] = [
    ("Minutes\nPage 3 of 10\n1. WELCOME\n", "Minutes\n1. WELCOME\n"),
    ("Minutes\n  page 4  \n1. WELCOME\n", "Minutes\n1. WELCOME\n"),
    ("Minutes\n- 7 -\n1. WELCOME\n", "Minutes\n1. WELCOME\n"),
    ("Minutes\nThis page is intentionally left blank.\nEnd\n", "Minutes\nEnd\n"),
    ("Minutes of the Previous Meeting pdf icon PDF 128 KB\n", "Minutes of the Previous Meeting\n"),
    ("Budget report PDF 1.2 MB\nNoted.\n", "Budget report\nNoted.\n"),
    # A sentence that starts with "Page 3" is minutes text, not a page number.
    ("Page 3 of the report sets out the grant.\n", "Page 3 of the report sets out the grant.\n"),
    ("1. WELCOME\n\n\n\n2. CLOSE\n", "1. WELCOME\n\n2. CLOSE\n"),
    ("Present:\tCouncillor Moss\t\tCouncillor Reyes\n", "Present:\tCouncillor Moss\t\tCouncillor Reyes\n"),
    ("A\fB", "A\n\nB\n"),
    ("The meeting closed at 9.15pm\nPage 10 of 10", "The meeting closed at 9.15pm\n"),
]


@pytest.mark.parametrize(("text", "expected"), NORMALISE_CASES)
def test_normalise_default_steps(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_unknown_step_lists_the_valid_steps() -> None:
    with pytest.raises(UnknownNormalisationStep) as caught:
        normalise("Minutes\n", ["newlines", "smart-quotes"])
    message = str(caught.value)
    assert "'smart-quotes'" in message
    assert all(name in message for name in NORMALISATION_STEPS)


def test_steps_run_in_the_order_named() -> None:
    assert normalise("O\u2019Brien \u2013 Chair", ["quotes"]) == "O'Brien \u2013 Chair"
    assert normalise("O\u2019Brien \u2013 Chair", ["dashes"]) == "O\u2019Brien - Chair"


FOLD_CASES: list[tuple[str, str]] = [
    ("Councillor O\u2019Brien", "Councillor O'Brien"),
    ("\u201cAmbridge in Bloom\u201d scheme", '"Ambridge in Bloom" scheme'),
    ("2023\u201324 budget \u2014 approved", "2023-24 budget - approved"),
    ("\u2022 Riverside Academy\n\u00b7 Hollerton Library", "- Riverside Academy\n- Hollerton Library"),
    ("Moss-Okafor\u2019s \u2018Grow\u2019 fund \u2212 £20", "Moss-Okafor's 'Grow' fund - £20"),
    ("plain text stays", "plain text stays"),
]


@pytest.mark.parametrize(("text", "expected"), FOLD_CASES)
def test_fold_keeps_length(text: str, expected: str) -> None:
    assert fold(text) == expected
    assert len(fold(text)) == len(text)


@given(st.text())
@example("Councillor Moss  ")
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text())
def test_normalise_is_idempotent_on_newline_terminated_text(text: str) -> None:
    once = normalise(text + "\n")
    assert normalise(once) == once


@given(st.text())
def test_fold_has_the_length_of_its_input(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.binary())
def test_read_bytes_raises_only_unreadable_document(data: bytes) -> None:
    try:
        doc = read_bytes(data, PATH)
    except UnreadableDocument as error:
        assert error.path == Path(PATH)
        return
    assert doc.text.strip()
    assert len(doc.folded) == len(doc.text)
