"""The redaction corpus and the evaluator that measures the redactor on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderator.anonymise.evaluate import load_corpus, main, score
from moderator.anonymise.evaluate_towns import address_core, place_core
from moderator.errors import BadInput

CORPUS = Path(__file__).parent / "data" / "redaction_corpus.jsonl"


def test_the_corpus_is_large_labelled_and_has_a_held_out_part() -> None:
    corpus = load_corpus(CORPUS)  # raises if any label does not occur in its text
    splits = [c.split for c in corpus]
    assert len(corpus) >= 80
    assert splits.count("heldout") >= 20
    kinds = {kind for c in corpus for _, _, kind in c.identifiers}
    for kind in (
        "child",
        "family",
        "worker",
        "person",
        "professional",
        "dob",
        "date",
        "address",
        "postcode",
        "nhs_number",
        "upn",
        "ni_number",
        "phone",
        "email",
        "vehicle_reg",
        "case_number",
        "school",
        "gp_practice",
    ):
        assert kind in kinds, kind


def test_the_styles_batch_is_labelled_and_large() -> None:
    """The batch written before issue #14's work: at least 40 notes and 300 identifiers."""
    corpus = load_corpus(CORPUS.with_name("redaction_corpus_b.jsonl"))
    assert len(corpus) >= 40
    assert sum(len(c.identifiers) for c in corpus) >= 300
    assert {c.split for c in corpus} == {"heldout-b"}


def test_the_batch_written_after_the_change_is_labelled_and_large() -> None:
    """Batch C was written after the work on issue #14, in new names and places."""
    corpus = load_corpus(CORPUS.with_name("redaction_corpus_c.jsonl"))
    assert len(corpus) >= 40
    assert sum(len(c.identifiers) for c in corpus) >= 300
    assert {c.split for c in corpus} == {"heldout-c"}


def test_the_last_batch_is_held_out_and_labelled() -> None:
    """Batch D was written last and scored once; it is never used to tune the redactor."""
    corpus = load_corpus(CORPUS.with_name("redaction_corpus_d.jsonl"))
    assert len(corpus) >= 28
    assert {c.split for c in corpus} == {"heldout-d"}


