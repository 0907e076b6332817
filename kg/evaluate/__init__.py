"""``kg eval``: precision and recall of the extractor against gold annotations.

A gold annotation is a JSON file listing, for one article, what a careful reader finds
in it, category by category (:data:`CATEGORIES`: documents, figures, roles, persons …).
The gold files are read here and nowhere else: they measure the graph, never feed it.
The graph is queried with SPARQL; predicted items are matched one-to-one with gold
items by the rules of the gold README (names or printed forms for entities, value +
qualifier + overlapping span for figures, (amount, per, period) for funding standards,
kind + count + overlapping span for personnel actions). The evaluation set that ships
with the package is :func:`kg.resources.evaluation_set`.

Examples
--------
>>> from kg.resources import evaluation_set
>>> gold_files, _ = evaluation_set()
>>> report = evaluate_files(gold_files[:1])  # one article; with no gold file, the whole set
>>> list(report.per_article)
['dev01']
>>> all(0.0 <= s.precision <= 1.0 and 0.0 <= s.recall <= 1.0 for s in report.micro.values())
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from kg.errors import InputError
from kg.evaluate.figures import FigureDetail
from kg.evaluate.match import evaluate
from kg.evaluate.score import CATEGORIES, ArticleScores, Report, Score

__all__ = ["CATEGORIES", "ArticleScores", "FigureDetail", "Report", "Score", "evaluate", "evaluate_files"]


def evaluate_files(gold_paths: Iterable[str | Path] = (), article_dirs: Iterable[str | Path] = ()) -> Report:
    """Score each gold file's article, found by file name among ``article_dirs``, the bundled articles and the
    evaluation set's; with no gold file, score the evaluation set that ships with the package.

    Parameters
    ----------
    gold_paths
        Gold annotation files (JSON, the schema of ``eval/README.md``).
    article_dirs
        Folders to look for their articles in.

    Returns
    -------
    Report
        One article per gold file, named by the gold file (without ``.json``).

    Raises
    ------
    InputError
        A gold file is not JSON, or its article cannot be found.

    Examples
    --------
    >>> report = evaluate_files()
    >>> sorted(report.per_article)
    ['dev01', 'dev02', 'dev03', 'dev04', 'dev05', 'seed']
    >>> report.micro["documents"].recall
    1.0
    """
    from kg.corpus import read_inputs
    from kg.resources import bundled_article, evaluation_set

    shipped_gold, shipped_articles = evaluation_set()
    report = Report()
    dirs = [Path(d) for d in article_dirs] + [bundled_article().parent, *shipped_articles]
    for gp in list(gold_paths) or shipped_gold:
        try:
            gold = json.loads(Path(gp).read_text(encoding="utf-8"))
            name = Path(gold["metadata"]["source_file"]).name
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise InputError(gp, f"not a gold annotation file ({e.__class__.__name__}: {e})") from None
        article = next((d / name for d in dirs if (d / name).exists()), None)
        if article is None:
            raise InputError(gp, f"its article {name} is not in {', '.join(str(d) for d in dirs)}")
        report.add(Path(gp).stem, evaluate(read_inputs([article]), gold))
    return report
