"""Bad articles: each is ingested, skipped with a warning, or refused with a named error."""

import sqlite3

import pytest

from etl.build import build

CYRILLIC = (
    "Россия передала Украине тела 1000 погибших военнослужащих, сообщил Мединский. "
    "Это уже третий обмен телами в этом году, и он был согласован в Стамбуле."
)
ENGLISH = (
    "Ukraine brings home 95 defenders\n\n"
    "Ukraine brought home 95 prisoners of war on Friday, the Coordination Headquarters said.\n"
)


@pytest.fixture
def machine_only(inputs):
    """The repository's articles and registries, with no reviewed sources."""
    for path in (inputs.curation / "sources").iterdir():
        path.unlink()
    return inputs


def add(paths, name, content):
    (paths.articles / name).write_bytes(content)


def rows(paths, sql, *args):
    return sqlite3.connect(paths.database).execute(sql, args).fetchall()


def skipped_names(report):
    return " ".join(report.skipped)


def test_an_empty_file_is_skipped_with_a_warning(machine_only):
    add(machine_only, "empty.txt", b"  \n\n ")
    report = build(machine_only)
    assert "empty.txt" in skipped_names(report)
    assert rows(machine_only, "select count(*) from sources where source_id = 'empty'") == [(0,)]


def test_a_binary_file_is_skipped_with_a_warning(machine_only):
    add(machine_only, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    report = build(machine_only)
    assert "photo.txt" in skipped_names(report)


def test_windows_1251_and_latin_1_are_decoded(machine_only):
    add(machine_only, "cyrillic.txt", CYRILLIC.encode("cp1251"))
    add(machine_only, "latin.txt", ("Café report\n\n" + ENGLISH.replace("Friday", "Friday in Zürich")).encode("latin-1"))
    build(machine_only)
    texts = dict(rows(machine_only, "select source_id, text from sources where source_id in ('cyrillic', 'latin')"))
    assert texts["cyrillic"] == CYRILLIC
    assert "Zürich" in texts["latin"] and "Café" in texts["latin"]


def test_a_bom_and_crlf_are_read_and_offsets_still_slice_back(machine_only):
    add(machine_only, "windows.txt", b"\xef\xbb\xbf" + ENGLISH.replace("\n", "\r\n").encode("utf-8"))
    build(machine_only)
    [(text,)] = rows(machine_only, "select text from sources where source_id = 'windows'")
    assert not text.startswith("\ufeff") and "\r" not in text
    claims = rows(machine_only, "select quote, quote_start, quote_end, value from claims where source_id = 'windows'")
    assert claims and all(text[start:end] == quote for quote, start, end, _ in claims)
    assert 95 in {value for *_, value in claims}


def test_a_200_megabyte_file_is_skipped_without_being_read(machine_only):
    with open(machine_only.articles / "huge.txt", "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: takes no room on disk
    report = build(machine_only)
    assert "huge.txt" in skipped_names(report) and "too large" in skipped_names(report)


def test_the_same_article_under_two_names_is_read_once(machine_only):
    add(machine_only, "a-copy.txt", (machine_only.articles / "003_b08837caa90a257f.txt").read_bytes())
    report = build(machine_only)
    assert any("the same text as" in s for s in report.skipped)
    assert rows(machine_only, "select count(*) from sources where sha256 = (select sha256 from sources where source_id = '003_b08837caa90a257f')") == [(1,)]


def test_two_files_with_one_name_are_read_once_and_the_other_named(machine_only):
    add(machine_only, "swap.html", b"<html><body><p>Ukraine brought home 95 prisoners of war on Friday.</p></body></html>")
    add(machine_only, "swap.txt", ENGLISH.encode())
    report = build(machine_only)
    assert any("swap.txt: the same name as swap.html" in s for s in report.skipped)
    assert rows(machine_only, "select file_name from sources where source_id = 'swap'") == [("swap.html",)]


def test_an_article_with_no_figures_is_ingested_with_no_claims(machine_only):
    add(machine_only, "quiet.txt", b"Talks resume in Istanbul\n\nDelegations met again on Monday, officials said.\n")
    build(machine_only)
    assert rows(machine_only, "select count(*) from sources where source_id = 'quiet'") == [(1,)]
    assert rows(machine_only, "select count(*) from claims where source_id = 'quiet'") == [(0,)]


def test_an_article_in_another_language_is_ingested_with_a_warning_and_no_claims(machine_only):
    add(machine_only, "russian.txt", ("Обмен телами\n\n" + CYRILLIC).encode("utf-8"))
    report = build(machine_only)
    assert rows(machine_only, "select language from sources where source_id = 'russian'") == [("ru",)]
    assert rows(machine_only, "select count(*) from claims where source_id = 'russian'") == [(0,)]
    assert any("russian.txt" in w and "English" in w for w in report.warnings)
