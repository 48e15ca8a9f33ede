"""Finding records by the words in them: a local full-text index (SQLite FTS5).

``folding`` makes text case- and accent-insensitive, ``index`` keeps the index in step with
every write, and ``hits`` turns the words typed into a match and a record found into a hit;
the search itself runs in :mod:`plantui.queries.search`. The index is this copy's own,
derived from ``record`` like the projections, and never travels in an exchange file.
"""
