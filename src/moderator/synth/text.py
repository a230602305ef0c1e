"""Case text, evidence notes and review rationales in the social-work register.

Case text is assembled from sentences chosen by the case's *true* quality on
each practice theme, so what an auditor reads supports the grade a careful
moderator gives. The same templates render two ways: with synthetic names,
dates and addresses (the raw import file of ``sample_audits/``, which the
import path then redacts) or with placeholders such as ``[CHILD]`` (the
already-anonymised text ``moderator synth`` stores: synth data never contains
identities, not even invented ones).

Evidence notes never carry a name: managers and moderators write about the
anonymised case they see.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

from moderator.domain.grades import Grade

# -- themes -------------------------------------------------------------------------

THEMES = (
    "risk",
    "plan",
    "assessment",
    "voice",
    "oversight",
    "partners",
    "permanence",
    "health",
    "education",
    "pathway",
    "family",
    "general",
)

# Keyword -> theme, tried in order against a criterion's id, title and question.
_THEME_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("supervis", "oversight"),
    ("oversight", "oversight"),
    ("management", "oversight"),
    ("manager", "oversight"),
    ("risk", "risk"),
    ("safe", "risk"),
    ("protect", "risk"),
    ("harm", "risk"),
    ("threshold", "risk"),
    ("strategy", "risk"),
    ("exploit", "risk"),
    ("missing", "risk"),
    ("contingen", "plan"),
    ("plan", "plan"),
    ("pathway", "pathway"),
    ("adviser", "pathway"),
    ("entitle", "pathway"),
    ("timel", "assessment"),
    ("iro", "plan"),
    ("leav", "pathway"),
    ("accommodation", "pathway"),
    ("independen", "pathway"),
    ("transition", "pathway"),
    ("permanen", "permanence"),
    ("placement", "permanence"),
    ("stabil", "permanence"),
    ("health", "health"),
    ("education", "education"),
    ("school", "education"),
    ("employ", "education"),
    ("train", "education"),
    ("eet", "education"),
    ("voice", "voice"),
    ("wish", "voice"),
    ("views", "voice"),
    ("seen", "voice"),
    ("direct work", "voice"),
    ("lived", "voice"),
    ("experience", "voice"),
    ("assess", "assessment"),
    ("analys", "assessment"),
    ("history", "assessment"),
    ("chronolog", "assessment"),
    ("need", "assessment"),
    ("partner", "partners"),
    ("agenc", "partners"),
    ("multi", "partners"),
    ("family", "family"),
    ("identity", "family"),
    ("contact", "family"),
    ("relationship", "family"),
    ("record", "oversight"),
)


def theme_of(*texts: str) -> str:
    """The practice theme a criterion is about, from its id, title or question."""
    for text in texts:
        low = text.lower().replace("-", " ").replace("_", " ")
        for keyword, theme in _THEME_KEYWORDS:
            if keyword in low:
                return theme
    return "general"


# -- slots -----------------------------------------------------------------------------

PLACEHOLDERS: dict[str, str] = {
    "child": "[CHILD]",
    "child_full": "[CHILD]",
    "mother": "[MOTHER]",
    "mother_full": "[MOTHER]",
    "partner": "[PARTNER]",
    "partner_full": "[PARTNER]",
    "sibling": "[SIBLING]",
    "dob": "[DOB]",
    "address": "[ADDRESS]",
    "postcode": "[POSTCODE]",
    "school": "[SCHOOL]",
    "gp": "[GP-PRACTICE]",
    "prof": "[PROFESSIONAL]",
    "worker": "[WORKER]",
    "date1": "[DATE]",
    "date2": "[DATE]",
    "date3": "[DATE]",
    "phone": "[PHONE]",
    "nhs": "[NHS-NUMBER]",
    "upn": "[UPN]",
    "linked_ref": "[CASE-NUMBER]",
}
"""How each identifying slot reads in already-anonymised (synth) text: the import's own placeholders."""

