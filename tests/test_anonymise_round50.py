"""Issue #14, rounds fifty and fifty-one: invented notes for agencies named after a role's
word, groups whose name ends in ``Youth``, initials written after their owner's name, dates
in a log's headings, and the estate or site an address goes on with."""

from __future__ import annotations

from tests.helpers import redact_for

FAMILY = (("Ruth Okafor", "mother"), ("Dayo Okafor", "brother"))


def test_an_agency_after_a_roles_word_is_no_person() -> None:
    text = (
        "Present: DK (Recovery worker, Riverside Recovery Project), Jo Hart (SW). "
        "Also (support worker, Brookvale Carers Trust)."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    # the agency goes, but its words are not a person's: the role's words elsewhere stay
    assert "Riverside" not in out and "Brookvale" not in out, out
    assert "(Recovery worker," in out and "(support worker," in out, out
    assert "[PROFESSIONAL] worker" not in out, out


def test_a_person_named_after_a_roles_word_still_goes() -> None:
    text = "Present: (support worker, Bryony Castle) and HV Paula Grange."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Castle" not in out and "Grange" not in out, out


def test_a_group_whose_name_ends_in_youth() -> None:
    text = (
        "Return Home Interview offered via Waypoint Youth. He plays for Strood Albion Youth. "
        "The Youth Justice Service and Early Help youth work were discussed."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Waypoint" not in out and "Albion" not in out, out
    assert "Youth Justice Service" in out and "Early Help youth work" in out, out


def test_initials_written_after_the_name_in_an_attendance_list() -> None:
    text = (
        "Attendees: Karen Hewitt (TM, chair) KH; Sinead Riches (school nurse) SR\n"
        "Apologies: none\nSR: Bianca asked for advice. Next steps agreed – SR."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "SR" not in out and "KH" not in out, out


def test_a_word_like_acronym_not_defined_as_initials_stays() -> None:
    text = "Attendees: Karen Hewitt (TM, chair) KH\nThe SR form was sent. KH: agreed."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "The SR form" in out and "KH" not in out, out


def test_a_month_in_lower_case_before_an_ordinal_day() -> None:
    text = "seen at the surgery.\ndec 9th – CIN meeting. on jan 3rd we met. I may 2nd guess it."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "9th" not in out and "3rd" not in out and "may 2nd guess" in out, out


def test_a_weekends_two_days_heading_a_log() -> None:
    text = "Said she misses her nan.\n\nSat 8 & Sun 9\nBowling. Sat 15 and Sun 16 were quiet."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Sat" not in out and "Sun" not in out, out


def test_the_estate_or_the_site_an_address_goes_on_with() -> None:
    text = (
        "Mum lived at Flat 11, Carley Court, Ford Estate. On 20/01/25 she moved to nan's "
        "trailer at the Monkton Lane site."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Ford" not in out and "Estate" not in out and "site" not in out, out


def test_a_named_estate_in_a_police_forms_capitals() -> None:
    text = "SHE WAS AT A PARTY ON THE PENNYWELL ESTATE. LATER SEEN ON THE COUNCIL ESTATE."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "PENNYWELL" not in out and "ON THE COUNCIL ESTATE" in out, out


def test_a_verbs_word_or_a_peoples_word_as_a_surname() -> None:
    text = (
        "Discussed with Dr Omar Said (paediatrics): Ollie is fine. The IRO is Chloe Cornish. "
        "Mrs Jenny Said she would come. Ahmed Kurdish interpreter booked."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Omar" not in out and "Said (" not in out and "Cornish" not in out, out
    assert "Said she would" in out and "Kurdish interpreter" in out, out


def test_a_titled_names_initials_alone_in_brackets_or_speaking() -> None:
    text = (
        "Present: Dr Helen Marchant, consultant paediatrician, RD&E (HM); Lucy Ferris, HV (LF)."
        "\nHM: injury not consistent with the account. LF: agreed.\nPS can you ring mum"
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "HM" not in out and "RD&E" in out and "PS can you" in out, out


def test_an_agency_after_a_name_and_a_role_inside_the_brackets() -> None:
    text = "Present: LC (Louise Carr, IDVA, Safe Space Cumbria); AL (Amy Lister, Phoenix Recovery"
    text += (
        " Luton). Refers to Pathweys Recovery Doncaster. Midwife, University Hospitals Plymouth."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    for word in ("Safe Space", "Phoenix", "Pathweys"):
        assert word not in out, (word, out)
    assert "IDVA" in out and "University Hospitals Plymouth" in out, out


def test_a_numbered_block_before_its_street() -> None:
    text = "Amber now has a flat at 9 Marine Point, Severn Parade. She is happy there."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Marine" not in out and "Severn" not in out, out


def test_word_like_initials_before_a_role_and_their_name_in_brackets() -> None:
    text = (
        "Attendees: RT (SW, Rebecca Tolland), NO (school nurse, Nadia Osei). Minutes: CB.\n"
        "NO: Mason missed his check. RT: agreed."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "NO:" not in out and "NO (" not in out and "Nadia" not in out, out


def test_a_titled_names_word_like_initials_defined_after_it() -> None:
    text = (
        "Present: Mrs Halima Begum (DSL, Stockwood Vale Primary) HB, Nadia Farooq (school nurse)"
        " NF; PC Tom Ashworth (TVP Exploitation Hub) TA.\nHB saw a linear bruise. Actions: "
        "refer to the panel – TA. HB claim to be checked with the council."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "HB saw" not in out and ") HB" not in out and "– TA" not in out, out


def test_initials_in_brackets_closing_the_item_and_a_hospital_after_a_role() -> None:
    text = (
        "Present: Dr Akash Mehta, community paediatrician, Castle Hill Hospital (AM); Lucy Bell"
        " (HV).\nAM: the marks are consistent with a slap. CP medical at the hospital today."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "AM" not in out and "Mehta" not in out, out
    assert "Castle Hill Hospital" in out, out


def test_a_given_name_right_before_the_firm_its_owner_works_at() -> None:
    text = (
        "eVisa set up with help from Adeel at Rahman Yasin Solicitors. Over the holidays "
        "Summer at Kingsway Academy was fine. The family attended the Simbang Gabi at St "
        "Mark's Catholic Church."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Adeel" not in out and "Simbang Gabi" in out, out
    # ("Summer at Kingsway Academy was fine": the learned layer reads Summer as a child there,
    # which the sentence allows; session 55)


def test_a_reply_opening_with_its_readers_given_name() -> None:
    text = (
        "Subject: FW: Levi - police PVP\n\nMark, FYI before our supervision.\n\n"
        "Subject: RE: Tobi\n\nRob - see below from the GP.\nMonday - see below for the plan."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Mark" not in out and "Rob" not in out and "Monday - see below" in out, out


def test_a_given_name_opening_an_action_item() -> None:
    text = (
        "Actions:\n3. Sue to update the home's risk assessment.\n- Dawn to ring mum.\n"
        "6. Mum to attend. May to be reviewed. Said to his friend he was fine. Mark to upper "
        "left arm seen."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Sue" not in out and "Dawn" not in out, out
    for kept in ("Mum to attend", "May to be", "Said to his", "Mark to upper"):
        assert kept in out, (kept, out)


def test_the_words_before_an_address_stay_when_no_flat_number_is_written() -> None:
    text = (
        "Amber has a flat at 12 Mill Road. Her nan's flat on Abbey Street is near. "
        "Mum lives at Flat 3, 9 Low Road, and Dad at flat b 14 High Street."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "has a flat at [ADDRESS" in out and "nan's flat on [ADDRESS" in out, out
    assert "Flat 3" not in out and "flat b" not in out, out
