"""Pubs named where someone drinks, works or was seen: ``drinking at the Red Lion``, ``AT THE
ROYAL OAK PH``, ``works at the Wheatsheaf``, ``outside the Fox and Hounds``.

An English pub's name comes from a small stock of signs: a colour, a crown or a number before
a beast or a thing (``Black Horse``, ``Royal Oak``, ``Three Horseshoes``), two signs joined by
``and`` (``Rose and Crown``), a head or arms (``King's Head``, ``Masons Arms``), a noble's title
(``Prince of Wales``), or one sign alone (``Plough``, ``Wheatsheaf``). Any town has a Red Lion, but the one a parent drinks in,
with the town the note names, places the family; so such a name after ``the`` is taken:

* before ``PH``, ``pub`` or ``public house``, always, whatever its words (``THE COTTON TREE
  PUB``);
* of two signs or more, after a word of place (``at``, ``in``, ``outside``, ``from`` …);
* of one sign, after a word of place in a sentence of drink or work (``drinking``, ``pints``,
  ``works at``, ``bar``, ``landlord``).

Not taken: a name that goes on with another capitalised word (``the Crown Court``, ``the Swan
Centre``), a possessive (``the Crown's case``), one sign with no word of place before it
(``The Crown offered no evidence``), and names in lower case. Each is taken below the review
threshold unless ``PH`` or ``pub`` names it, for the person importing to confirm.
"""

from __future__ import annotations

import re

from moderator.anonymise.state import State

