"""Votes on a described motion and coordinated silence, on sentences written for these tests:
abstaining is neutral on the motion's issue, a numbered group ("all three") stands for the
states just listed, an empty seat is not voting, "voted against, together with X and Y"
is each voter's act, a mission's unexplained vote is silence; coordinated capitals,
demonyms and surnames each give their own state's statement."""

from __future__ import annotations

import pytest

WAR, ANNEX, TI = "support-russia-war", "recognize-annexation-2022", \
    "ukraine-territorial-integrity"
SANCTIONS = "sanctions-compliance"


@pytest.fixture(scope="module")
def extract(statements_of):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = "2023-03-10") -> set[tuple]:  # type: ignore[type-arg]
        return {(s.actor.country or s.actor.id, s.event_type, s.issue, s.stance)
                for s in statements_of(text, published)}

    return run


def _by(got: set[tuple], country: str) -> set[tuple]:  # type: ignore[type-arg]
    return {(g[2], g[3]) for g in got if g[0] == country}


# --- votes on a described motion ------------------------------------------------------

def test_abstaining_is_neutral_on_the_motion_never_a_side(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("When the General Assembly passed a text on 12 October 2022 upholding "
                  "Ukraine's territorial integrity and calling the referendums in four regions "
                  "invalid, Mongolia abstained, as did Armenia, India and Laos.", "2022-10-14")
    for state in ("MNG", "ARM", "IND", "LAO"):
        mine = _by(got, state)
        assert mine and all(stance == "neutral" for _, stance in mine), (state, mine)
        assert (TI, "neutral") in mine


def test_numbered_group_abstaining_again(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("On 2 March 2022 the assembly adopted a resolution demanding an end to the "
                  "invasion. Armenia, Kazakhstan and Mongolia abstained. Moldova voted in "
                  "favour. In February 2023 all three abstained again.")
    again = [g for g in got if g[1] == "STATEMENT"]
    assert {g[0] for g in again} == {"ARM", "KAZ", "MNG"}
    assert all(g[3] == "neutral" for g in again)
    assert ("MDA", "SUPPORT", WAR, "oppose") in got


def test_voting_body_demand_is_the_motion(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("On the eve of the anniversary of the invasion, the General Assembly "
                  "repeated its demand that Moscow withdraw its troops from Ukraine, adopting "
                  "the resolution by 140 votes to 5. Armenia, India and Laos abstained, while "
                  "Venezuela's seat was empty. Belarus voted against, together with Iran, Cuba "
                  "and Syria. Moldova and Albania voted in favour.")
    for state in ("ARM", "IND", "LAO"):
        assert (WAR, "neutral") in _by(got, state)
    assert ("VEN", "NO_COMMENT", WAR, "no_comment") in got
    for state in ("BLR", "IRN", "CUB", "SYR"):
        assert ("REJECT" , WAR, "support") in {(g[1], g[2], g[3]) for g in got
                                              if g[0] == state}, state
    for state in ("MDA", "ALB"):
        assert (WAR, "oppose") in _by(got, state)
    assert not any(g[0] == "org:unga" for g in got)  # the text's words, no one's act


def test_unexplained_vote_of_a_mission_is_silence(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The assembly adopted a resolution demanding an end to the invasion. "
                  "Eritrea's mission did not explain its vote.")
    assert ("ERI", "NO_COMMENT", WAR, "no_comment") in got


# --- coordinated silence --------------------------------------------------------------

def test_demonyms_coordinated_on_one_body(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Treasury listed three banks on Friday for evading sanctions. "
                  "Armenian and Georgian officials declined to comment on the listings.")
    assert ("ARM", "NO_COMMENT", SANCTIONS, "no_comment") in got
    assert ("GEO", "NO_COMMENT", SANCTIONS, "no_comment") in got


def test_coordinated_capitals_set_the_scene_for_they(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("In Baku and Yerevan, they declined to comment on the sanctions.")
    assert ("AZE", "NO_COMMENT", SANCTIONS, "no_comment") in got
    assert ("ARM", "NO_COMMENT", SANCTIONS, "no_comment") in got
    other = extract("In Baku and Yerevan, Russian diplomats declined to comment on the "
                    "sanctions.")
    assert {g[0] for g in other} == {"RUS"}


def test_surname_list_with_a_shared_surname(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Rakhmon, Zhaparov and Tokayev did not mention the war.")
    assert {g[0] for g in got} == {"TJK", "KGZ", "KAZ"}
    assert all(g[1] == "NO_COMMENT" and g[3] == "no_comment" for g in got)


def test_list_head_split_from_the_subject(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Aliyev, Pashinyan and Lukashenko did not mention the invasion.")
    assert {g[0] for g in got} == {"AZE", "ARM", "BLR"}


def test_opening_place_phrase_the_parser_made_the_root(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The minister accused the neighbours of helping Moscow get around the "
                  "sanctions. In Baku and Yerevan to the questions of reporters about the "
                  "sanctions they did not answer.")
    assert ("AZE", "NO_COMMENT", SANCTIONS, "no_comment") in got
    assert ("ARM", "NO_COMMENT", SANCTIONS, "no_comment") in got


def test_vote_takes_the_day_of_the_motion_it_is_on(statements_of) -> None:  # type: ignore[no-untyped-def]
    got = statements_of(
        "On Wednesday the General Assembly repeated its demand that Moscow withdraw its "
        "troops from Ukraine on the anniversary of the invasion, adopting the resolution by "
        "140 votes to 5. The Kazakh foreign ministry said on Thursday that it favoured talks. "
        "That line did not carry over to New York: in November, when the assembly declared "
        "the annexation of four regions void, Armenia and Laos abstained. Moldova and "
        "Albania voted in favour.", "2022-10-08")
    voters = {(s.actor.country, s.issue, s.stance, s.date) for s in got
              if s.actor.country in ("MDA", "ALB")}
    assert voters == {("MDA", WAR, "oppose", "2022-10-05"), ("ALB", WAR, "oppose", "2022-10-05")}
    assert {(s.actor.country, s.issue, s.stance) for s in got
            if s.actor.country in ("ARM", "LAO")} == {("ARM", ANNEX, "neutral"),
                                                      ("LAO", ANNEX, "neutral")}


def test_unnamed_voters_and_another_text_are_not_the_motion(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("On Wednesday the General Assembly repeated its demand that Moscow withdraw "
                  "its troops from Ukraine on the anniversary of the invasion, adopting the "
                  "resolution. Ukraine's foreign minister thanked the states that had voted in "
                  "favour. A Laotian diplomat said Vientiane would have supported a text "
                  "confined to a ceasefire. Laos was one of the states that voted against.",
                  "2022-10-08")
    assert not any(g[0] not in ("UKR", "LAO") for g in got)
    assert not any(g[0] == "UKR" and g[3] for g in got)
    assert ("LAO", "REJECT", WAR, "support") in got  # the named member's vote
    assert not any(g[0] == "LAO" and g[1] == "SUPPORT" and g[3] == "oppose" for g in got)