PRONOUNS = {
    "f": {"he": "she", "him": "her", "his": "her", "He": "She", "His": "Her", "himself": "herself"},
    "m": {"he": "he", "him": "him", "his": "his", "He": "He", "His": "His", "himself": "himself"},
}


def band(grade: Grade | int) -> str:
    """The sentence bank for a grade: good (1-2), ri (3) or inad (4)."""
    g = int(grade)
    return "good" if g <= 2 else ("ri" if g == 3 else "inad")


def render(template: str, slots: Mapping[str, str]) -> str:
    """Fill ``{slot}`` markers; unknown markers are left as they are."""
    return re.sub(r"\{(\w+)\}", lambda m: slots.get(m.group(1), m.group(0)), template)


# -- case text: openings -----------------------------------------------------------------

OPENINGS: dict[str, tuple[str, ...]] = {
    "help_and_protection": (
        "{child_full} (DOB {dob}, aged {age}) lives with {his} mother {mother_full} and"
        " {his} younger sibling {sibling} at {address}, {postcode}. Referred to the MASH by"
        " the police on {date1} after a domestic abuse incident at the home; {mother}'s"
        " partner {partner_full} was arrested and released on bail.",
        "{child_full} (DOB {dob}, aged {age}) lives at {address}, {postcode} with {his}"
        " mother {mother_full}. {school} referred on {date1}: {child} arrived hungry on"
        " several mornings and was seen with a bruise to {his} upper arm that {he} could not"
        " explain.",
        "{child_full} (DOB {dob}, aged {age}) is known to Early Help since {date2}. Referral"
        " on {date1} from the health visitor about home conditions and missed health"
        " appointments; {mother_full} has a history of low mood and alcohol misuse. Family"
        " live at {address}, {postcode}.",
        "{child_full} (DOB {dob}, aged {age}) was reported missing overnight on {date1} and"
        " found in the company of older males; concerns about child criminal exploitation."
        " Lives with {mother_full} at {address}, {postcode}; {mother} says {he} is"
        " 'out of control'.",
        "{child_full} (DOB {dob}, aged {age}) lives with {his} father {partner_full} and"
        " {his} partner at {address}, {postcode}. Anonymous referral on {date1} about"
        " cannabis use in the home and {child} left to care for {his} sibling {sibling}.",
    ),
    "children_in_care": (
        "{child_full} (DOB {dob}, aged {age}) came into care on {date2} under section 20"
        " and is now subject to a care order. {He} lives with foster carers outside the"
        " city; {his} mother {mother_full} has supervised contact fortnightly. Previous"
        " address {address}, {postcode}.",
        "{child_full} (DOB {dob}, aged {age}) has been looked after since {date2} following"
        " care proceedings (PLO pre-proceedings began on {date1}). {He} is in {his} third"
        " placement, a residential children's home. Birth mother {mother_full}; sibling"
        " {sibling} placed separately.",
        "{child_full} (DOB {dob}, aged {age}) is in a long-term foster placement with"
        " connected carers (maternal aunt) since {date2}. Mother {mother_full} lives at"
        " {address}, {postcode}. Last LAC review on {date1}, chaired by the Independent"
        " Reviewing Officer.",
    ),
    "care_leavers": (
        "{child_full} (DOB {dob}, aged {age}) is a care leaver eligible for support to 25."
        " {He} left {his} foster placement on {date2} and now has a tenancy at {address},"
        " {postcode}. Personal Adviser allocated; mobile {phone}.",
        "{child_full} (DOB {dob}, aged {age}) is a former relevant young person living in"
        " supported accommodation. Left care on {date2}; Staying Put was considered but"
        " not offered. Last Pathway Plan review on {date1}.",
        "{child_full} (DOB {dob}, aged {age}) is a care leaver who came into care aged 14."
        " Currently sofa-surfing with a friend after leaving {his} flat at {address},"
        " {postcode} on {date1}. Contact number {phone}.",
    ),
}

HISTORY = (
    "Record shows {n_refs} previous referrals, including a closed child in need episode"
    " (linked record {linked_ref}).",
    "{n_refs} previous contacts since {date2}, mostly domestic abuse notifications.",
    "Known to children's services since {date2}; {n_refs} previous referrals, two of which"
    " were closed with no further action.",
)

