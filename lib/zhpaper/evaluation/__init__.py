"""Evaluation: pages and texts with known truth, and the pipeline scored against them.

Nothing here is part of reading a page: the pipeline (every other module of
:mod:`zhpaper`) never imports this package (``tests/test_evaluation_layering.py``
checks it). What text is held out of the models' training, so that these figures are
measured on text no model has seen, is a pipeline matter: :mod:`zhpaper.heldout`.

Corpora with known truth

* :mod:`~zhpaper.evaluation.damage` — the seed page's own articles damaged again as an
  OCR tool would print them (spurious spaces, cut columns, displaced headings), and
  look-alike characters injected, with the truth of every line.
* :mod:`~zhpaper.evaluation.layout` — runs of People's Daily 1998 articles
  (:mod:`zhpaper.pd1998`) laid out as a page in the habits of five layout tools.

Scores

* :mod:`~zhpaper.evaluation.reconstruction` — article assignment, joins, reading order,
  headlines and non-text leakage against that truth, beside a naive baseline; the seed
  page's hand-made gold (``data/eval/``) and its dev/test split
  (``scripts/evaluate_reconstruction.py``).
* :mod:`~zhpaper.evaluation.segmentation` — word segmentation against a gold standard
  (the SIGHAN measures; ``scripts/evaluate_segmentation.py``).
* :mod:`~zhpaper.evaluation.audit` — the OCR audit on clean 1998 text (false alarms)
  and on injected look-alikes (``scripts/evaluate_audit.py``).
* :mod:`~zhpaper.evaluation.entities` — names against the seed page's hand list and
  the corpus's nr / ns / nt tags (``scripts/evaluate_entities.py``).
* :mod:`~zhpaper.evaluation.facts` — quantities and dates against the seed page's hand
  lists and the corpus's m+q and t tags (``scripts/evaluate_facts.py``).
* :mod:`~zhpaper.evaluation.unseen` — the table "the analysis on text it has never
  seen", one row per stage and measure (``scripts/evaluate_analysis.py``).
"""
