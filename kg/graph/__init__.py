"""The graph as a network: networkx views, responsibility chains and their picture."""
