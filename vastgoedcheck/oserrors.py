"""System errors in the user's language: the kind of error translated, the system's detail after."""

from __future__ import annotations

import errno
import zipfile

from vastgoedcheck.i18n import N_, _

# The kinds of system error a user meets; the system's own text (English on most systems) is
# kept after the translated kind, for whoever helps the user.
_KINDS = {
    errno.ENOENT: N_("the file or folder does not exist"),
    errno.EACCES: N_("no permission"),
    errno.EPERM: N_("no permission"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EEXIST: N_("it already exists"),
    errno.EIO: N_("the disk could not be read or written"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.ENOTEMPTY: N_("the folder is not empty"),
    errno.EXDEV: N_("it is on another disk"),
    errno.EMFILE: N_("too many files are open"),
    errno.ELOOP: N_("too many symbolic links"),
}


def os_reason(error: BaseException) -> str:
    """Why a file operation failed, as "translated kind (system detail)"."""
    if isinstance(error, zipfile.BadZipFile):
        return _("the file is not a zip file ({detail})").format(detail=error)
    code = getattr(error, "errno", None)
    detail = getattr(error, "strerror", None) or str(error)
    kind = _KINDS.get(code) if isinstance(code, int) else None
    if kind is None:
        return _("system error ({detail})").format(detail=detail)
    return _("{kind} ({detail})").format(kind=_(kind), detail=detail)
