"""Build hook: compile the gettext catalogues (.po → .mo) into the wheel; .mo is never committed."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogues(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the .po files directly
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        out = Path(tempfile.mkdtemp(prefix="vastgoedcheck-mo-"))
        for po_path in Path(self.root, "translations").glob("*/LC_MESSAGES/*.po"):
            language = po_path.parent.parent.name
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=language)
            mo_path = out / language / "LC_MESSAGES" / po_path.with_suffix(".mo").name
            mo_path.parent.mkdir(parents=True, exist_ok=True)
            with mo_path.open("wb") as handle:
                write_mo(handle, catalog)
            relative = mo_path.relative_to(out).as_posix()
            build_data["force_include"][str(mo_path)] = f"vastgoedcheck/_data/translations/{relative}"