# -- case text: per theme and quality band ----------------------------------------------------

SENTENCES: dict[str, dict[str, tuple[str, ...]]] = {
    "risk": {
        "good": (
            "A strategy meeting was held the next day with police and health; a section 47"
            " enquiry concluded and risks were reduced through a safety plan {mother} helped"
            " write.",
            "Risks were identified promptly, scaled consistently and reviewed at each core"
            " group; when a bottom line was breached the plan was escalated the same week.",
        ),
        "ri": (
            "Risks are recorded but the scaling has not changed across three visits despite"
            " new information; a strategy discussion took place late, after a second incident.",
            "The safety plan relies on {mother}'s assurances; risk is named but not analysed,"
            " and the escalation agreed at the core group took three weeks.",
        ),
        "inad": (
            "A further incident was reported on {date3} but no strategy meeting was convened"
            " and no section 47 enquiry followed, although the threshold was met; {child}"
            " remained at home without a protection plan.",
            "The contingency plan said a repeat incident would lead to a Child Protection"
            " Conference; the bottom line was breached twice and nothing changed.",
            "Scaling recorded risk at 2/10 (high) at the last visit with no change to the"
            " plan and no management direction; risk to {child} is not being acted on.",
        ),
    },
    "assessment": {
        "good": (
            "The assessment draws on the full history and on information from school, health"
            " and police, and is clear about what needs to change and why.",
            "Analysis explains the impact of {mother}'s circumstances on {child}'s daily life"
            " and gives a clear rationale for the recommendation.",
        ),
        "ri": (
            "The assessment was completed on time but focuses on the presenting incident;"
            " previous referrals are listed rather than analysed.",
            "Partner agencies were contacted but their information is not reflected in the"
            " analysis, which is largely descriptive.",
        ),
        "inad": (
            "The assessment does not consider the pattern of previous referrals and no"
            " partner agency information is recorded; the analysis is two lines long.",
            "No assessment of the identified risk was undertaken; the recommendation to step"
            " down to Early Help is not supported by the evidence.",
        ),
    },
    "voice": {
        "good": (
            "{child} was seen alone on {date3} at {school}; direct work (three houses) is"
            " recorded in {his} own words and has shaped the plan.",
            "Visits are regular and purposeful; {child}'s wishes and feelings are recorded"
            " and {he} says {he} feels listened to.",
        ),
        "ri": (
            "{child} is seen at home but rarely alone; {his} views are summarised by"
            " {mother} rather than recorded in {his} own words.",
            "Some direct work is evident, but it is not clear how {child}'s views have"
            " influenced decisions.",
        ),
        "inad": (
            "{child} has not been seen alone since the referral; the last visit was six"
            " weeks ago and {his} lived experience is not described.",
            "There is no record of {child}'s wishes and feelings; visits were cancelled"
            " twice without follow-up.",
        ),
    },
    "plan": {
        "good": (
            "The plan sets out who will do what by when, in plain language that {mother}"
            " understands, and links each action to what it will change for {child}.",
            "The plan is reviewed at each core group with clear timescales; progress is"
            " measurable and the contingency is explicit.",
        ),
        "ri": (
            "The plan lists actions with owners but few timescales; some actions relate to"
            " {mother}'s needs without saying how {child} will benefit.",
            "Actions are appropriate but the plan has not been updated since the last"
            " review, so progress is hard to measure.",
        ),
        "inad": (
            "The child in need plan has no timescales and is focused on {mother}'s needs;"
            " it does not say what must change for the case to close.",
            "There is no up-to-date plan on file; the last plan predates the latest"
            " incident and its actions are generic ('engage with services').",
        ),
    },
    "oversight": {
        "good": (
            "Supervision on {date3} is reflective, tests the hypothesis and sets clear,"
            " time-bound actions that have been followed up.",
            "Management oversight is evident at key decision points with a clear rationale"
            " recorded by the team manager.",
        ),
        "ri": (
            "Supervision is regular but records tasks rather than reflection; direction is"
            " given but not always followed up.",
            "The plan was signed off by the team manager with a brief comment and no"
            " guidance on improving quality.",
        ),
        "inad": (
            "There is no recorded management oversight for four months, including after the"
            " escalation on {date3}; the plan was signed off without comment.",
            "Supervision notes are copied forward from the previous month; the breach of the"
            " bottom line was not discussed.",
        ),
    },
    "partners": {
        "good": (
            "Partners attend core groups consistently; {school} and the health visitor"
            " contribute to the plan and share information promptly.",
        ),
        "ri": (
            "Police and school information is shared, but health have not attended the last"
            " two meetings and this has not been escalated.",
        ),
        "inad": (
            "Information from {prof} about a further concern was not shared or acted on;"
            " there has been no multi-agency meeting since the referral.",
        ),
    },
    "permanence": {
        "good": (
            "Permanence was secured at the second LAC review; {child} is settled, matched"
            " long-term with {his} carers and the plan is understood by everyone.",
        ),
        "ri": (
            "{child} is settled but the permanence plan has drifted past two reviews without"
            " a decision on long-term matching.",
        ),
        "inad": (
            "{child} has had three placement moves this year with no disruption meeting;"
            " there is no permanence plan and {he} does not know where {he} will live next.",
        ),
    },
    "health": {
        "good": (
            "Health assessments are up to date (NHS number {nhs} recorded) and the"
            " recommendations, including a CAMHS referral, have been actioned.",
        ),
        "ri": (
            "The review health assessment is a month overdue; dental checks are up to date."
            " The CAMHS referral is awaiting allocation.",
        ),
        "inad": (
            "No health assessment since {date3}; emotional health needs raised by {prof}"
            " (Strengths and Difficulties score of 24) have not been followed up.",
        ),
    },
    "education": {
        "good": (
            "The PEP is current with SMART targets; the Virtual School is involved and"
            " attendance at {school} is 96% (UPN {upn}).",
            "{child} is in education, employment or training: a college course with"
            " support from {his} Personal Adviser and a bursary in place.",
        ),
        "ri": (
            "The PEP exists but targets are generic; attendance at {school} has dropped to"
            " 84% and this is noted but not acted on.",
            "{child} is not in education, employment or training but has been referred to a"
            " pre-apprenticeship scheme; no date yet.",
        ),
        "inad": (
            "{child} has been on a reduced timetable at {school} for five months; there is"
            " no current PEP and the Virtual School has not been informed.",
            "{child} has been NEET for over a year; no EET support is recorded in the"
            " Pathway Plan.",
        ),
    },
    "pathway": {
        "good": (
            "The Pathway Plan was written with {child}, reviewed on {date3}, and covers"
            " accommodation, money and health; {he} has a tenancy sustainment plan.",
        ),
        "ri": (
            "The Pathway Plan is in date but mostly descriptive; contact with the Personal"
            " Adviser is monthly by text rather than face to face.",
        ),
        "inad": (
            "There is no current Pathway Plan; {child} is in unsuitable accommodation and"
            " the Personal Adviser has not seen {him} for three months.",
        ),
    },
    "family": {
        "good": (
            "Family time with {mother} and {sibling} is well planned and {child}'s life"
            " story work is under way with {his} carers.",
        ),
        "ri": (
            "Contact with {sibling} has lapsed since {his} move; life story work has been"
            " discussed but not started.",
        ),
        "inad": (
            "{child} has not seen {sibling} for eight months and no one has asked {him} about"
            " it; there is no life story work.",
        ),
    },
    "general": {
        "good": ("Recording is up to date and purposeful.",),
        "ri": ("Recording is up to date but largely descriptive.",),
        "inad": ("Recording is out of date and it is hard to follow what has happened.",),
    },
}

