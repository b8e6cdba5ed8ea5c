"""Turn the bytes of an input into text, or say in a few words why they are not text."""

from __future__ import annotations

import codecs

# Arabic, Arabic Supplement, Arabic Extended-A, and the presentation forms.
_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)

_SAMPLE = 1 << 16  # characters looked at to judge a legacy decoding

NOT_TEXT = "not UTF-8 text"
BINARY = "binary file"


class NotTextError(Exception):
    """Bytes that are not text; the message is the short reason shown to users."""


def is_arabic_letter(char: str) -> bool:
    if not char.isalpha():
        return False
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _ARABIC_RANGES)


def mostly_arabic(text: str) -> bool:
    """More than half of the letters are Arabic (digits, spaces and punctuation do not count)."""
    letters = arabic = 0
    for char in text:
        if char.isalpha():
            letters += 1
            arabic += is_arabic_letter(char)
    return letters > 0 and arabic * 2 > letters


def looks_binary(data: bytes) -> bool:
    return b"\x00" in data


def decode(data: bytes, *, first: bool = True) -> str:
    """UTF-8 (a leading BOM is dropped), else Windows-1256 when that gives Arabic text.

    ``first`` says whether ``data`` starts the input, where a byte-order mark may stand.
    UTF-16 with a byte-order mark is read too, since Windows editors save it.
    """
    if first and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise NotTextError(NOT_TEXT) from None
    if looks_binary(data):
        raise NotTextError(BINARY)
    try:
        return data.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        pass
    # cp1256 maps almost every byte to something, so only trust it when the result reads
    # as Arabic; Latin-1 or random bytes come out mostly Latin letters or symbols.
    legacy = data.decode("cp1256", errors="replace")
    if "\ufffd" not in legacy and mostly_arabic(legacy[:_SAMPLE]):
        return legacy
    raise NotTextError(NOT_TEXT)
