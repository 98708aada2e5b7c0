"""What the system said when a file could not be written, in words staff read.

Python's own text for an ``OSError`` is English ("No space left on device");
uvp says it with a text of the catalogue instead, chosen by the error's number
(and on Windows by the Windows error, which says more).
"""

from __future__ import annotations

import errno
from typing import Final

from uvp.messages import Phrase

__all__ = ["os_reason"]

# The words for what the system said, by errno (and by Windows error, which Python
# maps to errno values that say less: a file open in another program is EACCES).
_REASONS: Final = {
    errno.ENOSPC: "os-disk-full",
    errno.EDQUOT: "os-quota",
    errno.EACCES: "os-no-permission",
    errno.EPERM: "os-no-permission",
    errno.EROFS: "os-read-only-disk",
    errno.ENOENT: "os-missing-folder",
    errno.EBUSY: "os-in-use",
    errno.ETXTBSY: "os-in-use",
    errno.EISDIR: "os-is-folder",
    errno.ENOTDIR: "os-not-folder",
    errno.ENAMETOOLONG: "os-name-too-long",
    errno.EINVAL: "os-bad-name",
    errno.EILSEQ: "os-bad-name",
    errno.EIO: "os-io-error",
    errno.EEXIST: "os-not-folder",  # uvp makes folders only: a file has the name
    errno.ESTALE: "os-network",
    errno.ENETDOWN: "os-network",
    errno.ENETUNREACH: "os-network",
    errno.EHOSTUNREACH: "os-network",
    errno.ETIMEDOUT: "os-network",
    errno.ECONNRESET: "os-network",
}
_WINDOWS_REASONS: Final = {
    32: "os-in-use",  # ERROR_SHARING_VIOLATION
    33: "os-in-use",  # ERROR_LOCK_VIOLATION
    112: "os-disk-full",  # ERROR_DISK_FULL
    39: "os-disk-full",  # ERROR_HANDLE_DISK_FULL
    19: "os-read-only-disk",  # ERROR_WRITE_PROTECT
    53: "os-network",  # ERROR_BAD_NETPATH
    64: "os-network",  # ERROR_NETNAME_DELETED
    123: "os-bad-name",  # ERROR_INVALID_NAME
}


def os_reason(error: OSError) -> Phrase:
    """What the system said in *error*, in words of the catalogue (Dutch for staff).

    >>> import errno
    >>> from uvp.messages import render
    >>> full = os_reason(OSError(errno.ENOSPC, "No space left on device"))
    >>> render("nl", "file-write-failed", source="plan.xlsx", detail=full)
    'plan.xlsx: het bestand kon niet worden opgeslagen (de schijf is vol).'
    >>> str(os_reason(OSError(errno.EXDEV, "Invalid cross-device link")))
    'system error EXDEV'
    """
    code = _WINDOWS_REASONS.get(getattr(error, "winerror", None) or 0) or _REASONS.get(
        error.errno or 0
    )
    if code is not None:
        return Phrase(code)
    name = errno.errorcode.get(error.errno or 0) or type(error).__name__
    return Phrase("os-other", {"name": name})
