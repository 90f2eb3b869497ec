"""Conflicting accounts: third-party readouts against the actor's own account, denials, omitted
topics; and the positions they make contested."""

from __future__ import annotations

from crossdoc_helpers import statement
from stancemap.discrepancies import Corpus, find_conflicts
from stancemap.events import build_events
from stancemap.kb import KnowledgeBase
from stancemap.link import contest, participant
from stancemap.models import Issue, Position

WAR = Issue("support-russia-war", "Support for Russia's war", keywords=["Ukraine", "invasion"])
KREMLIN = ("Sadyr Zhaparov voiced support for Russia's operation during a telephone "
           "conversation with Vladimir Putin on Saturday, the Kremlin said.")
BISHKEK = "Sadyr Japarov spoke by telephone with Vladimir Putin on Saturday."


def corpus(kb: KnowledgeBase, watch: tuple[str, ...] = ("KGZ",)) -> Corpus:
    return Corpus(participant=lambda a: participant(a, kb), issues={WAR.id: WAR},
                  publishers={"d1": "Moscow Dispatch", "d2": "Ala-Too Bulletin"},
                  watch=frozenset(watch))


def conflicts(kb: KnowledgeBase, statements):  # type: ignore[no-untyped-def]
    names = {a.id: a.name for a in kb.actors.values()}
    found = build_events(statements, lambda a: participant(a, kb), names)
    return find_conflicts(statements, found, corpus(kb))


def kremlin(kb: KnowledgeBase, stance: str = "support"):  # type: ignore[no-untyped-def]
    return statement(kb, "s1", "d1", "person:sadyr-japarov", "SUPPORT", KREMLIN,
                     target="person:vladimir-putin", issue=WAR.id, stance=stance,
                     reported_by="RUSGOV", modality="reported")


def test_kremlin_readout_against_the_kyrgyz_readout(kb: KnowledgeBase) -> None:
    own = statement(kb, "s2", "d2", "KGZGOV", "CONSULT", BISHKEK, target="RUS")
    found = conflicts(kb, [kremlin(kb), own])
    assert len(found) == 1
    d = found[0]
    assert d.kind == "conflicting_accounts" and d.issue == WAR.id and d.date == "2022-02-26"
    assert d.statements == ["s1", "s2"] and d.docs == ["d1", "d2"]
    assert [a.id for a in d.actors][:2] == ["KGZ", "RUS"]
    assert d.summary.startswith("Russia's account (Moscow Dispatch) says Kyrgyzstan supported")
    assert "Kyrgyzstan's own account of the call (Ala-Too Bulletin)" in d.summary
    assert [s["quote"] for s in d.sides] == [KREMLIN, BISHKEK]


def test_agreeing_readouts_and_one_sided_reports_are_not_conflicts(kb: KnowledgeBase) -> None:
    agree = statement(kb, "s2", "d2", "KGZGOV", "SUPPORT", BISHKEK, target="RUS",
                      issue=WAR.id, stance="support")
    assert conflicts(kb, [kremlin(kb), agree]) == []
    assert conflicts(kb, [kremlin(kb)]) == []  # nothing from the Kyrgyz side
    same_doc = statement(kb, "s2", "d1", "KGZGOV", "CONSULT", BISHKEK, target="RUS")
    assert conflicts(kb, [kremlin(kb), same_doc]) == []


def test_a_call_a_week_later_does_not_answer_the_readout(kb: KnowledgeBase) -> None:
    later = statement(kb, "s2", "d2", "KGZGOV", "CONSULT", BISHKEK, target="RUS",
                      date="2022-03-05")
    assert conflicts(kb, [kremlin(kb), later]) == []


def test_an_official_denial_contradicts_a_media_report(kb: KnowledgeBase) -> None:
    report = statement(kb, "s1", "d1", "KAZ", "REJECT",
                       "Media reported that Kazakhstan refused to send troops to Ukraine.",
                       issue=WAR.id, stance="oppose", reported_by="RUS", date="2022-03-01",
                       modality="reported")
    denial = statement(kb, "s2", "d2", "KAZGOV", "REJECT",
                       "The ministry denied that any request to send troops had been made.",
                       issue=WAR.id, stance="oppose", date="2022-03-02", modality="denied")
    found = conflicts(kb, [report, denial])
    assert [d.kind for d in found] == ["conflicting_accounts"]
    assert "denies it" in found[0].summary


