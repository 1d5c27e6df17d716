"""The parts of ``kg serve``: the SPARQL endpoint (:mod:`kg.web.sparql`), the data of the
network page (:mod:`kg.web.network`) and the page itself (``static/``)."""
