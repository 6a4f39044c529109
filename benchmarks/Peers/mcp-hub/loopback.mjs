// mcp-hub 4.2.1 listens on every interface (server.listen(port)); the edge benchmark keeps its peer on loopback.
// Loaded with `node --import ./loopback.mjs`: a listen given only a port gets 127.0.0.1 as its host.
import net from "node:net";

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && typeof args[1] !== "string") {
    args.splice(1, 0, "127.0.0.1");
  }
  return listen.apply(this, args);
};
