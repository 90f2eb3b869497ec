"""Statements from sentences written for these tests: actors, events, issues, stances,
modality, dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap.actors import Context, Resolver
from stancemap.predicates import default_lexicon
from stancemap.stance import IssueMatcher
from stancemap.statements import DocContext, Extractor

ISSUES = Path(__file__).resolve().parents[1] / "src" / "stancemap" / "demo" / "issues.yaml"


@pytest.fixture(scope="module")
def extract(statements_of):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = "2022-10-05") -> list[tuple]:  # type: ignore[type-arg]
        return [(s.actor.country or s.actor.id, s.event_type, s.issue, s.stance, s.date,
                 s.reported_by.id if s.reported_by else None, s.modality)
                for s in statements_of(text, published)]

    return run

def test_official_speaks_for_the_state(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("On September 26, the Kazakh Foreign Ministry spokesman said Kazakhstan "
                  "would not recognise the referendums.")
    assert ("KAZ", "REJECT", "recognize-annexation-2022", "oppose", "2022-09-26", None,
            "asserted") in got


def test_position_based_on_a_principle_opposes_the_issue(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The ministry said Kazakhstan's position on the referendums is based on the "
                  "principle of the territorial integrity of states.")
    assert ("KAZ", "STATEMENT", "recognize-annexation-2022", "oppose") in [g[:4] for g in got]
    assert ("KAZ", "STATEMENT", "ukraine-territorial-integrity", "support") in [
        g[:4] for g in got]


def test_coordinated_silence_gives_one_statement_each(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Neither Kyrgyzstan, Tajikistan, nor Turkmenistan has commented on the "
                  "annexation referendums.")
    assert {(g[0], g[1], g[3]) for g in got} == {
        ("KGZ", "NO_COMMENT", "no_comment"), ("TJK", "NO_COMMENT", "no_comment"),
        ("TKM", "NO_COMMENT", "no_comment")}
    assert all(g[4] == "2022-10-05" for g in got)  # silence as of publication


def test_reported_claim_and_informal_statement(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Kremlin said on Saturday that President Sadyr Japarov expressed support "
                  "for Russia's special military operation.")
    assert ("KGZ", "SUPPORT", "support-russia-war", "support", "2022-10-01", "RUSGOV",
            "reported") in got
    got = extract("A senior official in the Kyrgyz government informally told reporters that "
                  "his country does not recognise the referendums.")
    # "does not recognise": a present state of affairs, dated by publication
    assert ("KGZ", "REJECT", "recognize-annexation-2022", "oppose", "2022-10-05", None,
            "informal") in got


def test_negation_scope(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("Uzbekistan refused to recognise the referendums.")[0][:4] == (
        "UZB", "REJECT", "recognize-annexation-2022", "oppose")
    assert extract("Kazakhstan will never recognise the Donetsk and Luhansk people's "
                   "republics.")[0][:4] == ("KAZ", "REJECT", "recognize-dnr-lnr", "oppose")
    neutral = extract("Kazakhstan neither supported nor condemned the invasion.")
    assert neutral[0][:4] == ("KAZ", "STATEMENT", "support-russia-war", "neutral")


def test_abstention_is_neutral_and_not_voting_is_silence(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("When the General Assembly voted to condemn the annexation, Kazakhstan and "
                  "Kyrgyzstan abstained, while Turkmenistan did not vote.")
    stances = {g[0]: g[3] for g in got if g[0] in ("KAZ", "KGZ", "TKM")}
    assert stances == {"KAZ": "neutral", "KGZ": "neutral", "TKM": "no_comment"}


def test_region_groups_expand_unless_partial(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("None of the five Central Asian states has recognised the Donetsk and "
                  "Luhansk people's republics.")
    assert {g[0] for g in got} == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert {g[3] for g in got} == {"oppose"}
    assert extract("Four of the five Central Asian states abstained.") == []


def test_numbered_group_refers_back(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Central Asian states have been cautious. None of the five states has "
                  "recognised the Donetsk and Luhansk people's republics.")
    assert {g[0] for g in got if g[2] == "recognize-dnr-lnr"} == {"KAZ", "KGZ", "TJK", "TKM",
                                                                   "UZB"}


def test_circumventing_sanctions_opposes_compliance(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Kyrgyzstan helped Russian firms circumvent the sanctions, the report said.")
    assert ("KGZ", "REJECT", "sanctions-compliance", "oppose") in [g[:4] for g in got] or \
        ("RUS", "REJECT", "sanctions-compliance", "oppose") in [g[:4] for g in got]


def test_analysts_commentary_is_not_a_state_act(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("Experts say Kazakhstan is wary of the annexation referendums.") == []


def test_controlled_acts_are_not_the_object_s(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Moscow pressured Tajikistan to support the war.")
    assert not any(g[0] == "TJK" for g in got)


def test_previous_issue_carries_through_anaphora(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Tokayev spoke about the Luhansk and Donetsk people's republics. Kazakhstan "
                  "will never recognise their independence.", "2022-06-20")
    assert ("KAZ", "REJECT", "recognize-dnr-lnr", "oppose") in [g[:4] for g in got]


def test_unnamed_sector_actors(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Police arrested dozens of protesters outside the parliament on Monday. "
                  "Kazakh police detained the activists. Rebels attacked an army convoy.")
    assert [(g[0], g[1]) for g in got] == [("generic:cop", "COERCE"), ("KAZ", "COERCE"),
                                           ("generic:reb", "ASSAULT")]


def test_issues_without_keywords_match_on_their_title(kb, nlp) -> None:  # type: ignore[no-untyped-def]
    from stancemap.models import Issue

    issue = Issue("gas-pipeline", "Trans-Caspian gas pipeline", "Whether a state backs the "
                  "trans-Caspian gas pipeline to Europe.")
    extractor = Extractor(kb, default_lexicon(), IssueMatcher([issue]))
    resolver = Resolver(kb)
    sent = next(nlp("Turkmenistan strongly supports the trans-Caspian gas pipeline.").sents)
    found = resolver.resolve("d", sent, 0, 0, Context(published="2023-05-01"))
    got = extractor.sentence("d", sent, 0, found, DocContext(published="2023-05-01"))
    assert [(s.actor.id, s.issue, s.stance) for s in got] == [("TKM", "gas-pipeline", "support")]


def test_generic_events_get_their_plover_category(extract) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "Brazil rejected the proposal.": "REJECT",
        "Ethiopian forces withdrew from the town.": "RETREAT",
        "The United States withdrew from the nuclear deal.": "SANCTION",
        "Turkey and Azerbaijan signed a defence cooperation agreement.": "AGREE",
        "North Korea threatened to retaliate against the drills.": "THREATEN",
        "Egypt hosted talks between the two delegations in Cairo.": "CONSULT",
        "Nigeria accused France of meddling in its affairs.": "ACCUSE",
        "Japan will send emergency aid to the Philippines.": "AID",
        "India urged China to pull back its troops.": "REQUEST",
        "Russia mobilised 300,000 reservists.": "MOBILIZE",
        "The Chinese government imposed a curfew in the city.": "COERCE",
        "France pledged 2 billion euros in military aid to Ukraine.": "AID",
        "Armenian troops shelled Azerbaijani positions near the border.": "ASSAULT",
    }
    for sentence, event in cases.items():
        assert event in {g[1] for g in extract(sentence)}, sentence
    assert [g[1] for g in extract("Armenian troops shelled Azerbaijani positions.")] == [
        "ASSAULT"]  # the object is not an act of its own


def test_sources_and_denials(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("According to Ukrainian officials, Russian forces attacked the port overnight.")
    assert [(g[0], g[1], g[5], g[6]) for g in got] == [("RUS", "ASSAULT", "UKRGOV", "reported")]
    got = extract("Moscow denied that its troops had crossed the border.")
    assert [g[6] for g in got] == ["denied"]


def test_a_call_for_peace_is_the_neutral_line_on_the_war(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Uzbekistan's president urged both sides to show restraint and return to "
                  "negotiations over the war.")
    assert ("UZB", "REQUEST", "support-russia-war", "neutral") in [g[:4] for g in got]
    got = extract("On March 3 Kazakhstan called for a ceasefire and a political settlement of "
                  "the conflict in Ukraine.")
    assert ("KAZ", "REQUEST", "support-russia-war", "neutral") in [g[:4] for g in got]


def test_not_taking_part_in_a_vote_is_silence(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Turkmenistan did not participate in the vote on the resolution condemning "
                  "the invasion.")
    assert ("TKM", "NO_COMMENT", "support-russia-war", "no_comment") in [g[:4] for g in got]
    got = extract("Tajikistan's delegation cast no vote on the resolution condemning the "
                  "annexation.")
    assert [g[:4] for g in got] == [("TJK", "NO_COMMENT", "recognize-annexation-2022",
                                     "no_comment")]


def test_a_definite_noun_takes_the_issue_it_had_before(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Kazakhstan declined to comment on the annexation votes. Tashkent has not "
                  "addressed the votes either.")
    assert ("UZB", "NO_COMMENT", "recognize-annexation-2022", "no_comment") in [
        g[:4] for g in got]


def test_a_position_restated_by_reference(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Kazakhstan does not recognise the Donetsk People's Republic. Astana has "
                  "maintained this position ever since.")
    assert [g[2:4] for g in got] == [("recognize-dnr-lnr", "oppose")] * 2
    got = extract("Kazakhstan has never recognised Kosovo, and the same approach applies to "
                  "the Luhansk republic.")
    assert ("KAZ", "STATEMENT", "recognize-dnr-lnr", "oppose") in [g[:4] for g in got]


def test_an_act_that_is_not_on_the_agenda_is_negated(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The minister said the recognition of the breakaway republics in Donbas was "
                  "not on Uzbekistan's agenda.")
    assert ("UZB", "recognize-dnr-lnr", "oppose") in [(g[0], g[2], g[3]) for g in got]
    got = extract("Uzbekistan's statement in support of Ukraine's territorial integrity was "
                  "not the first.")
    assert all(g[1] != "NO_COMMENT" for g in got)


def test_a_relative_clause_does_not_date_the_act(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Turkmenistan, whose neutrality the UN recognised in 1995, has avoided "
                  "comment on the war.")
    assert ("TKM", "NO_COMMENT", "support-russia-war", "no_comment", "2022-10-05") in [
        g[:5] for g in got]


def test_coordinated_objects_naming_two_issues(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Kyrgyzstan has not recognised Russia's annexation of Crimea or the "
                  "annexation of the four regions after the 2022 referendums.",
                  published="2023-05-10")
    assert {g[2:4] for g in got} == {("crimea-annexation", "oppose"),
                                     ("recognize-annexation-2022", "oppose")}
    got = extract("President Mirziyoyev has never mentioned Crimea or the LNR in public.",
                  published="2023-05-10")
    assert {g[2:4] for g in got} == {("crimea-annexation", "no_comment"),
                                     ("recognize-dnr-lnr", "no_comment")}


def test_silence_and_non_recognition_in_one_sentence(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Turkmenistan avoids any comment on the territories annexed by Russia, but "
                  "it does not recognise them.")
    assert {g[1:4] for g in got} == {
        ("NO_COMMENT", "recognize-annexation-2022", "no_comment"),
        ("REJECT", "recognize-annexation-2022", "oppose")}


def test_an_object_pronoun_takes_its_antecedent_of_the_same_number(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The ministry said its stance on the referendums rests on the territorial "
                  "integrity of states, which observers read as a refusal to recognise them.")
    assert ("KAZ", "REJECT", "recognize-annexation-2022", "oppose") not in got  # no actor cue
    assert all(g[2:4] != ("ukraine-territorial-integrity", "oppose") for g in got)


def test_informally_expressed_support(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Kyrgyzstan has informally expressed support for the 2014 Crimean "
                  "referendum.")
    assert ("KGZ", "SUPPORT", "crimea-annexation", "support") in [g[:4] for g in got]
    assert {g[6] for g in got} == {"informal"}


def test_refusing_a_condemnatory_label_accepts_the_act(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Asked about Crimea, the Belarusian president said Minsk would not call what "
                  "happened there an occupation.", published="2019-05-02")
    assert [g[:4] for g in got] == [("BLR", "STATEMENT", "crimea-annexation", "support")]
    got = extract("In 2016 the Kyrgyz president said that annexation was too strong a word for "
                  "what happened in Crimea.")
    assert ("KGZ", "STATEMENT", "crimea-annexation", "support", "2016") in [g[:5] for g in got]


def test_accepting_a_referendum_in_its_supporters_words(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Kazakh foreign ministry described the Crimean referendum as the free "
                  "will of the population of the peninsula.", published="2014-03-18")
    assert ("KAZ", "SUPPORT", "crimea-annexation", "support") in [g[:4] for g in got]
    got = extract("In March 2014 Kazakhstan and Kyrgyzstan accepted the results of the vote "
                  "on the peninsula, which Russia annexed.")
    assert {g[:4] for g in got if g[0] != "RUS"} == {
        ("KAZ", "SUPPORT", "crimea-annexation", "support"),
        ("KGZ", "SUPPORT", "crimea-annexation", "support")}


def test_the_two_leaders_are_both_of_those_just_named(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("President Sadyr Japarov spoke by telephone with Russian President Vladimir "
                  "Putin on Saturday. The two leaders exchanged views on regional security.",
                  "2022-02-27")
    second = {g[0] for g in got if g[1] == "CONSULT" and g[4] == "2022-02-26"}
    assert {"KGZ", "RUS"} <= second


def test_thanks_for_solidarity_report_the_credited_party_s_support(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The Kremlin said Kyrgyzstan supports Russia's special military operation in "
                  "Ukraine. Putin, for his part, thanked the Kyrgyz leader for his solidarity.",
                  "2022-02-26")
    assert ("KGZ", "SUPPORT", "support-russia-war", "support", "2022-02-26", "RUSGOV",
            "reported") in got
    plain = extract("Putin thanked the Kyrgyz leader for his hospitality.", "2022-02-26")
    assert not [g for g in plain if g[0] == "KGZ"]  # thanks for something else credit nothing
