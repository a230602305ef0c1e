"""User settings: who is working, which database, report defaults.

Read from the environment (``MODERATOR_*``) and an optional YAML config file
(``MODERATOR_CONFIG`` or ``config.yaml`` in the platform config directory).
Nothing here touches the disk at import time; paths are resolved in functions.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from moderator.errors import BadInput
from moderator.files import write_private

APP_NAME = "moderator"


def config_path() -> Path:
    """The config file: ``MODERATOR_CONFIG`` or the platform config dir's ``config.yaml``."""
    override = os.environ.get("MODERATOR_CONFIG")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / "config.yaml"


def default_db_path() -> Path:
    """The user's database in the platform data directory."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME)) / "moderator.db"


def default_key_path() -> Path:
    """Where the pseudonymisation key lives: ``MODERATOR_KEY_FILE`` or the platform config dir.

    The key is deliberately kept outside the database, so a copy of the
    database alone cannot re-identify anyone by brute force over known names.
    """
    override = os.environ.get("MODERATOR_KEY_FILE")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / "pseudonym.key"


def default_pack_key_path() -> Path:
    """The key that seals moderation packs: ``MODERATOR_PACK_KEY_FILE`` or the platform config dir.

    Like the pseudonymisation key it lives outside the database: a copy of the
    database alone cannot forge or verify the authority's packs.
    """
    override = os.environ.get("MODERATOR_PACK_KEY_FILE")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / "pack.key"


class Settings(BaseSettings):
    """Settings for one run of moderator."""

    model_config = SettingsConfigDict(env_prefix="MODERATOR_", extra="ignore")

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
    idle_lock_minutes: float = Field(default=15.0, ge=0)
    """In a secured database the workbench locks after this many idle minutes (0: never)."""
    signin_max_failures: int = Field(default=5, ge=1)
    """Failed sign-ins in a row that lock an account."""
    signin_lock_minutes: float = Field(default=15.0, ge=0)
    """How long a locked account stays locked."""
    signin_delay_seconds: float = Field(default=0.5, ge=0)
    """The pause after a failed sign-in; it doubles with each failure in a row."""

    def db_path(self) -> Path:
        """The database path to use."""
        return self.db or default_db_path()


def load_settings(**overrides: Any) -> Settings:
    """Settings from the config file, then the environment, then explicit overrides."""
    from_file: dict[str, Any] = {}
    path = config_path()
    if path.is_file():
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
            raise BadInput(f"{path}: cannot read config: {exc}") from None
        if not isinstance(loaded, dict):
            raise BadInput(f"{path}: config must be a YAML mapping")
        from_file = {k: v for k, v in loaded.items() if v is not None}
    env_settings = Settings()
    merged: dict[str, Any] = {**from_file}
    for name in Settings.model_fields:
        if name in env_settings.model_fields_set:
            merged[name] = getattr(env_settings, name)
    merged.update({k: v for k, v in overrides.items() if v is not None})
    return Settings.model_validate(merged)


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