def test_own_stance_against_a_claim_made_weeks_apart_is_no_conflict(kb: KnowledgeBase) -> None:
    claim = statement(kb, "s1", "d1", "KAZ", "SUPPORT", "Moscow said Kazakhstan backed it.",
                      issue=WAR.id, stance="support", reported_by="RUS", date="2022-03-01",
                      modality="reported")
    near = statement(kb, "s2", "d2", "KAZGOV", "REJECT", "Kazakhstan said it opposes the war.",
                     issue=WAR.id, stance="oppose", date="2022-03-05")
    far = statement(kb, "s3", "d2", "KAZGOV", "REJECT", "Kazakhstan said it opposes the war.",
                    issue=WAR.id, stance="oppose", date="2022-09-05")
    neutral = statement(kb, "s4", "d2", "KAZGOV", "STATEMENT", "Kazakhstan abstained.",
                        issue=WAR.id, stance="neutral", date="2022-03-02")
    [found] = conflicts(kb, [claim, near])
    assert found.summary.endswith("Kazakhstan itself (Ala-Too Bulletin) opposed it.")
    assert conflicts(kb, [claim, far]) == []
    assert conflicts(kb, [claim, neutral]) == []  # abstaining days later is no contradiction


def test_one_side_omits_the_topic_the_other_raises(kb: KnowledgeBase) -> None:
    ours = statement(kb, "s1", "d1", "RUSGOV", "CONSULT",
                     "Putin and Japarov discussed the situation around Ukraine by phone.",
                     target="KGZ", issue=WAR.id, stance="neutral")
    theirs = statement(kb, "s2", "d2", "KGZGOV", "CONSULT",
                       "Japarov and Putin discussed trade by telephone.", target="RUS")
    found = conflicts(kb, [ours, theirs])
    assert [d.kind for d in found] == ["omitted_topic"]
    assert "does not mention it" in found[0].summary
    mentions = statement(kb, "s2", "d2", "KGZGOV", "CONSULT",
                         "Japarov and Putin discussed trade and Ukraine by telephone.",
                         target="RUS")
    assert conflicts(kb, [ours, mentions]) == []


def test_conflicts_make_the_position_contested_and_keep_both_sides(kb: KnowledgeBase) -> None:
    own = statement(kb, "s2", "d2", "KGZGOV", "CONSULT", BISHKEK, target="RUS")
    found = conflicts(kb, [kremlin(kb), own])
    position = Position(kb.actors["KGZ"], WAR.id, "support", "2022-02-26", 0.35, ["s1"], ["d1"],
                        [{"date": "2022-02-26", "stance": "support", "statement": "s1"}])
    old = Position(kb.actors["KGZ"], WAR.id, "neutral", "2023-02-23", 0.9, ["s9"], ["d9"], [])
    contest([position], found)
    assert position.stance == "contested" and position.confidence <= 0.6
    assert position.evidence == ["s1", "s2"] and position.docs == ["d1", "d2"]
    assert position.timeline[-1]["stance"] == "contested"
    contest([old], found)  # a dispute long before the current stance only marks the timeline
    assert old.stance == "neutral" and old.timeline[0]["stance"] == "contested"


def test_a_denial_that_a_request_was_made_answers_a_report_of_refusal(kb: KnowledgeBase) -> None:
    report = statement(kb, "s1", "d1", "KAZ", "REJECT",
                       "Russian media reported that Kazakhstan had refused a request from "
                       "Moscow to send troops to Ukraine.", target="UKR", reported_by="RUSMED",
                       date="2022-10-03", modality="reported")
    denial = statement(kb, "s2", "d2", "RUS", "REQUEST",
                       "Kazakhstan's foreign ministry denied that Russia had asked it to send "
                       "troops to Ukraine.", target="UKR", reported_by="KAZGOV",
                       date="2022-10-04", modality="denied")
    unrelated = statement(kb, "s3", "d2", "RUS", "REQUEST",
                          "The ministry denied that Russia had asked for a new gas pipeline.",
                          reported_by="KAZGOV", date="2022-10-04", modality="denied")
    found = conflicts(kb, [report, denial, unrelated])
    assert [d.statements for d in found] == [["s1", "s2"]]
    assert found[0].summary.startswith(
        "Russia media's account (Moscow Dispatch) says Kazakhstan refused")
    assert "Kazakhstan denies it" in found[0].summary


def test_one_article_reporting_both_accounts(kb: KnowledgeBase) -> None:
    silent = statement(kb, "s2", "d1", "KGZGOV", "NO_COMMENT",
                       "Bishkek's own account of the call did not mention the war.",
                       issue=WAR.id, stance="no_comment")
    [d] = conflicts(kb, [kremlin(kb), silent])
    assert d.docs == ["d1"] and d.statements == ["s1", "s2"]
    assert d.summary.endswith("Kyrgyzstan itself (Moscow Dispatch) made no comment on it.")
    bare = statement(kb, "s2", "d1", "KGZGOV", "CONSULT", BISHKEK, target="RUS")
    assert conflicts(kb, [kremlin(kb), bare]) == []  # within one article: only a contrast