AREA_THEMES: dict[str, tuple[str, ...]] = {
    "help_and_protection": ("assessment", "risk", "voice", "plan", "partners", "oversight"),
    "children_in_care": (
        "permanence",
        "voice",
        "health",
        "education",
        "family",
        "plan",
        "risk",
        "oversight",
    ),
    "care_leavers": ("pathway", "voice", "education", "health", "risk", "oversight"),
}

CLOSINGS = (
    "Current status: open to {worker}'s team; next core group on {date2}.",
    "Allocated worker: {worker}. Case remains open; the next review is booked.",
    "Worker {worker}; transfer to the long-term team is under discussion.",
)


def case_text(
    rng: random.Random,
    service_area: str,
    theme_grades: Mapping[str, Grade],
    slots: Mapping[str, str],
) -> str:
    """A case summary whose content supports the given true grade per theme."""
    parts = [render(rng.choice(OPENINGS[service_area]), slots)]
    if service_area == "help_and_protection":
        parts.append(render(rng.choice(HISTORY), slots))
    for theme in AREA_THEMES[service_area]:
        grade = theme_grades.get(theme)
        if grade is None:
            continue
        parts.append(render(rng.choice(SENTENCES[theme][band(grade)]), slots))
    parts.append(render(rng.choice(CLOSINGS), slots))
    return " ".join(parts)


