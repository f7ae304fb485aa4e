// The SPARQL editor: CodeMirror where it loaded (a plain textarea where it did not), worked queries to start
// from, and a Run that asks /sparql for SPARQL JSON results and shows them as a table. Everything the server
// sends is put into the page as text, never as markup.
"use strict";

(function () {
  const config = JSON.parse(document.getElementById("editor-config").textContent);
  const examples = JSON.parse(document.getElementById("editor-examples").textContent);
  const form = document.getElementById("query-form");
  const textarea = document.getElementById("query");
  const picker = document.getElementById("example");
  const why = document.getElementById("example-why");
  const permalink = document.getElementById("permalink");
  const runButton = document.getElementById("run");
  const statusLine = document.getElementById("status");
  const errorBox = document.getElementById("error");
  const results = document.getElementById("results");

  // CodeMirror is optional: without the vendor files the textarea still edits and runs queries.
  const editor = window.CodeMirror
    ? window.CodeMirror.fromTextArea(textarea, {
        mode: "application/sparql-query",
        lineNumbers: true,
        matchBrackets: true,
        indentUnit: 2,
        lineWrapping: true,
        viewportMargin: Infinity,
        extraKeys: { "Ctrl-Enter": run, "Cmd-Enter": run },
      })
    : null;

  function getQuery() {
    return editor ? editor.getValue() : textarea.value;
  }

  function setQuery(text) {
    if (editor) editor.setValue(text);
    else textarea.value = text;
  }

  function updatePermalink() {
    permalink.href = "/query?" + new URLSearchParams({ query: getQuery() }).toString();
  }

  function chooseExample() {
    const example = examples.find((e) => e.name === picker.value);
    why.textContent = example ? example.why : "";
    if (example) setQuery(example.query);
    updatePermalink();
  }

  // IRIs under the base IRI have a page here; others are shortened to a prefixed name where one fits.
  function iriNode(iri) {
    if (iri.startsWith(config.baseIri)) {
      const link = document.createElement("a");
      link.href = config.basePath + iri.slice(config.baseIri.length);
      link.textContent = iri.slice(config.baseIri.length);
      link.title = iri;
      link.className = "cell-iri";
      return link;
    }
    const span = document.createElement("span");
    span.className = "cell-iri";
    span.title = iri;
    span.textContent = compact(iri);
    return span;
  }

  function compact(iri) {
    for (const [prefix, namespace] of Object.entries(config.prefixes)) {
      if (iri.startsWith(namespace) && iri.length > namespace.length) {
        return prefix + ":" + iri.slice(namespace.length);
      }
    }
    return "<" + iri + ">";
  }

  function note(className, text) {
    const span = document.createElement("span");
    span.className = className;
    span.textContent = text;
    return span;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      td.append(iriNode(term.value));
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else if (term.type === "literal") {
      td.textContent = term.value;
      if (term["xml:lang"]) td.append(note("lang", "@" + term["xml:lang"]));
      if (term.datatype) td.title = compact(term.datatype);
    } else {
      td.textContent = JSON.stringify(term.value);
    }
    return td;
  }

  function table(variables, bindings) {
    const head = document.createElement("tr");
    for (const name of variables) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = name;
      head.append(th);
    }
    const body = document.createElement("tbody");
    for (const binding of bindings) {
      const row = document.createElement("tr");
      for (const name of variables) row.append(cell(binding[name]));
      body.append(row);
    }
    const thead = document.createElement("thead");
    thead.append(head);
    const element = document.createElement("table");
    element.append(thead, body);
    return element;
  }

  function plural(count, word) {
    return count.toLocaleString() + " " + word + (count === 1 ? "" : "s");
  }

  function showStatus(text, truncated) {
    statusLine.textContent = text;
    if (truncated) statusLine.append(note("truncated", truncated));
  }

  function showError(status, text) {
    errorBox.replaceChildren();
    const heading = document.createElement("strong");
    heading.textContent = status ? "The server could not answer (" + status + ")" : "The server could not be reached";
    const detail = document.createElement("pre");
    detail.textContent = text;
    errorBox.append(heading, detail);
    errorBox.hidden = false;
  }

  function showAnswer(response, body, elapsed) {
    const truncated = response.headers.get("X-Councilgraph-Truncated");
    const took = " in " + elapsed + " ms";
    const type = response.headers.get("Content-Type") || "";
    if (!type.includes("json")) {
      const pre = document.createElement("pre");
      pre.textContent = body;
      results.replaceChildren(pre);
      showStatus(plural(Number(response.headers.get("X-Councilgraph-Rows") || 0), "triple") + took, truncated);
      return;
    }
    const answer = JSON.parse(body);
    if ("boolean" in answer) {
      showStatus("The answer is " + (answer.boolean ? "yes" : "no") + took, truncated);
      return;
    }
    const bindings = answer.results.bindings;
    results.replaceChildren(table(answer.head.vars, bindings));
    showStatus(plural(bindings.length, "row") + took, truncated);
  }

  async function run() {
    const started = performance.now();
    runButton.disabled = true;
    errorBox.hidden = true;
    results.replaceChildren();
    showStatus("Running…");
    updatePermalink();
    try {
      const response = await fetch(config.endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
        body: getQuery(),
      });
      const body = await response.text();
      if (response.ok) showAnswer(response, body, Math.round(performance.now() - started));
      else {
        showStatus("");
        showError(response.status, body);
      }
    } catch (error) {
      showStatus("");
      showError(0, String(error));
    } finally {
      runButton.disabled = false;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  picker.addEventListener("change", chooseExample);
  if (editor) editor.on("change", updatePermalink);
  else textarea.addEventListener("input", updatePermalink);
  updatePermalink();
})();
