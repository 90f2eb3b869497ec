"""The polarity of evaluative acts, on sentences written for these tests: naming or judging
with an evaluative complement ("called X unacceptable", "described X as a farce", "noted the
illegitimacy of X"), refusals ("X is out of the question"), refraining from criticism,
acts taken to stay clear of sanctions, and executing (or not) an arrest warrant."""

from __future__ import annotations

import pytest

from stancemap.models import Issue

ISSUES = [
    Issue("war", "Position on Russia's war against Ukraine",
          "Whether a government backs Russia's invasion of Ukraine or condemns it.",
          ["invasion", "war", "aggression", "special military operation"]),
    Issue("annex", "Recognition of the 2022 annexation of four regions",
          "Whether a government accepts the annexation of the Donetsk, Luhansk, Kherson and "
          "Zaporizhzhia regions.", ["annexation", "referendums", "four regions"]),
    Issue("dnr", "Recognition of the Donetsk and Luhansk people's republics",
          "Whether a government recognises the separatist republics.",
          ["people's republics", "DNR", "LNR", "republics", "separatists"]),
    Issue("sanc", "Adherence to Western sanctions against Russia",
          "Whether a government complies with US and EU sanctions or helps Russia circumvent "
          "them.", ["sanctions", "secondary sanctions", "circumvention", "restrictions"]),
    Issue("warrant", "Enforcement of the ICC arrest warrant against Putin",
          "Whether a state party to the Rome Statute would detain Vladimir Putin and hand him "
          "to the International Criminal Court if he visited.",
          ["ICC", "International Criminal Court", "arrest warrant", "Rome Statute"],
          "2023-03-17"),
]


@pytest.fixture(scope="module")
def stances(statements_of):  # type: ignore[no-untyped-def]
    def run(text: str, published: str = "2024-05-06") -> set[tuple[str, str | None, str | None]]:
        return {(s.actor.country or s.actor.id, s.issue, s.stance)
                for s in statements_of(text, published, ISSUES)}

    return run


# --- 1. naming and judging with an evaluative complement ------------------------------

@pytest.mark.parametrize(("text", "actor", "issue", "stance"), [
    ("Kazakhstan's foreign minister called the invasion unacceptable.", "KAZ", "war", "oppose"),
    ("Tashkent called the invasion a mistake.", "UZB", "war", "oppose"),
    ("Tokayev described the referendums as a farce.", "KAZ", "annex", "oppose"),
    ("The Uzbek president termed the annexation null and void.", "UZB", "annex", "oppose"),
    ("Azerbaijan called the annexation neither legal nor legitimate.", "AZE", "annex",
     "oppose"),
    ("Tajikistan considers the sanctions illegitimate.", "TJK", "sanc", "oppose"),
    ("The referendums were called a farce by Georgia.", "GEO", "annex", "oppose"),
    ("Belarus called the referendums legitimate.", "BLR", "annex", "support"),
    ("Minsk sees the annexation as legitimate.", "BLR", "annex", "support"),
    ("Lukashenko called the annexation the will of the people.", "BLR", "annex", "support"),
])
def test_evaluative_complement_sets_the_polarity(stances, text, actor, issue, stance
                                                 ) -> None:  # type: ignore[no-untyped-def]
    got = stances(text, "2022-10-20")
    assert (actor, issue, stance) in got
    other = "support" if stance == "oppose" else "oppose"
    assert (actor, issue, other) not in got


def test_nouns_of_illegitimacy_judge_their_of_object(stances) -> None:  # type: ignore[no-untyped-def]
    got = stances("The Kyrgyz foreign ministry noted the illegitimacy of unilateral "
                  "sanctions.")
    assert ("KGZ", "sanc", "oppose") in got and ("KGZ", "sanc", "support") not in got
    assert ("KGZ", "annex", "oppose") in stances(
        "Kyrgyzstan pointed to the illegality of the annexation.", "2022-10-20")
    assert ("KAZ", "sanc", "support") in stances(
        "Astana stressed the legitimacy of the Western sanctions.")


def test_refused_negative_label_is_not_opposition(stances) -> None:  # type: ignore[no-untyped-def]
    got = stances("The Uzbek president did not describe the sanctions as illegitimate.")
    assert ("UZB", "sanc", "oppose") not in got


def test_complement_with_no_judgement_changes_nothing(stances) -> None:  # type: ignore[no-untyped-def]
    got = stances("The Turkish president called Putin a friend.")
    assert not any(s in ("support", "oppose") for _, _, s in got)


# --- 2. refusal by copula: "not on the agenda", "out of the question", "no question of" --

def test_act_named_as_not_on_the_agenda_is_refused(stances) -> None:  # type: ignore[no-untyped-def]
    got = stances("Kazakhstan's foreign ministry said on Friday that recognising the two "
                  "breakaway republics was \"not on the agenda\".", "2022-09-30")
    assert ("KAZ", "dnr", "oppose") in got and ("KAZ", "dnr", "support") not in got
    got = stances("The Armenian prime minister said recognising the republics was on the "
                  "agenda.", "2022-09-30")
    assert ("ARM", "dnr", "oppose") not in got


