"""How a text shows that a word is a town rather than a person of the same name.

Used on the record's own surnames that are also towns ("Alston", "Ripley"): what follows
them or what goes before them makes them the place.
"""

from __future__ import annotations

import re

# what follows a town's name and not a person's: "Darwen town centre", "Ripley in Derbyshire"
PLACE_GOES_ON = re.compile(
    r"[ \t]+(?:town|city|centre|center|village|area|high[ \t]+street|market|station"
    r"|in[ \t]+(?!the\b|a\b)[A-Z][a-z]+shire\b|in[ \t]+(?:Derbyshire|Cumbria|Kent|Essex|Norfolk"
    r"|Suffolk|Devon|Cornwall|Dorset|Surrey|Sussex|Wales|Scotland|Lancs|Yorks|Notts|Herts|Bucks"
    r"|Cheshire|Durham|Northumberland|Somerset|Fife))\b"
)
# a town's county after a comma: "Alston, Cumbria", "Ripley, Derbyshire"
IN_COUNTY = re.compile(
    r"[ \t]*,[ \t]*(?:[A-Z][a-z]+shire|Cumbria|Kent|Essex|Norfolk|Suffolk|Devon|Cornwall|Dorset"
    r"|Surrey|Sussex|Durham|Northumberland|Somerset|Fife|Wales|Scotland|Co\.?[ \t]+[A-Z][a-z]+)\b"
)
# a movement to the word just before it: "moved up to", "went back to", "relocated to"
MOVED_TO = re.compile(
    r"\b(?:moved?|moving|went|gone|going|relocated?|relocating|travelled|headed|fled)"
    r"(?:[ \t]+(?:up|down|back|over|away|out))?[ \t]+to[ \t]+\Z"
)
