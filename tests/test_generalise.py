"""General mechanisms, on sentences written for these tests: negation by "nor", silence
phrasings, present-tense dates, "the capital", elided clauses ("as did X"), headlines."""

from __future__ import annotations

from pathlib import Path

import pytest

ISSUES = Path(__file__).resolve().parents[1] / "src" / "stancemap" / "demo" / "issues.yaml"
ANNEX, DNR, CRIMEA = "recognize-annexation-2022", "recognize-dnr-lnr", "crimea-annexation"
WAR = "support-russia-war"


@pytest.fixture(scope="module")
def extract(statement_rows):  # type: ignore[no-untyped-def]
    return statement_rows

def _stances(got: list[tuple]) -> set[tuple]:  # type: ignore[type-arg]
    return {(g[0], g[2], g[3]) for g in got}


# --- 1. negation by "nor" / "neither" ---------------------------------------------------

def test_fronted_nor_negates_its_clause(extract) -> None:  # type: ignore[no-untyped-def]
    assert ("TKM", DNR, "oppose") in _stances(extract(
        "Nor has Turkmenistan recognised the Donetsk and Luhansk people's republics."))
    assert ("TJK", ANNEX, "oppose") in _stances(extract(
        "Nor did Dushanbe recognise the referendums."))
    got = _stances(extract("Neither will Kazakhstan recognise the referendums."))
    assert ("KAZ", ANNEX, "oppose") in got and ("KAZ", ANNEX, "support") not in got


def test_fronted_nor_carries_the_issue_of_the_sentence_before(extract) -> None:  # type: ignore[no-untyped-def]
    got = _stances(extract("Uzbekistan said it would not accept the annexation of four "
                           "Ukrainian regions. Nor would Tashkent recognise the new borders, "
                           "the minister added."))
    assert ("UZB", ANNEX, "oppose") in got
    assert not any(g[2] == "support" for g in got)


def test_verbless_nor_conjunct_is_a_second_object(extract) -> None:  # type: ignore[no-untyped-def]
    got = _stances(extract("Kazakhstan has never recognised the Crimean referendum, nor "
                           "Moscow's claim to the four regions."))
    assert {("KAZ", CRIMEA, "oppose"), ("KAZ", ANNEX, "oppose")} <= got
    got = _stances(extract("Kyrgyzstan has never recognised the annexation of Crimea, nor "
                           "the annexation of the four regions."))
    assert {("KGZ", CRIMEA, "oppose"), ("KGZ", ANNEX, "oppose")} <= got


def test_neither_nor_subjects_both_oppose(extract) -> None:  # type: ignore[no-untyped-def]
    got = _stances(extract("Neither Astana nor Bishkek recognised the referendums held in "
                           "occupied Ukraine."))
    assert {("KAZ", ANNEX, "oppose"), ("KGZ", ANNEX, "oppose")} <= got
    assert not any(g[2] == "support" for g in got)


# --- 2. silence ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "actor", "issue"), [
    ("Russia declared the annexation of four Ukrainian regions on 30 September. President "
     "Rahmon made no public reference to the annexation in his address to parliament.",
     "TJK", ANNEX),
    ("Russia's invasion of Ukraine entered its eighth month. Mirziyoyev did not raise the war "
     "in his speech at the summit.", "UZB", WAR),
    ("The Kremlin said Tokayev had backed the special military operation. Kazakhstan made no "
     "such claim in its own account of the call.", "KAZ", WAR),
    ("Russia staged referendums in four occupied regions last week. Turkmenistan has steered "
     "clear of the subject.", "TKM", ANNEX),
    ("Kyrgyzstan has kept silent on the annexation of the four regions.", "KGZ", ANNEX),
    ("Asked about the referendums, the Uzbek foreign ministry declined to say whether "
     "Tashkent would recognise the results.", "UZB", ANNEX),
    ("Russia annexed four regions of Ukraine. Ashgabat has yet to comment.", "TKM", ANNEX),
    ("Russia annexed four regions of Ukraine. The Kyrgyz president did not touch on the "
     "annexation in his speech.", "KGZ", ANNEX),
])
def test_silence_phrasings(extract, text: str, actor: str, issue: str) -> None:  # type: ignore[no-untyped-def]
    got = extract(text)
    assert (actor, "NO_COMMENT", issue, "no_comment") in [g[:4] for g in got]


# --- 3. present-tense positions and past dates elsewhere in the sentence -----------------

