"""A person's name beside their e-mail address, confirmed by the address itself.

A header, a forwarded chain or a signature writes the name beside the address, in either
order and in any case: ``"Tolley, Graham" <graham.tolley@…>``, ``Graham Tolley <gtolley@…>``,
``TOLLEY Graham (graham.tolley@…)``, ``Pryce-Hughes, Jonathan &lt;j.pryce-hughes@…&gt;`` (mark-up
escaped). A word of that display name which the address's local
part spells (whole, or joined to an initial: ``gtolley``) is a name, whatever its order, its
case or the words around it: the address was made from it. A mailbox's words
(``"MASH Duty" <mash.duty@…>``) are no person's and are left.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import word_key
from moderator.anonymise.state import State
from moderator.anonymise.unknown_words import dictionary

# a display name of one to four words (quoted or not), then the address in <>, () or []
_MAILED = re.compile(
    r"(?P<name>[A-Z][\w'’-]*\.?(?:,?[ \t]+[A-Z][\w'’-]*\.?){0,3})[\"”]?[ \t]*(?:[<(\[]|&lt;)"
    r"(?:mailto:)?(?P<local>[\w.+-]{2,64})@[\w-]+(?:\.[\w-]+)+(?:[>)\]]|&gt;)"
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_PARTS = re.compile(r"[a-z]{2,}")
_ALONE = re.compile(r"(?<![a-z])[a-z](?![a-z])")
# words of a shared mailbox, not of a person
_MAILBOX = frozenset(
    {"duty", "team", "admin", "info", "enquiries", "referrals", "referral", "office", "mash"}
    | {"hub", "safeguarding", "contact", "reception", "noreply", "reply", "no", "desk", "front"}
    | {"door", "service", "services", "support", "inbox", "mailbox", "the", "and", "of", "for"}
    | {"unit", "options", "panel", "board", "partnership", "centre", "clinic", "school"}
)


def _spelt(key: str, parts: list[str], initials: dict[str, str]) -> str | None:
    """How the local part spells ``key``: ``key`` itself for a part of its own; the key of the
    display name's word whose initial is joined to it (``gtolley``: ``graham``); else None."""
    if "-" in key and all(piece in parts for piece in key.split("-") if piece):
        return key  # "Pryce-Hughes" in j.pryce-hughes@…: each of its pieces
    for part in parts:
        if part == key:
            return key
        if len(part) == len(key) + 1:
            if part.endswith(key) and part[0] in initials:
                return initials[part[0]]
            if part.startswith(key) and part[-1] in initials:
                return initials[part[-1]]
    return None


def find_mailed_names(st: State) -> None:
    """Take the words of a display name that its address spells (see the module)."""
    text = st.text
    if "@" not in text:
        return
    for m in _MAILED.finditer(text):
        parts = _PARTS.findall(m.group("local").casefold())
        words = [(w.start() + m.start("name"), w.group()) for w in _WORD.finditer(m.group("name"))]
        keys = [word_key(w) for _, w in words]
        if any(k in _MAILBOX for k in keys) or len(set(keys)) < len(keys):
            continue
        chosen: set[str] = set()
        for key in keys:
            initials = {k[0]: k for k in keys if k != key and k}
            how = _spelt(key, parts, initials) if len(key) >= 2 else None
            if how is not None:
                chosen |= {key, how}
        if chosen:  # "j.pryce-hughes": another word's initial standing alone beside one spelt
            alone = set(_ALONE.findall(m.group("local").casefold()))
            chosen |= {k for k in keys if k and k not in chosen and k[0] in alone}
        # two words spelt, or one joined to another's initial: the address is this person's;
        # not a service's everyday words ("Tenancy Enforcement" <tenancy.enforcement@…>)
        lex = st.lex
        if len(chosen) < 2 or all(
            (k in lex.words or k in dictionary()) and k not in lex.given and k not in lex.surnames
            for k in chosen
        ):
            continue
        spots = [(s, s + len(w)) for (s, w), k in zip(words, keys, strict=True) if k in chosen]
        ident = "p:" + " ".join(sorted(chosen))
        start, end = spots[0][0], spots[-1][1]
        if len(spots) == len(words) and st.free(start, end):
            st.take(start, end, "professional", ident, 46, 0.8)  # the whole display name
        else:
            for s, e in spots:
                if st.free(s, e):
                    st.take(s, e, "professional", ident, 46, 0.8)
        for key in chosen:
            st.remember((key,), "professional", ident)
