/*
 * Mounts GraphiQL (UMD build, loaded from this server) on #graphiql. No network access beyond
 * this origin: the fetcher posts to our own GraphQL endpoint and there is no subscription URL.
 */
(function mountPlayground() {
  "use strict";
  var container = document.getElementById("graphiql");
  var graphqlPath = container.getAttribute("data-graphql-path") || "/graphql";
  var exampleQuery = document.getElementById("example-query").value.trim() + "\n";

  var fetcher = GraphiQL.createFetcher({ url: new URL(graphqlPath, window.location.href).toString() });

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
})();
