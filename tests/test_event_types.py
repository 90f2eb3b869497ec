"""PLOVER event categories of material acts, on sentences written for this test (not in
the training data): the lexicon first, the classifier for sentences it does not explain."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from stancemap.actors import Context, Resolver
from stancemap.classify import default_classifier
from stancemap.issues import load_issues
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
