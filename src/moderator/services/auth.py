"""Passwords and sign-in: open and secured databases.

A database is *open* (the demo; one person on their own machine) until a lead
sets the first password; from then on it is *secured* and every session signs
in. Passwords are stored only as argon2id hashes (the ``credentials`` table
refuses anything else); checks go through argon2's constant-time verification,
and an unknown name is checked against a dummy hash so that timing does not
tell which names exist. Repeated failures slow down, then lock the account for
a while. Every sign-in, failure, lock and password change is an event; a
password, or a name that matches no user (it may be a mistyped password), never is.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from moderator.errors import BadInput, Refused
from moderator.services.users import Role, User, find_user, require_role
from moderator.store.db import Store

if TYPE_CHECKING:
    from argon2 import PasswordHasher

    from moderator.settings import Settings

MIN_LENGTH = 10
MAX_LENGTH = 1024
UNKNOWN = "unknown"
"""The event log's actor for a failed sign-in under a name that matches no user."""

LEAD_SETS_IT = "(a lead sets it with `moderator user password NAME`)"
"""How a password gets set, said to someone at the server's terminal."""
LEAD_SETS_IT_SERVED = "(ask a lead to set it)"
"""The same, said in a browser tab (``moderator serve``): its user has no terminal there."""
SIGN_IN_FAILED = (
    "sign-in failed: wrong name or password, or no password has been set for this name "
    f"{LEAD_SETS_IT}"
)


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class SignInPolicy:
    """How repeated failures are slowed down and locked out (faces build it from settings)."""

    max_failures: int = 5
    """Failures in a row that lock the account."""
    lock_minutes: float = 15.0
    """How long a locked account stays locked."""
    delay_seconds: float = 0.5
    """The pause after the first failure; it doubles with each failure in a row."""
    max_delay_seconds: float = 8.0
    """The longest pause after a failure."""
    clock: Callable[[], datetime] = field(default=_utcnow)
    """Real time for locks (not :attr:`Store.clock`, which data loaders replace)."""
    sleep: Callable[[float], None] = field(default=time.sleep)
    """How the pause is taken (the workbench passes a no-op and pauses its own input)."""

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> SignInPolicy:
        """The policy the user's settings ask for."""
        values: dict[str, Any] = {
            "max_failures": settings.signin_max_failures,
            "lock_minutes": settings.signin_lock_minutes,
            "delay_seconds": settings.signin_delay_seconds,
        }
        return cls(**{**values, **overrides})

    def delay_after(self, failures: int) -> float:
        """The pause after ``failures`` failures in a row."""
        if failures <= 0 or self.delay_seconds <= 0:
            return 0.0
        return float(min(self.delay_seconds * 2 ** (failures - 1), self.max_delay_seconds))


@dataclass(frozen=True)
class SignedIn:
    """A successful sign-in."""

    user: User
    temporary: bool
    """The password was set by a lead: the user should choose their own now."""


@cache
def _hasher() -> PasswordHasher:
    # Imported on first use: the workbench asks whether the database is secured at
    # every start, and argon2's bindings cost a twentieth of a second to load.
    from argon2 import PasswordHasher

    # argon2-cffi's defaults are RFC 9106's low-memory profile: argon2id, 64 MiB, t=3.
    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    return _hasher().hash("not a password anyone has: equalises timing for unknown names")


def is_secured(store: Store) -> bool:
    """True once any user has a password: every session must then sign in."""
    return store.scalar("SELECT 1 FROM credentials LIMIT 1") is not None


def has_password(store: Store, user: User) -> bool:
    """Whether ``user`` can sign in."""
    return store.scalar("SELECT 1 FROM credentials WHERE user_id = ?", [user.id]) is not None


