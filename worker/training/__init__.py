"""Training the learned stages from the labelled dev pages (`make train`; needs the `train` extra).

Everything here runs at training time only: the pipeline loads the exported model files and never
imports this package (nor scikit-learn). Data: WCXB's dev split (Foley 2026, CC-BY-4.0) from
`shared/eval/wcxb-dev`; models are chosen by cross-validation grouped by domain.
"""
