"""councilgraph's web service: the SPARQL endpoint and relationship API (built on the graph package)."""

__all__: list[str] = []
