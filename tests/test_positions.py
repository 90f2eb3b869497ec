"""Aggregation of statements into positions (no NLP: statements are built by hand)."""

from __future__ import annotations

import itertools

import pytest

from stancemap.models import Actor, Statement
from stancemap.positions import Evidence, build_positions, coverage, parse_day

RUS = Actor("RUS", "Russia", "state", "RUS")
KGZ = Actor("KGZ", "Kyrgyzstan", "state", "KGZ")
KAZ = Actor("KAZ", "Kazakhstan", "state", "KAZ")
UZB = Actor("UZB", "Uzbekistan", "state", "UZB")
TJK = Actor("TJK", "Tajikistan", "state", "TJK")
PESKOV = Actor("peskov", "Dmitry Peskov", "person", "RUS")
_ids = itertools.count(1)


def ev(
    holder: Actor,
    stance: str | None,
    date: str | None,
    *,
    issue: str | None = "crimea",
    doc: str | None = None,
    modality: str = "asserted",
    reported_by: Actor | None = None,
    confidence: float = 0.9,
    published: str | None = None,
    sid: str | None = None,
) -> Evidence:
    n = next(_ids)
    st = Statement(
        id=sid or f"s{n}", doc=doc or f"d{n}", sentence="...", start=0, end=3, actor=holder,
        event_type="STATEMENT", issue=issue, stance=stance, date=date, reported_by=reported_by,
        modality=modality, confidence=confidence,
    )
    return Evidence(statement=st, holder=holder, published=published)


def one(*evidence: Evidence):  # type: ignore[no-untyped-def]
    positions = build_positions(evidence)
    assert len(positions) == 1
    return positions[0]


def test_single_support() -> None:
    p = one(ev(KAZ, "support", "2022-03-01", sid="a"))
    assert (p.actor, p.issue, p.stance, p.as_of) == (KAZ, "crimea", "support", "2022-03-01")
    assert 0.8 <= p.confidence <= 1.0
    assert p.evidence == ["a"]
    assert p.timeline == [{"date": "2022-03-01", "stance": "support", "statement": "a"}]


def test_later_oppose_supersedes_earlier_support() -> None:
    early = ev(KAZ, "support", "2014-03-18", sid="free-will", doc="d2014")
    late = ev(KAZ, "oppose", "2019-11-20", sid="not-recognised", doc="d2019")
    p = one(late, early)
    assert p.stance == "oppose"
    assert p.as_of == "2019-11-20"
    assert p.timeline == [
        {"date": "2014-03-18", "stance": "support", "statement": "free-will"},
        {"date": "2019-11-20", "stance": "oppose", "statement": "not-recognised"},
    ]
    assert p.evidence == ["not-recognised", "free-will"]
    assert p.docs == ["d2019", "d2014"]


def test_year_only_dates_count_as_mid_year() -> None:
    assert parse_day("2019") == parse_day("2019-07-02")
    assert parse_day("2019-02") == parse_day("2019-02-15")
    assert parse_day("2019-02-30") == parse_day("2019-02-15")
    assert parse_day("n/a") is None and parse_day(None) is None
    # 2019-10-01 is within 180 days of mid-2019, so both are in the current period
    p = one(ev(KAZ, "support", "2019"), ev(KAZ, "oppose", "2019-10-01"))
    assert p.stance == "ambiguous"


def test_ambiguous_same_month() -> None:
    p = one(ev(UZB, "support", "2022-03-02"), ev(UZB, "oppose", "2022-03-20"))
    assert p.stance == "ambiguous"
    assert p.confidence <= 0.6
    assert p.as_of == "2022-03-20"


def test_clear_majority_is_not_ambiguous() -> None:
    p = one(
        ev(UZB, "support", "2022-03-02", confidence=1.0),
        ev(UZB, "support", "2022-03-05", confidence=1.0),
        ev(UZB, "oppose", "2022-03-20", modality="hypothetical", confidence=0.5),
    )
    assert p.stance == "support"
    assert p.confidence < 0.99


def test_no_comment_outranked_by_explicit_stance() -> None:
    p = one(ev(KAZ, "no_comment", "2022-03-10"), ev(KAZ, "neutral", "2022-03-01"))
    assert p.stance == "neutral"
    assert p.as_of == "2022-03-10"


def test_no_comment_alone() -> None:
    p = one(ev(KAZ, "no_comment", "2022-03-10"), ev(KAZ, "no_comment", "2022-03-12"))
    assert p.stance == "no_comment"
    assert p.confidence > 0


def test_contested_reported_support_vs_own_neutral() -> None:
    own = ev(KGZ, "neutral", "2022-02-25", sid="readout", doc="kg")
    claim = ev(KGZ, "support", "2022-02-26", sid="kremlin", doc="ru", modality="reported",
               reported_by=RUS)
    p = one(own, claim)
    assert p.stance == "contested"
    assert p.confidence <= 0.6
    assert set(p.evidence) == {"readout", "kremlin"}
    assert p.docs == ["kg", "ru"]
    assert p.as_of == "2022-02-26"


def test_contested_reported_support_vs_own_silence() -> None:
    p = one(
        ev(KGZ, "no_comment", "2022-02-25"),
        ev(KGZ, "support", "2022-02-26", modality="reported", reported_by=PESKOV),
    )
    assert p.stance == "contested"


