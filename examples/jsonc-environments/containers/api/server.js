// A minimal HTTP server for the api container: /healthz for the readiness probe, echo otherwise.
const http = require("node:http");

http
  .createServer((req, res) => {
    if (req.url === "/healthz") {
      res.writeHead(200).end("ok\n");
      return;
    }
    res.writeHead(200, { "content-type": "text/plain" }).end(`api: ${req.method} ${req.url}\n`);
  })
  .listen(8080);
