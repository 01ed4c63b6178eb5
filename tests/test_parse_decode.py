"""Decoding article files: encodings, line endings, and files that are not articles."""

import codecs

import pytest

from etl.parse import ArticleError, decode, parse_article
from etl.parse.decode import legacy_encoding


def test_utf8_with_bom_loses_the_bom():
    assert decode(codecs.BOM_UTF8 + "Київ\n".encode(), "a.txt") == "Київ\n"


def test_crlf_and_lone_cr_become_lf():
    assert decode(b"one\r\ntwo\rthree\n", "a.txt") == "one\ntwo\nthree\n"


def test_utf16_with_bom():
    raw = codecs.BOM_UTF16_LE + "Russia returned 1,000 bodies\r\n".encode("utf-16-le")
    assert decode(raw, "a.txt") == "Russia returned 1,000 bodies\n"


def test_utf16_without_bom_is_recognised_by_its_nul_pattern():
    assert decode("Bodies returned\n".encode("utf-16-le"), "a.txt") == "Bodies returned\n"


def test_windows_1251_cyrillic():
    text = "Росія повернула тіла 1000 загиблих військових.\n"
    assert legacy_encoding(text.encode("cp1251")) == "cp1251"
    assert decode(text.encode("cp1251"), "a.txt") == text


def test_latin1_western_european():
    text = "Die Rückführung der Gefallenen wurde am Donnerstag bestätigt. Réunion à Genève.\n"
    assert legacy_encoding(text.encode("cp1252")) == "cp1252"
    assert decode(text.encode("latin-1"), "a.txt") == text


def test_empty_file_is_an_error_naming_the_file():
    with pytest.raises(ArticleError) as error:
        decode(b" \n\t\r\n", "articles/empty.txt")
    assert str(error.value) == "articles/empty.txt: empty file"
    assert error.value.line is None


def test_nul_bytes_mean_a_binary_file_and_the_line_is_named():
    with pytest.raises(ArticleError) as error:
        decode(b"line one\nline two\x00\x01\x02\x03\x00\x00", "articles/x.txt")
    assert error.value.file_name == "articles/x.txt"
    assert error.value.line == 2
    assert str(error.value).startswith("articles/x.txt:2: binary file")


def test_mostly_control_characters_mean_a_binary_file():
    with pytest.raises(ArticleError, match="binary"):
        decode(bytes(range(1, 9)) * 50, "a.bin")


def test_invalid_utf8_after_a_bom_names_the_line():
    with pytest.raises(ArticleError) as error:
        decode(codecs.BOM_UTF8 + b"ok\nbad \xff byte\n", "a.txt")
    assert error.value.line == 2


def test_article_error_reads_like_a_compiler_message():
    assert str(ArticleError("articles/x.txt", 3, "message")) == "articles/x.txt:3: message"


def test_parse_article_hashes_the_raw_bytes_and_defaults_the_source_id():
    raw = b"Russia returns bodies of soldiers\r\n\r\nRussia returned the bodies of 1,000 Ukrainian soldiers on Thursday, officials said.\r\n"
    a = parse_article(raw, "articles/007_abc.txt")
    assert a.source_id == "007_abc"
    assert a.sha256 == __import__("hashlib").sha256(raw).hexdigest()
    assert "\r" not in a.text
    assert parse_article(raw, "x.txt", source_id="custom").source_id == "custom"
