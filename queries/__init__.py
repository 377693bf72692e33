"""The canned SPARQL queries; installed as package data (``kg.queries_data``)."""
