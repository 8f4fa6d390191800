"""The analyst's loop in a real browser (issue 18): Debian's chromium via Playwright, network blocked."""

import json

import pytest

from .test_browser import open_page, shown
from .test_date_ranges import month_graph

pytestmark = pytest.mark.browser


def test_date_filter_keeps_a_month_it_overlaps(browser, tmp_path):
    """An edge dated only "2023-04" (April 2023) passes a filter of 10-12 April, not one of May."""
    from graphx.export.html import write_html

    write_html(month_graph(), tmp_path / "g.html")
    page, requests, errors = open_page(browser, tmp_path / "g.html")
    everything = {("a", "contacted", "b"), ("c", "contacted", "d"), ("e", "contacted", "f")}
    assert shown(page)[0] == everything
    assert page.input_value("#gx-date-from") == "2023-01-01" and page.input_value("#gx-date-to") == "2023-12-31"
    page.fill("#gx-date-from", "2023-04-10")
    page.fill("#gx-date-to", "2023-04-11")
    assert shown(page)[0] == {("a", "contacted", "b"), ("e", "contacted", "f")}  # the 12th is outside
    page.fill("#gx-date-from", "2023-05-01")
    page.fill("#gx-date-to", "2023-05-31")
    assert shown(page)[0] == {("e", "contacted", "f")}  # the year 2023 still overlaps May
    page.evaluate("graphxShowEdge('e0')")
    assert "· 2023-04" in page.locator("#gx-body").inner_text()  # the month as the evidence gives it
    assert errors == [] and requests == []
