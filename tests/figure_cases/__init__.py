"""Dutch sentences in the panel's style, each with the findings the figure check must give.

``seed.py`` ties every figure of the seed article to its question and answer;
``dev.py`` holds the variants the check was tuned on; ``holdout.py`` was written
before the check existed and is never tuned on. ``rounds.py`` defines the second
round the sentences use besides the demo round.
"""
