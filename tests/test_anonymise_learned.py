"""The learned layer (issue #14, round nine): candidates the rules left free, scored by a
logistic regression on general features. Names and sentences are invented."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.anonymise.evaluate import load_corpus
from moderator.anonymise.learned import (
    WIRED,
    LearnedModel,
    Thresholds,
    model_json,
    stored_model,
    using_model,
)
from moderator.anonymise.learned_features import FEATURE_VERSION
from moderator.anonymise.learned_words import word_features
from moderator.anonymise.redact import Redaction, redact_case_text
from moderator.anonymise.train_learned import examples
from moderator.anonymise.train_learned import main as train_main
from moderator.cli import cli
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
    assert model is not None, "data/learned_model.json is missing or of another feature version"
    return model


def _flat(p: float) -> LearnedModel:
    """A model that gives every candidate probability ``p``."""
    return LearnedModel(feature_version=FEATURE_VERSION, bias=math.log(p / (1 - p)))


def test_a_name_no_list_or_cue_knows_as_a_name_is_redacted_by_the_model() -> None:
    text = "She met Precious from the snap."
    assert _redact(text, None).text == text  # the rules leave a given name that is a word
    assert _redact(text, _shipped()).text == "She met [PERSON] from the snap."


def test_what_the_lists_name_stays_whatever_the_model_says() -> None:
    # a street, an everyday word, a national name, an acronym, words that say only the kind of
    # place: the rules' reading stands
    text = (
        "Seen on the High Street by Costa. She pointed at the Plough in the night sky. "
        "Please call ASAP. Gran attends the Catholic Church. The Youth Support Service rang."
    )
    assert _redact(text, _flat(0.97)).text == text


def test_everyday_words_the_model_reads_as_one_name_are_redacted() -> None:
    # two or more everyday words or places, no street: the lists cannot know them as a name
    # ("Oakwood House", a children's home), so the model decides, from a higher probability
    # than for words no list explains; an opening "The" stays outside the name
    text = "Conference at Knaresborough House. The Haven Project rang."
    sure = _redact(text, _flat(0.97)).text
    assert sure == "Conference at [ORGANISATION]. The [ORGANISATION-2] rang.", sure
    bands = Thresholds()
    between = (bands.ask + bands.everyday) / 2  # enough for a word no list explains
    assert _redact(text, _flat(between)).text == text


def test_everyday_capitalised_words_opening_sentences_stay() -> None:
    out = _redact("Today Tamsin was happy. Everyone sang. Nothing was broken.", _shipped()).text
    assert out == "Today [CHILD] was happy. Everyone sang. Nothing was broken."


def test_the_bands_redact_surely_ask_a_person_or_keep_for_review() -> None:
    text = "She met Precious from the snap."
    name = (text.index("Precious"), text.index(" from"))
    assert "Precious" in _redact(text, None).text  # the rules leave it

    def taken(r: Redaction) -> list[float]:
        return [s.confidence for s in r.spans if (s.start, s.end) == name]

    assert taken(_redact(text, _flat(0.97)))[0] >= 0.7
    asked = _redact(text, _flat(0.7))
    assert taken(asked)[0] < 0.7
    assert name in [(d.start, d.end) for d in asked.uncertain() if d.redacted]
    bands = Thresholds()
    kept = _redact(text, _flat((bands.keep + bands.ask) / 2))  # between keeping and redacting
    assert "Precious" in kept.text
    assert name in [(d.start, d.end) for d in kept.kept]
    ignored = _redact(text, _flat(bands.keep / 2))
    assert "Precious" in ignored.text and not taken(ignored)


def test_a_town_after_an_address_joins_it_as_one_address() -> None:
    text = "Orla now lives at 12 Mill Lane, Brackenwold with Tamsin."
    assert "[ADDRESS], Brackenwold" in _redact(text, None).text  # the rules leave the town
    sure = _redact(text, _flat(0.97))
    assert sure.text == "[MOTHER] now lives at [ADDRESS] with [CHILD]."
    address = next(s for s in sure.spans if s.kind == "address")
    assert text[address.start : address.end] == "12 Mill Lane, Brackenwold"
    # taken with doubt, the whole address is for a person to confirm
    asked = _redact(text, _flat(0.7))
    assert next(s for s in asked.spans if s.kind == "address").confidence < 0.7


def test_a_bracketed_team_after_a_name_is_the_rules_before_the_model() -> None:
    # (the layer runs after every rule: the agency a person works for is theirs to name)
    text = "Orla rang Tamsin's worker Mrs Quennell (Fenwater Hope) twice."
    out = _redact(text, _flat(0.97)).text
    assert "Quennell" not in out and "Fenwater" not in out, out


def test_the_rules_alone_when_the_layer_is_not_wired() -> None:
    text = "Norwich Sensory Support Service rang back about Tamsin."
    if not WIRED:
        assert redact_case_text(make_case(text, **_FAMILY)).text == _redact(text, None).text


def test_no_feature_names_the_word_itself() -> None:
    # a capitalised word is described by its shape and lists, never by itself
    for word in ("Quarrendell", "Fenwater", "Norwich"):
        assert not any(word.lower() in f.lower() for f in word_features(word))


def test_a_model_round_trips_through_its_file(tmp_path: Path) -> None:
    model = LearnedModel(
        feature_version=FEATURE_VERSION,
        trained_on=["invented.jsonl"],
        thresholds=Thresholds(sure=0.9, ask=0.6, keep=0.3),
        bias=-1.25,
        weights={"sh=Xx": 0.5, "pos=sent&f=word": -2.0},
    )
    path = tmp_path / "model.json"
    path.write_text(model_json(model), encoding="utf-8")
    assert LearnedModel.model_validate(json.loads(path.read_text("utf-8"))) == model


def test_the_shipped_model_records_its_training_and_stays_small() -> None:
    path = ROOT / "src" / "moderator" / "anonymise" / "data" / "learned_model.json"
    assert path.stat().st_size <= 1_000_000
    model = _shipped()
    assert model.feature_version == FEATURE_VERSION
    assert "redaction_corpus_m.jsonl" in model.trained_on
    assert model.thresholds.keep < model.thresholds.ask <= model.thresholds.sure


_TINY = [
    (
        "Mum works at Exmouth Youth Enquiry Service now. Tamsin is well.",
        ["Exmouth Youth Enquiry Service"],
    ),
    (
        "Tamsin saw Bristol Alcohol and Drug Service staff. Today was calm.",
        ["Bristol Alcohol and Drug Service"],
    ),
    ("Orla rang Norwich Sensory Support Service on Monday.", ["Norwich Sensory Support Service"]),
    ("Everyone was calm. Nothing new. Tamsin played outside.", []),
    ("Later Orla and Tamsin went to Exeter Library. Everyone was kind.", []),
    ("Today was calm. Nothing else happened. Tamsin slept.", []),
]


def _tiny_corpus(path: Path) -> Path:
    lines = []
    for n, (text, names) in enumerate(_TINY):
        case = make_case(text, **_FAMILY).model_dump(mode="json")
        case["case_id"] = f"MOS-90000{n}"
        case["labels"] = {"identifiers": [[name, "org"] for name in names], "keep": []}
        lines.append(json.dumps(case))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_training_is_deterministic(tmp_path: Path) -> None:
    corpus = _tiny_corpus(tmp_path / "tiny.jsonl")
    outs = [tmp_path / "a.json", tmp_path / "b.json"]
    for out in outs:
        assert train_main([str(corpus), "--out", str(out)]) == 0
    assert outs[0].read_bytes() == outs[1].read_bytes()
    model = LearnedModel.model_validate(json.loads(outs[0].read_text("utf-8")))
    assert model.trained_on == ["tiny.jsonl"] and model.weights


def test_a_bad_corpus_line_is_named_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text("{not json\n", encoding="utf-8")
    out = tmp_path / "model.json"
    assert train_main([str(corpus), "--out", str(out)]) == 1
    assert f"{corpus}:1: invalid JSON" in capsys.readouterr().err
    assert not out.exists()


def test_the_sample_audits_still_import_with_the_layer(tmp_path: Path) -> None:
    args = ["import", "cases", str(ROOT / "sample_audits" / "cases.jsonl"), "--dry-run"]
    args += ["--db", str(tmp_path / "m.db"), "--key-file", str(tmp_path / "key")]
    with using_model(_shipped()):
        result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "158 would be added" in result.output


def test_a_public_service_named_by_a_place_trains_as_a_phrase_to_keep(tmp_path: Path) -> None:
    text = "Orla took Tamsin to Brackenwold Royal Infirmary today."
    case = make_case(text, **_FAMILY).model_dump(mode="json")
    case["labels"] = {"identifiers": [["Brackenwold Royal Infirmary", "public_body"]], "keep": []}
    path = tmp_path / "public.jsonl"
    path.write_text(json.dumps(case) + "\n", encoding="utf-8")
    rows = examples(load_corpus(path))
    assert rows and all(row.keep and not row.label for row in rows)
