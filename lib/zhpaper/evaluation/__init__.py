"""Evaluation: pages and texts with known truth, and the pipeline scored against them.

Nothing here is part of reading a page: the pipeline (every other module of
:mod:`zhpaper`) never imports this package (``tests/test_evaluation_layering.py``
checks it). What text is held out of the models' training, so that these figures are
measured on text no model has seen, is the pipeline's own business:
:mod:`zhpaper.heldout`. The People's Daily 1998 corpus and its halves are read by
:mod:`zhpaper.pd1998`, which the pipeline's name tagger learns from too.

Pages with known truth

* :mod:`~zhpaper.evaluation.damage` — clean articles (the seed page's own, or any
  page's: ``corpus_from_page``) printed as OCR output again (spurious spaces, cut
  columns, displaced headings), and look-alike characters injected, with the truth of
  every line.
* :mod:`~zhpaper.evaluation.layout` — runs of 1998 articles laid out as one page in the
  habits of five layout tools; each article printed by
  :mod:`~zhpaper.evaluation.layout_article`.
* :mod:`~zhpaper.evaluation.evaldata` — the seed page's hand-made gold
  (``zhpaper/data/eval/``) and its dev/test split.

Scores (and the script that prints them)

* :mod:`~zhpaper.evaluation.reconstruction` — article assignment, joins, reading order,
  headlines and non-text leakage against that truth, beside a naive baseline
  (``scripts/evaluate_reconstruction.py``).
* :mod:`~zhpaper.evaluation.segmentation` — word segmentation against a gold standard,
  the SIGHAN measures (``scripts/evaluate_segmentation.py``).
* :mod:`~zhpaper.evaluation.audit` — the OCR audit: false alarms on clean 1998 text,
  injected look-alikes, the seed page's hand-checked errors (``scripts/evaluate_audit.py``).
* :mod:`~zhpaper.evaluation.entities` — names against the seed page's hand list and the
  corpus's nr / ns / nt tags (``scripts/evaluate_entities.py``).
* :mod:`~zhpaper.evaluation.facts` — quantities and dates against the seed page's hand
  lists; against the corpus's m+q and t tags in
  :mod:`~zhpaper.evaluation.facts_corpus`; relative years on laid-out pages in
  :mod:`~zhpaper.evaluation.facts_relative` (``scripts/evaluate_facts.py``).
* :mod:`~zhpaper.evaluation.unseen` — the table "the analysis on text it has never
  seen", one row per stage and measure, from the modules above
  (``scripts/evaluate_analysis.py``; the methods chapter shows it).
"""
