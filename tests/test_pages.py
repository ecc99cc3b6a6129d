"""Stored mirror pages -> the expected JSON of tests/expected, one test per article and field."""

import pytest

from conftest import expected_records, record_from_pages

EXPECTED = expected_records()
CASES = [(aid, field) for aid, rec in EXPECTED.items() for field in rec if field != "crawled_at"]
_cache: dict[int, dict] = {}


def produced(article_id: int) -> dict:
    if article_id not in _cache:
        _cache[article_id] = record_from_pages(EXPECTED[article_id]["url"])
    return _cache[article_id]


def test_expected_records_exist():
    assert len(EXPECTED) >= 20
    assert 1063374 in EXPECTED  # the reference article this project started from


@pytest.mark.parametrize("article_id, field", CASES, ids=[f"{a}-{f}" for a, f in CASES])
def test_field(article_id, field):
    record = produced(article_id)
    assert record is not None, "no item produced"
    assert record.get(field) == EXPECTED[article_id][field]