def test_old_claim_does_not_contest_current_stance() -> None:
    p = one(
        ev(KGZ, "support", "2014-03-20", modality="reported", reported_by=RUS),
        ev(KGZ, "neutral", "2022-02-25"),
    )
    assert p.stance == "neutral"


def test_agreeing_report_raises_confidence() -> None:
    own = ev(KAZ, "oppose", "2022-10-01", confidence=0.6)
    alone = one(own)
    both = one(own, ev(KAZ, "oppose", "2022-10-02", modality="reported", reported_by=RUS))
    assert both.stance == "oppose"
    assert both.confidence > alone.confidence


def test_only_reported_evidence() -> None:
    claim = ev(TJK, "support", "2022-09-30", modality="reported", reported_by=RUS,
               confidence=1.0)
    p = one(claim)
    assert p.actor == TJK
    assert p.stance == "support"
    assert 0 < p.confidence < one(ev(TJK, "support", "2022-09-30", confidence=1.0)).confidence
    assert p.confidence <= 0.5


def test_denied_vs_reported_is_contested() -> None:
    claim = ev(KAZ, "support", "2022-03-01", modality="reported", reported_by=RUS)
    denial = ev(KAZ, "support", "2022-03-03", modality="denied")
    p = one(claim, denial)
    assert p.stance == "contested"
    assert p.confidence <= 0.6
    assert p.timeline[-1]["statement"] == denial.statement.id


def test_denial_alone_is_a_weak_neutral() -> None:
    p = one(ev(KAZ, "support", "2022-03-03", modality="denied"))
    assert p.stance == "neutral"
    assert p.confidence <= 0.5


def test_undated_statement_falls_back_to_published() -> None:
    p = one(
        ev(KAZ, "support", "2014-03-18"),
        ev(KAZ, "oppose", None, published="2020-01-15", sid="pub"),
    )
    assert p.stance == "oppose"
    assert p.as_of == "2020-01-15"
    assert p.timeline[-1] == {"date": "2020-01-15", "stance": "oppose", "statement": "pub"}


def test_undated_sorts_last_but_counts() -> None:
    p = one(ev(KAZ, "support", None, sid="undated"), ev(KAZ, "support", "2022-01-05", sid="x"))
    assert p.stance == "support"
    assert p.evidence == ["x", "undated"]
    assert [t["statement"] for t in p.timeline] == ["x", "undated"]
    assert p.timeline[-1]["date"] is None
    assert p.as_of == "2022-01-05"


def test_ordering_of_evidence_docs_timeline_and_positions() -> None:
    items = [
        ev(KAZ, "support", "2021-05-01", sid="b", doc="D1"),
        ev(KAZ, "support", "2022-05-01", sid="c", doc="D2"),
        ev(KAZ, "support", "2020-05-01", sid="a", doc="D1"),
        ev(KGZ, "oppose", "2022-01-01", issue="annex", sid="k"),
        ev(KAZ, "oppose", "2022-01-01", issue="annex", sid="z"),
        ev(KAZ, "support", "2022-01-01", issue=None),
        ev(KAZ, None, "2022-01-01"),
    ]
    positions = build_positions(items)
    assert [(p.actor.id, p.issue) for p in positions] == [
        ("KAZ", "annex"), ("KAZ", "crimea"), ("KGZ", "annex"),
    ]
    crimea = positions[1]
    assert crimea.evidence == ["c", "b", "a"]
    assert crimea.docs == ["D1", "D2"]
    assert [t["statement"] for t in crimea.timeline] == ["a", "b", "c"]
    assert build_positions(items) == positions  # deterministic


def test_duplicate_statement_counts_once() -> None:
    e = ev(KAZ, "support", "2022-01-01")
    assert one(e, e).evidence == [e.statement.id]


def test_holder_itself_as_reporter_is_own_evidence() -> None:
    p = one(ev(KAZ, "oppose", "2022-01-01", reported_by=KAZ))
    assert p.stance == "oppose"
    assert p.confidence == pytest.approx(0.9)


def test_coverage() -> None:
    positions = build_positions([ev(KAZ, "neutral", "2022-03-01")])
    rows = coverage(positions, [KAZ, UZB], ["crimea", "annex"])
    assert [(r["actor"]["id"], r["issue"], r["status"], r["stance"], r["statements"])
            for r in rows] == [
        ("KAZ", "crimea", "position", "neutral", 1),
        ("KAZ", "annex", "no_data", None, 0),
        ("UZB", "crimea", "no_data", None, 0),
        ("UZB", "annex", "no_data", None, 0),
    ]
    assert rows[0]["actor"] == KAZ.to_dict()


def test_silence_after_neutrality_stays_neutral() -> None:
    p = one(ev(TJK, "neutral", "2022-03-02", sid="abstained"),
            ev(TJK, "no_comment", "2023-09-27", sid="never-mentions"))
    assert p.stance == "neutral"
    assert p.as_of == "2023-09-27"


def test_silence_after_support_is_silence() -> None:
    p = one(ev(TJK, "support", "2014-03-20"), ev(TJK, "no_comment", "2023-09-27"))
    assert p.stance == "no_comment"
