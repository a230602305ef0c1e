"""Synthetic people, places and identifiers for the sample authority.

Everything here is invented: the authority ("Westmere City Council"), its
streets and districts, and every person. Names are drawn from lists of common
first names and surnames, so a combination may happen to match a real person;
none is meant to. Identifiers are made in ranges kept for testing where one
exists: NHS numbers start 999 (with a valid check digit, so pattern detection
works), phone numbers are in Ofcom's drama ranges (07700 900xxx, 01632 960xxx),
emails use example.org.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

AUTHORITY = "Westmere City Council"
MODERATING_AUTHORITY = "Northdale County Council"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GIRLS = _words(
    "Amelia Ava Chloe Ellie Emily Evie Freya Grace Harper Isla Jessica Layla Lily Maisie "
    "Mia Millie Molly Olivia Poppy Ruby Scarlett Sienna Sophie Summer Willow Zara Aisha "
    "Amira Leah Nevaeh Skye Tilly Daisy Megan Courtney Shannon Jade Kelsey"
)
BOYS = _words(
    "Alfie Archie Bobby Charlie Ethan Finley Freddie George Harley Harry Jack Jacob "
    "Jayden Kai Leo Logan Mason Noah Oliver Oscar Reggie Riley Ronnie Teddy Tommy Tyler "
    "Kayden Bailey Callum Connor Declan Kian Lewis Mohammed Ryan Zak Brandon Corey"
)
WOMEN = _words(
    "Leanne Kelly Stacey Gemma Amy Danielle Jodie Kirsty Natalie Sarah Hayley Lauren "
    "Laura Charlotte Rebecca Samantha Tanya Michelle Donna Tracey Nicola Claire"
)
MEN = _words(
    "Dean Lee Wayne Craig Darren Jason Scott Carl Ryan Liam Shane Jamie Kyle Martin "
    "Paul Gary Adam Daniel Nathan Steven"
)
SURNAMES = _words(
    "Bailey Barker Baxter Bennett Booth Bradley Brooks Burton Carter Chadwick Clarke "
    "Cooper Dawson Dixon Edwards Fletcher Foster Gibson Hammond Harding Hawkins Holloway "
    "Hughes Jackson Jennings Kaur Kelly Lambert Lowe Mason Mellor Morris Norton Owen "
    "Parkes Pearson Plant Poole Rhodes Riley Salt Shaw Simpson Stubbs Tomlinson Turner "
    "Wainwright Walsh Webb Whitehouse Wild Ahmed Begum Hussain Khan Malik Nowak Kowalski"
)

# Staff at the fictional authority. Kept apart from the case pools' combinations
# so that a staff name is never also a case identifier.
STAFF_FIRST = _words(
    "Alison Bernadette Carys Deborah Eleanor Fiona Gillian Harriet Imogen Joanna "
    "Katherine Lorraine Miriam Naomi Olwen Patricia Rosalind Sunita Theresa Valerie "
    "Andrew Bernard Colin Desmond Edmund Francis Graham Howard Ifeanyi Jeremy Kenneth "
    "Lionel Malcolm Neville Oluwaseun Philip Rupert Stuart Trevor Vikram"
)
STAFF_SURNAMES = _words(
    "Ashworth Blackwood Cartwright Delacroix Ellwood Fairbrother Greenhalgh Hargreaves "
    "Illingworth Jagger Kettlewell Lockwood Merriman Nightingale Okonkwo Pemberton "
    "Quartermaine Rowbotham Sutcliffe Thistlethwaite Underwood Venables Whitfield "
    "Yardley Adeyemi Chaudhry Obi Mensah Sandhu Varga"
)

DISTRICTS = _words(
    "Brookhill Castlegate Dunmere Eastfield Fernside Greybridge Hollinsend Kingsmoor "
    "Longmead Millbrook Northwood Oakdene Pennington Ravensdale Stonecross"
)
STREETS = (
    "Mill Lane",
    "Station Road",
    "Chapel Street",
    "Victoria Road",
    "Church Walk",
    "Hawthorn Close",
    "Queen Street",
    "Alder Grove",
    "Furnace Road",
    "Kiln Lane",
    "Potters Way",
    "Canal Side",
    "Beacon Road",
    "Orchard Crescent",
    "Wharf Street",
    "Clay Pit Lane",
)
SCHOOLS = (
    "Brookhill Primary School",
    "St Anne's Catholic Primary",
    "Eastfield Academy",
    "Millbrook Junior School",
    "Kingsmoor High School",
    "Oakdene Community Primary",
    "Ravensdale Academy",
    "Stonecross Infant School",
)
GP_PRACTICES = (
    "Castlegate Medical Practice",
    "Fernside Surgery",
    "Longmead Health Centre",
    "Northwood Family Practice",
)
PROFESSIONAL_ROLES = ("PC", "Dr", "health visitor", "school nurse", "DSL")


def nhs_number(rng: random.Random) -> str:
    """A 10-digit NHS number in the 999 test range with a valid modulus-11 check digit."""
    while True:
        digits = [9, 9, 9] + [rng.randrange(10) for _ in range(6)]
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check == 10:
            continue
        s = "".join(map(str, [*digits, check]))
        return f"{s[:3]} {s[3:6]} {s[6:]}"


_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn(rng: random.Random) -> str:
    """A unique pupil number: check letter, LA code, school, year and serial (DfE algorithm)."""
    body = "999" + "".join(str(rng.randrange(10)) for _ in range(9))
    total = sum(int(ch) * weight for ch, weight in zip(body, range(2, 14), strict=True))
    return _UPN_LETTERS[total % 23] + body


def postcode(rng: random.Random) -> str:
    """A postcode in the ST area's format (for pattern detection); the address itself is invented."""
    return f"ST{rng.randint(1, 11)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def phone(rng: random.Random) -> str:
    """A phone number from Ofcom's ranges reserved for drama."""
    if rng.random() < 0.7:
        return f"07700 900{rng.randint(0, 999):03d}"
    return f"01632 960{rng.randint(0, 999):03d}"


@dataclass(frozen=True)
class Person:
    """A synthetic person in a case record."""

    first: str
    last: str
    relationship: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def staff_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct synthetic staff names (first and surname)."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = f"{rng.choice(STAFF_FIRST)} {rng.choice(STAFF_SURNAMES)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
        if len(seen) >= len(STAFF_FIRST) * len(STAFF_SURNAMES):  # pragma: no cover - huge counts
            break
    n = len(names)
    # Beyond the pool (very large synthetic authorities) add a number.
    names.extend(f"{names[i % n]} {i // n + 1}" for i in range(n, count))
    return names
