r"""What the commands share: options declared once, the inputs they default to, progress and output.

Each ``*_option`` function returns a click decorator, so an option that several commands take
(``--format``, ``--encoding``, ``--jobs``, ``--lang``, ``--store``) reads and behaves the same in
each. Nothing here imports an RDF library, so ``kg --help`` stays fast.

Examples
--------
>>> from click.testing import CliRunner
>>> from kg.formats import SummaryFormat
>>> @click.command()
... @format_option(SummaryFormat)
... @lang_option("Label language.")
... def show(fmt, lang):
...     click.echo(f"{fmt} {lang}")
>>> CliRunner().invoke(show, []).output
'text zh-Hant\n'
>>> CliRunner().invoke(show, ["-f", "json", "--lang", "en"]).output
'json en\n'
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kg.formats import LANGUAGES

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

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

#: The click context settings of every command: ``-h`` is ``--help`` too.
CONTEXT = {"help_option_names": ["-h", "--help"]}


def format_option(*formats: type[Enum], help: str | None = None, short: bool = True) -> Callable:
    r"""``--format``: a choice of the enums' values (not their member names); the first value is the default.

    Parameters
    ----------
    *formats
        Enums of :mod:`kg.formats`; their values, in order, are the choices.
    help
        The option's help text.
    short
        Also take ``-f``.

    Returns
    -------
    Callable
        A click decorator that passes the chosen value (a string) as ``fmt``.

    Examples
    --------
    >>> from click.testing import CliRunner
    >>> from kg.formats import ReportFormat
    >>> @click.command()
    ... @format_option(ReportFormat, short=False)
    ... def report(fmt):
    ...     click.echo(fmt)
    >>> CliRunner().invoke(report, ["--format", "ttl"]).output
    'ttl\n'
    >>> CliRunner().invoke(report, ["--format", "TURTLE"]).exit_code  # a value, not a member name
    2
    """
    values = [member.value for enum in formats for member in enum]
    names = ("-f", "--format") if short else ("--format",)
    return click.option(*names, "fmt", type=click.Choice(values), default=values[0], show_default=True, help=help)


def encoding_option(f: Callable) -> Callable:
    r"""``--encoding``: force the input encoding of article files (a decorator; passes ``encoding``, or ``None``).

    Examples
    --------
    >>> from click.testing import CliRunner
    >>> @click.command()
    ... @encoding_option
    ... def read(encoding):
    ...     click.echo(repr(encoding))
    >>> CliRunner().invoke(read, []).output, CliRunner().invoke(read, ["--encoding", "gbk"]).output
    ('None\n', "'gbk'\n")
    """
    return click.option(
        "--encoding",
        metavar="ENC",
        help="Force the input encoding of article files (default: detect UTF-8, GB18030/GBK, Big5).",
    )(f)


def jobs_option(help: str) -> Callable:
    r"""``-j``/``--jobs``: how many processes to work in (a positive integer, or ``None`` for the CPU count).

    Parameters
    ----------
    help
        The option's help text.

    Examples
    --------
    >>> from click.testing import CliRunner
    >>> @click.command()
    ... @jobs_option("Processes.")
    ... def work(jobs):
    ...     click.echo(jobs)
    >>> CliRunner().invoke(work, ["-j", "4"]).output, CliRunner().invoke(work, ["-j", "0"]).exit_code
    ('4\n', 2)
    """
    return click.option("-j", "--jobs", type=click.IntRange(min=1), help=help)


def lang_option(help: str) -> Callable:
    r"""``--lang``: the label language, one of :data:`kg.formats.LANGUAGES`; Traditional Chinese by default.

    Parameters
    ----------
    help
        The option's help text.

    Examples
    --------
    >>> from click.testing import CliRunner
    >>> @click.command()
    ... @lang_option("Label language.")
    ... def label(lang):
    ...     click.echo(lang)
    >>> CliRunner().invoke(label, []).output, CliRunner().invoke(label, ["--lang", "fr"]).exit_code
    ('zh-Hant\n', 2)
    """
    return click.option("--lang", type=click.Choice(LANGUAGES), default=LANGUAGES[0], show_default=True, help=help)


def inputs_argument(name: str = "inputs") -> Callable:
    r"""Input files: RDF files by extension, article files, or ``-`` for an article on standard input.

    Parameters
    ----------
    name
        The argument's name (shown upper-case in the usage line), and the parameter it fills: a tuple of
        :class:`~pathlib.Path`, empty when none is given. Files are not checked to exist here.

    Examples
    --------
    >>> from click.testing import CliRunner
    >>> @click.command()
    ... @inputs_argument("articles")
    ... def count(articles):
    ...     click.echo(len(articles))
    >>> CliRunner().invoke(count, ["a.txt", "-"]).output
    '2\n'
    """
    return click.argument(name, nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))


def store_option(help_text: str) -> Callable:
    """``--store [DIR]``: the embedded store at DIR, or the default store without DIR.

    Parameters
    ----------
    help_text
        What the command does with the store; the option's help adds where the default store is.

    Returns
    -------
    Callable
        A click decorator that passes ``store_dir``: ``None`` without ``--store``, ``""`` for a bare ``--store``,
        else DIR. :func:`resolve_store` turns it into a path.

    Examples
    --------
    >>> from click.testing import CliRunner
    >>> @click.command()
    ... @store_option("Read the store.")
    ... def read(store_dir):
    ...     click.echo(repr(store_dir))
    >>> [CliRunner().invoke(read, args).output.strip() for args in ([], ["--store"], ["--store", "st"])]
    ['None', "''", "'st'"]
    """
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
    """The store ``--store`` names: ``None`` if not given, the default store for a bare ``--store``.

    Parameters
    ----------
    value
        What :func:`store_option` passed.

    Returns
    -------
    Path or None
        The store's folder, or ``None`` if no store was asked for.

    Examples
    --------
    >>> resolve_store(None) is None, resolve_store("st").name
    (True, 'st')
    >>> from kg.store.embedded import default_store_dir
    >>> resolve_store("") == default_store_dir()
    True
    """
    if value is None:
        return None
    from kg.store.embedded import default_store_dir

    return Path(value) if value else default_store_dir()


def articles_or_bundled(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The paths given, or the bundled article.

    Parameters
    ----------
    paths
        The paths a command was given (possibly none).

    Returns
    -------
    list of Path
        ``paths`` as :class:`~pathlib.Path`, or a list of :func:`kg.resources.bundled_article` alone if empty.

    Examples
    --------
    >>> [p.name for p in articles_or_bundled(["a.txt", "b.html"])]
    ['a.txt', 'b.html']
    >>> from kg.resources import bundled_article
    >>> articles_or_bundled(()) == [bundled_article()]
    True
    """
    if paths:
        return [Path(p) for p in paths]
    from kg.resources import bundled_article

    return [bundled_article()]


