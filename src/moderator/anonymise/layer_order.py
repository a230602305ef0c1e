"""The order in which the redaction's layers and joining steps run over one note.

:func:`run_layers` calls each of them in turn on one
:class:`~moderator.anonymise.state.State`, from the patterns (OCR'd numbers first, then
identifiers and dates by their form) through the record's own people, other names, initials,
aliases and organisations to the steps that join neighbouring redactions into one. The order
matters (a step sees what the steps before it took), so it is written down in one place; it
lives apart from :mod:`.redact` (the redaction's types, a person's remembered decisions and
the building of the redacted text) to keep that module under the project's limit of about
400 lines.
"""

from __future__ import annotations

from moderator.anonymise.addresses_abroad import find_addresses_abroad
from moderator.anonymise.addresses_lines import find_address_lines
from moderator.anonymise.addresses_named import find_named_places
from moderator.anonymise.addresses_parks import find_open_places
from moderator.anonymise.addresses_said import find_lower_streets
from moderator.anonymise.aliases_given import find_given_aliases
from moderator.anonymise.chat_lines import (
    find_line_speakers,
    grow_display_names,
    join_profile_numbers,
)
from moderator.anonymise.codes_spoken import find_said_postcodes, find_spoken_codes
from moderator.anonymise.dates_spoken import find_spoken_dates
from moderator.anonymise.digit_identifiers import join_phone_tails, join_wrapped_phones
from moderator.anonymise.fields_places import find_field_places
from moderator.anonymise.handles import find_tagged_handles, join_handles, repeat_handles
from moderator.anonymise.initials_defined import find_defined_initials, find_mixed_initials
from moderator.anonymise.initials_found import find_named_initials
from moderator.anonymise.initials_logged import find_logged_initials
from moderator.anonymise.initials_lone import find_lone_initials
from moderator.anonymise.initials_more import find_more_initials
from moderator.anonymise.initials_slots import find_closing_initials, find_initials_in_slots
from moderator.anonymise.kept_terms import (
    keep_kin_words,
    keep_national_charities,
    keep_numbered_terms,
    keep_pets,
    keep_police_operations,
    keep_protected_phrases,
)
from moderator.anonymise.layer_extra import find_extra_identifiers, join_identifier_parts
from moderator.anonymise.layer_initials import find_minutes_initials
from moderator.anonymise.layer_known import find_known_people
from moderator.anonymise.layer_letters import find_letter_names
from moderator.anonymise.layer_names import find_other_names
from moderator.anonymise.layer_patterns import find_patterns
from moderator.anonymise.layer_sounds import (
    find_lower_titled,
    find_names_in_speech,
)
from moderator.anonymise.learned import find_learned
from moderator.anonymise.learned_lower import find_lower_names
from moderator.anonymise.names_actions import find_given_names_with_actions
from moderator.anonymise.names_agency import (
    find_agencies_people_come_from,
    find_given_names_from_teams,
    find_given_names_of_titled,
    find_named_in_fields,
    find_people_by_field,
    find_people_of_agencies,
)
from moderator.anonymise.names_aliases import (
    find_aliases,
    find_nicknames,
    join_short_forms_before_names,
    join_slashed_aliases,
)
from moderator.anonymise.names_around import absorb_kin_words
from moderator.anonymise.names_at_agency import find_given_names_at_agencies
from moderator.anonymise.names_broken import (
    find_broken_names,
    find_spelt_names,
    join_split_surnames,
)
from moderator.anonymise.names_corrected import find_corrected_names
from moderator.anonymise.names_cued import (
    find_named_by_role,
    find_regarding,
    find_word_names_after_relations,
)
from moderator.anonymise.names_defined import find_defined_names
from moderator.anonymise.names_dictated import find_titled_dictated, join_dictated_names
from moderator.anonymise.names_double import join_double_given
from moderator.anonymise.names_family import (
    find_family_forms,
    find_family_plurals,
    find_maiden_names,
    join_other_surnames,
)
from moderator.anonymise.names_forms import find_name_forms
from moderator.anonymise.names_heard import find_heard_names
from moderator.anonymise.names_honorifics import find_honorifics
from moderator.anonymise.names_household_initials import absorb_household_initials
from moderator.anonymise.names_initials import (
    find_bracketed_initials,
    find_initials_forms,
    find_listed_initials,
    join_given_initials,
)
from moderator.anonymise.names_joined import (
    absorb_titles,
    find_numbered_officers,
    join_middle_initials,
    keep_known_names_whole,
    propagate,
)
from moderator.anonymise.names_letters import (
    find_households,
    find_month_names_after_roles,
    join_couples,
    join_given_places,
    join_paired_given,
    join_surname_letters,
)
from moderator.anonymise.names_lower import (
    find_lower_passage_names,
    join_lower_surnames,
    repeat_record_words,
)
from moderator.anonymise.names_mailed import find_mailed_names
from moderator.anonymise.names_middle import join_middle_names, join_shouted_middle
from moderator.anonymise.names_newborn import absorb_newborn_words
from moderator.anonymise.names_nicknamed import join_quoted_nicknames
from moderator.anonymise.names_paired import find_paired_names
from moderator.anonymise.names_pet import find_pet_forms
from moderator.anonymise.names_pieces import find_heard_pieces
from moderator.anonymise.names_roles_said import find_role_named
from moderator.anonymise.names_said import find_said_names, find_short_forms_said
from moderator.anonymise.names_scripts import find_names_in_other_scripts
from moderator.anonymise.names_signed import find_signed_given
from moderator.anonymise.names_signing import find_signing_letter
from moderator.anonymise.names_spelt import find_cued_spellings
from moderator.anonymise.names_surnames import (
    find_aged_capitals,
    find_aged_words,
    join_capital_surnames,
    join_given_before_surname,
    join_shouted_surnames,
)
from moderator.anonymise.names_syllables import find_syllable_names
from moderator.anonymise.names_tails import (
    find_chat_speakers,
    find_initialled_names,
    find_listed_speakers,
    join_lower_initials,
    join_name_tails,
    join_surnames_by_initials,
    join_surnames_written_first,
    join_titled_initial_surnames,
)
from moderator.anonymise.names_titled import (
    absorb_initials_before,
    find_titled_people,
    join_collar_numbers,
)
from moderator.anonymise.names_vietnamese import find_vietnamese_names
from moderator.anonymise.names_vocative import find_initialled_lower_names, find_vocatives
from moderator.anonymise.names_worded import find_called_names, find_worded_names
from moderator.anonymise.numbers_said import widen_said_numbers
from moderator.anonymise.ocr_numbers import find_ocr_numbers
from moderator.anonymise.orgs_acronyms import find_acronyms
from moderator.anonymise.orgs_bracketed import find_bracketed_businesses
from moderator.anonymise.orgs_clubs import join_age_groups, join_lower_heads
from moderator.anonymise.orgs_homes import find_named_homes
from moderator.anonymise.orgs_joined import join_organisation_parts
from moderator.anonymise.orgs_lower import find_lower_organisations, find_troops
from moderator.anonymise.orgs_on import find_orgs_on_streets, join_orgs_to_streets
from moderator.anonymise.orgs_partners import find_partners
from moderator.anonymise.orgs_people import join_people_to_firms
from moderator.anonymise.orgs_pubs import find_pubs
from moderator.anonymise.orgs_said import find_said_schools, find_said_workplaces
from moderator.anonymise.orgs_saints import find_saints
from moderator.anonymise.orgs_schools import find_schools_by_context, find_schools_by_staff
from moderator.anonymise.orgs_short import find_short_forms
from moderator.anonymise.orgs_tails import (
    find_brands_with_towns,
    join_branches,
    join_campuses,
    join_congregations,
)
from moderator.anonymise.orgs_the import find_our_lady, find_the_names
from moderator.anonymise.orgs_trades import find_trades_and_agencies
from moderator.anonymise.orgs_unknown import find_unknown_runs
from moderator.anonymise.references import find_numbers_by_shape, widen_references
from moderator.anonymise.references_spaced import find_listed_references, find_spaced_references
from moderator.anonymise.schools_tails import join_school_tails
from moderator.anonymise.speakers_lettered import find_lettered_speakers
from moderator.anonymise.state import State
from moderator.anonymise.wrapped_tails import join_wrapped_tails