@pytest.mark.parametrize(("text", "actor", "issue"), [
    ("Kazakhstan, which abstained in 2014, does not recognise Crimea as part of Russia.",
     "KAZ", CRIMEA),
    ("Kazakhstan has kept its distance. The country still does not recognise the republics, "
     "which Moscow recognised on 21 February.", "KAZ", DNR),
    ("Kazakhstan abstained in the 2014 vote and still does not recognise Crimea as part of "
     "Russia.", "KAZ", CRIMEA),
    ("Having abstained in March 2014, Kazakhstan does not recognise the annexation of "
     "Crimea.", "KAZ", CRIMEA),
    ("Moscow recognised the two republics on 21 February, but Kyrgyzstan does not recognise "
     "them.", "KGZ", DNR),
    ("Despite a call with Putin on 29 September, Kazakhstan does not recognise the annexation "
     "of the four regions.", "KAZ", ANNEX),
    ("Tajikistan has not recognised the Donetsk and Luhansk republics since Russia recognised "
     "them on 21 February.", "TJK", DNR),
])
def test_present_position_is_dated_by_publication(extract, text: str, actor: str,
                                                   issue: str) -> None:  # type: ignore[no-untyped-def]
    got = [g for g in extract(text) if g[0] == actor and g[2] == issue and g[3] == "oppose"]
    assert got and all(g[4] == "2022-10-05" for g in got)


def test_speech_date_still_dates_a_present_position(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Uzbekistan does not recognise the referendums, its foreign minister said "
                  "on 28 September.")
    assert ("UZB", "REJECT", ANNEX, "oppose", "2022-09-28") in got
    got = extract("Speaking on Monday, the Kazakh foreign minister said Kazakhstan does not "
                  "recognise the referendums.")
    assert ("KAZ", "REJECT", ANNEX, "oppose", "2022-10-03") in got


# --- 4. "the capital" with no capital named -----------------------------------------------

def test_unnamed_capital_is_the_government_of_the_text_state(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Kazakhstan faces pressure from Moscow over the war.\n\nOfficials in the "
                  "capital have avoided criticising the Kremlin.")
    assert ("KAZ", "NO_COMMENT", WAR, "no_comment") in [g[:4] for g in got]
    assert not any(g[0] == "RUS" for g in got)
    got = extract("Uzbekistan is walking a fine line over the war in Ukraine.\n\nThe "
                  "government in the capital has not commented on the annexation of the four "
                  "regions.")
    assert ("UZB", "NO_COMMENT", ANNEX, "no_comment") in [g[:4] for g in got]
    got = extract("Turkmenistan rarely speaks on foreign affairs.\n\nThe capital has kept "
                  "silent on the referendums held by Moscow.")
    assert ("TKM", "NO_COMMENT", ANNEX, "no_comment") in [g[:4] for g in got]


# --- 5. elided clauses: "as did", "so did", "neither did" ---------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("At the General Assembly vote on the annexation, Kazakhstan abstained, as did "
     "neighbouring Kyrgyzstan and Tajikistan.", {"KAZ", "KGZ", "TJK"}),
    ("Uzbekistan did not vote on the resolution condemning the annexation, and neither did "
     "Turkmenistan.", {"UZB", "TKM"}),
    ("Kazakhstan refused to recognise the referendums, as did Uzbekistan.", {"KAZ", "UZB"}),
    ("Kyrgyzstan has not commented on the annexation, and nor has Tajikistan.",
     {"KGZ", "TJK"}),
    ("Uzbekistan condemned the annexation, and so did Kazakhstan.", {"UZB", "KAZ"}),
    ("Tajikistan has not recognised the referendums. Neither has Turkmenistan.",
     {"TJK", "TKM"}),
])
def test_elided_clause_repeats_the_act(extract, text: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = [g for g in extract(text) if g[2] == ANNEX]
    assert {g[0] for g in got} == expected
    assert len({g[1:4] for g in got}) == 1  # the same act, issue and stance for each


def test_elided_clause_keeps_its_own_date(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Kazakhstan abstained on the resolution on the annexation of Crimea, as had "
                  "Kyrgyzstan in 2014.")
    assert ("KGZ", CRIMEA, "2014") in [(g[0], g[2], g[4]) for g in got]
    assert ("KAZ", CRIMEA, "2014") not in [(g[0], g[2], g[4]) for g in got]


# --- 6. headlines and groups --------------------------------------------------------------

def test_group_attitude_on_no_issue_is_not_each_members(extract) -> None:  # type: ignore[no-untyped-def]
    assert not any(g[1] == "SUPPORT" for g in extract(
        "Central Asian leaders stand with Putin\n\nThe leaders met in Astana on Friday."))
    assert extract("Central Asian states side with Moscow") == []


def test_group_statements_with_an_issue_or_an_act_are_kept(extract) -> None:  # type: ignore[no-untyped-def]
    got = _stances(extract("None of the five Central Asian states has recognised the "
                           "annexation."))
    assert {(c, ANNEX, "oppose") for c in ("KAZ", "KGZ", "TJK", "TKM", "UZB")} <= got
    got = extract("Central Asian leaders stand with Putin\n\nThe leaders of the five Central "
                  "Asian states met in Astana on Friday.")
    assert {g[0] for g in got if g[1] == "CONSULT"} == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    got = extract("The Central Asian leaders expressed support for Tokayev's initiative.")
    assert {g[0] for g in got if g[1] == "SUPPORT"} >= {"KGZ", "TJK", "TKM", "UZB"}
