"""User settings: the one place moderator reads its configuration.

pydantic-settings reads, highest priority first: values given on the command
line, the environment (``MODERATOR_*``; nested values with ``__``, for example
``MODERATOR_SAMPLE__RATE``), then the YAML config file (``MODERATOR_CONFIG``,
else ``config.yaml`` in the platform config directory). The domain and the
services read no environment and no config: the faces (``cli/``, ``tui/``)
load the settings here and pass paths and defaults in.

Nothing here touches the disk at import time; paths are resolved in functions.
See ``docs/architecture.md`` for every setting.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    YamlConfigSettingsSource,
)

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


class _ConfigFile(YamlConfigSettingsSource):
    """The YAML config file, with one clear message when it cannot be used."""

    def _read_file(self, file_path: Any) -> dict[str, Any]:
        try:
            data = super()._read_file(file_path)
        except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
            raise BadInput(f"{file_path}: cannot read config: {exc}") from None
        if not isinstance(data, dict):
            raise BadInput(f"{file_path}: config must be a YAML mapping")
        # An empty key (`user:`) means "not set", as if the line were absent.
        return {k: v for k, v in data.items() if v is not None}


class Settings(BaseSettings):
    """Settings for one run of moderator."""

    model_config = SettingsConfigDict(
        env_prefix="MODERATOR_", env_nested_delimiter="__", extra="ignore"
    )

    db: Path | None = None
    """Database file; default is the platform data directory."""
    user: str | None = None
    """Who is working (a user name known to the database)."""
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

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Given values, then the environment, then the config file."""
        return init_settings, env_settings, _ConfigFile(settings_cls, yaml_file=config_path())

    def db_path(self) -> Path:
        """The database path to use."""
        return self.db or default_db_path()

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


def load_settings(**overrides: Any) -> Settings:
    """Settings from the given values (None: not given), the environment, the config file."""
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**given)
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
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
            raise BadInput(f"{path}: cannot read config: {exc}") from None
        if isinstance(loaded, dict):
            data = loaded
    data[name] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, yaml.safe_dump(data, sort_keys=True))


def save_user_choice(user: str) -> None:
    """Remember the chosen user in the config file (the first-start picker uses this)."""
    save_config_value("user", user)


def save_theme(theme: str) -> None:
    """Remember the TUI theme in the config file."""
    save_config_value("theme", theme)
