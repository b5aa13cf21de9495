"""Qt's own words (standard buttons, file dialogs, context menus) in the app's language: Qt's
catalogue, found also in the installed app, with the labels that Qt gave a keyboard letter
after its Dutch catalogue was made ("&Look in:", "Files of &type:") still in Dutch."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator


def translation_folders() -> list[Path]:
    """Where Qt's catalogues may be: where Qt says, and PySide6's own folder (in the wheel and in
    the installed app) in case Qt was told another place."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    try:
        import PySide6

        folders.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    except (ImportError, TypeError):  # pragma: no cover - PySide6 is what runs this
        pass
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        folders.append(Path(frozen) / "PySide6" / "Qt" / "translations")
    return folders


def with_letter(text: str) -> str:
    """``text`` with a keyboard letter: its first letter."""
    for position, character in enumerate(text):
        if character.isalpha():
            return f"{text[:position]}&{text[position:]}"
    return text


class QtCatalogue(QTranslator):
    """Qt's catalogue for one language. A label that Qt now writes with a keyboard letter and
    that the catalogue has only without one is translated as the label without it, and gets the
    first letter of the translation as its keyboard letter."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        found = super().translate(context, source, disambiguation, n)
        if found or "&" not in source:
            return found or ""
        plain = source.replace("&&", "\0").replace("&", "").replace("\0", "&&")
        without = super().translate(context, plain, disambiguation, n)
        return with_letter(without) if without else ""


def load_qt_catalogue(language: str) -> QtCatalogue | None:
    """Qt's catalogue for ``language``, or None when none is found (Qt then speaks English)."""
    catalogue = QtCatalogue()
    for folder in translation_folders():
        if catalogue.load(f"qtbase_{language}", str(folder)):
            return catalogue
    return None
