"""What every command of the ``kg`` CLI shares: the consoles, ``fail()``, dates and progress bars."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

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


class _Count(ProgressColumn):
    """Done of total; nothing for a step of unknown length (merging, validating, writing)."""

    def render(self, task: Task) -> Text:
        """The count of ``task``."""
        return Text("" if task.total is None else f"{task.completed:.0f}/{task.total:.0f}", style="progress.download")


def phases(bar: Progress) -> Callable[[str], None]:
    """An ``on_phase`` for ``bar``: each step a line with its own clock; the steps before it stop theirs."""

    def start(name: str) -> None:
        for task in bar.tasks:
            bar.stop_task(task.id)
        bar.add_task(name, total=None)

    return start


@contextmanager
def progress(unit: str | None = None) -> Iterator[Progress]:
    """A progress bar on standard error (only on a terminal; gone when done).

    ``unit`` counts things other than "done of total" (``quads``).
    """
    counter: ProgressColumn = TextColumn(f"{{task.completed}} {unit}") if unit else _Count()
    columns = (TextColumn("{task.description}"), BarColumn(), counter, TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        yield bar
