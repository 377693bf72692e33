"""Running read queries safely, for the SPARQL endpoint and for `kg query` alike.

:mod:`~kg.sparql.guard` decides with the engine's own parser whether a query may run (no
SERVICE) and how (a dataset clause); :mod:`~kg.sparql.pool` runs it in a query process
(:mod:`~kg.sparql.process`) with a time limit, a memory cap and no network
(:mod:`~kg.sparql.sandbox`).
"""