def anonymised_slots(gender: str, age: int, n_refs: int) -> dict[str, str]:
    """Slots for already-anonymised text: placeholders for every identifier."""
    slots = dict(PLACEHOLDERS)
    slots.update(PRONOUNS[gender])
    slots["age"] = str(age)
    slots["n_refs"] = str(n_refs)
    return slots


# -- evidence notes ------------------------------------------------------------------------

# What a careful auditor writes at each grade: about impact on the child.
IMPACT_NOTES: dict[str, dict[str, tuple[str, ...]]] = {
    "risk": {
        "good": (
            "Risks named and analysed; strategy meeting held promptly and safety plan"
            " reduced risk. Child safer as a result.",
            "Escalation when the bottom line was breached was timely and recorded.",
        ),
        "ri": (
            "Risk named but not analysed; strategy discussion late. Safety plan relies on"
            " parent's assurances.",
            "Scaling not updated after new information; escalation slow.",
        ),
        "inad": (
            "Threshold for a strategy meeting met but none held; child left at risk without"
            " multi-agency protection.",
            "Bottom line breached twice with no action. Risk not acted on.",
            "High scaling with no change to the plan and no management direction.",
        ),
    },
    "assessment": {
        "good": ("History and partner information analysed; clear rationale for the decision.",),
        "ri": (
            "Timely but focused on the presenting incident; history listed, not analysed.",
            "Partner information gathered but not used in the analysis.",
        ),
        "inad": (
            "Previous referrals not considered; no partner information; analysis absent.",
            "Identified risk not assessed; step-down not supported by evidence.",
        ),
    },
    "voice": {
        "good": ("Child seen alone; views in their own words and clearly shaping the plan.",),
        "ri": ("Child seen but rarely alone; views summarised by the parent.",),
        "inad": ("Child not seen alone since referral; no record of wishes and feelings.",),
    },
    "plan": {
        "good": ("SMART plan with owners and timescales; parent understands it.",),
        "ri": (
            "Actions have owners but few timescales; parent-focused in places.",
            "Plan not updated since last review; progress hard to measure.",
        ),
        "inad": (
            "No timescales; plan focused on the parent's needs, not the child's.",
            "Plan out of date and generic; nothing says what must change.",
        ),
    },
    "oversight": {
        "good": ("Reflective supervision with time-bound actions, followed up.",),
        "ri": ("Supervision regular but task-focused; sign-off comments brief.",),
        "inad": (
            "No management oversight at the point of escalation; plan signed off without comment.",
        ),
    },
    "partners": {
        "good": ("Partners contribute consistently and share information promptly.",),
        "ri": ("Partial attendance by health not escalated.",),
        "inad": ("Concern from a partner agency not shared or acted on.",),
    },
    "permanence": {
        "good": ("Permanence secured and understood; child settled.",),
        "ri": ("Settled but permanence decision has drifted over two reviews.",),
        "inad": ("Repeated moves, no disruption meeting, no permanence plan.",),
    },
    "health": {
        "good": ("Health assessments in date; recommendations actioned.",),
        "ri": ("Review health assessment overdue; CAMHS awaiting allocation.",),
        "inad": ("Emotional health needs identified and not followed up.",),
    },
    "education": {
        "good": ("PEP current with SMART targets; attendance good.",),
        "ri": ("Targets generic; falling attendance noted but not acted on.",),
        "inad": ("Reduced timetable for months; no current PEP.",),
    },
    "pathway": {
        "good": ("Pathway Plan written with the young person and covers their needs.",),
        "ri": ("Pathway Plan in date but descriptive; contact mostly by text.",),
        "inad": ("No current Pathway Plan; unsuitable accommodation not addressed.",),
    },
    "family": {
        "good": ("Family time planned well; life story work under way.",),
        "ri": ("Sibling contact lapsed; life story work not started.",),
        "inad": ("No sibling contact for months and no one has asked the child.",),
    },
    "general": {
        "good": ("Purposeful and up to date.",),
        "ri": ("Up to date but descriptive.",),
        "inad": ("Out of date and hard to follow.",),
    },
}