@pytest.mark.parametrize(
    ("name", "split", "notes", "identifiers"),
    [
        ("e", "heldout-e", 30, 250),
        ("f", "heldout-f", 20, 150),
        ("g", "heldout-g", 45, 380),
        ("h", "heldout-h", 45, 380),
        ("i", "heldout-i", 50, 1000),
        ("j", "heldout-j", 55, 1500),
        ("k", "heldout-k", 65, 2000),
        ("l", "heldout-l", 52, 1500),
        ("m", "heldout-m", 57, 1600),
        ("n", "heldout-n", 63, 1900),
        ("o", "heldout-o", 59, 1500),
        ("p", "heldout-p", 60, 1700),
        ("q", "heldout-q", 57, 1500),
        ("r", "heldout-r", 52, 1350),
        ("s", "heldout-s", 60, 1450),
        ("t", "heldout-t", 54, 1300),
        ("u", "heldout-u", 55, 1650),
        ("v", "heldout-v", 55, 1750),
        ("w", "heldout-w", 55, 1850),
        ("x", "heldout-x", 55, 1300),
        ("y", "heldout-y", 55, 1350),
        ("z", "heldout-z", 55, 1900),
        ("aa", "heldout-aa", 55, 2000),
        ("ab", "heldout-ab", 55, 2400),
        ("ac", "heldout-ac", 55, 2600),
        ("ad", "heldout-ad", 55, 2800),
        ("ae", "heldout-ae", 55, 2650),
        ("af", "heldout-af", 55, 2500),
        ("ag", "heldout-ag", 55, 2700),
        ("ah", "heldout-ah", 55, 2600),
        ("ai", "heldout-ai", 55, 2450),
        ("aj", "heldout-aj", 55, 2400),
        ("ak", "heldout-ak", 55, 2450),
        ("al", "heldout-al", 55, 2450),
        ("am", "heldout-am", 55, 2550),
        ("an", "heldout-an", 55, 2550),
        ("ao", "heldout-ao", 55, 2550),
        ("ap", "heldout-ap", 55, 2950),
        ("aq", "heldout-aq", 55, 3050),
        ("ar", "heldout-ar", 55, 2850),
        ("as", "heldout-as", 55, 2950),
        ("at", "heldout-at", 55, 2950),
        ("au", "heldout-au", 55, 2750),
        ("av", "heldout-av", 55, 2900),
        ("aw", "heldout-aw", 55, 2900),
        ("ax", "heldout-ax", 55, 2900),
        ("ay", "heldout-ay", 55, 2900),
        ("az", "heldout-az", 55, 2750),
        ("ba", "heldout-ba", 55, 2850),
        ("bb", "heldout-bb", 55, 2750),
        ("bc", "heldout-bc", 55, 2800),
        ("bd", "heldout-bd", 55, 2800),
    ],
)
def test_the_round_two_batches_are_held_out_and_labelled(
    name: str, split: str, notes: int, identifiers: int
) -> None:
    """E was written before round two of issue #14, F after it, G before round three, H after
    it, I while round four was built, J while round five was, K while round six was, L while
    round seven was, M while round eight was, N while round nine was, O and P while round ten
    was, Q after it, R while round eleven was, S after it, T while round twelve was, U before
    round thirteen, V during it, scored at its end, W after V's run, scored at the round's
    close, X before round fourteen (scored first, then tuned on) and Y with it, scored once at
    its close, Z before round fifteen (scored first, then tuned on) and AA with it, scored once at
    its close, AB to AE likewise in rounds sixteen and seventeen, AF and AG before round
    eighteen (AF scored first, then tuned on; AG scored first and once at the close) and AH
    during it, scored once at its close, AI and AJ before round nineteen (AI scored first, then
    tuned on; AJ scored first and once at the close) and AK during it, scored at its start's
    code and once at its close, AL and AM before round twenty (AL scored first, then tuned on;
    AM scored first and once at the close), AN and AO before round twenty-one (AN scored first,
    then tuned on; AO scored first and once at the close), AP and AQ before round twenty-two
    (AP scored first, then tuned on; AQ scored first and once at the close), AR and AS before
    round twenty-three (AR scored first, then tuned on; AS scored first and once at the close),
    AT and AU before round twenty-four (AT scored first, then tuned on; AU scored first and
    once at the close), AV and AW before round twenty-five (AV scored first, then tuned on; AW
    scored first and once at the close), AX and AY before round twenty-six and AZ and BA
    before round twenty-seven (AX and AZ scored first, then tuned on; AY and BA scored first
    and once at the close) (each outside the repository until scored; O on label public
    services apart)."""
    corpus = load_corpus(CORPUS.with_name(f"redaction_corpus_{name}.jsonl"))
    assert len(corpus) >= notes
    assert sum(len(c.identifiers) for c in corpus) >= identifiers
    assert {c.split for c in corpus} == {split}


def test_leakage_and_provenance_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(CORPUS), str(CORPUS.with_name("redaction_corpus_b.jsonl"))]) == 0
    out = capsys.readouterr().out
    assert "heldout-b (40 cases)" in out
    assert "leakage:" in out and "provenance record" in out and "provenance text" in out


