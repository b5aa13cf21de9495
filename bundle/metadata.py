"""The application's metadata for Windows (version resource) and macOS (Info.plist)."""

from __future__ import annotations

from pathlib import Path

from vastgoedcheck import APP_NAME, __version__

BUNDLE_IDENTIFIER = "nl.vastgoedcheck.app"
DESCRIPTION = "Red-flag checks against criminal misuse of real estate"
COPYRIGHT = "© vastgoedcheck"


def version_numbers(version: str = __version__) -> tuple[int, int, int, int]:
    """``0.1.0`` → (0, 1, 0, 0): the four numbers Windows shows under Properties → Details."""
    numbers = [int(part) for part in version.split(".")[:4] if part.isdigit()]
    padded = (*numbers, 0, 0, 0, 0)[:4]
    return padded[0], padded[1], padded[2], padded[3]


def write_windows_version_file(path: Path, executable: str) -> Path:
    """A version resource for ``executable`` (e.g. ``vastgoedcheck.exe``), in the text form
    that PyInstaller's ``EXE(version=...)`` reads."""
    numbers = version_numbers()
    strings = {
        "CompanyName": APP_NAME,
        "FileDescription": f"{APP_NAME} — {DESCRIPTION}",
        "FileVersion": __version__,
        "InternalName": executable.removesuffix(".exe"),
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": executable,
        "ProductName": APP_NAME,
        "ProductVersion": __version__,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # The classes are PyInstaller's (PyInstaller.utils.win32.versioninfo); 0x0413 is Dutch
    # (Netherlands), 1200 (04B0) Unicode.
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('041304B0', [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200])])
  ]
)
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def info_plist() -> dict[str, object]:
    """What the macOS app bundle declares beyond PyInstaller's defaults."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": __version__,
        "CFBundleVersion": __version__,
        "CFBundleDevelopmentRegion": "nl",
        "CFBundleLocalizations": ["nl", "en"],
        "NSHumanReadableCopyright": COPYRIGHT,
        "NSHighResolutionCapable": True,  # sharp text on Retina screens
        "NSRequiresAquaSystemAppearance": False,  # follow dark mode
        "LSApplicationCategoryType": "public.app-category.business",
        "LSMinimumSystemVersion": "12.0",  # what Qt 6.8+ supports
    }
