"""What the apps share: small helpers that know no app.

It owns pagination (``pagination``), the admin's labelled widgets and
row-checking inline formsets (``admin_widgets``, ``admin_rows``), month names
(``month_names``), one-slug URL reversing (``reversing``), queries planned
afresh (``planning``), migration operations (``migration_ops``) and the
private storage for photo originals with its system check (``storage``).

It imports Django and nothing of this project: no app (``people``,
``articles``) and not the site (``newsroom``). It is not an app itself: it
has no models, templates or migrations. ``tests/test_layering.py`` keeps it so.
"""
