"""User settings: the one place moderator reads its configuration.

Highest priority first: values given on the command line, the environment
(``MODERATOR_*``, any case; nested values with ``__``, for example
``MODERATOR_SAMPLE__RATE``; a mapping as JSON, ``MODERATOR_KEYS='{"a": "b"}'``),
then the YAML config file (``MODERATOR_CONFIG``, else ``config.yaml`` in the
platform config directory). pydantic validates the merged values. The three
sources are merged here rather than by pydantic-settings, whose import alone
cost the workbench's cold start a tenth of a second. The domain and the
services read no environment and no config: the faces (``cli/``, ``tui/``)
load the settings here and pass paths and defaults in.

Nothing here touches the disk at import time; paths are resolved in functions.
See ``docs/architecture.md`` for every setting.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from moderator.errors import BadInput
from moderator.files import write_private

APP_NAME = "moderator"

DEFAULT_MIN_PER_MANAGER = 1
DEFAULT_EXCLUDE_MONTHS = 6


def config_path() -> Path:
    """The config file: ``MODERATOR_CONFIG`` or the platform config dir's ``config.yaml``."""
    override = os.environ.get("MODERATOR_CONFIG")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / "config.yaml"


def _config_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME))


def default_db_path() -> Path:
    """The user's database in the platform data directory."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME)) / "moderator.db"


class SampleDefaults(BaseModel):
    """What the moderation-sample form and ``moderator sample`` start from."""

    rate: float = Field(default=0.5, gt=0, le=1)
    """Share of eligible submitted audits drawn at random."""
    seed: int | None = None
    """Random seed; None: chosen afresh and recorded with the sample."""
    min_per_manager: int = Field(default=DEFAULT_MIN_PER_MANAGER, ge=0)
    """At least this many audits per manager, when they have them."""
    exclude_months: int = Field(default=DEFAULT_EXCLUDE_MONTHS, ge=0)
    """Leave out cases moderated in the last N months (0: none)."""


class Settings(BaseModel):
    """Settings for one run of moderator (build them with :func:`load_settings`)."""

    model_config = ConfigDict(extra="ignore")

    db: Path | None = None
    """Database file; default is the platform data directory."""
    user: str | None = None
    """Who is working (a user name known to the database), whatever the database."""
    remembered_users: dict[str, str] = Field(default_factory=dict)
    """The name last picked in the workbench, per database (by its resolved path)."""
    theme: str = "textual-dark"
    """TUI theme name (for example textual-dark, textual-light)."""
    keys: dict[str, str] = Field(default_factory=dict)
    """TUI key remaps by binding id, for example ``grading.submit: ctrl+enter`` (see ``?``)."""
    coverage_target: float = Field(default=0.5, ge=0, le=1)
    """Share of submitted audits that should be externally moderated."""
    rubrics: Path | None = None
    """A rubrics directory to use instead of the shipped rubrics."""
    sample_audits: Path | None = None
    """A sample-audits folder for ``moderator demo`` instead of the bundled one."""
    key_file: Path | None = None
    """The pseudonymisation key; default ``pseudonym.key`` in the config directory."""
    pack_key_file: Path | None = None
    """The key that seals moderation packs; default ``pack.key`` in the config directory."""
    sample: SampleDefaults = Field(default_factory=SampleDefaults)
    """Defaults of a moderation sample."""
    idle_lock_minutes: float = Field(default=15.0, ge=0)
    """In a secured database the workbench locks after this many idle minutes (0: never)."""
    signin_max_failures: int = Field(default=5, ge=1)
    """Failed sign-ins in a row that lock an account."""
    signin_lock_minutes: float = Field(default=15.0, ge=0)
    """How long a locked account stays locked."""
    signin_delay_seconds: float = Field(default=0.5, ge=0)
    """The pause after a failed sign-in; it doubles with each failure in a row."""
    authority: str | None = None
    """The authority's name, for report titles."""
    import_jobs: int | None = Field(default=None, ge=1)
    """Processes that anonymise a large case import; None: one per CPU, up to eight."""

    def db_path(self) -> Path:
        """The database path to use."""
        return self.db or default_db_path()

    def remembered_user(self, db_path: Path) -> str | None:
        """The name picked in the workbench on ``db_path`` (and on no other database)."""
        return self.remembered_users.get(database_key(db_path))

    def key_path(self) -> Path:
        """The pseudonymisation key.

        The key is deliberately kept outside the database, so a copy of the
        database alone cannot re-identify anyone by brute force over known names.
        """
        return self.key_file or _config_dir() / "pseudonym.key"

    def pack_key_path(self) -> Path:
        """The key that seals moderation packs.

        Like the pseudonymisation key it lives outside the database: a copy of
        the database alone cannot forge or verify the authority's packs.
        """
        return self.pack_key_file or _config_dir() / "pack.key"


