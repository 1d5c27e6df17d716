"""Atomic file writes: a temporary file beside the target is renamed over it only once complete.

An interrupted or failed write never leaves half a file: every output of the tool goes
through :func:`atomic_path` (graphs, exports, the network page, store markers). The target
is checked first (:func:`check_target`): a folder, a FIFO or a device is refused, a
symbolic link is written through (the file it names is replaced, the link kept), and a
full disk is a one-line :class:`~kg.errors.InputError`.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError


def check_target(target: Path) -> Path:
    """The file to write for output ``target`` (symbolic links resolved), or a one-line :class:`InputError`.

    Refused: a folder, anything but a regular file (a FIFO, a device, a socket), a link
    loop, a missing or unwritable folder. Call it before long work, so that a bad ``-o``
    fails at once.
    """
    target = Path(target)
    try:
        resolved = target.resolve(strict=False) if target.is_symlink() else target
    except (OSError, RuntimeError) as error:
        raise InputError(target, f"cannot follow the symbolic link ({error})") from None
    try:
        mode = resolved.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise InputError(target, f"cannot use as output ({error.strerror or error})") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise InputError(target, "is a folder: give a file name")
    if mode is not None and not stat.S_ISREG(mode):
        raise InputError(target, "is not a regular file (a FIFO, device or socket): not replaced")
    folder = resolved.parent if str(resolved.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(target, f"folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(target, f"folder {folder} is not writable")
    return resolved


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it to ``target`` on success.

    ``target`` is checked by :func:`check_target`; a write that fails for want of space
    or rights is a one-line :class:`InputError` naming ``target``, and no file is left.
    """
    shown = Path(target)
    target = check_target(shown)
    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(handle)
        temporary = Path(name)
        yield temporary
        # mkstemp makes the file private (0600): keep the mode of the file replaced, else rw-r--r--.
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(temporary, target)
    except OSError as error:
        raise InputError(shown, f"cannot write ({error.strerror or error})") from None
    finally:
        if temporary is not None and temporary.exists():
            temporary.unlink()


def write_text_atomic(target: Path, text: str) -> None:
    """Write text to ``target`` atomically (UTF-8)."""
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8")


def write_with(target: Path, writer: Callable[[Path], None]) -> None:
    """Let ``writer`` fill a temporary file, then move it to ``target``."""
    with atomic_path(target) as temporary:
        writer(temporary)


__all__ = ["atomic_path", "check_target", "write_text_atomic", "write_with"]
