"""What every command of the ``kg`` CLI shares: the consoles, ``fail()``, dates and progress bars."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn

console = Console()
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error (no traceback) and leave with ``code`` (1: failure, 2: usage)."""
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    """Print a one-line warning."""
    err.print(f"[yellow]warning:[/] {escape(message)}", highlight=False, soft_wrap=True)


def parse_date(value: str | None, option: str = "--date") -> date | None:
    """An ISO date option, or a usage error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be YYYY-MM-DD, not {value!r}", 2)


@contextmanager
def progress(unit: str | None = None) -> Iterator[Progress]:
    """A progress bar on standard error (only on a terminal; gone when done).

    ``unit`` counts things other than "done of total" (``quads``).
    """
    counter: ProgressColumn = TextColumn(f"{{task.completed}} {unit}") if unit else MofNCompleteColumn()
    columns = (TextColumn("{task.description}"), BarColumn(), counter, TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        yield bar
