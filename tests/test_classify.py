"""Tests for the statistical event-type / stance classifier (stancemap.classify)."""

from __future__ import annotations

import time

import pytest

from stancemap.classify import Prediction, StatementClassifier, load_training, main

EVENT_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "STATEMENT",
    "NO_COMMENT", "NONE",
}
STANCES = {"support", "oppose", "neutral", "no_comment", None}

# Written for these tests; none of them is in the training file (checked below).
CLEAR_CASES = [
    ("Police detained dozens of protesters outside the parliament.", "COERCE"),
    ("The two presidents held talks by phone on Tuesday.", "CONSULT"),
    ("Thousands rallied in the capital against the new law.", "PROTEST"),
    ("Missiles struck an energy facility overnight.", "ASSAULT"),
    ("The ministry declined to comment on the reports.", "NO_COMMENT"),
    ("Washington imposed fresh sanctions on three shipping companies.", "SANCTION"),
    ("The government threatened to cut off gas supplies if the debt is not paid.", "THREATEN"),
    ("The army withdrew its forces from the disputed border area.", "RETREAT"),
    ("The foreign minister called on both sides to return to negotiations.", "REQUEST"),
]
REJECTION = "The country will not recognise the outcome of the vote."
ALL_SENTENCES = [text for text, _ in CLEAR_CASES] + [REJECTION]


@pytest.fixture(scope="module")
def trained() -> tuple[StatementClassifier, float]:
    start = time.perf_counter()
    clf = StatementClassifier.train()
    return clf, time.perf_counter() - start


@pytest.fixture(scope="module")
def clf(trained: tuple[StatementClassifier, float]) -> StatementClassifier:
    return trained[0]


def test_test_sentences_are_unseen() -> None:
    texts = {t.strip().lower() for t in load_training()[0]}
    assert not [s for s in ALL_SENTENCES if s.lower() in texts]


def test_training_is_fast(trained: tuple[StatementClassifier, float]) -> None:
    assert trained[1] < 5.0


@pytest.mark.parametrize(("text", "event_type"), CLEAR_CASES)
def test_clear_cases(clf: StatementClassifier, text: str, event_type: str) -> None:
    assert clf.predict_one(text).event_type == event_type


def test_no_comment_stance(clf: StatementClassifier) -> None:
    pred = clf.predict_one("The ministry declined to comment on the reports.")
    assert (pred.event_type, pred.stance) == ("NO_COMMENT", "no_comment")


def test_rejection(clf: StatementClassifier) -> None:
    pred = clf.predict_one(REJECTION)
    assert pred.event_type == "REJECT" or pred.stance == "oppose"


def test_predictions_are_well_formed(clf: StatementClassifier) -> None:
    preds = clf.predict(ALL_SENTENCES)
    assert len(preds) == len(ALL_SENTENCES)
    for pred in preds:
        assert isinstance(pred, Prediction)
        assert pred.event_type in EVENT_TYPES
        assert pred.stance in STANCES
        assert 0.0 <= pred.event_prob <= 1.0
        assert 0.0 <= pred.stance_prob <= 1.0
    assert clf.predict([]) == []
    assert clf.predict_one(ALL_SENTENCES[0]) == preds[0]


def test_training_is_deterministic(clf: StatementClassifier) -> None:
    again = StatementClassifier.train(seed=0)
    assert again.predict(ALL_SENTENCES) == clf.predict(ALL_SENTENCES)


def test_predict_batch_is_fast(clf: StatementClassifier) -> None:
    batch = (ALL_SENTENCES * 7)[:64]
    clf.predict(batch)
    start = time.perf_counter()
    clf.predict(batch)
    assert time.perf_counter() - start < 0.2  # ~12 ms typical; loose bound for busy CI


def test_cli_classifies_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    main(["Missiles struck an energy facility overnight."])
    assert capsys.readouterr().out.startswith("ASSAULT\t")