def run_layers(st: State) -> None:
    """Run every layer over ``st``, in order: what each finds is taken in ``st``."""
    find_ocr_numbers(st)  # first: "1lth March 2024" whole, before "March 2024" alone
    find_patterns(st)
    find_addresses_abroad(st)
    find_extra_identifiers(st)
    find_spoken_dates(st)
    find_numbers_by_shape(st)
    find_spaced_references(st)
    find_spoken_codes(st)
    find_said_postcodes(st)
    find_listed_references(st)
    join_phone_tails(st)
    join_wrapped_phones(st)
    toks = st.tokens()
    find_acronyms(st)
    find_short_forms(st)
    find_schools_by_context(st)
    find_schools_by_staff(st)
    find_saints(st)
    find_trades_and_agencies(st)
    find_bracketed_businesses(st)
    find_broken_names(st)
    find_known_people(st, toks)
    find_spelt_names(st)
    find_given_aliases(st)
    find_paired_names(st)
    find_names_in_speech(st)
    find_vocatives(st)
    find_initialled_lower_names(st)
    find_lower_titled(st)
    join_middle_names(st)
    join_shouted_middle(st)
    join_given_before_surname(st)
    find_letter_names(st)
    find_family_forms(st)
    find_family_plurals(st)
    find_households(st)
    find_maiden_names(st)
    find_minutes_initials(st)
    find_more_initials(st)
    find_logged_initials(st)
    find_aliases(st, toks)
    find_nicknames(st)
    find_tagged_handles(st)
    find_mailed_names(st)
    find_honorifics(st, toks)
    find_other_names(st, toks)
    find_named_by_role(st, toks)
    find_word_names_after_relations(st, toks)
    find_regarding(st, toks)
    find_worded_names(st, toks)
    find_called_names(st, toks)
    find_month_names_after_roles(st)
    find_titled_people(st)
    find_aged_capitals(st)
    find_aged_words(st)
    join_shouted_surnames(st)
    join_capital_surnames(st)
    find_syllable_names(st)
    find_vietnamese_names(st)
    find_defined_names(st)
    propagate(st, toks)
    find_signed_given(st)
    keep_known_names_whole(st)
    join_quoted_nicknames(st)
    join_slashed_aliases(st)
    absorb_titles(st)
    absorb_initials_before(st)
    find_bracketed_initials(st)
    find_listed_initials(st)
    find_defined_initials(st)
    find_mixed_initials(st)
    find_initials_forms(st)
    join_given_initials(st)
    find_lone_initials(st)
    join_surname_letters(st)
    join_given_places(st)
    absorb_titles(st)  # again: a title before the given name a place's word joined to its
    # surname ("Nurse Beverley Hunt", read "Hunt" alone first)
    find_signing_letter(st)
    join_paired_given(st)
    find_named_initials(st)
    join_other_surnames(st)
    join_double_given(st)
    find_heard_names(st)
    find_heard_pieces(st)
    find_cued_spellings(st)
    find_role_named(st)
    absorb_kin_words(st)
    find_name_forms(st)
    find_pet_forms(st)
    find_unknown_runs(st)
    find_bracketed_initials(st)  # again: the initials after the names found by their run
    find_lower_organisations(st)
    find_troops(st)
    find_pubs(st)
    find_partners(st)
    find_the_names(st)
    find_our_lady(st)
    find_said_schools(st)
    find_said_workplaces(st)
    find_named_homes(st)
    join_name_tails(st)
    join_lower_initials(st)
    join_surnames_by_initials(st)
    join_titled_initial_surnames(st)
    find_initialled_names(st)
    join_middle_initials(st)
    find_numbered_officers(st)
    join_collar_numbers(st)
    find_listed_speakers(st)
    find_chat_speakers(st)
    repeat_handles(st)
    find_line_speakers(st)
    find_lettered_speakers(st)
    join_profile_numbers(st)
    find_lower_passage_names(st)
    repeat_record_words(st)
    find_said_names(st)
    propagate(st, toks)  # again: the names the layers since found ("my friend is amahle")
    join_lower_surnames(st)
    join_dictated_names(st)
    find_short_forms_said(st)
    absorb_newborn_words(st)
    absorb_household_initials(st)
    absorb_kin_words(st)  # again, over all: passages' names ('auntie deb'), and a kin word
    # the layers between freed ('aunt' before a record's name, read once as a guess)
    join_surnames_written_first(st)
    find_people_of_agencies(st)
    find_given_names_from_teams(st)
    find_people_by_field(st)
    find_named_in_fields(st)
    find_field_places(st)
    find_named_places(st)
    find_given_names_of_titled(st)
    join_short_forms_before_names(st)
    find_agencies_people_come_from(st)
    find_given_names_at_agencies(st)
    find_given_names_with_actions(st)
    join_identifier_parts(st)
    widen_references(st)
    join_people_to_firms(st)
    join_organisation_parts(st)
    join_campuses(st)
    join_branches(st)
    find_brands_with_towns(st)
    join_congregations(st)
    find_orgs_on_streets(st)
    find_short_forms(st)  # again: the organisations the layers since found ("brecks housing")
    join_orgs_to_streets(st)
    join_handles(st)
    join_couples(st)
    grow_display_names(st)
    join_age_groups(st)
    join_lower_heads(st)
    find_open_places(st)  # late: the joins above would read a park's capitals as a firm's
    find_address_lines(st)
    find_lower_streets(st)  # last: what the joins above widen comes first
    join_school_tails(st)  # ("castle view" found as a street, "first school" after it)
    find_names_in_other_scripts(st)
    widen_said_numbers(st)
    join_wrapped_tails(st)  # (before the model: it would read a wrapped line's head alone)
    join_split_surnames(st)
    find_initials_in_slots(st)
    find_closing_initials(st)
    find_learned(st, toks)  # after every rule: it reads only the words they all left free
    join_dictated_names(st)  # again: the surnames after the names the model found
    find_titled_dictated(st)
    find_lower_names(st)  # the lower-case words of dictation all the rules left free
    join_dictated_names(st)  # and the surnames after those
    find_corrected_names(st)  # last: the words a correction names again
    keep_police_operations(st)
    keep_kin_words(st)
    keep_national_charities(st)
    keep_protected_phrases(st)
    keep_pets(st)
    keep_numbered_terms(st)
