// The conflicts page: findings from /api/conflicts with their chains of evidence, the network around the
// selected finding's person drawn by cytoscape.js from /api/network, and the most connected people from
// /api/brokers. The filters live in the page's query string, so a filtered view is a link to share. Text from
// the minutes is put into the page as text, never as markup.
"use strict";

(function () {
  const config = JSON.parse(document.getElementById("conflicts-config").textContent);
  const params = new URLSearchParams(window.location.search);
  const FILTERS = ["person", "organisation", "body", "since", "kind"];
  const KINDS = ["person", "organisation", "council", "body", "post", "meeting", "item", "decision"];
  const MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  ];

  const findingsList = document.getElementById("findings");
  const findingsStatus = document.getElementById("findings-status");
  const pager = document.getElementById("findings-pager");
  const errorBox = document.getElementById("conflicts-error");
  const networkBox = document.getElementById("network");
  const networkStatus = document.getElementById("network-status");
  const hopsPicker = document.getElementById("hops");
  const downloads = document.getElementById("downloads");
  const details = document.getElementById("node-details");
  const brokersList = document.getElementById("brokers");

  let network = null;
  let drawn = null; // what the drawing shows: {centre, highlighted}
  let knownBrokers = [];

  // Building the page ---------------------------------------------------------------------------------------

  function element(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  function anchor(href, text, className) {
    const link = element("a", className, text);
    link.href = href;
    return link;
  }

  // An IRI under the base IRI is named by the part below it, in the API and in the filters alike.
  function reference(iri) {
    return iri.startsWith(config.baseIri) ? iri.slice(config.baseIri.length) : iri;
  }

  function pagePath(iri) {
    return iri.startsWith(config.baseIri) ? config.basePath + reference(iri) : null;
  }

  function entityLink(entity) {
    const page = pagePath(entity.iri);
    return page ? anchor(page, entity.label) : element("span", null, entity.label);
  }

  // The document page with the quote highlighted, as the entity pages link quotes.
  function quoteHref(step) {
    const page = pagePath(step.document) || step.document;
    if (step.start === null || step.end === null) return page;
    return `${page}?${new URLSearchParams({ start: step.start, end: step.end })}#quote`;
  }

  function fileName(path) {
    return path ? path.split("/").pop() : "the minutes";
  }

  function longDate(value) {
    const parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(value || "");
    return parts ? `${Number(parts[3])} ${MONTHS[Number(parts[2]) - 1]} ${parts[1]}` : value;
  }

  // This page's address with some filters changed; the offset is dropped unless it is given.
  function conflictsHref(changes) {
    const query = new URLSearchParams();
    for (const name of FILTERS) {
      const value = name in changes ? changes[name] : params.get(name);
      if (value) query.set(name, value);
    }
    if (changes.offset) query.set("offset", changes.offset);
    const text = query.toString();
    return text ? `/conflicts?${text}` : "/conflicts";
  }

  function apiPath(prefix, iri) {
    return prefix + reference(iri).split("/").map(encodeURIComponent).join("/");
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      const detail = body && body.detail ? JSON.stringify(body.detail) : response.statusText;
      throw new Error(`${url} answered ${response.status}: ${detail}`);
    }
    return response.json();
  }

  // Findings ------------------------------------------------------------------------------------------------

  function withdrewText(withdrew) {
    if (withdrew === true) return "yes, the minutes record that they withdrew";
    if (withdrew === false) return "no record of withdrawing";
    return "no declaration at this meeting";
  }

  function fact(term, ...values) {
    return [element("dt", null, term), element("dd", null, ...values)];
  }

  function filterLink(name, entity, text) {
    return anchor(conflictsHref({ [name]: reference(entity.iri), offset: 0 }), text, "filter-link");
  }

  function joined(entities) {
    const parts = [];
    entities.forEach((entity, index) => {
      if (index) parts.push("; ");
      parts.push(entityLink(entity));
    });
    return parts;
  }

  function evidenceStep(step) {
    const quote = step.quote
      ? element(
          "blockquote",
          "quote",
          element("p", null, step.quote),
          element("footer", null, anchor(quoteHref(step), element("cite", null, fileName(step.source)), "source-link")),
        )
      : null;
    if (quote) quote.cite = quoteHref(step);
    return element("li", null, element("p", null, step.says), quote);
  }

  function meetingFacts(finding) {
    const meeting = finding.meeting;
    const when = meeting.date ? longDate(meeting.date) : meeting.label;
    const values = [pagePath(meeting.iri) ? anchor(pagePath(meeting.iri), when) : when];
    if (finding.body) values.push(" · ", entityLink(finding.body), " ", filterLink("body", finding.body, "(its findings)"));
    return fact("Meeting", ...values);
  }

  function findingCard(finding, index) {
    const card = element("article", "fact finding");
    card.dataset.index = index;
    const heading = element(
      "h3",
      null,
      element("span", "kind-tag", config.kinds[finding.kind] || finding.kind),
      " ",
      entityLink(finding.person),
      " and ",
      entityLink(finding.organisation),
    );
    const facts = element("dl", "facts");
    facts.append(
      ...fact("Person", entityLink(finding.person), " ", filterLink("person", finding.person, "(only theirs)")),
      ...fact(
        "Organisation",
        entityLink(finding.organisation),
        " ",
        filterLink("organisation", finding.organisation, "(only its)"),
      ),
      ...meetingFacts(finding),
    );
    if (finding.items.length) facts.append(...fact(finding.items.length === 1 ? "Item" : "Items", ...joined(finding.items)));
    if (finding.decisions.length) facts.append(...fact("Decided", ...joined(finding.decisions)));
    facts.append(...fact("Withdrew", withdrewText(finding.withdrew)));
    const evidence = element("ol", "evidence", ...finding.evidence.map(evidenceStep));
    const show = element("button", "show-network", "Draw its network");
    show.type = "button";
    show.setAttribute("aria-pressed", "false");
    card.append(
      heading,
      facts,
      element("p", "explanation", finding.explanation),
      element("h4", null, "Evidence"),
      evidence,
      show,
    );
    card.addEventListener("click", (event) => {
      if (!event.target.closest("a")) select(finding, card);
    });
    return card;
  }

  function select(finding, card) {
    for (const other of findingsList.querySelectorAll(".finding")) {
      const chosen = other === card;
      other.classList.toggle("selected", chosen);
      other.querySelector(".show-network").setAttribute("aria-pressed", String(chosen));
    }
    const highlighted = [finding.person, finding.organisation, finding.meeting, ...finding.items, ...finding.decisions];
    drawNetwork(finding.person.iri, new Set(highlighted.map((entity) => entity.iri)));
  }

  function statusText(page) {
    if (!page.total) return "No findings match these filters.";
    const noun = page.total === 1 ? "finding" : "findings";
    if (page.items.length === page.total) return `${page.total} ${noun}.`;
    return `${page.total} ${noun}, showing ${page.offset + 1} to ${page.offset + page.items.length}.`;
  }

  function showPager(page) {
    pager.replaceChildren();
    if (page.offset > 0) {
      const previous = anchor(conflictsHref({ offset: Math.max(page.offset - page.limit, 0) }), "← Previous");
      previous.rel = "prev";
      pager.append(previous);
    }
    if (page.offset + page.items.length < page.total) {
      const next = anchor(conflictsHref({ offset: page.offset + page.limit }), "Next →");
      next.rel = "next";
      pager.append(next);
    }
  }

  function showError(error) {
    errorBox.hidden = false;
    errorBox.textContent = error.message;
  }

  async function loadFindings() {
    const query = new URLSearchParams({ limit: config.pageSize, offset: Number(params.get("offset")) || 0 });
    for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name));
    let page;
    try {
      page = await getJson(`/api/conflicts?${query}`);
    } catch (error) {
      findingsStatus.textContent = "The findings could not be read.";
      showError(error);
      return;
    }
    findingsStatus.textContent = statusText(page);
    findingsList.start = page.offset + 1;
    findingsList.replaceChildren(...page.items.map((finding, index) => element("li", null, findingCard(finding, index))));
    showPager(page);
    suggest(page.items);
    const first = findingsList.querySelector(".finding");
    if (first) select(page.items[0], first);
    else drawFromFilters();
  }

  // With no finding to show, draw around whatever the filters name, so an entity page's link still shows a network.
  function drawFromFilters() {
    const named = params.get("person") || params.get("organisation");
    if (named) drawNetwork(named.includes("://") ? named : config.baseIri + named, new Set());
  }

  // The datalists behind the filter boxes: the entities of the findings shown and of the most connected people.
  function suggest(findings) {
    const lists = { people: new Map(), organisations: new Map(), bodies: new Map() };
    for (const finding of findings) {
      lists.people.set(finding.person.iri, finding.person.label);
      lists.organisations.set(finding.organisation.iri, finding.organisation.label);
      if (finding.body) lists.bodies.set(finding.body.iri, finding.body.label);
    }
    for (const broker of knownBrokers) {
      lists.people.set(broker.person.iri, broker.person.label);
      for (const organisation of broker.organisations) lists.organisations.set(organisation.iri, organisation.label);
    }
    for (const [id, entities] of Object.entries(lists)) {
      const options = [...entities].map(([iri, label]) => {
        const option = element("option", null);
        option.value = reference(iri);
        option.label = label;
        return option;
      });
      document.getElementById(id).replaceChildren(...options);
    }
  }

  // The network ---------------------------------------------------------------------------------------------

  // The colours are the stylesheet's, so the legend and the drawing always agree.
  function colour(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function networkStyle() {
    const highlight = colour("--highlight");
    return [
      {
        selector: "node",
        style: {
          label: "data(label)",
          width: 14,
          height: 14,
          "font-size": 9,
          color: colour("--ink"),
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-wrap": "ellipsis",
          "text-max-width": 140,
          "text-background-color": colour("--paper"),
          "text-background-opacity": 0.8,
          "text-background-padding": 1,
        },
      },
      ...KINDS.map((kind) => ({ selector: `node.${kind}`, style: { "background-color": colour(`--kind-${kind}`) } })),
      {
        selector: "node.highlight",
        style: { width: 24, height: 24, "border-width": 4, "border-color": highlight, "font-size": 11, "font-weight": "bold" },
      },
      { selector: "node.centre", style: { shape: "diamond" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": colour("--ink") } },
      {
        selector: "edge",
        style: {
          width: 1,
          "line-color": colour("--rule"),
          "target-arrow-color": colour("--rule"),
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.6,
          "curve-style": "bezier",
        },
      },
      { selector: "edge.highlight", style: { width: 3, "line-color": highlight, "target-arrow-color": highlight } },
    ];
  }

  function ensureNetwork() {
    if (network || !window.cytoscape) return network;
    network = window.cytoscape({ container: networkBox, style: networkStyle(), minZoom: 0.2, maxZoom: 4 });
    network.on("tap", "node", (event) => showNode(event.target.data()));
    window.conflictsNetwork = network;
    return network;
  }

  // Links from the centre to each node, which puts the centre in the middle and each further ring outside it.
  function distances(centre, edges) {
    const neighbours = new Map();
    for (const edge of edges) {
      for (const [from, to] of [[edge.source, edge.target], [edge.target, edge.source]]) {
        if (!neighbours.has(from)) neighbours.set(from, []);
        neighbours.get(from).push(to);
      }
    }
    const distance = new Map([[centre, 0]]);
    const queue = [centre];
    while (queue.length) {
      const node = queue.shift();
      for (const next of neighbours.get(node) || []) {
        if (!distance.has(next)) {
          distance.set(next, distance.get(node) + 1);
          queue.push(next);
        }
      }
    }
    return distance;
  }

  function elements(neighbourhood, highlighted) {
    const centre = neighbourhood.centre.iri;
    const known = new Set(neighbourhood.nodes.map((node) => node.iri));
    const nodes = neighbourhood.nodes.map((node) => ({
      group: "nodes",
      data: { id: node.iri, label: node.label, kind: node.kind, date: node.date },
      classes: [node.kind, highlighted.has(node.iri) ? "highlight" : "", node.iri === centre ? "centre" : ""].join(" "),
    }));
    const seen = new Set();
    const edges = [];
    for (const edge of neighbourhood.edges) {
      const id = `${edge.statement} ${edge.relation} ${edge.source} ${edge.target}`;
      if (seen.has(id) || !known.has(edge.source) || !known.has(edge.target)) continue;
      seen.add(id);
      const inFinding = highlighted.has(edge.source) && highlighted.has(edge.target);
      edges.push({
        group: "edges",
        data: { id, source: edge.source, target: edge.target, relation: edge.relation },
        classes: inFinding ? "highlight" : "",
      });
    }
    return { nodes, edges };
  }

  // Rings by distance from the centre first, so the drawing starts from the same place every time; then a
  // force-directed pass from there, which spreads the crowded rings and keeps what is linked close.
  function placeNodes(cy, centre, edges) {
    const distance = distances(centre, edges);
    const furthest = Math.max(0, ...distance.values());
    cy.layout({
      name: "concentric",
      animate: false,
      concentric: (node) => furthest - (distance.has(node.id()) ? distance.get(node.id()) : furthest),
      levelWidth: () => 1,
    }).run();
    cy.layout({ name: "cose", randomize: false, animate: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 60 }).run();
  }

  function showDownloads(centre, hops) {
    const path = apiPath("/api/network/", centre);
    for (const format of ["graphml", "gexf"]) {
      const link = document.getElementById(`download-${format}`);
      link.href = `${path}?${new URLSearchParams({ hops, format })}`;
    }
    downloads.hidden = false;
  }

  async function drawNetwork(centre, highlighted) {
    drawn = { centre, highlighted };
    const hops = hopsPicker.value;
    const cy = ensureNetwork();
    showDownloads(centre, hops);
    details.hidden = true;
    if (!cy) {
      networkStatus.textContent = "The drawing library did not load; the downloads still work.";
      return;
    }
    networkStatus.textContent = "Drawing…";
    let neighbourhood;
    try {
      neighbourhood = await getJson(`${apiPath("/api/network/", centre)}?${new URLSearchParams({ hops })}`);
    } catch (error) {
      networkStatus.textContent = `No network to draw: ${error.message}`;
      return;
    }
    if (drawn.centre !== centre || drawn.highlighted !== highlighted) return; // a later choice replaced this one
    const { nodes, edges } = elements(neighbourhood, highlighted);
    cy.elements().remove();
    cy.add([...nodes, ...edges]);
    placeNodes(cy, neighbourhood.centre.iri, edges.map((edge) => edge.data));
    cy.fit(undefined, 20);
    const cut = neighbourhood.complete ? "" : " (cut short: the neighbourhood is larger than the drawing allows)";
    networkStatus.textContent =
      `${neighbourhood.centre.label}: ${nodes.length} entities and ${edges.length} links within ${hops} ` +
      `${hops === "1" ? "link" : "links"}${cut}. Choose an entity to see what it is.`;
    networkBox.dataset.centre = neighbourhood.centre.iri;
  }

  function showNode(node) {
    const page = pagePath(node.id);
    const lines = [element("p", null, element("strong", null, node.label), " ", element("span", "kind-tag", node.kind))];
    if (node.date) lines.push(element("p", null, longDate(node.date)));
    const links = element("p", "node-links");
    if (page) links.append(anchor(page, "Open its page"));
    if (node.kind === "person" || node.kind === "organisation") {
      links.append(" · ", anchor(conflictsHref({ [node.kind]: reference(node.id), offset: 0 }), "Its findings"));
    }
    if (node.id !== drawn.centre) {
      const recentre = element("button", "link-button", "Draw around it");
      recentre.type = "button";
      recentre.addEventListener("click", () => drawNetwork(node.id, drawn.highlighted));
      links.append(" · ", recentre);
    }
    lines.push(links);
    details.replaceChildren(...lines);
    details.hidden = false;
  }

  hopsPicker.addEventListener("change", () => {
    if (drawn) drawNetwork(drawn.centre, drawn.highlighted);
  });

  // The most connected people -------------------------------------------------------------------------------

  function brokerEntry(broker) {
    const count = broker.organisations.length;
    return element(
      "li",
      "broker",
      entityLink(broker.person),
      " ",
      filterLink("person", broker.person, "(findings)"),
      element("span", "muted", ` links to ${count} ${count === 1 ? "organisation" : "organisations"}: `),
      ...joined(broker.organisations),
    );
  }

  async function loadBrokers() {
    try {
      knownBrokers = await getJson("/api/brokers?limit=10");
    } catch (error) {
      showError(error);
      return;
    }
    brokersList.replaceChildren(...knownBrokers.map(brokerEntry));
    if (!knownBrokers.length) brokersList.replaceWith(element("p", "empty", "The minutes link nobody to an organisation."));
  }

  loadBrokers().then(loadFindings);
})();
