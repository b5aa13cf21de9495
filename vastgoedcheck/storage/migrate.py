"""Bringing a data folder to the schema version this app reads, or saying why it cannot be."""

from __future__ import annotations

from collections.abc import Sequence

from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage import backups
from vastgoedcheck.storage.errors import DamagedFile, StoreDamaged, StoreError, StoreTooNew
from vastgoedcheck.storage.layout import Layout
from vastgoedcheck.storage.meta import SCHEMA_VERSION, MetaFile, Migration


def too_new(version: int) -> StoreTooNew:
    return StoreTooNew(
        _(
            "this data folder was written by a newer version of vastgoedcheck (store "
            "version {found}; this app reads up to {supported}); update the app"
        ).format(found=version, supported=SCHEMA_VERSION)
    )


def migrate(meta: MetaFile, layout: Layout, actor: str, migrations: Sequence[Migration]) -> None:
    """Bring the data folder to SCHEMA_VERSION, or say why it cannot be opened."""
    try:
        version = meta.schema_version()
    except DamagedFile:
        moved = layout.move_aside(layout.meta)
        raise StoreDamaged(
            _(
                "the store's meta.json is damaged (it was moved to {path}); restore a backup to "
                "open this data folder"
            ).format(path=moved)
        ) from None
    if version is None:
        if any(layout.checks.glob("*.json")):
            raise StoreDamaged(
                _(
                    "the store's meta.json is missing although the folder holds checks; restore "
                    "a backup to open this data folder"
                )
            )
        meta.create()
        return
    if version > SCHEMA_VERSION:
        raise too_new(version)
    if version == SCHEMA_VERSION:
        return
    steps = {migration.from_version: migration for migration in migrations}
    backup = backups.special_backup(layout, "before-migration")
    while version < SCHEMA_VERSION:
        step = steps.get(version)
        if step is None:
            raise StoreDamaged(
                _("this app cannot upgrade a data folder of store version {found}").format(
                    found=version
                )
            )
        try:
            step.apply(layout)
        except OSError as error:
            raise StoreError(
                _(
                    "the data folder could not be upgraded to store version {version} "
                    "({reason}); a backup made just before is {backup}"
                ).format(version=version + 1, reason=os_reason(error), backup=backup)
            ) from error
        version += 1
        meta.set_schema_version(version)
        meta.record("migrated", actor, to_version=version, description=step.description)
