"""Whether a folder is uploaded by a cloud service (OneDrive, iCloud Drive and the like)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from vastgoedcheck.i18n import _

# OneDrive's own variables; Known Folder Move puts Documents, Desktop and Pictures under them.
_ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


def _components(path: str | Path) -> list[str]:
    """The path's components, absolute; "C:\\Users" and "/Users" alike."""
    text = str(path).replace("\\", "/")
    if not (text.startswith("/") or text[1:2] == ":"):
        text = os.path.abspath(text).replace("\\", "/")
    return [part for part in text.split("/") if part]


def _same(part: str) -> str:
    # Windows and macOS ignore case in names: "onedrive" is "OneDrive" there.
    return part.casefold() if sys.platform in ("win32", "darwin") else part


def _inside(parts: list[str], root: str | Path) -> bool:
    root_parts = _components(root)
    return (
        bool(root_parts)
        and len(parts) >= len(root_parts)
        and all(_same(a) == _same(b) for a, b in zip(parts, root_parts, strict=False))
    )


def synced_by(
    path: str | Path, environ: Mapping[str, str] | None = None, home: Path | None = None
) -> str | None:
    """The name of the cloud service that uploads ``path`` ("OneDrive", "iCloud Drive", …), or
    None when it stays on this computer."""
    env = os.environ if environ is None else environ
    home = Path.home() if home is None else home
    parts = _components(path)
    for name in _ONEDRIVE_VARIABLES:
        root = env.get(name, "").strip()
        if root and _inside(parts, root):
            return "OneDrive"
    if _inside(parts, home / "Library" / "Mobile Documents"):
        return "iCloud Drive"
    cloud_storage = home / "Library" / "CloudStorage"  # macOS: OneDrive, Dropbox, Google Drive
    depth = len(_components(cloud_storage))
    if _inside(parts, cloud_storage) and len(parts) > depth:
        return parts[depth].split("-")[0] or "iCloud Drive"
    return None


def upload_warning(path: str | Path) -> str | None:
    """The warning before a report or backup is saved at ``path`` in a folder that a cloud
    service uploads, or None when it stays on this computer."""
    service = synced_by(path)
    if service is None:
        return None
    return _(
        "{file} is in {service}, which uploads it to the cloud: the personal data in it then "
        "leaves this computer"
    ).format(file=path, service=service)
