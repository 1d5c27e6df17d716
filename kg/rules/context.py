"""What every rule is handed: the knowledge, the windows and the word sets."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge import Knowledge
from .settings import RuleSettings
from .words import RuleWords


@dataclass(frozen=True)
class RuleContext:
    """The read-only inputs of the rules (one per extractor, shared by every article)."""

    knowledge: Knowledge
    settings: RuleSettings
    words: RuleWords
