// The query page: load examples, run the query with fetch, show the results as a table.
// Everything is written with textContent: result values never become markup.
"use strict";

(() => {
  const form = document.getElementById("query-form");
  const editor = document.getElementById("query");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const examples = JSON.parse(document.getElementById("examples").textContent);
  const endpoint = form.getAttribute("action");
  const ACCEPT = "application/sparql-results+json, text/turtle;q=0.9";

  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };

  const say = (text, isError = false) => {
    status.replaceChildren(el("span", text));
    status.classList.toggle("error", isError);
  };

  function cell(term) {
    const td = el("td");
    if (!term) return td;
    if (term.type === "uri") {
      const a = el("a", term.value);
      a.href = term.value;
      a.rel = "nofollow noopener";
      td.append(a);
    } else if (term.type === "literal") {
      td.append(el("span", term.value));
      if (term["xml:lang"]) td.append(el("span", ` @${term["xml:lang"]}`, "lang"));
      else if (term.datatype) td.append(el("span", ` ^^${term.datatype.replace(/^.*[#/]/, "")}`, "datatype"));
    } else if (term.type === "triple") {
      td.textContent = `<< ${JSON.stringify(term.value)} >>`;
    } else {
      td.textContent = `_:${term.value}`;
    }
    return td;
  }

  function table(data) {
    const vars = data.head.vars || [];
    const t = el("table");
    const head = el("tr");
    vars.forEach((v) => head.append(el("th", `?${v}`)));
    t.append(el("thead"));
    t.tHead.append(head);
    const body = el("tbody");
    for (const row of data.results.bindings) {
      const tr = el("tr");
      vars.forEach((v) => tr.append(cell(row[v])));
      body.append(tr);
    }
    t.append(body);
    return t;
  }

  async function run() {
    const started = performance.now();
    say("Running…");
    results.replaceChildren();
    location.hash = new URLSearchParams({ query: editor.value }).toString();
    let response;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: { Accept: ACCEPT },
        body: new URLSearchParams({ query: editor.value }),
      });
    } catch (error) {
      say(`The server could not be reached: ${error.message}`, true);
      return;
    }
    const ms = Math.round(performance.now() - started);
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      const problem = type.includes("json") ? await response.json() : { detail: await response.text() };
      say(`${response.status} ${problem.error || ""}: ${problem.detail || ""}`, true);
      return;
    }
    const truncated = response.headers.get("Newskg-Truncated") === "true";
    let summary;
    if (type.startsWith("application/sparql-results+json")) {
      const data = await response.json();
      if ("boolean" in data) {
        summary = `ASK: ${data.boolean}`;
        results.append(el("p", String(data.boolean)));
      } else {
        const n = data.results.bindings.length;
        summary = `${n} row${n === 1 ? "" : "s"}`;
        results.append(table(data));
      }
    } else {
      const text = await response.text();
      summary = "graph (Turtle)";
      results.append(el("pre", text));
    }
    say(`${summary} in ${ms} ms`);
    if (truncated) {
      const limit = response.headers.get("Newskg-Row-Limit");
      status.append(el("span", ` — cut at the row limit (${limit}); add a LIMIT or narrow the query.`, "truncated"));
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  document.querySelectorAll("[data-example]").forEach((button) => {
    button.addEventListener("click", () => {
      editor.value = examples[Number(button.dataset.example)].text;
      editor.focus();
      run();
    });
  });
  const shared = new URLSearchParams(location.hash.slice(1)).get("query");
  if (shared) editor.value = shared;
})();