def emit(data: bytes, output: Path | None = None) -> None:
    """Write ``data`` to ``output`` (replaced atomically) or to standard output.

    Parameters
    ----------
    data
        What to write.
    output
        The file to replace (see :func:`kg.output.write_atomic`), or ``None`` for standard output.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     emit(b"@prefix fp: <https://w3id.org/fupin-kg/ontology#> .", Path(tmp) / "kg.ttl")
    ...     (Path(tmp) / "kg.ttl").read_bytes()[:10]
    b'@prefix fp'
    """
    if output:
        from kg.output import write_atomic

        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def progress_line(message: str) -> None:
    """Print progress of long work on standard error, only when someone watches it (a terminal).

    Parameters
    ----------
    message
        One line, such as ``loaded 12 of 439 graphs``.

    Examples
    --------
    >>> progress_line("loaded 1 of 2 graphs")  # prints nothing unless standard error is a terminal
    """
    if sys.stderr.isatty():
        click.echo(message, err=True)


def report_failures(failures: Iterable[object]) -> None:
    r"""Print one ``Error:`` line per file that did not build, on standard error.

    Parameters
    ----------
    failures
        The :class:`~kg.corpus.Failure` of each file; each prints as a line starting with its path.

    Examples
    --------
    >>> from click.testing import CliRunner
    >>> from kg.corpus import Failure
    >>> @click.command()
    ... def build():
    ...     report_failures([Failure(Path("a.txt"), "a.txt: file is empty")])
    >>> CliRunner().invoke(build, []).stderr
    'Error: a.txt: file is empty\n'
    """
    for f in failures:
        click.echo(f"Error: {f}", err=True)


class progress_bar:  # noqa: N801 - used as a context manager, like click.progressbar
    """A progress bar on standard error for long runs, only when someone watches it (a terminal).

    The bar appears at the first update of a run of two or more items; on anything but a terminal the updates do
    nothing.

    Parameters
    ----------
    label
        What is being done (``building articles``).

    Examples
    --------
    >>> with progress_bar("building articles") as progress:
    ...     for done in range(1, 4):
    ...         progress(done, 3)
    """

    def __init__(self, label: str):
        self.label = label
        self.bar: ProgressBar[int] | None = None

    def __enter__(self) -> Callable[[int, int], None]:
        """Start; the value is :meth:`update`, to call as work gets done."""
        return self.update

    def update(self, done: int, total: int) -> None:
        """Show ``done`` of ``total``."""
        if not sys.stderr.isatty() or total < 2:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr, show_pos=True, show_eta=True)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc: Any) -> None:
        """Finish the bar, if one was shown."""
        if self.bar is not None:
            self.bar.__exit__(*exc)