def test_measured_quality_does_not_regress() -> None:
    """Floors a little under the figures in the README: a change that loses recall fails here.

    Over-redaction is allowed 3% on the first batches: they mark month-years ("closed in
    August 2020") and weekdays beside a date to keep, which round three of issue #14 redacts
    as the newest batch (G) labels them. Recall is allowed 98% (97.5% on the held-out part):
    these batches label a national charity named alone (``Women's Aid``) and a bank or an
    interpreting agency named alone (``Barclays``, ``Language Line``) as an organisation, which
    batches AD on keep, and rounds twenty-two and twenty-three keep (listed for the person
    importing to confirm). They also keep a university named where someone studies (``Keele
    University``), which the batches since AB label as a school 16 times to 3 and round
    twenty-three redacts so. Since round thirty-six they are allowed 97.5%: they label a
    national chain named alone (``works at Greggs``, ``Tesco Extra``) as an organisation,
    which the batches written to the current brief keep 46 times to 5, and which round
    thirty-six keeps (listed for the person importing to confirm; its branch's street goes).
    Precision is allowed 97.5% since round fifty-seven: the first batch keeps parks named after
    a word of place (``bowling at Festival Park``), which the later batches label as addresses
    75 times to 31 and round fifty-seven redacts (listed for the person importing to
    confirm). Over-redaction is allowed 4% since session 56: the learned layer asks a person from
    a probability of 0.2 (0.3 before), and two phrases of the first batch, a hospice named after
    a person and a country house named after its town, are redacted for the person importing to
    confirm (over batches DP to EE each held out of the training, leakage fell by more than
    over-redaction rose; README, "A learned layer")."""
    tallies, _ = score(load_corpus(CORPUS))
    every = tallies["all"].summary()
    assert every["overall"]["recall"] >= 0.975
    assert every["overall"]["precision"] >= 0.975
    assert every["protected"]["over_redaction"] <= 0.04
    held_out = tallies["heldout"].summary()
    assert held_out["overall"]["recall"] >= 0.96  # (0.975 before round thirty-six's chains)


def test_measured_quality_on_the_newest_batches_does_not_regress() -> None:
    """Floors a little under round six's figures on batches G, H, I and J (README), the
    batches written in the styles the first ones lack: names that are words, organisations,
    addresses and references in their real variants, the family's names in every form."""
    cases = [
        c
        for name in ("g", "h", "i", "j")
        for c in load_corpus(CORPUS.with_name(f"redaction_corpus_{name}.jsonl"))
    ]
    tallies, _ = score(cases)
    g, h = tallies["heldout-g"].summary(), tallies["heldout-h"].summary()
    assert g["overall"]["recall"] >= 0.975
    assert g["protected"]["over_redaction"] <= 0.02
    assert h["overall"]["recall"] >= 0.965
    assert h["leakage"] <= 0.03
    assert h["protected"]["over_redaction"] <= 0.04
    i = tallies["heldout-i"].summary()
    assert i["overall"]["recall"] >= 0.962
    assert i["leakage"] <= 0.06
    assert i["protected"]["over_redaction"] <= 0.05
    j = tallies["heldout-j"].summary()
    assert j["overall"]["recall"] >= 0.978
    assert j["leakage"] <= 0.08
    assert j["protected"]["over_redaction"] <= 0.03
    # the record's own people in every form (round six: the child 86% to 98%)
    for kind in ("child", "family", "professional"):
        assert j["by_type"][kind]["recall"] >= 0.97


def test_organisations_on_the_newest_batches_do_not_regress() -> None:
    """Floors a little under round six's figures on batches I and J (tuned on them): places of
    worship and community groups in any language and layout, firms, services and clubs with
    their place, schools by their short names, and J as a whole."""
    cases = [
        c
        for name in ("i", "j")
        for c in load_corpus(CORPUS.with_name(f"redaction_corpus_{name}.jsonl"))
    ]
    tallies, _ = score(cases)
    i, j = tallies["heldout-i"].summary(), tallies["heldout-j"].summary()
    assert i["by_type"]["org"]["recall"] >= 0.92
    assert i["overall"]["recall"] >= 0.955
    assert j["by_type"]["org"]["recall"] >= 0.92
    assert j["by_type"]["school"]["recall"] >= 0.98
    assert j["overall"]["recall"] >= 0.92
    assert j["leakage"] <= 0.05
    assert j["protected"]["over_redaction"] <= 0.11


