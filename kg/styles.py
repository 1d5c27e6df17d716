"""How the network page and the served page draw each kind of actor and each relation."""

from __future__ import annotations

from dataclasses import dataclass

from .analyse import TOPIC_KIND
from .model import CALLED, OFFERED_MEDIATION, THANKED, URGED, WARNED


@dataclass(frozen=True)
class Style:
    """How one kind of node or one relation is drawn, and named in the legend."""

    color: str
    en: str
    ar: str
    shape: str = "dot"
    glyph: str = "●"
    dashes: tuple[int, ...] | None = None


NODE_STYLES: tuple[tuple[str, Style], ...] = (
    ("Person", Style("#1f77b4", "Person", "شخص", "dot", "●")),
    ("State", Style("#2ca02c", "State", "دولة", "square", "■")),
    ("Organization", Style("#ff7f0e", "Organization", "منظمة", "triangle", "▲")),
    ("Actor", Style("#7f7f7f", "Other actor", "فاعل آخر", "dot", "●")),
    (TOPIC_KIND, Style("#9467bd", "Goal urged", "هدف الدعوة", "diamond", "◆")),
)
EDGE_STYLES: tuple[tuple[str, Style], ...] = (
    (CALLED, Style("#1f77b4", "phone call (arrow: who called)", "اتصال هاتفي")),
    (URGED, Style("#9467bd", "urged (actor → goal)", "دعا إلى", dashes=(8, 6))),
    (THANKED, Style("#d62728", "thanked", "شكر", dashes=(2, 5))),
    (OFFERED_MEDIATION, Style("#8c564b", "offered mediation (→ to whom)", "عرض الوساطة", dashes=(12, 4, 2, 4))),
    (WARNED, Style("#e377c2", "warned (→ whom)", "حذّر", dashes=(4, 4))),
)


__all__ = ["EDGE_STYLES", "NODE_STYLES", "Style"]
