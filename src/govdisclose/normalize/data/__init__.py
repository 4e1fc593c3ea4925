"""Data files (header synonyms, unit aliases, phrase tables) shipped with the package."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """Parse one YAML file from this folder (cached; treat the result as read-only)."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)
