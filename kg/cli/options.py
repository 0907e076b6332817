"""What the commands share: options declared once, the inputs they default to, progress and output.

Nothing here imports an RDF library, so ``kg --help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path

import click

from kg.formats import LANGUAGES

__all__ = [
    "CONTEXT",
    "articles_or_bundled",
    "emit",
    "encoding_option",
    "format_option",
    "inputs_argument",
    "jobs_option",
    "lang_option",
    "progress_bar",
    "progress_line",
    "report_failures",
    "resolve_store",
    "store_option",
]

CONTEXT = {"help_option_names": ["-h", "--help"]}


def format_option(*formats: type[Enum], help: str | None = None, short: bool = True) -> Callable:
    """``--format``: a choice of the enums' values (not their member names); the first value is the default."""
    values = [member.value for enum in formats for member in enum]
    names = ("-f", "--format") if short else ("--format",)
    return click.option(*names, "fmt", type=click.Choice(values), default=values[0], show_default=True, help=help)


def encoding_option(f: Callable) -> Callable:
    """``--encoding``: force the input encoding of article files."""
    return click.option(
        "--encoding",
        metavar="ENC",
        help="Force the input encoding of article files (default: detect UTF-8, GB18030/GBK, Big5).",
    )(f)


def jobs_option(help: str) -> Callable:
    """``-j``/``--jobs``: how many processes to work in."""
    return click.option("-j", "--jobs", type=click.IntRange(min=1), help=help)


def lang_option(help: str) -> Callable:
    """``--lang``: the label language, Traditional Chinese by default."""
    return click.option("--lang", type=click.Choice(LANGUAGES), default=LANGUAGES[0], show_default=True, help=help)


def inputs_argument(name: str = "inputs") -> Callable:
    """Input files: RDF files by extension, article files, or ``-`` for an article on standard input."""
    return click.argument(name, nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))


def store_option(help_text: str) -> Callable:
    """``--store [DIR]``: the embedded store at DIR, or the default store without DIR."""
    return click.option(
        "--store",
        "store_dir",
        is_flag=False,
        flag_value="",
        default=None,
        metavar="[DIR]",
        help=help_text + " Without DIR, the default store: $KG_STORE, else fupin-kg/store in the "
        "user data directory (~/.local/share on Linux).",
    )


def resolve_store(value: str | None) -> Path | None:
    """The store ``--store`` names: ``None`` if not given, the default store for a bare ``--store``."""
    if value is None:
        return None
    from kg.store.embedded import default_store_dir

    return Path(value) if value else default_store_dir()


def articles_or_bundled(paths) -> list[Path]:
    """The paths given, or the bundled article."""
    if paths:
        return [Path(p) for p in paths]
    from kg.resources import bundled_article

    return [bundled_article()]


def emit(data: bytes, output: Path | None = None) -> None:
    """Write ``data`` to ``output`` (replaced atomically) or to standard output."""
    if output:
        from kg.output import write_atomic

        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def progress_line(message: str) -> None:
    """Progress of long work on standard error, only when someone watches it."""
    if sys.stderr.isatty():
        click.echo(message, err=True)


def report_failures(failures) -> None:
    """One ``Error:`` line per file that did not build."""
    for f in failures:
        click.echo(f"Error: {f}", err=True)


class progress_bar:  # noqa: N801 - used as a context manager, like click.progressbar
    """A progress bar on standard error for long runs, only when someone watches it (a terminal)."""

    def __init__(self, label: str):
        self.label = label
        self.bar = None

    def __enter__(self) -> Callable[[int, int], None]:
        return self.update

    def update(self, done: int, total: int) -> None:
        """Show ``done`` of ``total``."""
        if not sys.stderr.isatty() or total < 2:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr, show_pos=True, show_eta=True)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
