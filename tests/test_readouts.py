"""Readouts of calls and meetings: fronted sources, vague conduct nouns ("Russia's actions in
Ukraine"), silence in an account, talks on a situation, and the neutral line."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap.issues import load_issues
from stancemap.models import Issue
from stancemap.readouts import issue_states

ISSUES = Path(__file__).resolve().parents[1] / "src" / "stancemap" / "demo" / "issues.yaml"
WAR = "support-russia-war"


def _runner(statements_of, issues):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = "2022-10-05") -> list[tuple]:  # type: ignore[type-arg]
        return [(s.actor.country or s.actor.id, s.event_type, s.issue, s.stance,
                 s.reported_by.country if s.reported_by else None, s.modality)
                for s in statements_of(text, published, issues)]

    return run


@pytest.fixture(scope="module")
def extract(statements_of):  # type: ignore[no-untyped-def]
    return _runner(statements_of, load_issues(ISSUES).issues)

def test_fronted_source_attributes_like_a_trailing_one(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("According to the Kremlin, Mirziyoyev expressed understanding of Russia's "
                  "actions in Ukraine during a phone call with Putin on Saturday.")
    assert ("UZB", "SUPPORT", WAR, "support", "RUS", "reported") in got


def test_steps_taken_by_a_state_are_its_war(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Kassym-Jomart Tokayev expressed support for the steps taken by Russia, the "
                  "Kremlin said after their phone call.")
    assert ("KAZ", "SUPPORT", WAR, "support", "RUS", "reported") in got
    got = extract("Japarov supported Russia's efforts to ensure its security, according to "
                  "the Kremlin.")
    assert ("KGZ", "SUPPORT", WAR, "support", "RUS", "reported") in got


def test_conduct_in_another_domain_or_place_is_not_the_war(extract) -> None:  # type: ignore[no-untyped-def]
    context = "Putin informed Tokayev about the progress of the special military operation. "
    for text in ("Tokayev expressed support for the steps taken by Russia to stabilise the "
                 "rouble, the Kremlin said.",
                 "Tokayev expressed support for Russia in the Eurasian Economic Union.",
                 "Kazakhstan condemned Russia's actions in Georgia."):
        got = extract(context + text)
        assert all(g[2] is None for g in got if g[0] == "KAZ"), (text, got)


def test_informing_of_the_operation_is_not_the_listener_s_support(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Putin informed Mirziyoyev about the progress of the special military "
                  "operation.")
    assert all(g[0] != "UZB" for g in got)
    assert not any(g[3] == "support" for g in got)


def test_vague_objects_take_the_war_the_text_is_on(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Putin informed Tokayev about the progress of the special military operation, "
                  "the Kremlin said. Tokayev expressed solidarity with Russia. He noted the "
                  "importance of the measures taken.")
    assert ("KAZ", "SUPPORT", WAR, "support") in [g[:4] for g in got]
    assert ("KAZ", "STATEMENT", WAR) in [g[:3] for g in got]
    alone = extract("Tokayev expressed solidarity with Russia.")
    assert [g[2] for g in alone] == [None]  # no text on the war: no issue


def test_an_account_silent_on_support_is_no_support(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Akorda's statement on the call made no mention of support for Russia's "
                  "operation.")
    assert not any(g[1] == "SUPPORT" or g[3] == "support" for g in got)
    assert ("KAZ", "NO_COMMENT", WAR, "no_comment") in [g[:4] for g in got]


def test_it_of_an_account_and_an_open_question_are_silence(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("President Sadyr Japarov spoke by telephone with Russian President Vladimir "
                  "Putin on Saturday, the Kyrgyz presidential press service said. It contained no "
                  "assessment of Russia's military operation in Ukraine and did not say what "
                  "position, if any, Japarov had taken during the conversation.",
                  published="2022-02-27")
    assert ("KGZ", "NO_COMMENT", WAR, "no_comment") in [g[:4] for g in got]
    assert not any(g[0] == "RUS" and g[1] == "NO_COMMENT" for g in got)


def test_own_readout_talks_on_the_situation_and_diplomacy(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Uzbek president's press service said the two leaders discussed the "
                  "situation in Ukraine and stressed the importance of resolving it through "
                  "diplomacy.")
    assert ("UZB", "CONSULT", WAR) in [g[:3] for g in got]
    assert ("UZB", WAR, "neutral") in [(g[0], g[2], g[3]) for g in got]
    assert not any(g[3] == "support" for g in got)


def test_a_nested_speech_verb_is_not_a_second_account(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Mirziyoyev noted the importance of the measures taken, the Kremlin said.")
    assert [g[0] for g in got] == ["UZB"] and got[0][4:] == ("RUS", "reported")


def test_issue_states_and_other_issue_wordings(kb, statements_of) -> None:  # type: ignore[no-untyped-def]
    assert issue_states(kb, "Support for Russia's invasion of Ukraine")[:2] == ["RUS", "UKR"]
    issues = [Issue("backing-moscow-war", "Backing for Moscow's war against Ukraine",
                    "Whether a government backs the war.", ["war"]),
              Issue("rouble-zone", "Use of the rouble in trade", "Trade in roubles.",
                    ["rouble", "ruble"])]
    run = _runner(statements_of, issues)
    got = run("According to the Kremlin, Tokayev expressed understanding of Russia's actions "
              "in Ukraine.")
    assert ("KAZ", "SUPPORT", "backing-moscow-war", "support", "RUS", "reported") in got


def test_situation_in_the_acted_on_state_and_issue_dates(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Tokayev and Putin discussed developments in Ukraine.")
    assert {g[:3] for g in got} == {("KAZ", "CONSULT", WAR), ("RUS", "CONSULT", WAR)}
    assert all(g[2] is None for g in extract(
        "Tokayev and Putin discussed bilateral trade and the situation in Afghanistan."))
    before = extract("On March 3, 2014, Nazarbayev expressed understanding of Russia's actions "
                     "in Ukraine. On March 3, 2014, Nazarbayev and Putin discussed developments "
                     "in Ukraine.")
    assert before and all(g[2] != WAR for g in before)  # the war issue is not yet in force
