"""Moderation packs: the files exchanged with moderators in another authority.

Two authorities with no shared database and no shared key:

* **A** (the exporting authority) draws a sample and runs ``moderator pack
  export``: one *request* pack (kind ``moderation-request``) with the rubric(s)
  and the anonymised cases of the sampled audits, and never the managers'
  grades, notes, overall grades or names.
* **B** (the moderating authority) runs ``moderator pack open`` to import the
  request into B's own database as moderations to do, grades them blind in its
  own moderator (CLI or TUI), and runs ``moderator pack return`` to write a
  *return* pack (kind ``moderation-return``) with B's grades, notes and overall
  grades.
* A runs ``moderator pack import``: the returned gradings become submitted
  moderations in A's database, and A's lead (or a local moderator account for
  the external moderator) reviews the disagreements there — the only place
  where both gradings exist.

Format
------
A pack is one UTF-8 (in fact ASCII) JSON file, uncompressed so anyone can read
what leaves the building, written in a canonical form (sorted keys, fixed
indentation, non-ASCII escaped). Reading refuses any file that is not
byte-for-byte in that form, so there is no byte that can change without
changing the decoded content; the seal covers the decoded content. Top-level
keys: ``format``, ``manifest`` (schema version, pack id (uuid4), kind,
created, authorities, sample id, rubrics with content hashes, audit ids),
the payload, and ``seal``.

Threat model
------------
What we protect: the managers' grading (it must never reach the moderators
before they have graded blind — so it never goes into a pack at all); the
integrity of the returned moderator grades (they drive drift figures that a
lead defends in front of inspectors); the database (a bad pack changes nothing).

Keys: A holds a random 256-bit *pack key* in a file outside the database
(``MODERATOR_PACK_KEY_FILE``, default the config directory), created on the
first export. B needs no key of its own.

* Request seal: ``sha256`` of the canonical content (B detects damage and
  truncation) and ``hmac`` = HMAC-SHA256(A's key, content) (A can prove a
  request is its own). The request carries a *return token*
  ``HMAC-SHA256(A's key, "return-token" ‖ pack id)`` — a per-pack secret that
  A can recompute at any time, so A stores nothing secret per pack.
* Return seal: ``hmac`` = HMAC-SHA256(return token, content), plus ``sha256``.
  A recomputes the token from its key and the request id the return names, and
  verifies. So: only a holder of that request can produce a return A accepts;
  any changed, added or removed byte is refused; a return sealed against
  another authority's request (another key) is refused as foreign; a return
  can only fill moderations that went out in that request, with the same
  audit ids, case references and rubric hash; a pack imported once is refused
  the second time (pack ids are registered in an append-only table, and each
  moderation can be filled once).

Not protected (and what to do instead):

* Confidentiality in transit: packs hold anonymised but sensitive case text;
  send them over the authorities' secure channel (secure email, an encrypted
  share), never plain email.
* The return token is a bearer secret: whoever obtains the request can forge a
  return for it. That is why the request must travel securely, and why the
  return is accepted only for moderations still outstanding from that request.
* B cannot cryptographically tell that a request really comes from A (there
  is no public-key infrastructure between councils): ``pack open`` prints the
  file's fingerprint, which B confirms with A by phone (``--fingerprint``
  makes the check part of the command).
* Moderators at B are identified by the names B's database gives them; A
  trusts B's authority for who graded, not for each individual.
* If A loses its pack key, outstanding returns cannot be verified: export the
  sample again.
"""

from __future__ import annotations