@pytest.mark.parametrize(
    ("name", "recall", "record", "leakage", "over"),
    [
        ("k", 0.952, 0.975, 0.045, 0.075),  # K: written during round six, tuned on since round 7
        ("l", 0.923, 0.95, 0.075, 0.12),  # L: written during round seven, tuned on in round eight
        (
            "m",
            0.925,
            0.975,
            0.065,
            0.14,
        ),  # M: written during round eight; gazetteer tuned on it after, round nine on it
        ("n", 0.90, 0.96, 0.105, 0.125),  # N: written during round nine, scored twice, unseen
        ("o", 0.925, 0.95, 0.045, 0.10),  # O: written during round ten, scored twice, unseen
        ("p", 0.935, 0.96, 0.05, 0.09),  # P: written during round ten, scored at its end, unseen
        ("q", 0.965, 0.97, 0.02, 0.02),  # Q: written after round ten, scored once unseen
        ("r", 0.945, 0.975, 0.04, 0.04),  # R: written during round eleven, scored once unseen
        ("s", 0.98, 0.99, 0.012, 0.03),  # S: written after round eleven, scored once unseen
        ("t", 0.945, 0.955, 0.035, 0.05),  # T: written during round twelve, scored once unseen
        ("u", 0.95, 0.975, 0.045, 0.03),  # U: written before round thirteen, which tuned on it
        ("v", 0.95, 0.99, 0.05, 0.05),  # V: written during round thirteen, scored once unseen
        ("w", 0.935, 0.98, 0.06, 0.06),  # W: written in round thirteen, scored once at its close
        ("x", 0.97, 0.985, 0.032, 0.045),  # X: before round fourteen, tuned on it (20 chains)
        ("y", 0.935, 0.97, 0.06, 0.055),  # Y: written with round fourteen, scored once at its close
        ("z", 0.955, 0.985, 0.04, 0.05),  # Z: written before round fifteen, which tuned on it
        ("aa", 0.955, 0.985, 0.04, 0.06),  # AA: written with round fifteen, scored at its close
        ("ab", 0.94, 0.98, 0.05, 0.035),  # AB: written before round sixteen, which tuned on it
        (
            "ac",
            0.925,
            0.97,
            0.065,
            0.06,
        ),  # AC: round sixteen's close; labels kin words (kept from round 23)
        ("ad", 0.955, 0.98, 0.045, 0.065),  # AD: written before round seventeen, which tuned on it
        ("ae", 0.935, 0.975, 0.06, 0.08),  # AE: written with round seventeen, scored at its close
        ("af", 0.975, 0.985, 0.02, 0.03),  # AF: written before round eighteen, which tuned on it
        ("ag", 0.955, 0.97, 0.035, 0.05),  # AG: written before round eighteen, scored at its close
        ("ah", 0.965, 0.99, 0.03, 0.045),  # AH: written during round eighteen, scored at its close
        ("ai", 0.97, 0.975, 0.025, 0.04),  # AI: written before round nineteen, which tuned on it
        ("aj", 0.95, 0.985, 0.045, 0.05),  # AJ: written before round nineteen, scored at its close
        ("ak", 0.96, 0.985, 0.03, 0.055),  # AK: written during round nineteen, scored at its close
        ("al", 0.972, 0.985, 0.025, 0.03),  # AL: written before round twenty, which tuned on it
        ("am", 0.95, 0.98, 0.042, 0.035),  # AM: written before round twenty, scored at its close
        ("an", 0.972, 0.99, 0.025, 0.02),  # AN: written before round twenty-one, which tuned on it
        ("ao", 0.965, 0.985, 0.027, 0.055),  # AO: before round twenty-one, scored at its close
        ("ap", 0.975, 0.985, 0.02, 0.04),  # AP: written before round twenty-two, which tuned on it
        ("aq", 0.97, 0.99, 0.025, 0.05),  # AQ: before round twenty-two, scored at its close
        ("ar", 0.97, 0.985, 0.02, 0.025),  # AR: written before round twenty-three, tuned on it
        ("as", 0.97, 0.985, 0.025, 0.04),  # AS: before round twenty-three, scored at its close
        ("at", 0.975, 0.99, 0.02, 0.02),  # AT: written before round twenty-four, tuned on it
        ("au", 0.975, 0.985, 0.02, 0.035),  # AU: before round twenty-four, scored at its close
        ("av", 0.98, 0.99, 0.015, 0.02),  # AV: written before round twenty-five, tuned on it
        ("aw", 0.975, 0.985, 0.02, 0.035),  # AW: before round twenty-five, scored at its close
        ("ax", 0.975, 0.985, 0.02, 0.03),  # AX: written before round twenty-six, tuned on it
        ("ay", 0.97, 0.985, 0.027, 0.05),  # AY: before round twenty-six, scored at its close
        ("az", 0.98, 0.99, 0.015, 0.035),  # AZ: written before round twenty-seven, tuned on it
        ("ba", 0.97, 0.985, 0.022, 0.055),  # BA: before round twenty-seven, scored at its close
        ("bb", 0.978, 0.98, 0.015, 0.04),  # BB: written before round twenty-eight, tuned on it
        ("bc", 0.978, 0.985, 0.017, 0.042),  # BC: before round twenty-eight, scored at its close
        ("bd", 0.972, 0.98, 0.022, 0.045),  # BD: written as round twenty-eight closed, unread
    ],
)
def test_the_newest_batches_do_not_regress(
    name: str, recall: float, record: float, leakage: float, over: float
) -> None:
    """Floors a little under each batch's figures in the README (K and L after round eight):
    later rounds tune on them and must not lose what they already find."""
    tallies, _ = score(load_corpus(CORPUS.with_name(f"redaction_corpus_{name}.jsonl")))
    batch = tallies[f"heldout-{name}"].summary()
    assert batch["overall"]["recall"] >= recall
    assert batch["by_provenance"]["record"]["recall"] >= record
    assert batch["leakage"] <= leakage
    assert batch["protected"]["over_redaction"] <= over


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(CORPUS), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"dev", "heldout", "all", "cases_per_second"} <= set(out)
    assert set(out["all"]["overall"]) == {
        "labelled",
        "found",
        "recall",
        "redacted",
        "correct",
        "precision",
    }
    assert "over_redaction" in out["all"]["protected"]


