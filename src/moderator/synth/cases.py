"""Cases: a team's case with its latent theme qualities and the text written from them.

``moderator synth`` writes cases already anonymised (``[CHILD]``, ``[MOTHER]``
...); the sample audits carry raw import records with invented identities,
which the demo then imports through the real anonymisation path.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from moderator.domain.grades import Grade
from moderator.synth import names, text
from moderator.synth.latent import THEME_OFFSET, clip
from moderator.synth.plan import CaseSpec, TeamSpec


class CaseMaker:
    """Makes numbered cases from the generator's seeded RNG (shared, so the order matters)."""

    def __init__(self, rng: random.Random, seed: int, *, raw_cases: bool) -> None:
        self.rng = rng
        self.seed = seed
        self.raw_cases = raw_cases
        self._case_no = 0
        self._refs: set[str] = set()

    def new_case(
        self, team: TeamSpec, opened_before: date, practice: float
    ) -> tuple[CaseSpec, dict[str, float]]:
        """A case of ``team`` with its latent theme qualities and text.

        ``practice`` is the authority's latent practice level when the case is audited.
        """
        rng = self.rng
        areas, weights = zip(*team.areas, strict=True)
        area = rng.choices(areas, weights)[0]
        z = practice + team.effect + rng.gauss(0, 0.55)
        latent = {th: z + THEME_OFFSET[th] + rng.gauss(0, 0.45) for th in text.THEMES}
        theme_grades = {th: clip(v) for th, v in latent.items()}
        opened = opened_before - timedelta(days=rng.randint(30, 400))
        age = {
            "help_and_protection": rng.randint(1, 16),
            "children_in_care": rng.randint(3, 17),
            "care_leavers": rng.randint(18, 22),
        }[area]
        gender = rng.choice("fm")
        n_refs = rng.randint(3, 9)
        self._case_no += 1
        if self.raw_cases:
            case = self._raw_case(area, team.name, opened, age, gender, n_refs, theme_grades)
        else:
            ref = f"C-{self.seed % 100000:05d}-{self._case_no:07d}"
            slots = text.anonymised_slots(gender, age, n_refs)
            case = CaseSpec(
                key=ref,
                team=team.name,
                service_area=area,
                opened=opened.isoformat(),
                text=text.case_text(rng, area, theme_grades, slots),
                theme_grades=theme_grades,
            )
        return case, latent

    def _raw_case(
        self,
        area: str,
        team: str,
        opened: date,
        age: int,
        gender: str,
        n_refs: int,
        theme_grades: dict[str, Grade],
    ) -> CaseSpec:
        rng = self.rng
        while True:
            ref = f"MOS-{rng.randint(100000, 999999)}"
            if ref not in self._refs:
                self._refs.add(ref)
                break
        surname = rng.choice(names.SURNAMES)
        first = rng.choice(names.GIRLS if gender == "f" else names.BOYS)
        sibling = rng.choice(names.GIRLS + names.BOYS)
        while sibling == first:
            sibling = rng.choice(names.GIRLS + names.BOYS)
        mother = names.Person(rng.choice(names.WOMEN), surname, "mother")
        partner = names.Person(rng.choice(names.MEN), rng.choice(names.SURNAMES), "partner")
        dob = opened - timedelta(days=365 * age + rng.randint(0, 360))
        street_no = rng.randint(1, 180)
        address = f"{street_no} {rng.choice(names.STREETS)}, {rng.choice(names.DISTRICTS)}"
        post = names.postcode(rng)
        worker = f"{rng.choice(names.WOMEN + names.MEN)} {rng.choice(names.SURNAMES)}"
        school = rng.choice(names.SCHOOLS)
        prof_role = rng.choice(names.PROFESSIONAL_ROLES)
        prof = f"{prof_role} {rng.choice(names.SURNAMES)}"
        nhs = names.nhs_number(rng)
        pupil = names.upn(rng) if age < 18 else None
        phone = names.phone(rng)

        def day(d: date) -> str:
            return f"{d.day} {d.strftime('%B %Y')}"

        slots = {
            "child": first,
            "child_full": f"{first} {surname}",
            "mother": mother.first,
            "mother_full": mother.name,
            "partner": partner.first,
            "partner_full": partner.name,
            "sibling": sibling,
            "dob": dob.strftime("%d/%m/%Y"),
            "address": address,
            "postcode": post,
            "school": school,
            "gp": rng.choice(names.GP_PRACTICES),
            "prof": prof,
            "worker": worker,
            "date1": day(opened),
            "date2": day(opened - timedelta(days=rng.randint(60, 700))),
            "date3": day(opened + timedelta(days=rng.randint(10, 25))),
            "phone": phone,
            "nhs": nhs,
            "upn": pupil or "not recorded",
            "linked_ref": f"MOS-{rng.randint(100000, 999999)}",
            "age": str(age),
            "n_refs": str(n_refs),
            **text.pronouns(gender),
        }
        body = text.case_text(rng, area, theme_grades, slots)
        family = [
            {"name": mother.name, "relationship": "mother"},
            {"name": f"{sibling} {surname}", "relationship": "sibling"},
            {
                "name": partner.name,
                "relationship": "father" if "father" in body else "mother's partner",
            },
        ]
        raw: dict[str, object] = {
            "case_id": ref,
            "team": team,
            "service_area": area,
            "opened": opened.isoformat(),
            "worker": worker,
            "child": {
                "name": f"{first} {surname}",
                "dob": dob.isoformat(),
                "address": address,
                "postcode": post,
                "nhs_number": nhs,
                "upn": pupil,
            },
            "family": family,
            "text": body,
        }
        return CaseSpec(
            key=ref,
            team=team,
            service_area=area,
            opened=opened.isoformat(),
            text=body,
            theme_grades=theme_grades,
            raw=raw,
        )
