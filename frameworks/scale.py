"""The score scale, 0 to 5 (see the README's score scale): one definition for every use."""

SCORE_MIN = 0
SCORE_MAX = 5
