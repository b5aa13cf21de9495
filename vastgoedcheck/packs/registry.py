"""The packs available on this installation, by id and version."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _
from vastgoedcheck.jsonfiles import Problem, json_path
from vastgoedcheck.packs.loading import InvalidPack, load_pack_file
from vastgoedcheck.paths import checklists_dir


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@dataclass
class PackRegistry:
    """Every version of every pack stays available, so old checks keep their exact pack."""

    _packs: dict[tuple[str, str], Pack] = field(default_factory=dict)
    _files: dict[tuple[str, str], Path] = field(default_factory=dict)
    # Files of earlier pack versions, read only when a check made with one of them needs it.
    _unread: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # earlier versions that could not be read

    @classmethod
    def builtin(cls) -> PackRegistry:
        """The packs that ship with the app; validated in full only when first seen."""
        from vastgoedcheck.packs.validated import load_packs

        registry = cls()
        # The current version of each pack sits in the folder itself; every earlier version
        # stays in previous/, so a check keeps the exact pack it was made with.
        folder = checklists_dir()
        paths = sorted(folder.glob("*.json"))
        for path, pack in zip(paths, load_packs(paths), strict=True):
            registry.add(pack, path)
        registry._unread = sorted(folder.glob("previous/*.json"))
        return registry

    def _read_previous(self) -> None:
        """Read the earlier pack versions; a damaged file is set aside in ``problems`` (a check
        made with it then reads as made with a version this installation does not have)."""
        unread, self._unread = self._unread, []
        for path in unread:
            try:
                self.add(load_pack_file(path), path)
            except InvalidPack as error:
                self.problems.append(error.problems[0].describe(f"previous/{path.name}"))

    def add(self, pack: Pack, path: Path) -> None:
        """Register a pack; a second file with the same id and version is refused."""
        earlier = self._files.get((pack.id, pack.version))
        if earlier is not None:
            message = _("{other} already holds version {version} of the pack {id}").format(
                other=earlier.name, version=pack.version, id=pack.id
            )
            raise InvalidPack(path, [Problem(json_path(["version"]), message)])
        self._packs[(pack.id, pack.version)] = pack
        self._files[(pack.id, pack.version)] = path

    def latest(self) -> list[Pack]:
        """The newest version of each pack, in the order of their ids."""
        newest: dict[str, Pack] = {}
        for pack in self._packs.values():
            current = newest.get(pack.id)
            if current is None or _version_key(pack.version) > _version_key(current.version):
                newest[pack.id] = pack
        return [newest[pack_id] for pack_id in sorted(newest)]

    def get(self, pack_id: str, version: str | None = None) -> Pack | None:
        """A pack by id: the given version, or the newest when no version is given."""
        if version is not None:
            if (pack_id, version) not in self._packs and self._unread:
                self._read_previous()
            return self._packs.get((pack_id, version))
        return next((pack for pack in self.latest() if pack.id == pack_id), None)

    def versions(self, pack_id: str) -> list[str]:
        self._read_previous()
        return sorted((v for (i, v) in self._packs if i == pack_id), key=_version_key)

    def file_text(self, pack: Pack) -> str:
        return self._files[(pack.id, pack.version)].read_text(encoding="utf-8")


def load_registry() -> PackRegistry:
    """The built-in packs; UserError (one sentence) when one of them is damaged."""
    try:
        return PackRegistry.builtin()
    except InvalidPack as error:
        first = error.problems[0].describe(error.path.name)
        message = _("A built-in checklist pack is damaged: {problem}").format(problem=first)
        raise UserError(message) from None
