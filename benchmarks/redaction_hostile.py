"""Redaction time on notes of hostile shapes: does it grow with the note, or with its square?

    .venv/bin/python benchmarks/redaction_hostile.py            # 20,000 and 100,000 characters
    .venv/bin/python benchmarks/redaction_hostile.py --sizes 10000 50000 --only "Aa Aa"

Each shape (a long run of one character, of one short word, of capitalised words, of
underscores, a corpus note with its spaces made tabs, ...) is written to each size and
redacted once under the first corpus note's record; the CPU seconds are printed, with how
many times longer the largest size took than the smallest. A note five times longer should
take about five times as long: a shape whose ratio is far above the sizes' ratio has a step
that is tried again from each word (a regular expression backtracking over a run, a list
searched for each candidate) and a hostile file of that shape could hold an import for hours.
The import accepts fields of up to 1 MB (docs/input-limits.md).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from moderator.anonymise.evaluate import load_corpus  # noqa: E402
from moderator.anonymise.redact import redact_case_text  # noqa: E402


def _shapes(note: str) -> dict[str, Callable[[int], str]]:
    """Each shape as a function of the note's length in characters."""

    def repeat(unit: str) -> Callable[[int], str]:
        return lambda n: (unit * (n // len(unit) + 1))[:n]

    def made_up_words(seed: int, part: Callable[[random.Random, str], str]) -> Callable[[int], str]:
        """Made-up capitalised words no list knows, each different, each written into ``part``."""

        def make(n: int) -> str:
            rng = random.Random(seed)
            parts: list[str] = []
            size = 0
            while size < n:
                word = "".join(rng.choice("bcdfghklmnprstvwz") + rng.choice("aeiou") for _ in "abc")
                parts.append(part(rng, word.title()))
                size += len(parts[-1])
            return "".join(parts)[:n]

        return make

    # names with roles, streets and schools between; one-word homes after a placement's cue
    made_up = made_up_words(
        3, lambda rng, w: w + rng.choice([" ", " (SW) ", " said ", " Road, ", " School "])
    )
    homes = made_up_words(5, lambda rng, w: f"missing from {w}. {w} manager rang. ")

    return {
        "capitals": repeat("A"),
        "underscores": repeat("_"),
        "tabs": repeat("\t"),
        "spaces": repeat(" "),
        "capitals and dots": repeat("A."),
        "Aa Aa": repeat("Aa "),
        "St St": repeat("St "),
        "JOHN SMITH": repeat("JOHN SMITH "),
        "Ab-Ab-": repeat("Ab-"),
        "lower words": repeat("abc "),
        "attendance list": repeat("Sarah Jones (SW), Tom Reid (TM), "),
        "made-up names, roles": made_up,
        "addresses": repeat("- Mr A Smith, 12 High Road\n"),
        "dates joined by and": repeat("04/03 and 14/3 and "),  # (session 49: was 15x)
        "names, kin and times": repeat("Jay K Dad Mum Nan 18:02 "),  # (session 49: was 15x)
        "chat senders": repeat("[12/05/2025, 09:20] Louise PA Leaving Care: ok\n"),
        "timed messages": repeat("21:03 - Sumaiya: at nadias revising\n"),  # (session 50)
        "greetings and its": repeat("thanks gem its ruby can u "),
        "references listed": repeat("06/OL/5531/24, "),
        "signed messages": repeat("Can we talk? N\nsorry for stressing R\nSent from x\n"),
        "words before ages": repeat("Deshawn, 16, "),
        "letters after commas": repeat("cried at end, B held it, "),
        "housing names": repeat("Coastline Six Town Housing "),
        "businesses after commas": repeat("a takeaway, Spice Of Roker, "),
        "surnames and ampersands": repeat("Hallam & Reed & "),
        "shops on streets": repeat("Spice Garden on Front Road, "),
        # session 51
        "signatures after a blank line": repeat("Yours sincerely,\n\nRachel Dunning RN RHV\n"),
        "schools' own words": repeat(
            "Westborough Lane Junior School, also at Westborough, ELMHURST FIELDS PRIMARY, "
            "Elmhurst Fields DSL, "
        ),
        "firms in lower case": repeat("from vale lettings at bramble cafe ore valley boxing "),
        "roles then agencies": repeat("Kirsty Doyle (RHI worker, Safe Steps Berkshire), "),
        "businesses in brackets": repeat("the chippy on Preston Road (Rita's Plaice) "),
        "initials spelling names": repeat("Heather Young TM (HY); JB (BSO) Jasmine Bell; "),
        "titled street words": repeat("PC Natalie Grove, Mrs Amy Lane, "),
        "compact dates and serials": repeat("since 05FEB, 04DEC - 25CH/0053817 "),
        "houses in lower case": repeat("at 12 primrose vale, year 8 beaumont fields academy "),
        "work done by people": repeat("review done by Lorraine Spence, led by Barnardo's, "),
        "teams of animals": repeat("head coach at Basingstoke Otters, Brent Bulldogs "),
        "log days, serials, centres": repeat("13/2 Thurs 25MIS012877 st crispins leisure centre "),
        "agencies after roles": repeat(
            "(Recovery worker, Riverside Recovery Project) Waypoint Youth "
        ),
        "initials after names": repeat("Sinead Riches (school nurse) SR; dec 9th Sat 8 & Sun 9\n"),
        "estates and sites": repeat("Flat 11, Carley Court, Ford Estate, the Monkton Lane site. "),
        "agencies with towns": repeat(
            "LC (Louise Carr, IDVA, Safe Space Cumbria); Phoenix Recovery Luton "
        ),
        "reader, firm, action": repeat(
            "Mark, FYI below.\nhelp from Adeel at Rahman Yasin Solicitors. 3. Sue to update it.\n"
        ),
        "titled initials, hospitals": repeat(
            "Dr Akash Mehta, community paediatrician, Castle Hill Hospital (AM); HM: agreed. "
        ),
        # session 53
        "homes, each different": homes,
        "lower surnames": repeat("luke bartlett and becca oconnor, becca oconnor "),
        "branches and offices": repeat("Halden Refugee Project, Slough branch; Tenant Voice, "),
        "flats and blocks": repeat("flat 3, Harrington Lofts, flat 4, Pitch 11, "),
        "courts, saints, roads": repeat("to Dallow Court, on St Peter's Hill, come uxbridge rd "),
        "initials owning actions": repeat("- HB to chase it\ntyped up by HB today, HB, 17/03\n"),
        # round fifty-seven to fifty-nine's steps
        "parks, pools, estates": repeat(
            "at Radnor Park, IN HOGLANDS PARK, at Tynemouth Pool, "
            "of the Durlston estate, (Clayton Brook estate) "
        ),
        "NHS numbers grouped": repeat("NHS No 538 120 648 8 and 1 2 3 4 5 6 7 8 9 0 1 2 "),
        "aliases, teams, schools": repeat(
            'Dec Mulcahy ("Dec") plays football with Hampton '
            "Park Rovers; her school, Ashford Valley, said "
        ),
        # session 57's steps: everyday words the model reads as a name, mobiles grouped by dots
        "everyday runs, dotted numbers": repeat(
            "The Oakwood House Step Forward Recovery rang 07.92.33.40.118.07.1.2.3 "
        ),
        "a note, tabs for spaces": repeat(note.replace(" ", "\t") + "\n"),
        "a note in capitals": repeat(note.upper() + "\n"),
        "a note": repeat(note + "\n"),
    }


def main() -> int:
    """Print the seconds each shape takes at each size; 1 if one grows far faster than its size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--only", nargs="*", default=None, help="shapes to run (by name)")
    args = parser.parse_args()
    corpus = sorted((ROOT / "tests" / "data").glob("redaction_corpus*.jsonl"))
    case = load_corpus(corpus[0])[0].case
    redact_case_text(case)  # the word lists load once, before timing
    sizes = sorted(args.sizes)
    growth = sizes[-1] / sizes[0]
    print(f"{'shape':<26}" + "".join(f"{s:>10,}" for s in sizes) + "   ratio")
    worst = 0.0
    for name, make in _shapes(case.text).items():
        if args.only and name not in args.only:
            continue
        seconds = []
        for size in sizes:
            text = make(size)
            start = time.process_time()
            redact_case_text(case, text)
            seconds.append(time.process_time() - start)
        ratio = seconds[-1] / max(seconds[0], 1e-3)
        worst = max(worst, ratio / growth)
        print(f"{name:<26}" + "".join(f"{s:>9.2f}s" for s in seconds) + f"  {ratio:5.1f}x")
    print(f"sizes {growth:.0f}x apart; the worst shape grew {worst:.1f} times faster than that")
    return 1 if worst > 3 else 0


if __name__ == "__main__":
    sys.exit(main())
