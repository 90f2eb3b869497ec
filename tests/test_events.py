"""Merging statements into events: same occasion, same participants, compatible dates."""

from __future__ import annotations

from crossdoc_helpers import statement
from stancemap.events import build_events, occasions
from stancemap.kb import KnowledgeBase
from stancemap.link import participant

CALL_A = ("Sadyr Zhaparov voiced support for Russia's actions during a telephone conversation "
          "with Vladimir Putin on Saturday, the Kremlin said.")
CALL_B = "Sadyr Japarov spoke by telephone with Vladimir Putin on Saturday."


def events(kb: KnowledgeBase, statements):  # type: ignore[no-untyped-def]
    names = {a.id: a.name for a in kb.actors.values()}
    return build_events(statements, lambda a: participant(a, kb), names)


def test_occasion_kinds() -> None:
    kinds = occasions()
    assert kinds.kind(CALL_B) == "call"
    assert kinds.kind("Kazakhstan abstained in the vote on the resolution.") == "vote"
    assert kinds.kind("Tokayev met Scholz in Berlin on Thursday.") == "meeting"
    assert kinds.kind("Leaders gathered for the summit in Astana.") == "summit"
    assert kinds.kind("Kazakhstan will not recognise the referendums.") is None


def test_two_readouts_of_one_call_are_one_event(kb: KnowledgeBase) -> None:
    a = statement(kb, "s1", "d1", "person:sadyr-japarov", "SUPPORT", CALL_A,
                  target="person:vladimir-putin", issue="support-russia-war", stance="support",
                  reported_by="RUSGOV", modality="reported")
    b = statement(kb, "s2", "d2", "KGZGOV", "CONSULT", CALL_B, target="RUS")
    found = events(kb, [a, b])
    assert len(found) == 1
    event = found[0]
    assert event.kind == "call" and event.event_type == "CONSULT"
    assert event.date == "2022-02-26"
    assert set(event.docs) == {"d1", "d2"} and set(event.statements) == {"s1", "s2"}
    assert {"KGZ", "RUS"} <= {x.id for x in event.actors}


def test_calls_a_week_apart_stay_apart(kb: KnowledgeBase) -> None:
    a = statement(kb, "s1", "d1", "KAZGOV", "CONSULT", CALL_B, target="UZB", date="2023-03-06")
    b = statement(kb, "s2", "d2", "UZBGOV", "CONSULT", CALL_B, target="KAZ", date="2023-03-13")
    c = statement(kb, "s3", "d3", "UZB", "CONSULT", CALL_B, target="KAZGOV", date="2023-03-06")
    found = sorted(events(kb, [a, b, c]), key=lambda e: e.date or "")
    assert [(e.date, sorted(e.statements)) for e in found] == [
        ("2023-03-06", ["s1", "s3"]), ("2023-03-13", ["s2"])]


def test_different_partners_same_day_stay_apart(kb: KnowledgeBase) -> None:
    a = statement(kb, "s1", "d1", "KAZGOV", "CONSULT", CALL_B, target="UZB")
    b = statement(kb, "s2", "d2", "KAZGOV", "CONSULT", CALL_B, target="RUS")
    assert len(events(kb, [a, b])) == 2


def test_a_month_dated_report_joins_the_only_matching_event(kb: KnowledgeBase) -> None:
    a = statement(kb, "s1", "d1", "KAZGOV", "CONSULT", "Tokayev met Putin in Moscow.",
                  target="RUS", date="2022-11-28")
    b = statement(kb, "s2", "d2", "KAZGOV", "CONSULT", "In November Tokayev met Putin.",
                  target="RUS", date="2022-11")
    assert [sorted(e.statements) for e in events(kb, [a, b])] == [["s1", "s2"]]
    c = statement(kb, "s3", "d3", "KAZGOV", "CONSULT", "Tokayev met Putin again.",
                  target="RUS", date="2022-11-05")
    assert len(events(kb, [a, b, c])) == 3  # two candidates: the vague report stays apart


def test_votes_are_multilateral_and_silence_is_no_event(kb: KnowledgeBase) -> None:
    vote = "{} abstained in the vote on the resolution on Wednesday."
    found = events(kb, [
        statement(kb, "s1", "d1", "KAZ", "STATEMENT", vote.format("Kazakhstan"),
                  issue="recognize-annexation-2022", stance="neutral", date="2022-10-12"),
        statement(kb, "s2", "d2", "KGZ", "STATEMENT", vote.format("Kyrgyzstan"),
                  issue="recognize-annexation-2022", stance="neutral", date="2022-10-12"),
        statement(kb, "s3", "d2", "TKM", "NO_COMMENT", "Turkmenistan did not comment.",
                  date="2022-10-12"),
        statement(kb, "s4", "d2", "UZB", "STATEMENT", "Uzbekistan could support a deal.",
                  date="2022-10-12", modality="hypothetical"),
    ])
    assert [(e.kind, sorted(e.statements), len(e.docs)) for e in found] == [
        ("vote", ["s1", "s2"], 2)]


def test_the_rest_of_a_readout_joins_its_call(kb: KnowledgeBase) -> None:
    a = statement(kb, "s1", "d1", "KGZGOV", "CONSULT", CALL_B, target="RUS")
    b = statement(kb, "s2", "d1", "RUS", "COOPERATE", "The two leaders went over the agenda.",
                  target="KGZ")
    c = statement(kb, "s3", "d2", "RUS", "COOPERATE", "Russia and Kyrgyzstan agreed on gas.",
                  target="KGZ")
    found = {e.kind: sorted(e.statements) for e in events(kb, [a, b, c])}
    assert found["call"] == ["s1", "s2"]
    assert found["COOPERATE"] == ["s3"]


def test_event_ids_are_stable(kb: KnowledgeBase) -> None:
    a = statement(kb, "s1", "d1", "KGZGOV", "CONSULT", CALL_B, target="RUS")
    assert events(kb, [a])[0].id == events(kb, [a])[0].id


def test_a_readout_that_only_says_they_discussed_joins_the_call(kb: KnowledgeBase) -> None:
    kremlin = statement(kb, "s1", "d1", "UZBGOV", "SUPPORT", CALL_A, target="RUSGOV",
                        issue="support-russia-war", stance="support", reported_by="RUSGOV",
                        modality="reported")
    text = "Mirziyoyev and Putin discussed trade and energy on Saturday, the press service said."
    ours = statement(kb, "s2", "d2", "UZBGOV", "CONSULT", text)
    theirs = statement(kb, "s3", "d2", "RUSGOV", "CONSULT", text, reported_by="UZBGOV",
                       modality="reported")
    found = events(kb, [ours, theirs, kremlin])
    assert [(e.kind, sorted(e.statements)) for e in found] == [("call", ["s1", "s2", "s3"])]


def test_event_ids_are_unique_when_cores_end_up_alike(kb: KnowledgeBase) -> None:
    same = [statement(kb, f"s{i}", f"d{i}", "KAZGOV", "CONSULT", CALL_B, target="RUS",
                      date=date) for i, date in enumerate(["2022-11-28", "2022-11", "2022-11"])]
    ids = [e.id for e in events(kb, same)]
    assert len(ids) == len(set(ids))
