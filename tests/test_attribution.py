"""Who acted and who reports it, on sentences written for these tests: relative clauses,
fronted places and "where" clauses, generic plural bodies, accounts relayed by a third
party, analysts' commentary, bodies acting for themselves, unnamed officials."""

from __future__ import annotations

import pytest

ANNEX, WAR = "recognize-annexation-2022", "support-russia-war"
WATCHED = {"KAZ", "KGZ", "TJK", "TKM", "UZB"}


@pytest.fixture(scope="module")
def extract(statements_of):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = "2022-10-05", sentence: str = "") -> list[tuple]:  # type: ignore[type-arg]
        return [(s.actor.country or s.actor.id, s.event_type, s.issue, s.stance,
                 s.reported_by.country if s.reported_by else None, s.modality)
                for s in statements_of(text, published) if sentence in s.sentence]

    return run


def _actors(got: list[tuple]) -> set[str]:  # type: ignore[type-arg]
    return {g[0] for g in got}


# --- 1. relative clauses: the subject is the noun the clause modifies -------------------

def test_who_clause_is_the_act_of_the_person_it_describes(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("President Emomali Rahmon, who said on 5 October that Tajikistan would not "
                  "recognise the referendums, met Vladimir Putin in Astana.")
    assert ("TJK", ANNEX, "oppose") in {(g[0], g[2], g[3]) for g in got}
    assert not any(g[0] == "RUS" and g[2] for g in got)


def test_who_clause_with_a_fronted_date_is_the_persons_act(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Turkey's president arrived on Monday. Tokayev, who on 4 October described "
                  "the referendums as a farce, met Recep Tayyip Erdogan in Astana.",
                  sentence="farce")
    assert {g[0] for g in got if g[2] == ANNEX} == {"KAZ"}


def test_whose_body_is_the_state_the_clause_describes(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Uzbekistan, whose foreign ministry said in October that it would not "
                  "recognise the referendums, abstained.")
    assert ("UZB", ANNEX, "oppose") in {(g[0], g[2], g[3]) for g in got}


def test_verb_after_a_relative_clause_continues_it_not_the_main_clause(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Central Asia was divided on Thursday as the General Assembly approved, by "
                  "143 votes to five, a resolution that condemns Russia's attempted annexation "
                  "and demands that Moscow reverse it.")
    assert not _actors(got) & WATCHED  # the resolution's demands are not the members' acts


def test_a_resolution_acts_for_itself_not_for_the_states_named_before(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("The five Central Asian states abstained. The UN General Assembly then "
                  "adopted a resolution that demands the withdrawal of Russian forces from "
                  "Ukraine and condemns the annexation of the four regions.",
                  sentence="General Assembly")
    assert not _actors(got) & WATCHED


# --- 2. the scene of an unnamed body: not the state of the sentence before ----------------

def test_fronted_capital_names_the_ministry_state(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Tajikistan abstained. In Ashgabat, the foreign ministry led by Rashid "
                  "Meredov said in a statement that Turkmenistan hoped for peace talks.",
                  sentence="In Ashgabat")
    assert _actors(got) == {"TKM"}
    got = extract("Kyrgyzstan voted in favour. In Dushanbe, the foreign ministry has called "
                  "for a ceasefire.", sentence="In Dushanbe")
    assert _actors(got) == {"TJK"}


def test_where_clause_places_the_body_in_its_capital(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Tashkent stayed silent. That distinguishes it from Astana, where the "
                  "foreign ministry said on Monday that it would not recognise the "
                  "referendums.", sentence="where")
    assert ("KAZ", ANNEX, "oppose") in {(g[0], g[2], g[3]) for g in got}
    assert "UZB" not in _actors(got)


def test_western_governments_are_not_the_state_named_before(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Kyrgyzstan abstained on the vote. European governments have imposed new "
                  "sanctions on Russian banks since Friday.", sentence="European")
    assert not _actors(got) & (WATCHED | {"RUS"})


def test_the_minister_is_the_minister_named_before(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Uzbek Foreign Minister Vladimir Norov met his Turkish counterpart on 5 "
                  "October. The minister said the votes held in the occupied regions could "
                  "not be recognised.", sentence="The minister")
    assert got and _actors(got) == {"UZB"}


# --- 3. accounts relayed by a third party ----------------------------------------------------

def test_according_to_names_the_reporter_of_the_person_speaking(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("According to the Kremlin, President Shavkat Mirziyoyev had told Vladimir "
                  "Putin in a call on 5 October that he supported the accession of the four "
                  "regions.")
    assert got and all(g[0] == "UZB" and g[4] == "RUS" and g[5] == "reported" for g in got)


def test_sharing_someone_elses_view_is_the_sharers_act(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("According to the Kremlin, Tokayev told Putin on 3 October that he shared "
                  "Moscow's view of the referendums.")
    assert got and all(g[0] == "KAZ" and g[4] == "RUS" for g in got)


# --- 4. analysts: commentary, not states' acts ---------------------------------------------

def test_analyst_arguing_what_a_state_will_do_is_commentary(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Analyst Marat Dzhumabaev of the Central Asia Policy Institute in Almaty "
                  "expects more caution. Dzhumabaev argued that Uzbekistan would never "
                  "recognise the annexation of the four regions.", sentence="argued")
    assert got and all(g[0] == "person:marat-dzhumabaev" and g[2] is None for g in got)
    got = extract("Marat Dzhumabaev, an analyst in Almaty, spoke to reporters. Dzhumabaev "
                  "warned that Kyrgyz banks would suffer if Western governments imposed "
                  "secondary sanctions on Russia.", sentence="warned")
    assert got and all(g[0] == "person:marat-dzhumabaev" and g[2] is None for g in got)


def test_analysts_quotation_goes_on_in_the_next_sentence(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract('"Bishkek is hedging its bets," said Lola Karimova, a researcher at a think '
                  'tank in Samarkand. "Kyrgyzstan will not recognise the annexation of the '
                  'four regions, but it will not condemn it either."')
    assert got and all(g[0] == "person:lola-karimova" and g[2] is None for g in got)


def test_surname_is_the_person_the_text_named_not_a_namesake(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Ivan Lavrov, a historian at a university in Kazan, said the referendums "
                  "were a sham. Lavrov said Kazakhstan would never recognise them.")
    assert got and _actors(got) == {"person:ivan-lavrov"}


def test_officials_still_speak_for_their_state(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Kazakh Foreign Minister Mukhtar Tileuberdi said on 3 October that "
                  "Kazakhstan would not recognise the referendums.")
    assert ("KAZ", ANNEX, "oppose") in {(g[0], g[2], g[3]) for g in got}


# --- 6. officials the knowledge base does not know -------------------------------------------

def test_title_before_a_new_name_gives_its_state(resolve) -> None:  # type: ignore[no-untyped-def]
    found = {m.text: m.actor for m in resolve(
        "Turkmenistan's deputy foreign minister Batyr Amanov told reporters on 4 October "
        "that Ashgabat would not recognise the referendums.")}
    assert found["Batyr Amanov"].country == "TKM"


def test_state_body_with_no_state_named_is_the_texts_state(resolve) -> None:  # type: ignore[no-untyped-def]
    found = {m.text: m.actor for m in resolve(
        "Uzbekistan has avoided the subject. Dilnoza Azimova, the deputy head of the "
        "presidential administration, said on 4 October that the referendums were not "
        "legitimate.")}
    assert found["Dilnoza Azimova"].country == "UZB"
    found = {m.text: m.actor for m in resolve(
        "Uzbekistan has avoided the subject. Aliya Serikova, the director of a research "
        "institute in Tashkent, said the referendums were not legitimate.")}
    assert found["Aliya Serikova"].country is None


@pytest.mark.parametrize(("text", "country"), [
    ("Kazakhstan has said little. Deputy Foreign Minister Akan Rakhmetullin said on Monday "
     "that Astana would not recognise the referendums.", "KAZ"),
    ("Kazakhstan has said little. Presidential aide Erlan Karimov said on Monday that "
     "Astana would not recognise the referendums.", "KAZ"),
    ("Kazakhstan has said little. Erlan Karimov, who heads the presidential press service, "
     "said on Monday that the votes were illegal.", "KAZ"),
    ("Kazakhstan has said little. Erlan Karimov, a deputy foreign minister, told reporters "
     "the votes were illegal.", "KAZ"),
    ("Kazakhstan has said little. Erlan Karimov, a former deputy foreign minister, told "
     "reporters the votes were illegal.", None),
    ("Uzbekistan has said little. Erlan Karimov, the head of a think tank in Tashkent, told "
     "reporters the votes were illegal.", None),
    ("Uzbekistan has said little. UN envoy Erlan Karimov told reporters the votes were "
     "illegal.", None),
])
def test_titles_of_officials_the_knowledge_base_lacks(resolve, text, country) -> None:  # type: ignore[no-untyped-def]
    people = [m.actor for m in resolve(text) if m.actor.type == "person"]
    assert people and people[0].country == country


# --- 5. acts named inside another act, sources, pairs ---------------------------------------

def test_an_act_the_sentence_names_or_judges_is_not_asserted_again(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Mirziyoyev, who on 3 March called Moscow's recognition of the two "
                  "republics a mistake, met Erdogan in Ankara.")
    assert "RUS" not in _actors(got) and "UZB" in _actors(got)


def test_the_source_of_an_account_is_its_reporter_not_an_actor(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("According to the Kremlin's readout, the Tajik leader expressed "
                  "understanding of the Russian side's actions in Ukraine.")
    assert got and all(g[0] == "TJK" and g[4] == "RUS" for g in got)


def test_the_two_leaders_are_the_two_this_sentence_names(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Tokayev flew to Baku on Monday. Tajik President Emomali Rahmon spoke with "
                  "Putin on Friday, but the Tajik side's statement said only that the two "
                  "leaders had discussed regional security.", sentence="Tajik President")
    assert "KAZ" not in _actors(got) and {"TJK", "RUS"} <= _actors(got)


def test_a_place_after_in_is_not_a_new_person(resolve) -> None:  # type: ignore[no-untyped-def]
    found = resolve("A Kazakh diplomat in Los Angeles said on Monday that Astana wanted talks. "
                    "In Vladimir Putin's view, the talks were premature.")
    people = {m.text for m in found if m.actor.type == "person"}
    assert "Los Angeles" not in people and any("Putin" in p for p in people)


def test_acts_inside_a_rumour_are_not_acts(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Rumours on social media that Moscow had asked Tajikistan to send soldiers to "
                  "Ukraine, and had been refused, were rejected by the Tajik foreign ministry "
                  "as false.")
    assert "RUS" not in _actors(got)
    got = extract("Claims that Uzbekistan had agreed to recognise the annexation of the four "
                  "regions were denied by Tashkent on Monday.")
    assert not any(g[3] == "support" for g in got)


def test_its_minister_is_the_state_the_text_last_had_as_subject(extract) -> None:  # type: ignore[no-untyped-def]
    got = extract("Uzbekistan voted in favour in March. Turkmenistan has kept its distance. In "
                  "May, on the president's orders, it sent grain to Afghanistan. In June its "
                  "foreign minister said the country did not recognise the Donetsk and Luhansk "
                  "people's republics.", sentence="In June")
    assert ("TKM", "recognize-dnr-lnr", "oppose") in {(g[0], g[2], g[3]) for g in got}
    assert "UZB" not in _actors(got)
