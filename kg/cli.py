"""The ``kg`` command line: a thin layer over the library.

Each command parses options, calls one library function and echoes the result.
Heavy modules are imported inside the commands, so ``kg --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import KgError

FORMATS = ["ttl", "nt", "nq", "trig", "jsonld", "xml"]
CONTEXT = {"help_option_names": ["-h", "--help"]}


def _articles(paths) -> list[Path]:
    if paths:
        return [Path(p) for p in paths]
    from .resources import bundled_article

    return [bundled_article()]


def article_arguments(f):
    f = click.option("--encoding", metavar="ENC", help="Force the input encoding (default: detect UTF-8, GB18030/GBK, Big5).")(f)
    f = click.argument("articles", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))(f)
    return f


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as e:
            raise click.ClickException(str(e)) from None


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="kg")
def main():
    """fupin-kg: poverty-alleviation reports as a provenance-linked RDF knowledge graph.

    \b
    Example:
        kg build                      # the bundled article → out/
        kg export --format ttl        # Turtle on stdout
    """


@main.command(context_settings=CONTEXT)
@article_arguments
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to publish the dataset into.")
def build(articles, encoding, out_dir):
    """Build the graph from article files and publish it into OUT.

    With no ARTICLE, builds the bundled article (CPC News, 2016-12-13).
    Validates the graph first and refuses to publish one that breaks the core
    shapes. Writes kg.ttl, kg.nt, kg.nq, kg.jsonld, the ontology, void.ttl and
    validation-report.ttl; each file is replaced atomically, and nothing is
    written if any input fails.

    \b
    Example:
        kg build
        kg build article.txt --out site/data
    """
    from .publish import build_dataset

    result = build_dataset(_articles(articles), out_dir, encoding=encoding)
    click.echo(result.summary())


@main.command(context_settings=CONTEXT)
@article_arguments
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=FORMATS[0], show_default=True,
              help="RDF serialisation.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE (default: stdout).")
def export(articles, encoding, fmt, output):
    """Print (or write) the graph of article files in an RDF format.

    With no ARTICLE, exports the bundled article.

    \b
    Example:
        kg export --format ttl
        kg export --format jsonld -o kg.jsonld article.txt
    """
    from .export import RdfFormat, serialize, write_atomic
    from .pipeline import build_articles

    data = serialize(build_articles(_articles(articles), encoding), RdfFormat(fmt))
    if output:
        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--encoding", metavar="ENC", help="Force the input encoding of article files.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "ttl", "json"]), default="text", show_default=True,
              help="Report format: readable text, a SHACL validation report in Turtle, or JSON.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Processes to validate graphs in (default: CPU count).")
def validate(inputs, encoding, fmt, jobs):
    """Check graphs against the SHACL shapes and print the report.

    Each INPUT is an RDF file (by extension: .ttl .nt .nq .trig .jsonld .rdf),
    validated as it is, or an article file, built first. With no INPUT, the
    bundled article is built and validated.

    Exit status: 0 conforms (warnings and info may be listed), 1 does not
    conform (a sh:Violation), 2 an input is unusable (missing, unparsable).

    \b
    Example:
        kg validate
        kg validate out/kg.ttl
        kg validate --format json article.txt
    """
    from .pipeline import load_inputs
    from .validate import validate as run_validation

    try:
        quads = load_inputs(_articles(inputs), encoding)
    except KgError as e:
        raise _Unusable(str(e)) from None
    report = run_validation(quads, jobs=jobs)
    if fmt == "ttl":
        sys.stdout.buffer.write(report.to_turtle())
        sys.stdout.buffer.flush()
    else:
        click.echo(report.to_json() if fmt == "json" else report.text())
    sys.exit(0 if report.conforms else 1)


class _Unusable(click.ClickException):
    exit_code = 2


@main.command("eval", context_settings=CONTEXT)
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--articles", "article_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Directory holding the articles the gold files name (repeatable; the bundled articles are always searched).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_(gold, article_dirs, fmt):
    """Measure extraction against gold annotations: precision and recall per category.

    Each GOLD file names its article (metadata.source_file); the article is looked up
    by file name in --articles directories and among the bundled articles. Gold files
    are only read here, never by the pipeline.

    \b
    Example:
        kg eval ../shared/spec/gold/seed.json
        kg eval ../shared/spec/gold/dev0*.json --articles ../shared/corpus/dev
    """
    from .evaluate import evaluate_files

    report = evaluate_files(list(gold), list(article_dirs))
    click.echo(report.to_json() if fmt == "json" else report.table())


if __name__ == "__main__":  # pragma: no cover
    main()
