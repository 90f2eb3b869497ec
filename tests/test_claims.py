"""Numeric claims on real parses: value, unit, hedge, period, as-of date, source, group."""

from __future__ import annotations

import pytest

from stancemap.actors import Context, Resolver
from stancemap.claims import SentenceView, extract_claims
from stancemap.kb import KnowledgeBase
from stancemap.models import Claim


@pytest.fixture(scope="module")
def claims_of(kb: KnowledgeBase, nlp):  # type: ignore[no-untyped-def]
    resolver = Resolver(kb)

    def run(text: str, published: str = "2022-09-28", doc: str = "d") -> list[Claim]:
        ctx = Context(published=published)
        views = []
        for index, sent in enumerate(nlp(text).sents):
            found = resolver.resolve(doc, sent, 0, index, ctx)
            views.append(SentenceView(sent, 0, sent.start_char, sent.end_char, found))
        return extract_claims(doc, views, published, kb)

    return run


def test_people_crossing_a_border(claims_of) -> None:  # type: ignore[no-untyped-def]
    [c] = claims_of("About 98,000 Russian citizens crossed into Kazakhstan between 21 September "
                    "and Tuesday, according to the Kazakh interior ministry.")
    assert (c.value, c.unit, c.qualifier) == (98_000, "people", "about")
    assert (c.since, c.as_of, c.period) == ("2022-09-21", "2022-09-27", "since")
    assert c.source is not None and c.source.country == "KAZ"
    assert c.subject == "people from Russia arriving in Kazakhstan since 2022-09-21"
    assert c.text == "About 98,000 Russian citizens"


def test_the_same_quantity_in_other_words_shares_a_group(claims_of) -> None:  # type: ignore[no-untyped-def]
    [a] = claims_of("Some 200,000 Russians have entered Kazakhstan since 21 September, interior "
                    "minister Marat Akhmetzhanov told journalists on Tuesday.", "2022-10-04")
    [b] = claims_of("Kazakhstan is hosting many newcomers. More than 100,000 Russian nationals "
                    "have arrived in the country since September 21, the country's migration "
                    "service said.", "2022-10-04", doc="e")
    assert a.group == b.group
    assert a.source is not None and a.source.id == "person:marat-akhmetzhanov"
    assert b.source is not None and b.source.country == "KAZ" and b.qualifier == "more than"
    assert b.as_of == "2022-10-04"


def test_other_acts_and_one_day_flows_are_other_quantities(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = claims_of(
        "About 200,000 Russian citizens have entered Kazakhstan since 21 September, he said. "
        "Over the same period about 147,000 Russians left the country, he said. "
        "On Monday roughly 7,000 Russians arrived and about 11,000 departed. "
        "More than 70,000 Russian citizens obtained identification numbers since 21 September.",
        "2022-10-04")
    by_value = {c.value: c for c in found}
    assert set(by_value) == {200_000, 147_000, 7_000, 11_000, 70_000}
    assert by_value[147_000].since == "2022-09-21" and "leaving" in by_value[147_000].subject
    assert by_value[7_000].period == "day" and by_value[7_000].as_of == "2022-10-03"
    assert "leaving" in by_value[11_000].subject
    assert len({c.group for c in found}) == 5


def test_money_mass_and_percentages(claims_of) -> None:  # type: ignore[no-untyped-def]
    [money] = claims_of("Trade between Kazakhstan and Russia rose to $26 billion last year.")
    assert (money.value, money.unit) == (26e9, "USD")
    [aid] = claims_of("Uzbekistan sent about 28 tonnes of humanitarian aid to Ukraine.")
    assert (aid.value, aid.unit, aid.qualifier) == (28, "tonne", "about")
    [share] = claims_of("Remittances fell by 12 percent in 2022.")
    assert (share.value, share.unit) == (12, "percent")


def test_descriptions_dates_and_codes_are_not_claims(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert claims_of("The two leaders met in Astana on 14 October 2022.") == []
    assert claims_of("The five Central Asian states abstained on resolution ES-11/4.") == []
    assert claims_of("The meeting lasted 40 minutes.") == []
    assert claims_of("In 2014 Kazakhstan abstained.") == []


def test_what_a_measure_or_a_price_counts(claims_of) -> None:  # type: ignore[no-untyped-def]
    [gas] = claims_of("Russia supplied 15.5 billion cubic metres of gas to Uzbekistan last "
                      "year, Gazprom said.")
    assert (gas.value, gas.unit, gas.period) == (15.5e9, "m3", "year")
    assert gas.subject == "gas from Russia sent to Uzbekistan (per year)"
    assert gas.source is not None and gas.source.id == "org:gazprom"
    [worth] = claims_of("Turkmenistan exported gas worth $7 billion to China in 2022.")
    assert worth.subject == "gas from Turkmenistan exported to China (per year)"
    assert worth.unit == "USD"
    [troops] = claims_of("Kazakhstan will deploy 2,000 troops to the border, the defence "
                         "ministry said on Monday.")
    assert troops.unit == "troops" and troops.source is not None
    assert troops.source.country == "KAZ"
    [dead] = claims_of("The clashes on the border killed at least 36 people, Kyrgyz officials "
                       "said.")
    assert (dead.qualifier, dead.text) == ("at least", "at least 36 people")


def test_periods_from_since_clauses_and_dates_of_other_things(claims_of) -> None:  # type: ignore[no-untyped-def]
    [went, left] = claims_of(
        "Since Putin ordered partial mobilization on September 21, according to Kazakh "
        "authorities, 200 thousand Russians have left for Kazakhstan alone, and 147 thousand "
        "have left during the same period.", "2022-10-05")
    assert (went.value, went.since, went.as_of) == (200_000, "2022-09-21", "2022-10-05")
    assert went.subject == "people from Russia arriving in Kazakhstan since 2022-09-21"
    assert went.source is not None and went.source.country == "KAZ"
    assert left.since == "2022-09-21" and left.group != went.group
    [gas, _] = claims_of("Russian supplies through the pipeline, launched in 2019, totalled 16 "
                         "billion cubic metres and the price was around $4 billion.",
                         "2022-10-05")
    assert gas.as_of == "2022-10-05"
    [aid] = claims_of("Uzbekistan sent 28 tonnes of aid to Ukraine in early 2022, for which "
                      "it received gratitude from the United States.")
    assert aid.subject == "aid from Uzbekistan sent to Ukraine (per year)"
