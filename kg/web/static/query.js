// The query editor of `kg serve`: YASGUI (shipped in this package) pointed at this server's /sparql.
// No remote service is used: the endpoint list, LOV and prefix.cc look-ups are switched off.
"use strict";

const DEFAULT_QUERY = `PREFIX kg: <https://w3id.org/arabic-diplomacy-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

# Who called whom (kg:called links the two sides of a call), with English labels.
SELECT ?caller ?callerLabel ?called ?calledLabel WHERE {
  ?caller kg:called ?called .
  OPTIONAL { ?caller rdfs:label ?callerLabel FILTER (lang(?callerLabel) = "en") }
  OPTIONAL { ?called rdfs:label ?calledLabel FILTER (lang(?calledLabel) = "en") }
}
LIMIT 100
`;

function start() {
  const element = document.getElementById("yasgui");
  const endpoint = new URL("/sparql", window.location.href).href;
  document.getElementById("endpoint").textContent = endpoint;
  Yasgui.Yasqe.defaults.value = DEFAULT_QUERY;
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  const yasgui = new Yasgui(element, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    persistenceId: null,
  });
  yasgui.on("queryResponse", () => {
    element.dataset.answered = String(Number(element.dataset.answered || "0") + 1);
  });
  element.dataset.ready = "1";
  const params = new URLSearchParams(window.location.search);
  if (params.get("run") === "1") {
    yasgui.getTab().getYasqe().query();
  }
}

document.addEventListener("DOMContentLoaded", start);
