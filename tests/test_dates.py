"""Dates of acts, resolved against the publication date with the text's precision."""

import pytest

from stancemap.dates import act_date

PUB = "2022-10-05"  # a Wednesday


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Speaking on September 26, the spokesman said so.", "2022-09-26"),
    ("On 13 October 2022 the assembly voted.", "2022-10-13"),
    ("In March 2022, the minister told the senate.", "2022-03"),
    ("Last June, the president spoke at the forum.", "2022-06"),
    ("Back in 2019, he called it too heavy a word.", "2019"),
    ("Last Monday, Astana said it.", "2022-10-03"),
    ("On Saturday the two leaders spoke by phone.", "2022-10-01"),
    ("Yesterday the ministry issued a note.", "2022-10-04"),
    ("Last week the envoy was summoned.", "2022-09"),
    ("The summit on 15-16 September ended.", "2022-09-15"),
    ("Sept. 30 was the day of the ceremony.", "2022-09-30"),
])
def test_explicit_and_relative_dates(sentence: str, expected: str) -> None:
    assert act_date(sentence, PUB)[0] == expected


def test_dates_are_not_verbs_or_spans() -> None:
    assert act_date("Protesters march 10 km to the square.", PUB) == (None, "none")
    assert act_date("Kazakhstan has been neutral since 2014.", PUB) == (None, "none")


def test_relative_to_the_previous_sentence_and_carried() -> None:
    assert act_date("A day earlier, Moscow said the opposite.", PUB, "2022-09-26")[0] == \
        "2022-09-25"
    assert act_date("He also called it a cornerstone of law.", PUB, "2022-09-26") == \
        ("2022-09-26", "carried")
    assert act_date("Tashkent said nothing.", PUB, "2022-09-26") == (None, "none")


def test_nearest_date_to_the_predicate_wins() -> None:
    text = "After the 2014 vote, the ministry said on September 26 that it would not comply."
    assert act_date(text, PUB, anchor=text.index("said"))[0] == "2022-09-26"


def test_shifts_count_from_dates_not_from_events_and_never_pass_publication() -> None:
    assert act_date("A day later the council voted.", "2022-02-23", "2022-02-21") == (
        "2022-02-22", "explicit")
    assert act_date("Two days after that, he spoke.", "2022-02-23", "2022-02-20")[0] == \
        "2022-02-22"
    # "after the invasion began" names an event, not the date of the sentence before
    assert act_date("Two days after the invasion began, the Kremlin said so.", "2023-10-13",
                    "2023-10-14")[0] is None
    # worked out from context, a date after the report is impossible; an explicit one is a plan
    assert act_date("A week later the council voted.", "2022-02-23", "2022-02-21")[0] is None
    assert act_date("The summit opens on 15 November 2022.", "2022-10-13")[0] == "2022-11-15"


def test_shift_with_nothing_dated_before_counts_from_the_report() -> None:
    assert act_date("A day earlier, the minister said so.", "2022-10-05")[0] == "2022-10-04"
    assert act_date("A day later, the minister said so.", "2022-10-05")[0] is None


def test_a_late_month_in_a_plan_is_ahead_in_a_report_behind() -> None:
    assert act_date("The treaty is due to be signed in late May.", "2014-03-31")[0] == "2014-05"
    assert act_date("The signing is scheduled for late May.", "2014-03-31")[0] == "2014-05"
    assert act_date("In late May the talks failed.", "2014-03-31")[0] == "2013-05"


def test_the_same_day_is_the_day_before_it() -> None:
    assert act_date("The same day, Moscow said the opposite.", PUB, "2022-09-26")[0] == \
        "2022-09-26"
