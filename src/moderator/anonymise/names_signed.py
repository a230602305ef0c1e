"""A given name alone on its line, signing an e-mail or a message: the person named in full
elsewhere in the note.

``Thanks, Mark`` … ``Mark`` / ``--`` / ``Mark Dobson | Deputy Head``: an e-mail is signed with
the writer's given name on a line of its own, above the signature that gives the whole name.
The given name is an everyday word (``Mark``, ``Grace``, ``Bill``), so the name layers leave
it at a line's start; but a line holding nothing else, when a person found in the note has
that given name, is that person. So is a given name after a greeting opening a line (``Hi
Lee,``, ``Dear Sandra``) or after a sign-off ending one (``Thanks, Mark``, ``Kind regards,
Priya``): a person found in full with it, or a given name the lists hold (then for the person
importing to confirm).
"""

from __future__ import annotations

import re

from moderator.anonymise.state import NAME_KINDS, State

# a line holding one capitalised word (a comma or a full stop after it at most)
# ("Mark | 01842 447 020": a signature's name before its number, parted by a bar)
_LINE_NAME = re.compile(r"(?m)^[ \t]*(?P<n>[A-Z][a-z'’-]+)[ \t]*(?:[,.]?[ \t]*|\|.*)$")


# a greeting opening a line, a given name, the line's end (a comma, "!" or ":" may follow)
_GREETING = re.compile(
    r"(?m)^[ \t]*(?:Dear|Hi|Hello|Hiya|Hey|Morning|Afternoon|Good[ \t]+(?:morning|afternoon))"
    r"[ \t]+(?P<n>[A-Z][a-z'’-]+)(?:[ \t]*[,!:]?[ \t]*$|,[ \t]+\S.*$)"
)  # ("Morning Mark, see below": the message may go on after the comma)
# a reply or a forward opening a line with its reader's given name, then what an e-mail says
# first ("Mark, FYI before…", "Rob - see below from the GP", "Gill/Dr Bankole, see below")
_ADDRESSED = re.compile(
    r"(?m)^[ \t]*(?P<n>[A-Z][a-z'’-]+)(?:[ \t]*/[ \t]*(?:Dr|Mr|Mrs|Ms|Miss)?\.?[ \t]*[A-Z][a-z'’-]+)?"
    r"[ \t]*(?:,|[-–—])[ \t]+(?=(?i:fyi|see[ \t]+below|see[ \t]+attached|see[ \t]+the"
    r"|thanks|thank[ \t]+you|please[ \t]+see|as[ \t]+discussed|following[ \t]+(?:our|on|up))\b)"
)
# a sign-off, a given name, then the line's end or a wide gap before the signature
_SIGN_OFF = re.compile(
    r"(?:Thanks|Thank[ \t]+you|Many[ \t]+thanks|Regards|Kind[ \t]+regards|Best[ \t]+wishes"
    r"|Cheers|Speak[ \t]+soon)[,!.]?[ \t]+(?P<n>[A-Z][a-z'’-]+)[.!]?(?=[ \t]*(?:\n|\Z)|[ \t]{2,})"
)


def find_signed_given(st: State) -> None:
    """Take a line's lone given name as the person found with it in full (see the module)."""
    text = st.text
    firsts: dict[str, tuple[str, str]] = {}
    for c in st.cands:
        if c.kind in NAME_KINDS:
            words = text[c.start : c.end].split()
            if len(words) >= 2 and words[0][:1].isupper():
                firsts.setdefault(words[0], (c.kind, c.ident))
    for m in _LINE_NAME.finditer(text) if firsts else ():
        hit = firsts.get(m.group("n"))
        if hit is not None and st.free(m.start("n"), m.end("n")):
            st.take(m.start("n"), m.end("n"), hit[0], hit[1], 50, 0.8)
    for pattern in (_GREETING, _SIGN_OFF, _ADDRESSED):
        for m in pattern.finditer(text):
            name = m.group("n")
            hit = firsts.get(name)
            if not st.free(m.start("n"), m.end("n")):
                continue
            if hit is not None:
                st.take(m.start("n"), m.end("n"), hit[0], hit[1], 50, 0.8)
            elif name.lower() in st.lex.given:
                st.take(m.start("n"), m.end("n"), "person", "p:" + name.lower(), 48, 0.7)
