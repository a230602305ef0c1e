"""The learned layer: a token classifier for the capitalised words the rules left free.

The rules find names by lists and cues; a name with neither (an unknown surname opening a
sentence, a small firm with an unlisted noun) is left. This layer reads the words the rules left
free (:func:`.learned_features.candidates`) and scores each with a logistic regression over
general features (shape, position, the lists a word is in, the cue words around it), trained by
``python -m moderator.anonymise.train_learned`` on the labelled batches and stored in
``data/learned_model.json``. A run of such words is decided whole, by its words' mean
probability: redacted with a confidence a person need not confirm, redacted for a person to
confirm, or kept and shown for review. Not used by redaction unless :data:`WIRED`.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import PLACE_JOINED_RE
from moderator.anonymise.learned_features import FEATURE_VERSION, Candidate, Run, candidates
from moderator.anonymise.learned_model import LearnedModel, ModelSlot, Thresholds, model_json
from moderator.anonymise.lexicon import more_places, phrase_key
from moderator.anonymise.orgs_brands import national_name
from moderator.anonymise.orgs_nouns import service_terms_only
from moderator.anonymise.orgs_worship import describes_a_kind
from moderator.anonymise.state import UNSURE, Cand, State, Tok

MODEL_FILE = "learned_model.json"
_PRIORITY = 30  # below every rule: the layer only reads what the rules left free
__all__ = ["LearnedModel", "Thresholds", "collecting", "model_json", "stored_model", "using_model"]


_SLOT: ModelSlot[list[Candidate]] = ModelSlot(MODEL_FILE, FEATURE_VERSION)
stored_model = _SLOT.stored
using_model = _SLOT.using
collecting = _SLOT.collecting


WIRED = True
"""Whether redaction uses the stored model. On since 5 December 2026 (session 55): run after
every rule, with the lists' readings kept (:func:`_named_whole`, :func:`_everyday`), over
batches DP to DY each held out of the training it moved recall by +0.11 points and leakage by
-0.12 for +0.03 points of over-redaction; on six batches no one had read (DZ to EE), from
98.19% / 1.63% / 1.79% to 98.31% / 1.50% / 1.84% (README, "A learned layer"). Leakage is the
goal the rules miss on unseen text; over-redaction has room. (Off before: with the rules of 2
December the layer moved recall by only 0.19 points for 0.27 of over-redaction.) Training
still runs the layer through :func:`collecting`, the benchmark through :func:`using_model`."""


def _active() -> LearnedModel | None:
    return _SLOT.active(WIRED)


_MODALS = frozenset({"will", "may", "can", "must", "shall", "should", "would", "could", "might"})
_VERB_AFTER = re.compile(r"[ \t]+(?:not[ \t]+|also[ \t]+|now[ \t]+)?[a-z]{2,}\b")


# a role's acronym after a comma ending a run, with two capitals or more ("SaLT", "SENCo")
_ROLE_AFTER = re.compile(r"(?:\A|,[ \t]*)((?=(?:[a-z]*[A-Z]){2})[A-Za-z]{2,6})\Z")


def find_learned(st: State, toks: list[Tok]) -> None:
    """Redact, or keep for review, the free capitalised words the model finds likely names."""
    found = _SLOT.collected()
    if found is not None:
        found.append(candidates(st, toks)[0])
        return
    model = _active()
    if model is None:
        return
    cands, runs = candidates(st, toks)
    if not cands:
        return
    decide(st, model, cands, runs)


def decide(st: State, model: LearnedModel, cands: list[Candidate], runs: list[Run]) -> None:
    """Take, or keep for review, each run whole by the mean probability of its words.

    A run is decided whole: an identifier counts as found only when every word of it is
    redacted, and over the held-out batches the mean of a run beat word-by-word decisions.
    """
    scores: dict[int, list[float]] = {}
    for c in cands:
        scores.setdefault(c.run, []).append(model.grouped(c.parts))
    th = model.thresholds
    text = st.text
    record = _record_kept(st)
    # the redactions by where they end and start, for the joins (a look-up, not a scan of
    # every redaction for each run: a hostile note may hold thousands of both)
    ends = {c.end: c for c in st.cands}
    starts = {c.start: c for c in st.cands}
    for number, ps in scores.items():
        run = runs[number]
        p = sum(ps) / len(ps)
        if p < th.keep or not st.free(run.start, run.end):
            continue
        written = text[run.start : run.end]
        role = _ROLE_AFTER.search(written)
        if role is not None and role.group(1).upper() in st.lex.acronyms:
            # "(Bobbie Garside, SaLT)": the role after the name, an acronym in mixed case
            if role.start() == 0:
                if text[run.start - 2 : run.start] == ", ":
                    continue  # (the run is the role alone, after the name's comma)
            else:
                run = Run(run.start, run.start + role.start(), run.kind)
                written = text[run.start : run.end]
        if any(record[run.start : run.end]) or _named_whole(st, written):
            continue
        if _OPERATION_WORDS.intersection(phrase_key(written)):
            continue  # a police operation's name stays (kept_terms.keep_police_operations)
        if phrase_key(written)[:2] in _DEVOTIONS:
            continue  # "prays to Our Lady": Mary, whom the rules left (orgs_the.find_our_lady)
        if PLACE_JOINED_RE.search(written):
            continue  # "Kirkby-in-Furness", "Newcastle-under-Lyme": a town's name, no one's
        if (
            written.lower() in _MODALS
            and _VERB_AFTER.match(text, run.end)
            and text[run.start - 1 : run.start] == " "
            and run.start - 1 in ends
        ):
            continue  # "Mrs Anne Will attend": a helping verb after a name, no surname
        if _everyday(st, written) and not _beside_redaction(st, run):
            named = _named_by_words(st, run, p, th)
            if named is None:
                continue  # the lists' reading of everyday words and places stands
            run, written = named, text[named.start : named.end]
        ident = "learned:" + text[run.start : run.end].lower()
        kind = "address" if _ESTATE_AFTER.match(text, run.end) else run.kind
        if p < th.ask:
            st.keep(run.start, run.end, kind, ident, round(0.3 + 0.2 * p, 2))
            continue
        if p >= th.sure:
            sure = UNSURE + (0.95 - UNSURE) * (p - th.sure) / max(1e-9, 1.0 - th.sure)
        else:
            # redacted, below the confidence a person need not confirm (0.4 up to UNSURE)
            sure = 0.4 + (UNSURE - 0.41) * (p - th.ask) / max(1e-9, th.sure - th.ask)
        if not _join(st, run, round(sure, 2), ends, starts):
            st.take(run.start, run.end, kind, ident, _PRIORITY, round(sure, 2))
            taken = st.cands[-1]
            ends[taken.end], starts[taken.start] = taken, taken


def _named_by_words(st: State, run: Run, p: float, th: Thresholds) -> Run | None:
    """The run, when the model reads its everyday words and places as one name no list can
    know ("Step Forward Recovery", "Oakwood House", "Sleaford Music Centre"): two or more
    words after an opening "The" (left out of the name), read likely enough, and neither a
    street or a place (the address rules' to decide: "the High Street") nor words that say
    only what kind of place it is ("the Catholic Church", "Youth Support Service").
    """
    text = st.text
    keys = phrase_key(text[run.start : run.end])
    start = run.start
    if keys[:1] == ("the",):
        keys = keys[1:]
        gap = _GAP.search(text, start, run.end)
        start = gap.end() if gap else run.end
    if (
        len(keys) < 2
        or run.kind == "address"
        or p < th.everyday
        or service_terms_only(keys)
        or describes_a_kind(keys)
    ):
        return None
    return run._replace(start=start)


_GAP = re.compile(r"[ \t]+")


# a police operation's word: its name stays, whatever the model reads in it ("Wirral Op Skylark")
_OPERATION_WORDS = frozenset({"op", "operation"})
# the titles of the faiths' holy persons, no one of a record ("Our Lady of Vailankanni")
_DEVOTIONS = frozenset({("our", "lady"), ("our", "lord"), ("our", "saviour"), ("holy", "mary")})
# an estate named by the run ("from the Knutton estate"): an address (docs/redaction-corpus.md)
_ESTATE_AFTER = re.compile(r"[ \t]+estate\b")

# the small words a run may hold between its capitalised ones
_JOINING = frozenset({"of", "the", "and", "&", "for", "in", "on", "at", "upon", "de", "la", "le"})


def _record_kept(st: State) -> bytearray:
    """Where the rules kept a name of the record's people as the place or the word it also is
    ("walks the dog on the Westwood"): their reading of the record's names stands there.
    (Other candidates the rules kept for review are the model's to decide.)"""
    record = {p.kind for p in st.known.people}
    mask = bytearray(len(st.text))
    for k in st.kept:
        if k.kind in record:
            mask[k.start : k.end] = b"\x01" * (k.end - k.start)
    return mask


_BETWEEN = frozenset(" \t,(")


def _beside_redaction(st: State, run: Run) -> bool:
    """Whether a redaction ends or starts next to the run, only spaces, a comma or a bracket
    between: the run would finish a name the rules took in part ("Raval [News]", "[PO] Rhys
    Gaunt"), where the lists' reading of its words alone does not hold."""
    text, taken = st.text, st.taken
    before = run.start
    while before > 0 and text[before - 1] in _BETWEEN:
        before -= 1
    after = run.end
    while after < len(text) and text[after] in _BETWEEN:
        after += 1
    return (before > 0 and bool(taken[before - 1])) or (after < len(text) and bool(taken[after]))


def _named_whole(st: State, written: str) -> bool:
    """Whether the lists name the run whole, so that the rules' reading of it stands wherever it
    is: a national name ("Costa"), a title alone ("Dr"), an acronym ("ASAP"), a protected
    phrase, or a place ("Beverley", "Tottenham Hale" after a firm and a comma)."""
    keys = phrase_key(written)
    if not keys or national_name(written) or (len(keys) == 1 and len(keys[0]) <= 2):
        return True
    lex = st.lex
    if written.isupper() and " " not in written and written in lex.acronyms:
        return True
    return keys in lex.phrases.get(keys[0], ()) or keys in lex.places or keys in more_places()


def _everyday(st: State, written: str) -> bool:
    """Whether the run's words are everyday words or places, as the lists read them: two or
    more ("High Street", "Catholic Church", "Leek Skate Park", "Knaresborough House"), or one that is
    no given name ("the Plough", "cheaper Rentals"; not "Grace" or "Dean", names that are
    words). The model scores the words no list explains; beside a redaction such words may
    finish a name the rules took in part ("Raval [News]"), and the model decides."""
    keys = phrase_key(written)
    lex = st.lex
    places = more_places()

    def known(k: str) -> bool:
        return (
            k in lex.words
            or k in lex.common
            or (k,) in lex.places
            or (k,) in places
            or (k in _JOINING)
        )

    if len(keys) == 1:
        return known(keys[0]) and keys[0] not in lex.given
    return all(known(k) for k in keys)


# what may lie between a redaction and a run that continues it: a comma ("[12 Mill Lane],
# Fishlake"; "Sivananda, [7 Pettypool Way]") or an opening bracket ("[Osyth] (Police)")
_AFTER_REDACTION = re.compile(r"[ \t]*(?:,|\()[ \t]*")
_BEFORE_REDACTION = re.compile(r"[ \t]*,[ \t]*")


def _join(st: State, run: Run, sure: float, ends: dict[int, Cand], starts: dict[int, Cand]) -> bool:
    """Grow the redaction a run continues over the run, when only a comma or a bracket lies
    between them: an identifier counts as found only when its every character is redacted,
    and two placeholders either side of a comma would leave the comma and name one thing
    twice. The redaction keeps its kind and takes the lower confidence of the two. ``ends``
    and ``starts`` hold the redactions by where they end and start, and are kept up."""
    text = st.text
    before: Cand | None = None
    after: Cand | None = None
    at = run.start
    while at > 0 and text[at - 1] in _BETWEEN:  # the redaction ends within the gap's reach
        at -= 1
        c = ends.get(at)
        if c is not None and _AFTER_REDACTION.fullmatch(text, at, run.start):
            before = c
    at = run.end
    while at < len(text) and text[at] in _BETWEEN:
        at += 1
        c = starts.get(at)
        if c is not None and _BEFORE_REDACTION.fullmatch(text, run.end, at):
            after = c
            break
    if before is not None:
        end = run.end
        if "(" in text[before.end : run.start] and text[end : end + 1] == ")":
            end += 1  # the bracket closes round the run: redacted with it
        st.taken[before.end : end] = b"\x01" * (end - before.end)
        before.end = end
        ends[end] = before
        before.confidence = min(before.confidence, sure)
        return True
    if after is not None:
        st.taken[run.start : after.start] = b"\x01" * (after.start - run.start)
        after.start = run.start
        starts[run.start] = after
        after.confidence = min(after.confidence, sure)
        return True
    return False
