"""Users and roles: manager, moderator, lead."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from moderator.domain.text import require_plain_text
from moderator.errors import BadInput, NotFound, Refused, UsageProblem
from moderator.store.db import Store


class Role(StrEnum):
    """What a user may do."""

    MANAGER = "manager"
    """Grades cases assigned to them."""
    MODERATOR = "moderator"
    """Grades sampled cases blind, then reviews disagreements."""
    LEAD = "lead"
    """Assigns audits, draws samples, reads and exports drift."""


class User(BaseModel):
    """A person working in moderator."""

    model_config = ConfigDict(frozen=True)

    id: int
    name: str
    role: Role
    team: str | None = None
    authority: str | None = None


SYSTEM = "system"


def _user(row: dict[str, object]) -> User:
    return User.model_validate(row)


def list_users(store: Store) -> list[User]:
    """Every user, by name."""
    return [
        _user(r)
        for r in store.rows("SELECT id, name, role, team, authority FROM users ORDER BY name")
    ]


def find_user(store: Store, name: str) -> User | None:
    """The user with this name (case-insensitive), or None."""
    row = store.row("SELECT id, name, role, team, authority FROM users WHERE name = ?", [name])
    return None if row is None else _user(row)


def get_user(store: Store, name: str | None) -> User:
    """The acting user; a clear error when no user is given or the name is unknown."""
    if not name:
        raise UsageProblem(
            "who is working? give --as NAME (or set MODERATOR_USER, or `user:` in the config)"
        )
    user = find_user(store, name)
    if user is None:
        # Never list the others: the message may be read by someone who is not one of them.
        # An open database's picker shows every name anyway: there, a near miss is named.
        raise NotFound(
            f"no user {name!r} in this database{_did_you_mean(store, name)} "
            "(a lead adds users: `moderator user add`)"
        )
    return user


def _did_you_mean(store: Store, name: str) -> str:
    """ ", did you mean 'Philip Mensah'?" for a near miss in an open database, else ""."""
    from difflib import get_close_matches

    from moderator.services.auth import is_secured

    if is_secured(store):
        return ""
    names = [str(r["name"]) for r in store.rows("SELECT name FROM users")]
    folded = {n.casefold(): n for n in names}
    close = get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.75)
    return f"; did you mean {folded[close[0]]!r}?" if close else ""


def require_role(user: User, *roles: Role, doing: str) -> None:
    """Refuse (exit 3) unless ``user`` has one of ``roles``."""
    if user.role not in roles:
        allowed = " or ".join(r.value for r in roles)
        raise Refused(f"{user.name} is a {user.role.value}; only a {allowed} may {doing}")


def add_user(
    store: Store,
    actor_name: str | None,
    name: str,
    role: Role | str,
    *,
    team: str | None = None,
    authority: str | None = None,
) -> User:
    """Add a user. Until the database has a lead anyone may add users; after that only a lead."""
    name = require_plain_text(name.strip(), "user name", multiline=False)
    team = None if team is None else require_plain_text(team, "team", multiline=False)
    if authority is not None:
        authority = require_plain_text(authority, "authority", multiline=False)
    if not name or len(name) > 80:
        raise BadInput("user name must be 1-80 characters")
    try:
        role = Role(role)
    except ValueError:
        raise BadInput(f"unknown role {role!r}; use manager, moderator or lead") from None
    has_lead = store.scalar("SELECT 1 FROM users WHERE role = 'lead' LIMIT 1") is not None
    actor = SYSTEM
    if has_lead:
        if not actor_name:
            raise Refused("only a lead may add users once a lead exists: give --as LEAD-NAME")
        acting = get_user(store, actor_name)
        require_role(acting, Role.LEAD, doing="add users")
        actor = acting.name
    elif actor_name:
        actor = actor_name
    if find_user(store, name) is not None:
        raise BadInput(f"user {name!r} already exists")
    with store.transaction():
        cur = store.execute(
            "INSERT INTO users (name, role, team, authority, created_at) VALUES (?, ?, ?, ?, ?)",
            (name, role.value, team, authority, store.now()),
        )
        store.record_event(actor, "user.add", "user", cur.lastrowid, after=role.value)
    created = find_user(store, name)
    assert created is not None
    return created