MAX_CONFIG_BYTES = 1024 * 1024
"""A config file: a few dozen lines of YAML."""


def _load_config_yaml(path: Path) -> Any:
    """The config file's YAML, read within a size and nesting limit, or one clear message."""
    from moderator.yaml_files import load_yaml_file

    return load_yaml_file(path, MAX_CONFIG_BYTES, "config", "config file")


def _read_config_file(path: Path) -> dict[str, Any]:
    """The config file's mapping ({} when there is no file), or one clear message."""
    if not path.is_file():
        return {}
    data = _load_config_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BadInput(f"{path}: config must be a YAML mapping")
    # An empty key (`user:`) means "not set", as if the line were absent.
    return {k: v for k, v in data.items() if v is not None}


ENV_PREFIX = "moderator_"


def _read_environment() -> dict[str, Any]:
    """``MODERATOR_*`` variables naming a setting, nested on ``__``; others are ignored.

    A setting that is a mapping or a group (``keys``, ``sample``) may also be given
    whole, as JSON. Names are matched in any case.
    """
    found: dict[str, Any] = {}
    for name, value in os.environ.items():
        lowered = name.lower()
        if not lowered.startswith(ENV_PREFIX):
            continue
        path = lowered[len(ENV_PREFIX) :].split("__")
        field = Settings.model_fields.get(path[0])
        if field is None:
            continue
        if len(path) == 1:
            found[path[0]] = _json_if_mapping(field.annotation, value)
            continue
        target = found.setdefault(path[0], {})
        if not isinstance(target, dict):
            continue  # given whole as well as by part: the whole value wins
        for part in path[1:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value
    return found


def _json_if_mapping(annotation: Any, value: str) -> Any:
    """A mapping or group setting given in one variable is JSON; anything else is text."""
    text = str(annotation)
    if annotation is SampleDefaults or text.startswith("dict"):
        try:
            return json.loads(value)
        except ValueError:
            return value  # pydantic then names the setting and says what it expected
    return value


def _merge(weaker: dict[str, Any], stronger: dict[str, Any]) -> dict[str, Any]:
    """``stronger`` over ``weaker``, group by group (``sample.rate`` keeps ``sample.seed``)."""
    merged = dict(weaker)
    for key, value in stronger.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_settings(**overrides: Any) -> Settings:
    """Settings from the given values (None: not given), the environment, the config file."""
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        values = _merge(_merge(_read_config_file(config_path()), _read_environment()), given)
        return Settings.model_validate(values)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors()
        ]
        raise BadInput(
            f"bad settings (in {config_path()} or the MODERATOR_* environment)", details=problems
        ) from None


def apply_settings(settings: Settings) -> None:
    """Hand the core the choices it cannot read itself (the rubrics directory in use)."""
    from moderator.domain.rubric_files import use_rubrics_dir

    use_rubrics_dir(settings.rubrics)


def default_key_path() -> Path:
    """The pseudonymisation key of the current settings (see :meth:`Settings.key_path`)."""
    return load_settings().key_path()


def default_pack_key_path() -> Path:
    """The pack-sealing key of the current settings (see :meth:`Settings.pack_key_path`)."""
    return load_settings().pack_key_path()


def save_config_value(name: str, value: object) -> None:
    """Set one value in the config file, keeping the others."""
    path = config_path()
    data: dict[str, Any] = {}
    if path.is_file():
        loaded = _load_config_yaml(path) or {}
        if isinstance(loaded, dict):
            data = loaded
    data[name] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, yaml.safe_dump(data, sort_keys=True))


def database_key(db_path: Path) -> str:
    """How the config names a database: its resolved path."""
    return str(Path(db_path).expanduser().resolve())


def save_user_choice(user: str, db_path: Path) -> None:
    """Remember the user picked in the workbench for ``db_path`` only (config ``remembered_users``).

    A name picked on one database is never offered on another, nor acted as there.
    """
    remembered = dict(_read_config_file(config_path()).get("remembered_users") or {})
    remembered[database_key(db_path)] = user
    save_config_value("remembered_users", remembered)


def save_theme(theme: str) -> None:
    """Remember the TUI theme in the config file."""
    save_config_value("theme", theme)
