"""``python -m kg.cli``: the ``kg`` command, for when the ``kg`` script is not on the ``PATH``."""

from kg.cli import main

main()
