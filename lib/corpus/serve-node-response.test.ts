import { createHash } from "node:crypto";
import { readdirSync, readlinkSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFileRange } from "./serve-file-range";
import { sendWebResponse } from "./serve-node-response";

let folder: string;
let filePath: string;
let content: Buffer;
let server: Server;
let origin: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "serve-node-response-"));
  filePath = path.join(folder, "audio.bin");
  content = Buffer.alloc(24 * 1024 * 1024, 7);
  content.write("RIFF", 0, "latin1");
  await writeFile(filePath, content);
  server = createServer((incoming, outgoing) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
    void serveFileRange({
      filePath,
      contentType: "audio/wav",
      etag: '"test"',
      cacheControl: "private, max-age=60",
      request: { method: incoming.method ?? "GET", headers },
    }).then((response) => sendWebResponse(response!, outgoing, incoming.method ?? "GET"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

function get(method: string, headers: Record<string, string> = {}): Promise<{ response: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${origin}/`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ response, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** How many descriptors of this process have the served file open (Linux). */
const openHandlesOfFile = () =>
  readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === filePath;
    } catch {
      return false;
    }
  }).length;

describe("sendWebResponse", () => {
  it("keeps Content-Length on a whole file instead of sending it chunked", async () => {
    const { response, body } = await get("GET");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-length"]).toBe(String(content.length));
    expect(response.headers["transfer-encoding"]).toBeUndefined();
    expect(createHash("sha256").update(body).digest("hex")).toBe(createHash("sha256").update(content).digest("hex"));
  });

  it("answers HEAD with the size and no body", async () => {
    const { response, body } = await get("HEAD");
    expect(response.headers["content-length"]).toBe(String(content.length));
    expect(response.headers["accept-ranges"]).toBe("bytes");
    expect(body.length).toBe(0);
  });

  it("sends a range with its own length", async () => {
    const { response, body } = await get("GET", { Range: "bytes=0-43" });
    expect(response.statusCode).toBe(206);
    expect(response.headers["content-length"]).toBe("44");
    expect(response.headers["content-range"]).toBe(`bytes 0-43/${content.length}`);
    expect(body.subarray(0, 4).toString("latin1")).toBe("RIFF");
  });

  it.runIf(process.platform === "linux")("closes the file when the client hangs up mid-stream", async () => {
    await new Promise<void>((resolve, reject) => {
      const request = httpRequest(`${origin}/`, (response) => {
        response.once("data", () => {
          // The server is mid-file: the handle is open now.
          expect(openHandlesOfFile()).toBe(1);
          request.destroy();
          resolve();
        });
      });
      request.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" ? resolve() : reject(error)));
      request.end();
    });
    await expect.poll(openHandlesOfFile, { timeout: 5000 }).toBe(0);
  });
});
