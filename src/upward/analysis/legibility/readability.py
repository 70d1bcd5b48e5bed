"""How hard a text is to read, as a school grade, and how long it is.

The grade is the mean of the Coleman-Liau index and the Automated Readability Index from textstat. Both
count letters rather than syllables: textstat's syllable counts for English need the CMU dictionary,
which it would try to download on first use, and Upward never reaches the network on its own.
"""

from __future__ import annotations

import re

#: Below this many words a grade says more about the formula than about the text.
MIN_WORDS_FOR_GRADE = 12
_WORD = re.compile(r"\S*[A-Za-z0-9]\S*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def reading_grade(text: str) -> float | None:
    if word_count(text) < MIN_WORDS_FOR_GRADE:
        return None
    import textstat  # imported here: it loads nltk and scipy, seconds no other command should pay

    grade = (textstat.coleman_liau_index(text) + textstat.automated_readability_index(text)) / 2
    return max(0.0, float(grade))
