"""A name written again in its own script, in brackets after the name in Latin letters.

Notes of families who write in another script give a name twice: ``Yusuf (يوسف)``, ``Rubina /
روبینہ``,
``Dmytro KOVALENKO (Дмитро Коваленко)``, ``Manpreet (ਮਨਪ੍ਰੀਤ ਕੌਰ), who was quiet``. Arabic,
Hebrew and the scripts of South Asia have no capital letters, so nothing else marks such a
name. The bracketed words are the person just named: they take that redaction's kind and
placeholder. Words in another script said in quotes (a greeting, ``"Добрий день"``) are not
in brackets after a name, and stay.

A name in another script also stands alone after the words that say it is one (``she signs
her name ثنا رشید``, ``wrote his name for me as তাহমিদ``, ``calls her ਮਾਇਆ``, ``her name as
written on her letter: রুমেনা বেগম (Rumena Begum)``, ``name in Arabic as written by Omar:
عمر الحسن``): taken as a person, not in quotes.
"""

from __future__ import annotations

import re

from moderator.anonymise.state import NAME_KINDS, State

# letters of scripts other than Latin, Greek and the symbols: Cyrillic, Armenian, Hebrew,
# Arabic (and its supplements), Syriac, Thaana, the Indic scripts, Thai, Lao, Tibetan,
# Georgian, Ethiopic, the CJK ideographs, kana and hangul
_OTHER = (
    "\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0700-\u074f\u0750-\u077f"
    "\u0780-\u07bf\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u10a0-\u10ff\u1200-\u137f"
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
)
# combining marks the Indic and Arabic scripts write inside a word (vowel signs, viramas)
_MARKS = "\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
_WORD = f"[{_OTHER}][{_OTHER}{_MARKS}]*"
# (the bracket may open the next line, hold the words on two lines, or give an age or a
# relation first: "Mrs Akhtar / (نسرین اختر)", "Sofiia (Софія / Коваленко)", "Tahmid (10, তাহমিদ)")
_BRACKETED = re.compile(
    rf"[ \t]*\n?[ \t]*\([ \t]*(?:[^(),\n]{{1,20}},[ \t]*)?"
    rf"(?P<n>{_WORD}(?:[ \t]*\n?[ \t]*{_WORD}){{0,3}})[ \t]*(?=[),;])"
)
# after the bracket of an age or a relation, alone or after a dash: "DARYA (13)  دەریا",
# "Shazia Rashid (mother, 34) - شازیہ"
_AFTER_BRACKET = re.compile(
    rf"[ \t]*\([^()\n]{{1,24}}\)[ \t]*(?:[-–:][ \t]*)?"
    rf"(?P<n>{_WORD}(?:[ \t]+{_WORD}){{0,3}})(?![{_OTHER}{_MARKS}])"
)
_HINT = re.compile(rf"[{_OTHER}]")
# the same after a slash: "(Rubina / روبینہ)", "Maryam / مريم"
_SLASHED = re.compile(rf"[ \t]*/[ \t]*(?P<n>{_WORD}(?:[ \t]+{_WORD}){{0,3}})(?![{_OTHER}{_MARKS}])")
# the words that say a name follows, then the name in another script (no quote before it)
_NAMED_AS = re.compile(
    r"(?i:\b(?:signs|signed|writes|wrote|spells|spelt|spelled|prints|printed)[ \t]+"
    r"(?:her|his|their|my|the)[ \t]+(?:own[ \t]+)?name(?:[ \t]+(?:for[ \t]+(?:me|us)[ \t]+)?as)?"
    r"|\bcalls?[ \t]+(?:her|him|them|me)|\bcalled|\bknown[ \t]+as|\bname(?:[ \t]+as[ \t]+written)?"
    r"(?:[ \t]+(?:on|in)[ \t]+(?:her|his|their|the)[ \t]+(?:letter|passport|id|card|form))?[ \t]*:"
    # "Child's name in Arabic as written by Omar in my notebook: …"
    # "… his name in Pashto for a form: …"
    r"|\bname[ \t]+in[ \t]+[a-z]+(?:[ \t]+script)?(?:[ \t]+(?:as|for)[ \t]+[^:\n]{0,50})?:)"
    rf"[ \t\n]*(?P<n>{_WORD}(?:[ \t]+{_WORD}){{0,3}})(?![{_OTHER}{_MARKS}])"
)


def find_names_in_other_scripts(st: State) -> None:
    """Take a name in another script bracketed right after a name taken, or after the words
    that name it (see the module)."""
    text = st.text
    if text.isascii():
        return
    for said in _NAMED_AS.finditer(text):
        if st.free(said.start("n"), said.end("n")):
            name = " ".join(said.group("n").split())
            st.take(said.start("n"), said.end("n"), "person", "script:" + name, 50, 0.85)
    if _HINT.search(text) is None:
        return
    for c in sorted(st.cands, key=lambda c: c.start):
        if c.kind not in NAME_KINDS:
            continue
        m = (
            _BRACKETED.match(text, c.end)
            or _SLASHED.match(text, c.end)
            or _AFTER_BRACKET.match(text, c.end)
        )
        if m is None:
            continue
        start, end = m.start("n"), m.end("n")
        inside = st.overlapping(start, end)
        if all(o.kind in NAME_KINDS and start <= o.start and o.end <= end for o in inside):
            for o in inside:  # a part read alone first ("Софія" of "Софія Коваленко")
                st.drop(o)
            st.take(start, end, c.kind, c.ident, c.priority, c.confidence)
