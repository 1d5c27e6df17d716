"""The relation table, declared once: what each kind of fact is, in the graph and outside it.

Every layer that needs to know about a relation — the RDF mapping (:mod:`kg.rdf`), the
merge (:mod:`kg.merge`), the facts export (:mod:`kg.facts`), the analysis
(:mod:`kg.analyse`), the event table (:mod:`kg.exports`) and the network page
(:mod:`kg.web.network`) — reads it here instead of keeping its own table. Adding a
relation starts with a row of :data:`RELATIONS`.

Names are plain strings (local names in the ``kg:`` ontology), so this module sits at the
bottom of the house with the records; :mod:`kg.rdf` turns them into IRIs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import CALLED, OFFERED_MEDIATION, THANKED, URGED, WARNED


@dataclass(frozen=True)
class Relation:
    """One relation: its event class, roles, merge key, shortcut, CAMEO code and fact fields."""

    #: The relation's name in facts and reports (``called``).
    name: str
    #: Local name of the event class in the ``kg:`` ontology (``PhoneCall``).
    event_class: str
    #: Role properties (``kg:`` local names) an event or report of this relation may have.
    roles: tuple[str, ...]
    #: Whether the two actors play the same part (a call: unordered participants).
    symmetric: bool = False
    #: The role that is the second part of the merge key (``""``: the agent alone).
    merge_role: str = ""
    #: The ``kg:`` shortcut predicate from the agent (``kg:called``), if any.
    shortcut: str | None = None
    #: A role outside the merge key whose values an event gathers from all its reports
    #: (a mediation offer's parties); the shortcut points at each of them.
    party_role: str = ""
    #: The CAMEO code; for appeals, by goal (:attr:`cameo_by_topic`).
    cameo: str | None = None
    cameo_by_topic: dict[str, str] = field(default_factory=dict)
    #: Fields of a fact row (facts export and gold) beside ``article``, ``rel`` and ``a``.
    fact_fields: tuple[str, ...] = ()

    @property
    def has_counterpart(self) -> bool:
        """Whether an event may link its agent to a second actor or a goal (a pair merge key, or parties)."""
        return bool(self.merge_role or self.party_role)

    def cameo_code(self, topic: str | None = None) -> str | None:
        """The CAMEO code (of an appeal: of its goal); ``None`` when there is none."""
        return self.cameo or self.cameo_by_topic.get(topic or "")


#: The relations, in the order the model lists them.
RELATIONS: tuple[Relation, ...] = (
    Relation(
        CALLED,
        "PhoneCall",
        ("participant", "initiator"),
        symmetric=True,
        merge_role="participant",
        shortcut="called",
        cameo="041",
        fact_fields=("b", "initiator", "date"),
    ),
    Relation(
        URGED,
        "Appeal",
        ("agent", "topic", "addressee"),
        merge_role="topic",
        shortcut="urged",
        cameo_by_topic={
            "DeEscalation": "0256",
            "Restraint": "0256",
            "Ceasefire": "0256",
            "HumanitarianAid": "0233",
            "DiplomaticSolution": "027",
        },
        fact_fields=("topic",),
    ),
    Relation(
        OFFERED_MEDIATION,
        "MediationOffer",
        ("agent", "mediationParty"),
        shortcut="offeredMediation",
        party_role="mediationParty",
        cameo="039",
        fact_fields=("parties",),
    ),
    Relation(
        THANKED,
        "Thanks",
        ("agent", "addressee"),
        merge_role="addressee",
        shortcut="thanked",
        cameo="051",
        fact_fields=("b",),
    ),
    Relation(WARNED, "Warning", ("agent", "addressee", "warnedOf"), fact_fields=("object",)),
)

#: The relations by name.
BY_NAME: dict[str, Relation] = {relation.name: relation for relation in RELATIONS}
#: The relations by the local name of their event class.
BY_EVENT_CLASS: dict[str, Relation] = {relation.event_class: relation for relation in RELATIONS}


def relation(name: str) -> Relation:
    """The relation called ``name`` (a :class:`KeyError` for unknown names)."""
    return BY_NAME[name]


def cameo_code(name: str, topic: str | None = None) -> str | None:
    """The CAMEO code of a relation (of an appeal: of its goal); ``None`` for warnings."""
    found = BY_NAME.get(name)
    return found.cameo_code(topic) if found is not None else None


__all__ = ["BY_EVENT_CLASS", "BY_NAME", "RELATIONS", "Relation", "cameo_code", "relation"]
