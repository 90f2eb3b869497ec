"""PLOVER event categories of material acts, on sentences written for this test (not in
the training data): the lexicon first, the classifier for sentences it does not explain."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from stancemap.actors import Context, Resolver
from stancemap.analyze import Analyzer
from stancemap.classify import default_classifier
from stancemap.issues import load_issues
from stancemap.models import Document
from stancemap.predicates import default_lexicon
from stancemap.stance import IssueMatcher
from stancemap.statements import DocContext, Extractor

ISSUES = Path(__file__).resolve().parents[1] / "src" / "stancemap" / "demo" / "issues.yaml"
CASES = [
    # PLOVER: releasing persons or property is RETREAT (mode release/return), not CONCEDE
    ('RETREAT', 'The junta released 40 political prisoners on Tuesday after weeks of pressure.'),
    ('CONCEDE', 'Ankara lifted its ban on imports of Armenian goods.'),
    ('CONCEDE', 'The interior ministry eased the curfew in the capital after talks.'),
    ('CONCEDE', 'The government apologised to the families of the miners killed in the crackdown.'),
    ('CONCEDE', 'Authorities agreed to allow UN inspectors access to the detention centres.'),
    ('CONCEDE', 'The president pardoned the jailed journalist on Monday.'),
    ('RETREAT', 'Beijing returned the seized fishing vessel and its crew to Manila.'),
    ('CONCEDE', 'Officials reopened the border crossing that had been closed for a month.'),
    ('CONCEDE', 'The prime minister resigned amid mass protests over fuel prices.'),
    ('CONCEDE', 'The ruling party conceded defeat in the mayoral election.'),
    ('CONCEDE', 'The government backed down on its plan to raise fuel taxes.'),
    ('CONCEDE', 'The military council handed power back to a civilian administration.'),
    ('SUPPORT', "The foreign minister praised Ghana's role in mediating the dispute."),
    ('SUPPORT', 'Brussels welcomed the agreement between Belgrade and Pristina.'),
    ('SUPPORT', 'Washington voiced support for the new government in Libya.'),
    ('SUPPORT', 'The African Union endorsed the transitional charter.'),
    ('SUPPORT', 'Moscow hailed the election result as a victory for the people.'),
    ('SUPPORT', 'The senator commended the army for its restraint.'),
    ('SUPPORT', "Tehran threw its weight behind the Syrian government's offensive."),
    ('SUPPORT', "The bloc reaffirmed its backing for Moldova's bid to join the EU."),
    ('SUPPORT', 'Seoul applauded the decision to resume family reunions.'),
    ('SUPPORT', 'The Kenyan president congratulated his Ugandan counterpart on his re-election.'),
    ('COOPERATE', 'Kenya extradited the suspect to Tanzania.'),
    ('COOPERATE', 'The two agencies exchanged intelligence on militant networks along the border.'),
    ('COOPERATE', 'Vietnam and India expanded defence cooperation.'),
    ('COOPERATE', 'Police from both countries carried out a joint operation against smugglers.'),
    ('COOPERATE', 'The central banks of China and Argentina opened a currency swap line.'),
    ('COOPERATE', 'Chile resumed trade with Bolivia after a two-year freeze.'),
    ('COOPERATE', 'Egypt shared information on the hijackers with Greek investigators.'),
    ('COOPERATE', 'Indonesia and Malaysia launched coordinated patrols against piracy.'),
    ('AID', 'Japan sent 50 tonnes of medical supplies to flood-hit Pakistan.'),
    ('AID', 'The World Bank disbursed a $500 million loan to Sri Lanka.'),
    ('AID', 'Norway granted asylum to the dissident journalist.'),
    ('AID', 'Washington delivered a new package of artillery shells to Kyiv.'),
    ('AID', 'The UN deployed peacekeepers to the buffer zone.'),
    ('AID', 'Qatar donated 20 million dollars for reconstruction in Gaza.'),
    ('AID', 'India dispatched rescue teams to Turkey after the earthquake.'),
    ('AID', 'The EU provided emergency food aid to refugees in Chad.'),
    ('COERCE', 'Police detained dozens of activists outside the parliament.'),
    ('SANCTION', 'The government expelled two Dutch diplomats.'),
    ('COERCE', 'Authorities blocked access to social media ahead of the vote.'),
    ('COERCE', 'Security forces raided the offices of the opposition newspaper.'),
    ('COERCE', 'The regime confiscated the property of exiled businessmen.'),
    ('COERCE', 'Iranian forces seized a Greek-flagged tanker in the Gulf.'),
    ('COERCE', 'The court banned the main opposition party.'),
    ('COERCE', 'Officials deported hundreds of migrants to Afghanistan.'),
    ('SANCTION', 'The EU froze the assets of 12 Belarusian officials.'),
    ('SANCTION', 'Washington imposed sanctions on three Chinese firms.'),
    ('SANCTION', 'Lithuania suspended flights to Minsk.'),
    ('SANCTION', 'Canada recalled its ambassador from Riyadh.'),
    ('SANCTION', 'The bloc banned imports of Russian steel.'),
    ('SANCTION', 'Morocco cut diplomatic ties with Iran.'),
    ('SANCTION', 'The US suspended military aid to Egypt.'),
    ('SANCTION', 'Ukraine broke off relations with Russia.'),
]


@pytest.fixture(scope="module")
def event_types(kb, nlp):  # type: ignore[no-untyped-def]
    resolver = Resolver(kb)
    extractor = Extractor(kb, default_lexicon(), IssueMatcher(load_issues(ISSUES).issues))

    def run(text: str) -> set[str]:
        ctx, dctx = Context(published="2022-10-05"), DocContext(published="2022-10-05")
        found: set[str] = set()
        for i, sent in enumerate(nlp(text).sents):
            mentions = resolver.resolve("d", sent, 0, i, ctx)
            found |= {s.event_type for s in extractor.sentence("d", sent, 0, mentions, dctx)}
        return found or {default_classifier().predict_one(text).event_type}

    return run


def test_material_acts_get_their_plover_category(event_types) -> None:  # type: ignore[no-untyped-def]
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for gold, text in CASES:
        total[gold] += 1
        right[gold] += gold in event_types(text)
    assert sum(right.values()) >= 0.85 * len(CASES), (right, total)
    assert all(right[c] >= 0.7 * total[c] for c in total), (right, total)


@pytest.mark.parametrize("gold,text", [
    ("COOPERATE", "Kenya extradited the suspect to Tanzania."),
    ("AID", "The UN deployed peacekeepers to the buffer zone."),
    ("AID", "Norway granted asylum to the dissident journalist."),
    ("COERCE", "Authorities blocked access to social media ahead of the vote."),
])
def test_the_object_decides_the_category(event_types, gold: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert gold in event_types(text)


# PLOVER-like world news (tests/fixtures/plover_like): sentences of every category from all
# regions, each analysed as its own document the way `stancemap analyze` does (patterns, then
# the classifier for sentences with actors that no pattern explains). heldout.jsonl was written
# in one go and never used for tuning; the floors sit a little below what it scored
# (0.81 overall; per category as below).
PLOVER_LIKE = Path(__file__).resolve().parent / "fixtures" / "plover_like"
HELDOUT_FLOORS = {
    "ACCUSE": 0.7, "AGREE": 0.6, "AID": 0.6, "ASSAULT": 0.7, "COERCE": 0.9, "CONCEDE": 0.8,
    "CONSULT": 0.7, "COOPERATE": 0.4, "MOBILIZE": 0.7, "PROTEST": 0.6, "REJECT": 0.8,
    "REQUEST": 0.8, "RETREAT": 0.7, "SANCTION": 0.8, "SUPPORT": 0.8, "THREATEN": 0.8,
}


def _plover_like_scores(kb, nlp, name: str) -> tuple[Counter[str], Counter[str]]:  # type: ignore[no-untyped-def]
    rows = [json.loads(line) for line in (PLOVER_LIKE / name).read_text("utf-8").splitlines()
            if line.strip()]
    analyzer = Analyzer(kb, nlp, load_issues(ISSUES).issues, 64)
    docs = [Document(id=f"d{i}", uri=f"u{i}", text=r["text"], published="2023-06-01",
                     language="en") for i, r in enumerate(rows)]
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row, (_, _, _, statements, _) in zip(rows, analyzer.run(docs), strict=True):
        total[row["event_type"]] += 1
        right[row["event_type"]] += row["event_type"] in {s.event_type for s in statements}
    return right, total


def test_plover_like_heldout_categories(kb, nlp) -> None:  # type: ignore[no-untyped-def]
    right, total = _plover_like_scores(kb, nlp, "heldout.jsonl")
    assert set(total) == set(HELDOUT_FLOORS)
    assert sum(right.values()) >= 0.78 * sum(total.values()), (right, total)
    low = {c: f"{right[c]}/{total[c]}" for c in total
           if right[c] < HELDOUT_FLOORS[c] * total[c] - 1e-9}
    assert not low, low