def check_new_password(user: User, password: str) -> None:
    """Refuse (exit 1) a password too short, too long, or the user's own name."""
    if len(password) < MIN_LENGTH:
        raise BadInput(f"password: too short; use at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise BadInput(f"password: too long; use at most {MAX_LENGTH} characters")
    if password.strip().casefold() == user.name.strip().casefold():
        raise BadInput("password: must not be the user's name")


def set_password(store: Store, actor: User | None, target_name: str, password: str) -> bool:
    """Set ``target_name``'s password; return True when it is temporary (set by a lead).

    In an open database only a lead may set the first password, and it must be
    their own (otherwise no one could sign in to set the others). In a secured
    database ``actor`` must already be signed in: anyone may change their own
    password; a lead may set anyone's, marked temporary until its owner changes it.
    """
    target = find_user(store, target_name)
    if target is None:
        raise BadInput(f"no user {target_name!r} in this database")
    if actor is None:
        raise Refused("who is setting the password? give --as NAME")
    check_new_password(target, password)
    secured = is_secured(store)
    own = actor.id == target.id
    if not secured:
        require_role(actor, Role.LEAD, doing="secure the database with the first password")
        if not own:
            raise Refused(
                f"set your own password first (moderator user password {actor.name!r}): the "
                "first password secures the database, and you will need it to sign in"
            )
    elif not own:
        require_role(actor, Role.LEAD, doing="set another user's password")
    temporary = not own
    digest = _hasher().hash(password)
    with store.transaction():
        store.execute(
            "INSERT INTO credentials (user_id, hash, temporary, set_at, set_by)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash,"
            " temporary = excluded.temporary, set_at = excluded.set_at,"
            " set_by = excluded.set_by, failures = 0, locked_until = NULL",
            (target.id, digest, int(temporary), store.now(), actor.name),
        )
        store.record_event(
            actor.name,
            "user.password",
            "user",
            target.id,
            detail={"temporary": temporary, "secures_database": not secured},
        )
    return temporary


def sign_in(store: Store, name: str, password: str, policy: SignInPolicy | None = None) -> SignedIn:
    """Check ``name``'s password; refuse with exit 3 (and log the failure) when it is wrong.

    The message is the same for an unknown name, a user without a password and
    a wrong password, so that it tells nobody who works here.
    """
    policy = policy or SignInPolicy()
    user = find_user(store, name.strip()) if name.strip() else None
    row = (
        None
        if user is None
        else store.row(
            "SELECT hash, temporary, failures, locked_until FROM credentials WHERE user_id = ?",
            [user.id],
        )
    )
    if user is None or row is None:
        _verify(_dummy_hash(), password)
        reason = "unknown name" if user is None else "no password set"
        with store.transaction():
            store.record_event(
                UNKNOWN if user is None else user.name,
                "signin.fail",
                "user",
                None if user is None else user.id,
                detail={"reason": reason},
            )
        policy.sleep(policy.delay_seconds)
        raise Refused(SIGN_IN_FAILED)
    now = policy.clock()
    locked_until = _parse(row["locked_until"])
    if locked_until is not None and locked_until > now:
        with store.transaction():
            store.record_event(
                user.name, "signin.fail", "user", user.id, detail={"reason": "locked"}
            )
        raise Refused(
            f"too many failed sign-ins: {user.name} is locked until "
            f"{locked_until:%H:%M} UTC; try again then, or ask a lead to set a new password"
        )
    if not _verify(row["hash"], password):
        _record_failure(store, user, int(row["failures"]) + 1, policy)
        raise Refused(SIGN_IN_FAILED)
    with store.transaction():
        store.execute(
            "UPDATE credentials SET failures = 0, locked_until = NULL WHERE user_id = ?",
            [user.id],
        )
        if _hasher().check_needs_rehash(row["hash"]):
            store.execute(
                "UPDATE credentials SET hash = ? WHERE user_id = ?",
                [_hasher().hash(password), user.id],
            )
        store.record_event(user.name, "signin.ok", "user", user.id)
    return SignedIn(user=user, temporary=bool(row["temporary"]))


def _record_failure(store: Store, user: User, failures: int, policy: SignInPolicy) -> None:
    locks = failures >= policy.max_failures
    until = policy.clock() + timedelta(minutes=policy.lock_minutes) if locks else None
    with store.transaction():
        store.execute(
            "UPDATE credentials SET failures = ?, locked_until = ? WHERE user_id = ?",
            [0 if locks else failures, None if until is None else until.isoformat(), user.id],
        )
        store.record_event(
            user.name,
            "signin.fail",
            "user",
            user.id,
            detail={"reason": "wrong password", "failures": failures},
        )
        if until is not None:
            store.record_event(
                user.name,
                "signin.lock",
                "user",
                user.id,
                detail={"until": until.isoformat(timespec="seconds"), "failures": failures},
            )
    policy.sleep(policy.delay_after(failures))


def _verify(digest: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(digest, password)
    except (VerificationError, InvalidHashError):  # a mismatch is a VerificationError
        return False


def _parse(stamp: str | None) -> datetime | None:
    return None if not stamp else datetime.fromisoformat(stamp)
