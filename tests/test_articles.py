"""The reader: the article format, what it tolerates and what it rejects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.articles import REASONS, ArticleError, parse_article, read_article, split_authors
from tests.conftest import BAD, SEEDS, TOLERATED

LIMITS = {"max_file_bytes": 100_000, "max_field_chars": 1000}


def read(path: Path, **limits: int):
    return read_article(path, **{**LIMITS, **limits})


def test_seed_article_is_read_whole():
    article = read(SEEDS / "000_6dffb495a35dd12c.txt")
    assert article.title.startswith("Wang Yi meets with Kazakh president")
    assert article.published == dt.date(2022, 6, 7)
    assert article.sections == ("CHINA", "DIPLOMACY")
    assert article.authors == ("Yu Xi", "Zhang Changyue")
    assert article.author_title is None and article.author_description is None
    assert article.body.startswith("Chinese  on Tuesday")  # verbatim, double space kept
    assert "sides.The year" in article.body
    assert "sides. The year" in article.text  # normalised for extraction and counts
    assert "CSTO. This year" in article.text


def test_article_key_test_vector():
    # sha256("2022-06-07\nwang yi meets with kazakh president, stresses vigilance against
    # external forces")[:16]: the same on every machine.
    assert read(SEEDS / "000_6dffb495a35dd12c.txt").key == "40e4922860c23164"


def test_key_ignores_time_case_and_spacing():
    a = parse_article(b"Published Time: 2022-06-07\nTitle: A  Title\nAuthor: X Y\nText:\nbody", "a")
    b = parse_article(b"Published Time: 2022-06-07 10:00:00\nTitle: a title \nAuthor: X Y\n"
                      b"Text:\nbody", "b")
    assert a.key == b.key


def test_messy_export_is_tolerated():
    article = read(TOLERATED / "bom-crlf.txt")
    assert article.title == "Tolerant reader meets messy export"
    assert article.published == dt.datetime(2022, 9, 14, 21, 48, 10)
    assert article.published.tzinfo is None  # no time zone invented
    assert article.sections == ("WORLD",)
    assert article.authors == ("Ann Lee", "Bo Chen", "Cy Dao")
    assert article.author_title == "Global Times reporter"
    assert article.author_description is None
    assert "Title: this line looks like a header but is body text" in article.body
    assert "\r" not in article.body


def test_crlf_copy_has_the_same_content_hash(tmp_path: Path):
    original = (SEEDS / "000_6dffb495a35dd12c.txt").read_bytes()
    copy = tmp_path / "copy.txt"
    copy.write_bytes(b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n"))
    assert read(copy).content_hash == read(SEEDS / "000_6dffb495a35dd12c.txt").content_hash


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Yu Xi and Zhang Changyue", ("Yu Xi", "Zhang Changyue")),
        ("Liu Jiaqi, Xing Wenjun and Ma Ruolin", ("Liu Jiaqi", "Xing Wenjun", "Ma Ruolin")),
        ("A B, C D, and E F", ("A B", "C D", "E F")),
        ("A B & C D", ("A B", "C D")),
        ("Global Times", ("Global Times",)),
    ],
)
def test_split_authors(byline: str, names: tuple[str, ...]):
    assert split_authors(byline) == names


def test_timezone_is_kept_when_given():
    article = parse_article(b"Published Time: 2022-06-07T08:00:00+08:00\nTitle: T\nAuthor: A B\n"
                            b"Text:\nx", "x")
    assert article.published.utcoffset() == dt.timedelta(hours=8)


@pytest.mark.parametrize(
    ("name", "code", "line"),
    [
        ("empty.txt", "empty", None),
        ("blank-lines.txt", "empty", None),
        ("binary.txt", "binary", None),
        ("latin1.txt", "not-utf8", 8),
        ("missing-title.txt", "missing-title", None),
        ("empty-title.txt", "missing-title", 2),
        ("missing-text.txt", "missing-text", None),
        ("empty-body.txt", "empty-body", 7),
        ("bad-date.txt", "bad-date", 1),
        ("bad-date-words.txt", "bad-date", 1),
        ("duplicate-field.txt", "duplicate-field", 5),
        ("long-field.txt", "field-too-long", 2),
        ("missing-author.txt", "missing-author", None),
        ("unknown-field.txt", "unknown-field", 5),
        ("bad-header.txt", "bad-header", 5),
        ("missing-date.txt", "missing-date", None),
    ],
)
def test_bad_files_are_rejected_with_code_file_and_line(name: str, code: str, line: int | None):
    with pytest.raises(ArticleError) as caught:
        read(BAD / name)
    error = caught.value
    assert error.code == code
    assert error.code in REASONS
    assert error.line == line
    assert name in str(error)
    if line:
        assert f"{name}:{line}:" in str(error)


def test_bad_date_quotes_the_raw_value():
    with pytest.raises(ArticleError, match="'2023-13-45'"):
        read(BAD / "bad-date.txt")


def test_size_cap_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read the whole file"))
    with pytest.raises(ArticleError) as caught:
        read(big, max_file_bytes=1000)
    assert caught.value.code == "too-large"


def test_unreadable_path_is_an_error_not_a_crash(tmp_path: Path):
    with pytest.raises(ArticleError) as caught:
        read(tmp_path / "missing.txt")
    assert caught.value.code == "unreadable"


@pytest.mark.parametrize(
    "header",
    [
        b"Category 1: CHINA; Category 2: DIPLOMACY; Category 3: ASIA; Category 4: TRADE\n",
        b"Category 1: CHINA\nCategory 2: DIPLOMACY\nCategory 3: ASIA\ncategory4: TRADE\n",
        b"Category 3: ASIA; Category 1: CHINA\nCategory 4: TRADE\nCategory 02: DIPLOMACY\n",
    ],
)
def test_any_number_of_categories_each_a_section(header: bytes):
    raw = b"Published Time: 2022-06-07\nTitle: T\n" + header + b"Author: A B\nText:\nbody"
    assert parse_article(raw, "x").sections == ("CHINA", "DIPLOMACY", "ASIA", "TRADE")


def test_a_category_number_given_twice_is_a_duplicate_field():
    raw = (b"Published Time: 2022-06-07\nTitle: T\nCategory 3: A; Category 03: B\nAuthor: A B\n"
           b"Text:\nx")
    with pytest.raises(ArticleError) as caught:
        parse_article(raw, "x")
    assert (caught.value.code, caught.value.line) == ("duplicate-field", 3)
