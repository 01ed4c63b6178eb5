"""Turn an article file's bytes into text.

Rules, in order:

1. A UTF-8 byte-order mark means UTF-8; a UTF-16 one means UTF-16. The mark
   is removed.
2. NUL bytes mean a binary file, unless they sit in every other byte the
   way UTF-16 without a mark puts them (then it is read as UTF-16).
3. Bytes that are valid UTF-8 are read as UTF-8.
4. Otherwise the file is in a legacy single-byte code page. Cyrillic words
   in Windows-1251 are runs of bytes above 0x7F, while Western European text
   in Windows-1252 / Latin-1 has accented letters standing alone between
   ASCII letters. So when at least half of the high bytes touch another high
   byte, the file is read as Windows-1251, else as Windows-1252 (Latin-1 for
   the few bytes Windows-1252 leaves undefined).

Line endings become LF. Empty files and files that are mostly control
characters raise ArticleError.
"""

import codecs
import re

from .errors import ArticleError

HIGH_BYTE_RUN = re.compile(rb"[\x80-\xff]{2,}")
HIGH_BYTE = re.compile(rb"[\x80-\xff]")
CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
CYRILLIC_RUN_SHARE = 0.5  # share of high bytes in runs that means Windows-1251
CONTROL_SHARE = 0.05  # share of control characters that means a binary file


def decode(raw: bytes, file_name: str) -> str:
    """The file's text: BOM removed, line endings as LF."""
    if raw.startswith(codecs.BOM_UTF8):
        text = _strict(raw[len(codecs.BOM_UTF8):], "utf-8", file_name)
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(raw, "utf-16", file_name)
    elif b"\x00" in raw:
        text = _strict(raw, _utf16_without_bom(raw, file_name), file_name)
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = _legacy(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _check_text(text, file_name)
    return text


def legacy_encoding(raw: bytes) -> str:
    """'cp1251' or 'cp1252': which single-byte code page the bytes are in."""
    high = len(HIGH_BYTE.findall(raw))
    if not high:
        return "cp1252"
    in_runs = sum(len(run) for run in HIGH_BYTE_RUN.findall(raw))
    return "cp1251" if in_runs / high >= CYRILLIC_RUN_SHARE else "cp1252"


def _legacy(raw):
    encoding = legacy_encoding(raw)
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:  # a byte the code page leaves undefined
        return raw.decode(encoding, errors="replace") if encoding == "cp1251" else raw.decode("latin-1")


def _utf16_without_bom(raw, file_name):
    """'utf-16-le' or 'utf-16-be' when NULs fill every other byte, else binary."""
    even, odd = raw[0::2], raw[1::2]
    if len(raw) % 2 == 0 and raw:
        if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
            return "utf-16-le"
        if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
            return "utf-16-be"
    line = raw[: raw.index(b"\x00")].count(b"\n") + 1
    raise ArticleError(file_name, line, "binary file (NUL byte), not a text article")


def _strict(raw, encoding, file_name):
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1 if encoding == "utf-8" else None
        raise ArticleError(file_name, line, f"not valid {encoding.upper()}: {error.reason}") from None


def _check_text(text, file_name):
    if not text.strip():
        raise ArticleError(file_name, None, "empty file")
    controls = CONTROL_CHAR.findall(text)
    if len(controls) > CONTROL_SHARE * len(text):
        first = CONTROL_CHAR.search(text).start()
        line = text.count("\n", 0, first) + 1
        raise ArticleError(file_name, line, "binary file (mostly control characters), not a text article")