# What an optimistic auditor writes: process and compliance, not quality (Ofsted 2018).
PROCESS_NOTES = (
    "Visits within timescale and recorded.",
    "Assessment completed on time and signed off.",
    "Plan in place and reviewed.",
    "All statutory visits up to date; family engaging.",
    "Core groups held as required; actions agreed.",
    "Case recording up to date.",
    "Good engagement from parent; worker knows the family well.",
    "Risk assessment on file; no new concerns since the last visit.",
)


def evidence_note(rng: random.Random, theme: str, grade: Grade, *, process: bool) -> str:
    """An evidence note for a criterion grade: impact-focused, or process-focused when optimistic."""
    if process:
        return rng.choice(PROCESS_NOTES)
    bank = IMPACT_NOTES.get(theme, IMPACT_NOTES["general"])
    text = rng.choice(bank[band(grade)])
    if grade is Grade.OUTSTANDING:
        text = "Exemplary. " + text
    return text


# -- review rationales --------------------------------------------------------------------------

_UPHELD = (
    "Moderator's grade agreed at review. {impact} The manager's note records compliance"
    " (visits, sign-off) but not the impact on the child.",
    "Agreed {label} after discussion. {impact}",
    "The evidence in the record supports {label}: {impact_lower}",
)
_CONCEDED = (
    "Manager's grade kept: the manager pointed to later recording that the moderator had"
    " not seen, which supports {label}.",
    "On review the moderator accepted {label}; the gap is in recording rather than practice.",
)


def review_rationale(
    rng: random.Random, theme: str, agreed: Grade, *, moderator_upheld: bool
) -> str:
    """Why a disagreement was settled at ``agreed``."""
    if moderator_upheld:
        impact = evidence_note(rng, theme, agreed, process=False)
        return render(
            rng.choice(_UPHELD),
            {
                "impact": impact,
                "impact_lower": impact[0].lower() + impact[1:],
                "label": agreed.label,
            },
        )
    return render(rng.choice(_CONCEDED), {"label": agreed.label})


OVERRIDE_REASONS = (
    "Risks are now managed within the plan and the child is safe at home.",
    "Family engaging well since the last visit; overall practice is better than the grid suggests.",
    "Worker has done a lot of good direct work; the limiting grade is about recording.",
)


def overall_rationale(
    agreed: Grade, manager: Grade, downgraded: int, criteria: int, limited_by: list[str]
) -> str:
    """The sentence a moderator records for the moderated overall grade."""
    if agreed == manager:
        head = f"Overall {agreed.label} agreed with the manager."
    elif agreed > manager:
        head = f"Overall moderated from {manager.label} to {agreed.label}."
    else:
        head = f"Overall moderated up from {manager.label} to {agreed.label}."
    detail = f" {downgraded} of {criteria} criteria graded lower at review."
    if limited_by:
        detail += f" Limited by: {', '.join(limited_by)}."
    return head + detail
