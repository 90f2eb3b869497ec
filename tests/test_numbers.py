"""Numeric discrepancies: rounding, hedges, growth over time, one per pair of articles."""

from __future__ import annotations

import pytest

from crossdoc_helpers import claim
from stancemap.numbers import bounds, figure, numeric_discrepancies


def test_bounds_follow_hedges_and_rounding() -> None:
    assert bounds(claim("a", "d", 98_000, "2022-09-27", qualifier="about")) == pytest.approx(
        (88_200, 107_800))
    assert bounds(claim("a", "d", 100_000, "2022-10-04", qualifier="more than")) == \
        pytest.approx((100_000, 125_000))
    assert bounds(claim("a", "d", 200_000, "2022-10-04")) == pytest.approx((180_000, 220_000))
    assert bounds(claim("a", "d", 147_300, "2022-10-04")) == pytest.approx((147_250, 147_350))
    assert figure(claim("a", "d", 100_000, "2022-10-04", qualifier="more than")) == \
        "more than 100,000"


def test_same_date_figures_beyond_rounding_disagree() -> None:
    found = numeric_discrepancies([
        (claim("c1", "d1", 98_000, "2022-09-27", qualifier="about"), "Irtysh Herald"),
        (claim("c2", "d2", 200_000, "2022-10-04", qualifier="some"), "Eurasia Desk"),
        (claim("c3", "d3", 100_000, "2022-10-04", qualifier="more than"), "Caspian Digest"),
    ], frozenset())
    assert [(d.kind, d.claims, d.date) for d in found] == [("numeric", ["c2", "c3"],
                                                           "2022-10-04")]
    assert "some 200,000" in found[0].summary and "more than 100,000" in found[0].summary
    assert [s["publisher"] for s in found[0].sides] == ["Eurasia Desk", "Caspian Digest"]


def test_growth_rounding_and_other_quantities_are_not_discrepancies() -> None:
    assert numeric_discrepancies([
        (claim("c1", "d1", 98_000, "2022-09-27"), None),
        (claim("c2", "d2", 200_000, "2022-10-04"), None),  # a week later: growth
        (claim("c3", "d3", 195_000, "2022-10-04", qualifier="about"), None),  # rounding
        (claim("c4", "d4", 28, "2022-10-04", group="tonnes"), None),  # another quantity
        (claim("c5", "d2", 190_000, "2022-10-04"), None),  # same article as c2
    ], frozenset()) == []


def test_a_cumulative_count_that_shrinks_disagrees() -> None:
    found = numeric_discrepancies([
        (claim("c1", "d1", 120_000, "2022-10-01"), None),
        (claim("c2", "d2", 60_000, "2022-10-08"), None),
    ], frozenset())
    assert len(found) == 1 and "cumulative" in found[0].summary
    daily = numeric_discrepancies([
        (claim("c1", "d1", 12_000, "2022-10-01", period="day"), None),
        (claim("c2", "d2", 6_000, "2022-10-08", period="day"), None),
    ], frozenset())
    assert daily == []  # flows per day may fall


def test_one_discrepancy_per_pair_of_articles() -> None:
    found = numeric_discrepancies([
        (claim("h1", "d1", 200_000, "2022-10-04", group="headline", period="total"), None),
        (claim("h2", "d2", 100_000, "2022-10-04", group="headline", period="total"), None),
        (claim("b1", "d1", 200_000, "2022-10-04"), None),
        (claim("b2", "d2", 100_000, "2022-10-04"), None),
    ], frozenset())
    assert [d.claims for d in found] == [["b1", "b2"]]