def test_off_the_table_and_no_question_of(stances) -> None:  # type: ignore[no-untyped-def]
    got = stances("For Bishkek, joining the sanctions is off the table, Japarov said.")
    assert ("KGZ", "sanc", "oppose") in got and ("KGZ", "sanc", "support") not in got
    got = stances("Mirziyoyev said there could be no question of recognising the separatist "
                  "republics.", "2022-09-30")
    assert ("UZB", "dnr", "oppose") in got and ("UZB", "dnr", "support") not in got


def test_this_question_refers_to_the_whether_clause(stances) -> None:  # type: ignore[no-untyped-def]
    got = stances("Asked whether Tajikistan would recognise the separatist republics, Rahmon "
                  "answered that this question \"is not on the agenda\" of his government.",
                  "2023-05-10")
    assert ("TJK", "dnr", "oppose") in got and ("TJK", "dnr", "support") not in got


# --- 3. naming a contested act is no stance on it -------------------------------------

def test_saying_something_became_a_war_is_no_support(stances) -> None:  # type: ignore[no-untyped-def]
    got = stances("On Sunday the Turkish foreign minister said the situation had become a war.",
                  "2022-03-01")
    assert ("TUR", "war", "support") not in got


def test_refraining_from_criticism_is_silence(stances) -> None:  # type: ignore[no-untyped-def]
    got = stances("Mirziyoyev refrained from criticising Russia's war.", "2022-05-01")
    assert ("UZB", "war", "no_comment") in got and ("UZB", "war", "support") not in got


# --- 4. keeping to sanctions ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kazakh banks suspended transfers to Russian firms so as not to fall under secondary "
    "sanctions.",
    "Uzbek lenders closed the accounts of sanctioned Russian companies to avoid secondary "
    "sanctions.",
    "Turkish banks halted Mir card payments for fear of secondary sanctions.",
    "Georgia's central bank closed the accounts of sanctioned firms.",
    "The Kyrgyz central bank told lenders to stop payments for Russian firms in order not to "
    "fall under secondary sanctions.",
])
def test_acts_to_stay_clear_of_sanctions_comply_with_them(stances, text) -> None:  # type: ignore[no-untyped-def]
    got = stances(text)
    assert any(i == "sanc" and s == "support" for _, i, s in got)
    assert not any(i == "sanc" and s == "oppose" for _, i, s in got)


def test_helping_sanctioned_firms_gets_around_the_sanctions(stances) -> None:  # type: ignore[no-untyped-def]
    got = stances("Armenian traders kept supplying sanctioned Russian firms with chips.")
    assert not any(i == "sanc" and s == "support" for _, i, s in got)


def test_how_the_object_came_about_does_not_undermine_it(stances) -> None:  # type: ignore[no-untyped-def]
    got = stances("The Belarusian foreign ministry said the two presidents had noted the "
                  "illegitimacy of unilateral restrictive measures imposed in violation of "
                  "international law.")
    assert ("BLR", "sanc", "oppose") in got and ("BLR", "sanc", "support") not in got


# --- 5. executing an arrest warrant ---------------------------------------------------

@pytest.mark.parametrize(("text", "actor", "stance"), [
    ("Mongolia, a party to the Rome Statute, received Putin in September 2024 and did not "
     "arrest him.", "MNG", "oppose"),
    ("Hungary did not act on the ICC warrant when Putin visited in 2024.", "HUN", "oppose"),
    ("South Africa hosted Putin in 2024 instead of arresting him under the ICC warrant.",
     "ZAF", "oppose"),
    ("Chile, a member of the International Criminal Court, welcomed the Russian leader rather "
     "than detaining him.", "CHL", "oppose"),
    ("Kenya ignored the ICC arrest warrant.", "KEN", "oppose"),
    ("Brazil said it would carry out the ICC warrant if Putin came.", "BRA", "support"),
    ("Lula said Brazil would execute the ICC arrest warrant.", "BRA", "support"),
])
def test_acting_on_a_warrant(stances, text, actor, stance) -> None:  # type: ignore[no-untyped-def]
    got = stances(text, "2025-01-10")
    assert (actor, "warrant", stance) in got
    other = "support" if stance == "oppose" else "oppose"
    assert (actor, "warrant", other) not in got


def test_an_instrument_to_check_trade_keeps_to_the_sanctions(statements_of) -> None:  # type: ignore[no-untyped-def]
    issues = [*ISSUES, Issue("reexp", "Curbing re-exports of sanctioned goods to Russia",
                             "Whether a government stops re-exports of dual-use goods.",
                             ["re-export", "re-exports", "dual-use goods"])]
    got = {(s.actor.country, s.issue, s.stance) for s in statements_of(
        "Uzbekistan introduced a mechanism to monitor re-exports of dual-use goods.",
        "2024-05-06", issues)}
    assert ("UZB", "reexp", "support") in got
    got = {(s.actor.country, s.issue, s.stance) for s in statements_of(
        "The Kazakh army set up a system to track troop movements.", "2024-05-06", issues)}
    assert not any(st for _, _, st in got)
