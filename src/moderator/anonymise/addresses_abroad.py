"""Street addresses abroad, in the grammars of the families' other countries.

A relative's address in Romania, Poland, Hungary, Lithuania or Turkey is written as its
country writes it: the street's type before the name (``Strada Florilor 14``, ``Calle Mayor
3``, ``Rruga e Kavajës 21``), after it (``12 Nagy utca``, ``Brīvības iela 40``, ``Gedimino
g. 7``, ``Atatürk Caddesi No: 15``), run into it (``Hauptstraße 5``, ``Kerkstraat 12``), or
in lower case after the number (``8 rue de la Paix``). The English grammar of addresses
reads none of these. Each is taken only with a house number, so a street named in passing
(``Via Francigena``) and a word that is also a street's type stay.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import lower_same_length
from moderator.anonymise.nearby import scan_near, word_positions
from moderator.anonymise.state import State

_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Žа-яА-Я][\w'’-]*"
_LINKS = r"(?:(?:de|del|de\s+la|des|du|da|do|dos|das|della|di|la|le|e|i|lui|al)[ \t]+)*"
_NUMBER = r"(?:nr\.?|no\.?|No:?|n°|nº)?[ \t]*\d{1,4}[A-Za-z]?(?:/\d{1,4})?"
# the type before the name: "Strada Florilor 14", "Calle Mayor 3", "Str. Mihai Viteazu nr. 7"
_BEFORE = (
    r"(?:Strada|Str\.|Bulevardul|Bd\.|Calea|Aleea|Şoseaua|Soseaua|Calle|Avenida|Av\.|Rua|Travessa"
    r"|Via|Viale|Piazza|Corso|Rruga|Ulica|Aleja|Plac|Osiedle|Rue|Avenue|Boulevard|Chemin|Allée)"
    rf"[ \t]+{_LINKS}{_CAP}(?:[ \t]+{_LINKS}{_CAP}){{0,3}},?[ \t]+{_NUMBER}"
)
# the type after the name: "Nagy utca 12", "12 Nagy utca", "Gedimino g. 7", "Atatürk Caddesi
# No: 15", "Brīvības iela 40"
_AFTER_TYPES = (
    r"(?:utca|út|tér|körút|iela|gatvė|g\.|pr\.|Straße|Strasse|Sokak|Sokağı|Caddesi|Cad\."
    r"|Mahallesi|Mah\.|ulica|ulitsa|vulytsia|vulica)"
)
_AFTER = (
    rf"(?:\d{{1,4}}[A-Za-z]?,?[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}}[ \t]+{_AFTER_TYPES}"
    rf"(?:,?[ \t]+{_NUMBER})?"
)
# run into the name: "Hauptstraße 5", "Kerkstraat 12", "Lindevej 4"
_RUN_IN = (
    r"[A-ZÀ-ÖØ-Þ][\w-]*(?:straße|strasse|str\.|weg|gasse|straat|laan|gracht|vej|gade|gatan"
    rf"|vägen|veien)[ \t]+{_NUMBER}"
)
# the number first, the type in lower case: "8 rue de la Paix", "14 avenue Foch"
_NUMBER_FIRST = (
    r"\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:rue|avenue|boulevard|place|chemin|allée|impasse"
    rf"|quai)[ \t]+(?:(?:de|du|des|de\s+la|d['’])[ \t]*)?{_CAP}(?:[ \t-]+{_CAP}){{0,3}}"
)
_ABROAD_RE = re.compile(rf"(?<![\w'’-])(?:{_BEFORE}|{_RUN_IN}|{_NUMBER_FIRST}|{_AFTER})(?![\w'’])")
# the streets' types in lower case, found with str.find: the grammar is tried only near them
_TYPE_WORDS = (
    "strada", "str.", "bulevardul", "bd.", "calea", "aleea", "şoseaua", "soseaua", "calle",
    "avenida", "av.", "rua ", "travessa", "via ", "viale", "piazza", "corso", "rruga", "ulica",
    "aleja", "plac ", "osiedle", "rue ", "avenue", "boulevard", "chemin", "allée", "impasse",
    "quai ", "utca", " út", " tér", "körút", " iela", "gatvė", " g. ", " pr. ", "sokak",
    "sokağı", "caddesi", "cad.", "mahallesi", "mah.", "ulitsa", "vulytsia", "vulica",
    "straße", "strasse", "gasse", "straat", "laan ", "gracht", "vej ", "gade ", "gatan",
    "vägen", "veien", "weg ",
)  # fmt: skip


def find_addresses_abroad(st: State) -> None:
    """Take the numbered street addresses written in other countries' grammars."""
    text = st.text
    hints = word_positions(lower_same_length(text), _TYPE_WORDS)
    if not hints:
        return
    for m in scan_near(_ABROAD_RE, hints, text, 60, 40):
        if not any(ch.isdigit() for ch in m.group()):
            continue  # a street named without a house: "Via Francigena"
        start, end = m.span()
        while end > start and text[end - 1] in ".,":
            end -= 1
        if st.free(start, end):
            st.take(start, end, "address", "abroad:" + " ".join(text[start:end].split()), 66, 0.85)
