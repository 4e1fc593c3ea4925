"""Every limit and heuristic threshold in one place, with its default.

``inspect`` prints them; users override them by name (``--set name=value``);
unknown names are rejected up front with the list of known ones.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from govdisclose.errors import SettingsError


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_input_bytes: int = Field(200 * 2**20, description="largest input file read")
    max_unzipped_bytes: int = Field(500 * 2**20, description="largest total unpacked size of a .docx")
    max_rows_per_table: int = Field(20000, description="rows per table before the file is refused")
    max_pdf_pages: int = Field(2000, description="pages of a PDF read before it is refused")
    traditional_share: float = Field(0.03, description="share of traditional characters that marks a text traditional")
    unit_files: tuple[str, ...] = Field((), description="users' unit registry files (YAML) added to the built-in one")

    def with_overrides(self, pairs: dict[str, Any]) -> "Settings":
        unknown = sorted(set(pairs) - set(type(self).model_fields))
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(unknown)}; known: "
                                f"{', '.join(type(self).model_fields)}")
        try:
            return type(self).model_validate({**self.model_dump(), **pairs})
        except ValidationError as exc:
            first = exc.errors()[0]
            raise SettingsError(f"setting {first['loc'][0]}: {first['msg']}") from None


DEFAULT_SETTINGS = Settings()