def test_table_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "heldout (" in out and "recall" in out and "over-redaction" in out


def test_a_label_that_is_not_in_the_text_is_reported(tmp_path: Path) -> None:
    first = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[0])
    first["labels"]["identifiers"].append(["Nobody Here", "person"])
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(first) + "\n", encoding="utf-8")
    with pytest.raises(BadInput) as info:
        load_corpus(path)
    assert info.value.details == [
        f"{path}:1: labels.identifiers: 'Nobody Here' does not occur in the text"
    ]


def test_the_review_figures_count_what_a_person_would_be_asked(tmp_path: Path) -> None:
    # the family's surname is also a town: "moved to Stafford" keeps the town but asks about
    # it; confirming every kept candidate would redact the town too, as the figures must show
    case = {
        "case_id": "EV-1",
        "team": "Team A",
        "service_area": "help_and_protection",
        "opened": "2023-01-05",
        "worker": "Imogen Tarrant",
        "child": {"name": "Arlo Stafford", "dob": "2016-04-02"},
        "family": [{"name": "Joy Stafford", "relationship": "mother"}],
        "text": "Joy Stafford rang. Arlo told me they moved to Stafford in May.",
        "labels": {
            "identifiers": [["Joy Stafford", "family"], ["Arlo", "child"]],
            "keep": ["moved to Stafford"],
        },
    }
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(case) + "\n", encoding="utf-8")
    tallies, _ = score(load_corpus(path))
    summary = tallies["all"].summary()
    review = summary["review"]
    assert summary["protected"]["over_redaction"] == 0
    assert review["items"] >= 1 and review["per_case"] >= 1
    assert review["over_redaction_if_all_confirmed"] == 1
    assert review["recall_if_all_confirmed"] == summary["overall"]["recall"] == 1


@pytest.mark.parametrize(
    ("name", "org", "address"),
    [("k", 0.84, 0.95), ("l", 0.74, 0.85), ("m", 0.78, 0.90)],
)
def test_organisations_and_addresses_of_the_newest_batches_do_not_regress(
    name: str, org: float, address: float
) -> None:
    """Floors a little under round nine's figures for organisations and addresses on the
    batches it was tuned on (K, L and M). K and L label the town after an address as part of
    it; the evaluator scores such an address without the town, which the redactor keeps
    (issue #14: a town written after an address is not to be swallowed)."""
    tallies, _ = score(load_corpus(CORPUS.with_name(f"redaction_corpus_{name}.jsonl")))
    by_type = tallies[f"heldout-{name}"].summary()["by_type"]
    assert by_type["org"]["recall"] >= org
    assert by_type["address"]["recall"] >= address


