/*
 * Mounts GraphiQL (UMD build, loaded from this server) on #graphiql. No network access beyond
 * this origin: the fetcher posts to our own GraphQL endpoint and there is no subscription URL.
 * Every result also goes to the Network view (playground-network.js), which draws a
 * coauthorNetwork or a collaborationPath on a "Network" tab beside the JSON.
 */
(function mountPlayground() {
  "use strict";
  var container = document.getElementById("graphiql");
  var graphqlPath = container.getAttribute("data-graphql-path") || "/graphql";
  var exampleQuery = document.getElementById("example-query").value.trim() + "\n";

  var baseFetcher = GraphiQL.createFetcher({ url: new URL(graphqlPath, window.location.href).toString() });
  var networkView = window.coauthorGraphNetworkView;

  function showNetwork(value) {
    try {
      networkView.show(value);
    } catch (error) {
      console.warn("The Network view could not draw this result:", error);
    }
  }

  // GraphiQL's own schema fetch is not a result the user asked for. Its default fetcher answers with
  // an async iterable (multipart, for incremental delivery); a plain one with a promise.
  function fetcher(params, options) {
    var result = baseFetcher(params, options);
    if (!networkView || !params || params.operationName === "IntrospectionQuery" || !result) return result;
    if (typeof result.then === "function") {
      return result.then(function (value) {
        if (value && typeof value[Symbol.asyncIterator] === "function") return tee(value);
        showNetwork(value);
        return value;
      });
    }
    if (typeof result[Symbol.asyncIterator] === "function") return tee(result);
    return result;
  }

  /** Passes every payload on unchanged, showing each in the Network view as it comes. */
  function tee(iterable) {
    var iterator = iterable[Symbol.asyncIterator]();
    var wrapped = {
      next: function () {
        return iterator.next().then(function (step) {
          if (!step.done) showNetwork(step.value);
          return step;
        });
      },
      return: function (value) {
        return iterator.return ? iterator.return(value) : Promise.resolve({ done: true, value: value });
      },
    };
    wrapped[Symbol.asyncIterator] = function () {
      return wrapped;
    };
    return wrapped;
  }

  var root = ReactDOM.createRoot(container);
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: exampleQuery,
      // A first visit (no saved tabs) opens on the example; later visits keep the user's tabs.
      defaultEditorToolsVisibility: false,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  );

  /** The JSON | Network switch, added to GraphiQL's response area once it exists. */
  function addNetworkTab(response) {
    if (document.getElementById("cg-network-tab")) return;
    var tabs = document.createElement("div");
    tabs.className = "cg-view-tabs";
    tabs.setAttribute("role", "tablist");
    tabs.setAttribute("aria-label", "Result view");
    tabs.innerHTML =
      '<button type="button" role="tab" id="cg-json-tab" aria-selected="true">JSON</button>' +
      '<button type="button" role="tab" id="cg-network-tab" aria-selected="false" aria-controls="cg-network-pane" disabled>Network</button>';
    var pane = document.createElement("div");
    pane.id = "cg-network-pane";
    pane.hidden = true;
    pane.setAttribute("role", "tabpanel");
    pane.innerHTML = '<div class="cg-network-caption"></div><div class="cg-network-stage"></div>';
    response.appendChild(pane);
    response.appendChild(tabs);
    var jsonTab = tabs.querySelector("#cg-json-tab");
    var networkTab = tabs.querySelector("#cg-network-tab");
    function choose(network) {
      pane.hidden = !network;
      jsonTab.setAttribute("aria-selected", String(!network));
      networkTab.setAttribute("aria-selected", String(network));
      if (network && networkView) networkView.drawPending();
    }
    jsonTab.addEventListener("click", function () {
      choose(false);
    });
    networkTab.addEventListener("click", function () {
      choose(true);
    });
  }

  new MutationObserver(function (_records, observer) {
    var response = container.querySelector(".graphiql-response");
    if (response) {
      addNetworkTab(response);
      observer.disconnect();
    }
  }).observe(container, { childList: true, subtree: true });
})();
