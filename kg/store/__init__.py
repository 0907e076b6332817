"""Triple stores: the layout of the dataset in one, the embedded store, remote stores, SPARQL and its answers.

:mod:`~kg.store.layout` says which graph each triple goes into; :mod:`~kg.store.embedded` is the
on-disk pyoxigraph store; :mod:`~kg.store.remote` speaks the SPARQL 1.1 Protocol and Graph Store
Protocol to servers; :mod:`~kg.store.load` loads inputs into either; :mod:`~kg.store.query` runs
SPARQL and :mod:`~kg.store.results` renders its answers.
"""
