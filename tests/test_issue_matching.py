"""Which issue an act is about, and its stance, on sentences written for these tests and an
issues file of their own (tests/fixtures/issues/matching.yaml): paraphrases of an issue
("the conflict", "the Russian side's actions", "the peninsula", "export controls"), silence
on what an object names, the neutral line (talks, not taking sides), objects that name the
undermining of something ("the violation of ...", "circumvent"), acts that carry an issue
out, and themes that support an issue ("the will of the people")."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap.issues import load_issues
from stancemap.stance import IssueMatcher, lemmas

ISSUES = Path(__file__).resolve().parent / "fixtures" / "issues" / "matching.yaml"
CRIMEA, BORDERS, WAR = "peninsula", "ukr-borders", "the-war"
ANNEX, SANCTIONS = "annexation-2022", "sanctions"


@pytest.fixture(scope="module")
def issues():  # type: ignore[no-untyped-def]
    return load_issues(ISSUES).issues


@pytest.fixture(scope="module")
def extract(statements_of, issues):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = "2022-11-20") -> set[tuple]:  # type: ignore[type-arg]
        return {(s.actor.country or s.actor.id, s.issue, s.stance)
                for s in statements_of(text, published, issues)}

    return run


def _on(got: set[tuple], issue: str) -> set[tuple]:  # type: ignore[type-arg]
    return {g for g in got if g[1] == issue}


# --- 1. paraphrases of an issue ----------------------------------------------------------

def test_the_russian_side_s_actions_are_the_war(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("According to the Kremlin, the Armenian prime minister voiced understanding "
                  "of the Russian side's actions during a call on Tuesday.")
    assert ("ARM", WAR, "support") in got


def test_the_conflict_refers_to_the_war_the_text_is_on(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Azerbaijan has not condemned the invasion of Ukraine. Aliyev said on Monday "
                  "that the conflict had to be resolved through dialogue and diplomacy.")
    assert ("AZE", WAR, "neutral") in got


def test_the_conflict_names_no_issue_without_context(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Aliyev said on Monday that the conflict had to be resolved through dialogue.")
    assert not _on(got, WAR)


def test_a_description_word_refers_back_to_its_issue(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("In 2014, Armenia voted against the UN resolution on Crimea. A year later, the "
                  "Armenian foreign ministry said the result of the ballot on the peninsula "
                  "reflected the will of the people.", "2015-06-01")
    assert ("ARM", CRIMEA, "support") in got


def test_theme_phrases_match_an_issue_of_that_theme(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Mongolia has frozen the assets of two Russian banks and tightened export "
                  "controls on electronics.")
    assert ("MNG", SANCTIONS, "support") in got
    assert ("MNG", SANCTIONS, "oppose") not in got


def test_a_passive_subject_names_the_issue_of_the_text(statements_of, issues) -> None:  # type: ignore[no-untyped-def]
    got = statements_of("Brussels has added three Georgian lenders to its list of firms "
                        "accused of helping Moscow skirt the sanctions. The listings were "
                        "called baseless by Georgia's foreign ministry.", "2024-05-02", issues)
    assert any(s.actor.country == "GEO" and s.issue == SANCTIONS for s in got)


def test_generic_kind_phrases_name_no_issue(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Armenia's embassy reminded citizens last month that taking part in armed "
                  "conflicts abroad is a criminal offence.")
    assert not _on(got, WAR)


# --- 2. silence is on what its object names ---------------------------------------------

def test_no_mention_of_the_war_is_silence_on_the_war(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Yerevan has not recognised the annexation of the four regions. The Armenian "
                  "foreign minister made no mention of the war in his speech at the assembly.")
    assert ("ARM", WAR, "no_comment") in got


def test_silence_on_a_state_is_on_the_war_against_it(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Aliyev did not refer to Ukraine in his address to the summit.")
    assert ("AZE", WAR, "no_comment") in got


def test_a_named_issue_beats_the_possessive_anaphor(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Armenia says the war in Ukraine must end. Yerevan has not commented on the "
                  "four regions since their incorporation into Russia.")
    assert ("ARM", ANNEX, "no_comment") in got


# --- 3. the neutral line ------------------------------------------------------------------

def test_welcoming_talks_is_neutral_on_the_war(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Azerbaijani president welcomed the talks between Russian and Ukrainian "
                  "delegations in Istanbul as a step towards ending the war.")
    assert ("AZE", WAR, "neutral") in got
    assert ("AZE", WAR, "support") not in got


def test_not_being_drawn_into_the_conflict_is_neutral(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Turkey has not condemned the war in Ukraine. Erdogan's spokesman said Ankara "
                  "would not be dragged into the conflict.")
    assert ("TUR", WAR, "neutral") in got
    assert ("TUR", WAR, "oppose") not in got


def test_a_neutral_line_on_the_conflict_in_a_conjoined_clause(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Mongolia has not condemned the invasion of Ukraine. The Mongolian foreign "
                  "minister told lawmakers that Mongolia would keep to a neutral line and would "
                  "not be drawn into the conflict.")
    assert any(g[1:] == (WAR, "neutral") for g in got)


def test_offering_a_venue_for_negotiations_is_neutral(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Mongolia has not condemned the war in Ukraine. Ulaanbaatar would be ready to "
                  "provide a venue for further negotiations, the foreign ministry said.")
    assert ("MNG", WAR, "neutral") in got


# --- 4. undermining, carrying out, supporting themes -------------------------------------

def test_condemning_a_violation_supports_what_is_violated(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Armenian foreign ministry denounced the violation of Ukraine's "
                  "territorial integrity.")
    assert ("ARM", BORDERS, "support") in got
    assert ("ARM", BORDERS, "oppose") not in got


def test_warning_of_a_threat_to_sovereignty_supports_it(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Mongolian ministry warned that the fighting posed a serious threat to "
                  "the sovereignty of Ukraine.")
    assert ("MNG", BORDERS, "support") in got
    assert ("MNG", BORDERS, "oppose") not in got


def test_helping_to_circumvent_sanctions_opposes_them(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Mongolia helped Russian firms circumvent the sanctions.")
    assert ("MNG", SANCTIONS, "oppose") in got
    assert ("MNG", SANCTIONS, "support") not in got


def test_the_will_of_the_people_supports_the_vote(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Armenian foreign ministry said the result of the ballot reflected the "
                  "will of the people of Crimea.", "2014-04-02")
    assert ("ARM", CRIMEA, "support") in got


def test_a_conditional_will_of_the_people_takes_no_stance(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("If the will of the people were the only rule, Aliyev said, the borders of "
                  "every state in the region would be in question.", "2015-06-01")
    assert not any(g[2] == "support" for g in got)


def test_sanctions_felt_by_an_economy_are_not_its_act(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Armenia said it would take steps to shield its economy from the effects of "
                  "the restrictions imposed on Russia.")
    assert ("ARM", SANCTIONS, "support") not in got


def test_declining_to_back_a_resolution_is_neutral(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The General Assembly adopted a resolution condemning the annexation of the "
                  "four regions. Mongolia did not support the resolution.")
    assert ("MNG", ANNEX, "neutral") in got
    got = extract("The General Assembly adopted a resolution condemning the annexation of the "
                  "four regions. Armenia, whose foreign ministry said in early October that it "
                  "would not recognise the referendums, nevertheless declined to back the "
                  "resolution.")
    assert {("ARM", ANNEX, "oppose"), ("ARM", ANNEX, "neutral")} <= got


# --- 5. speech held back for the acts of its content ------------------------------------

def test_a_readout_of_a_call_stressing_dialogue_is_neutral(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Azerbaijani presidential office, in its own account of Monday's call "
                  "between Aliyev and Erdogan, said the president had stressed the importance "
                  "of resolving the situation around Ukraine through diplomacy and dialogue.",
                  "2022-03-02")
    assert ("AZE", WAR, "neutral") in got


def test_the_will_of_the_majority_beside_another_declaration(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Armenian foreign ministry said the result of the ballot reflected the "
                  "wishes of the majority of the population of Crimea, and declared that the "
                  "Ukrainian president had lost his legitimacy.", "2014-03-25")
    assert ("ARM", CRIMEA, "support") in got


def test_an_envoy_defending_a_vote_as_a_right_exercised(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Speaking before the vote, Russia's envoy told the council that the people of "
                  "Crimea had exercised their right to decide their own future and that Moscow "
                  "would respect their choice.", "2014-03-25")
    assert ("RUS", CRIMEA, "support") in got


def test_held_speech_adds_nothing_without_a_stance(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Armenian minister said 20,000 people had been called up so far and that "
                  "more would follow.")
    assert not any(g[1] for g in got)


# --- the matcher itself -------------------------------------------------------------------

def test_kind_phrases_are_not_issue_terms(issues, nlp) -> None:  # type: ignore[no-untyped-def]
    matcher = IssueMatcher(issues)
    assert ("armed", "conflict") not in matcher.terms[WAR]
    assert ("situation", "in", "ukraine") in matcher.terms[WAR]
    words = lemmas(nlp("the situation in Ukraine")[:])
    found = matcher.match(words, words, "2022-06-01")
    assert found is not None and found.issue == WAR
