const http = require("node:http");
http
  .createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`api container: ${req.method} ${req.url}\n`);
  })
  .listen(8080);
