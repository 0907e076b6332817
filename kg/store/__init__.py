"""Triple stores: the layout of the dataset in one, the embedded store, remote stores, SPARQL and its answers."""
