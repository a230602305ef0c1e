"""Anonymisation: read case-system exports, pseudonymise identifiers, redact free text.

A pure core (no UI imports). The main entry points:

* :func:`moderator.anonymise.records.read_cases` - validate an import file, all or nothing;
* :func:`moderator.anonymise.pseudonym.load_or_create_key` and
  :class:`moderator.anonymise.pseudonym.Pseudonymiser` - stable keyed pseudonyms;
* :func:`moderator.anonymise.redact.redact_case_text` - typed placeholders for identifiers;
* :func:`moderator.anonymise.pipeline.anonymise_case` - all of the above for one case.
"""