# the signs pubs are named by, and the words put before them
_SIGNS = (
    "lion|lions|hart|horse|horses|oak|swan|bell|bells|crown|plough|plow|wheatsheaf|anchor|ship"
    "|bull|star|george|greyhound|fox|hounds|feathers|boar|stag|eagle|keys|grapes|woolpack"
    "|moon|sun|cow|lamb|fleece|falcon|angel|chequers|cock|dolphin|mitre|globe|horseshoes"
    "|horseshoe|cricketers|sportsman|windmill|harrow|groom|coach|waggon|wagon|dragon|bear|ram"
    "|unicorn|griffin|pheasant|partridge|woodman|farmers|bricklayers|rose|dog|duck|hare|bat"
    "|ball|cat|fiddle|pelican|peacock|crane|heron|swallow|buck|hind|ox|mermaid|trumpet|drum"
    "|tun|barley|mow|jolly|sailor|fisherman|gardeners|foresters|volunteer|lord|nelson"
    "|kingfisher|robin|wren|magpie|owl|blackbird|dove|kestrel|woodpecker|otter|badger|hare|vine"
)
_BEFORE_SIGN = (
    "red|white|black|golden|royal|green|blue|old|new|grey|gray|bay|jolly|three|two|four|seven"
    "|cross|half|rising|spread|fighting|flying|blue|brown|dun|pied|spotted|little|good|rose"
    "|queens|queen['’]s|kings|king['’]s|nags|nag['’]s|bulls|bull['’]s|saracens|saracen['’]s"
)
_HEAD_OR_ARMS = r"(?:[A-Za-z]+['’]?s?[ \t]+)?(?:Head|Arms|HEAD|ARMS)"
_WORD = rf"(?:(?i:{_BEFORE_SIGN})[ \t]+)?(?i:{_SIGNS})"
# the pub's name after "the", its signs capitalised (or the line in capitals)
_PUB = re.compile(
    r"(?<![\w'’-])(?P<the>[Tt]he|THE)[ \t]+"
    r"(?P<n>[A-Z][\w'’]*(?:[ \t]+(?:and|AND|&|of|OF)[ \t]+[A-Z][\w'’]*"
    # (a second word, not the suffix, nor a small word of a line in capitals: "THE FLEECE ON",
    # "THE STAR INN"; "the Plough Inn, Bracebridge" is read whole as a business's name)
    r"|[ \t]+(?!(?:PH|Pub|PUB|INN|TAVERN|HOTEL|ON|IN|AT|TO|BY|FOR|FROM|WITH"
    r"|WHERE|WHEN|SINCE|UNTIL|IS|WAS|WERE|HAS|HAD|THE|AFTER|BEFORE|NEAR)(?![\w'’-]))"
    r"[A-Z][\w'’]*)?)"
    r"(?P<s>[ \t]+(?:PH|P\.H\.|pub|Pub|PUB|public[ \t]+house|Inn|INN|Tavern|TAVERN|Hotel|HOTEL))?"
    r"(?![\w'’-])"
)
# a noble's title named for a place or a family: "the Prince of Wales", "the Marquis of Granby"
_NOBLE = r"(?:prince|duke|marquis|marquess|earl|lord)[ \t]+of[ \t]+[a-z]+"
_NAME = re.compile(
    rf"(?:{_WORD}(?:[ \t]+(?:and|AND|&)[ \t]+{_WORD})?|{_HEAD_OR_ARMS}|{_NOBLE})", re.IGNORECASE
)
_PLACE_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:at|in|outside|from|to|near|behind|by|into|opposite|round|around"
    r"|of|left|past|towards|beside)[ \t]+$"
)
_NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z]|['’]s(?![\w])")
_NEXT_NOUN = re.compile(
    r"[ \t]+(?:COURT|HOSPITAL|CENTRE|ROAD|STREET|LANE|ESTATE|PARK|SCHOOL|ACADEMY|SQUARE|WAY"
    r"|CLOSE|DRIVE|AVENUE|HOUSE|STATION|SURGERY|PRACTICE|THEATRE|CINEMA|CLUB)\b|['’]S(?![\w])"
)
_DRINK = re.compile(
    r"(?i)(?<![\w-])(?:drink\w*|drank|drunk\w*|pints?|beers?|lager|cans|intoxicated|alcohol"
    r"|bar|barmaid|barman|landlord|landlady|pub|pubs|quiz|darts|works?|worked|working|shifts?"
    r"|employed|job|bar[ \t]+staff|licensee|smelled|smelt)(?![\w-])"
)


_NAMING_SUFFIXES = frozenset({"PH", "P.H.", "Pub", "PUB"})


def find_pubs(st: State) -> None:
    """Take the pubs named as the module says."""
    text = st.text
    if "he " not in text and "HE " not in text:
        return
    for m in _PUB.finditer(text):
        name = m.group("n")
        suffix = (m.group("s") or "").strip().lower()
        if not _NAME.fullmatch(name) and (m.group("s") or "").strip() not in _NAMING_SUFFIXES:
            continue  # (any name before "Pub" or "PH": "THE COTTON TREE PUB"; not "the Sunday pub")
        start, end = m.start(), m.end()
        if (
            _NEXT_NOUN.match(text, end)
            if name.isupper()  # (in a line in capitals every word has its capital)
            else _NEXT_CAPITAL.match(text, end)
        ):
            continue  # "the Crown Court", "the Swan Centre", "the Crown's case"
        named = suffix in ("ph", "p.h.", "pub", "public house")
        placed = _PLACE_BEFORE.search(text, max(0, start - 12), start) is not None
        signs = len(name.split()) >= 2 or bool(suffix)
        if not named:
            if not placed:
                continue
            if not signs:
                line_start = text.rfind("\n", 0, start) + 1
                line_end = text.find("\n", end)
                line_end = len(text) if line_end < 0 else line_end
                window = text[max(line_start, start - 120) : min(line_end, end + 80)]
                if not _DRINK.search(window):
                    continue
        if m.group("the").islower():
            start = m.start("n")  # "at the Plough": the name, not the article
        st.give_way(start, end, frozenset({"person", "org", "address"}), 60)
        if st.free(start, end):
            key = " ".join(name.lower().split())
            st.take(start, end, "org", f"pub:{key}", 55, 0.8 if named else 0.6)