def test_public_services_are_counted_apart_from_the_identifiers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A ``public_body`` label is outside recall and leakage: the redactor keeps a hospital
    named by its town by design; the table says how many it redacted anyway."""
    case = _labelled(
        "EV-2",
        "Arlo Quennell was seen at Stafford County Hospital with nurse Jo Pellew.",
        [["Arlo Quennell", "child"], ["Stafford County Hospital", "public_body"]],
        keep=["Stafford"],
    )
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(case) + "\n", encoding="utf-8")
    summary = score(load_corpus(path))[0]["all"].summary()
    assert summary["overall"]["labelled"] == 1
    assert "public_body" not in summary["by_type"]
    assert summary["protected"]["phrases"] == 0  # "Stafford" inside the label is not a keep
    assert summary["public_services"] == {"labelled": 1, "redacted": 0}
    assert main([str(path)]) == 0
    assert "public services named by a place" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("label", "core"),
    [
        ("Flat 7, 101 Wimbrel Street, Bolsover", "Flat 7, 101 Wimbrel Street"),
        ("43 LARKHOLLOW COURT, RIPON", "43 LARKHOLLOW COURT"),
        ("12 Station Road, Newcastle upon Tyne", "12 Station Road"),
        ("137 Tadcombe Road Trowbridge", "137 Tadcombe Road"),
        ("The Granary, Wheatear Lane, Bedale", "The Granary, Wheatear Lane"),
        ("12 High Street", "12 High Street"),
        ("Rose Cottage, Mill Lane", "Rose Cottage, Mill Lane"),
        ("Bolsover", "Bolsover"),
        ("Room 9, Furnival Lodge refuge", "Room 9, Furnival Lodge refuge"),
    ],
)
def test_an_address_label_is_scored_without_the_real_town_after_it(label: str, core: str) -> None:
    """The town after a street is kept by design (issue #14); the rest must still be an
    address, and a street word or a made-up name is never taken for the town."""
    assert address_core(label) == core


@pytest.mark.parametrize(
    ("label", "core"),
    [
        ("Normanton Park Academy, Derby", "Normanton Park Academy"),
        ("Seagull Youth Project, Great Yarmouth", "Seagull Youth Project"),
        ("Quenby Road Medical Practice, St Peter Port", "Quenby Road Medical Practice"),
        ("Oasis Academy Wintringham", "Oasis Academy Wintringham"),
        ("Costcutter, Monks Road", "Costcutter, Monks Road"),
        ("Derby", "Derby"),
    ],
)
def test_a_place_label_is_scored_without_a_real_town_after_a_comma(label: str, core: str) -> None:
    """Round fifteen: an organisation's, school's or practice's town after a comma is kept
    like an address's; a branch's place run into the name, and a street, are part of it."""
    assert place_core(label) == core


def test_a_town_after_an_address_is_neither_a_miss_nor_leakage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Leaving the town after the street costs nothing; the table counts such labels."""
    case = _labelled(
        "EV-3",
        "Arlo Quennell moved to Flat 7, 101 Wimbrel Street, Bolsover last week.",
        [["Arlo Quennell", "child"], ["Flat 7, 101 Wimbrel Street, Bolsover", "address"]],
    )
    path = tmp_path / "towns.jsonl"
    path.write_text(json.dumps(case) + "\n", encoding="utf-8")
    summary = score(load_corpus(path))[0]["all"].summary()
    assert summary["overall"]["recall"] == 1 and summary["leakage"] == 0
    assert summary["address_towns"] == {"labelled": 1, "redacted_with_town": 0}
    assert main([str(path)]) == 0
    assert "with the town after the street: 1" in capsys.readouterr().out


def _labelled(
    case_id: str, text: str, identifiers: list[list[str]], keep: list[str] | None = None
) -> dict[str, object]:
    """A one-case labelled corpus line for Arlo Quennell's record."""
    return {
        "case_id": case_id,
        "team": "Team A",
        "service_area": "help_and_protection",
        "opened": "2023-01-05",
        "worker": "Imogen Tarrant",
        "child": {"name": "Arlo Quennell", "dob": "2016-04-02"},
        "family": [],
        "text": text,
        "labels": {"identifiers": identifiers, "keep": keep or []},
    }
