"""The extraction rules, one module per concern, imported one way (lower → higher).

``lang_ar`` (orthography) → ``settings`` (token windows) → ``words`` (lexicon word sets) →
``context`` (what every rule is handed) → ``records`` (mentions, article memory, facts) →
``offices`` → ``titles`` → ``counterparts`` → ``mentions`` → ``clauses`` → ``qualifiers`` →
``subjects`` → the relation families ``calls``, ``appeals``, ``mediation``, ``thanks``. :mod:`kg.extract`
runs them in order (see docs/architecture.md).
"""
