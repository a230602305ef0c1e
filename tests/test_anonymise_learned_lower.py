"""The learned layer for names written in lower case (issue #14: names in dictation and typed-up
speech). Names and sentences are invented."""

from __future__ import annotations

import json
import math
from pathlib import Path

from moderator.anonymise.learned import LearnedModel
from moderator.anonymise.learned_lower import (
    LOWER_FEATURE_VERSION,
    LOWER_THRESHOLDS,
    candidates,
    collecting,
    lower_lines,
    stored_model,
    using_model,
)
from moderator.anonymise.redact import Redaction, redact_case_text
from moderator.anonymise.train_learned import main as train_main
from tests.test_anonymise_redact import make_case

ROOT = Path(__file__).resolve().parent.parent
_FAMILY = dict(
    child_name="Tamsin Quarrendell",
    family=[{"name": "Orla Quarrendell", "relationship": "mother"}],
)


def _redact(text: str, model: LearnedModel | None) -> Redaction:
    with using_model(model):
        return redact_case_text(make_case(text, **_FAMILY))


def _shipped() -> LearnedModel:
    model = stored_model()
    assert model is not None, "data/learned_lower_model.json is missing or out of date"
    return model


def _flat(p: float) -> LearnedModel:
    """A model that gives every candidate probability ``p``."""
    return LearnedModel(
        feature_version=LOWER_FEATURE_VERSION,
        thresholds=LOWER_THRESHOLDS,
        bias=math.log(p / (1 - p)),
    )


def _candidates(text: str) -> list[str]:
    with collecting() as found:
        redact_case_text(make_case(text, **_FAMILY))
    return [text[c.start : c.end] for c in found[0]]


_DICTATED = (
    "new paragraph tamsin told me that her boyfriend mason drives a blue car and picks her "
    "up from school full stop"
)


def test_a_line_in_lower_case_is_read_and_prose_is_not() -> None:
    text = (
        "Visit to Orla at home. Tamsin was at school and the flat was warm.\n"
        "i spoke with mum on her own in the kitchen and she said things are better\n"
        "Next visit in two weeks."
    )
    lines = lower_lines(text)
    assert [text[a:b] for a, b in lines] == [text.splitlines()[1]]


def test_a_surname_said_as_a_name_in_dictation_is_redacted_by_the_model() -> None:
    assert "mason" in _redact(_DICTATED, None).text  # the rules alone leave it
    assert "mason" not in _redact(_DICTATED, _shipped()).text


def test_the_same_words_in_written_prose_are_never_read_by_the_layer() -> None:
    # capitalised prose is the capitalised layer's: a surname written as a word stays
    text = "Orla said the Mason jar on the shelf was a present. Tamsin laughed about it."
    assert _redact(text, _flat(0.99)).text == _redact(text, None).text


def test_everyday_words_and_contractions_are_never_candidates() -> None:
    text = (
        "mum said she will ring me and she dont know why he didnt come and it was a long day "
        "and i said that is ok full stop"
    )
    found = _candidates(text)
    for word in ("said", "will", "dont", "didnt", "day"):
        assert word not in found


def test_no_feature_names_the_word_itself() -> None:
    # a word is described by its lists, its frequency and its neighbours, never by itself
    text = "i spoke with kenwright and pellow and mason about the visit full stop"
    with collecting() as found:
        redact_case_text(make_case(text, **_FAMILY))
    words = {text[c.start : c.end]: c.features for c in found[0]}
    assert {"kenwright", "pellow", "mason"} <= set(words)
    for word, features in words.items():
        assert not any(word in f for f in features)


def test_the_bands_redact_ask_a_person_or_keep_for_review() -> None:
    sure = _redact(_DICTATED, _flat(0.95))
    assert "mason" not in sure.text
    asked = _redact(_DICTATED, _flat(0.6))
    assert "mason" not in asked.text
    assert any(c.confidence < 0.7 for c in asked.spans)
    kept = _redact(_DICTATED, _flat(0.4))
    assert "mason" in kept.text
    assert "mason" in [_DICTATED[k.start : k.end] for k in kept.kept]


def test_the_shipped_model_records_its_training_and_stays_small() -> None:
    path = ROOT / "src" / "moderator" / "anonymise" / "data" / "learned_lower_model.json"
    assert path.stat().st_size <= 500_000
    model = _shipped()
    assert "redaction_corpus_m.jsonl" in model.trained_on
    assert not any("unread" in name for name in model.trained_on)
    assert model.thresholds.keep < model.thresholds.ask <= model.thresholds.sure


def test_training_the_lower_layer_is_deterministic(tmp_path: Path) -> None:
    texts = [
        ("home visit full stop i saw tamsin with her friend kenwright at the park", ["kenwright"]),
        ("home visit full stop i saw tamsin with her mum at the park and all was well", []),
        ("phone call full stop orla said that pellow took tamsin to the shop", ["pellow"]),
    ]
    lines = []
    for n, (text, names) in enumerate(texts):
        case = make_case(text, **_FAMILY).model_dump(mode="json")
        case["case_id"] = f"MOS-91000{n}"
        case["labels"] = {"identifiers": [[name, "person"] for name in names], "keep": []}
        lines.append(json.dumps(case))
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outs = [tmp_path / "a.json", tmp_path / "b.json"]
    for out in outs:
        assert train_main([str(corpus), "--lower", "--out", str(out)]) == 0
    assert outs[0].read_bytes() == outs[1].read_bytes()
    model = LearnedModel.model_validate(json.loads(outs[0].read_text("utf-8")))
    assert model.feature_version == LOWER_FEATURE_VERSION
    assert model.trained_on == ["tiny.jsonl"]


def test_candidates_are_empty_for_a_note_with_no_lower_case_line() -> None:
    from moderator.anonymise.state import State

    case = make_case("Orla rang. Tamsin is well.", **_FAMILY)
    assert candidates(State(case, case.text)) == ([], [])


def test_a_lower_case_name_in_written_prose_is_redacted_or_asked() -> None:
    # the capitals around it are the writer's; the name alone lost its own
    text = "Orla said brandon and Tamsin went to the park on Sunday with their cousins."
    alone = _redact(text, None)  # the rules alone leave it, and ask no one
    assert "brandon" in alone.text
    assert "brandon" not in [text[k.start : k.end] for k in alone.kept]
    red = _redact(text, _shipped())
    assert "brandon" not in red.text or "brandon" in [text[k.start : k.end] for k in red.kept]
