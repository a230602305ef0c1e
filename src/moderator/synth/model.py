"""The realism model behind the sample audits and ``moderator synth``.

One seeded generator produces a *plan*: people, cases, audits with grades and
evidence notes, moderation samples, blind moderations and reviews, all with
historical timestamps. Two writers apply a plan: :mod:`moderator.synth.replay`
through the service functions (the demo), and :mod:`moderator.synth.bulk`
with bulk inserts (large synthetic databases). Both produce the same rows.

How grades arise (all in grade steps, 1 = Outstanding ... 4 = Inadequate):

- each case has a latent quality ``z`` (authority baseline, team effect, case
  noise); each practice theme (risk, plan, voice ...) shifts it, so plans are
  worse than direct work, as in the 2020 letter; the case text is written from
  these theme grades;
- a criterion's *true* grade is its theme's latent plus a little noise;
- the moderator grades the true latent with small noise (blind);
- the manager grades the true latent minus their *optimism* times the
  criterion's *proneness* (1 for risk and planning criteria, 0.45 otherwise),
  plus noise, and an optimistic manager is reluctant to write Inadequate at
  all; after the training date optimism decays towards a floor;
- at review most disagreements settle at the moderator's grade, some at the
  manager's; the moderated overall grade is derived with the rubric's rule.

Where each idea lives: :mod:`~moderator.synth.config` (the knobs),
:mod:`~moderator.synth.authority` (teams and people),
:mod:`~moderator.synth.calendar` (months and timestamps),
:mod:`~moderator.synth.latent` (how grades arise),
:mod:`~moderator.synth.cases` and :mod:`~moderator.synth.text` (cases and the
words, with the phrase tables in ``synth/data``),
:mod:`~moderator.synth.generator` (the seeded plan, month by month) and
:mod:`~moderator.synth.moderating` (samples, blind moderation, review),
:mod:`~moderator.synth.plan` (what a plan holds). This module keeps synth's
own copy of the moderation outcome rule.
"""

from __future__ import annotations

from moderator.domain.grade_sheet import moderation_outcome
from moderator.domain.grades import Grade


def outcome(manager: Grade, moderated: Grade) -> str:
    """The moderation outcome, by the product's one rule (:func:`moderation_outcome`)."""
    found = moderation_outcome(manager, moderated)
    assert found is not None  # both grades are given
    return found
