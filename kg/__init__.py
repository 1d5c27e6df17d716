"""Arabic diplomacy knowledge graph: from Arabic news to RDF facts of calls, appeals, mediation, thanks and warnings."""
