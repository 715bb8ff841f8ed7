import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("the worker", () => {
  it("answers an unknown address with the friendly 404 page", async () => {
    const res = await exports.default.fetch("https://tenring.test/nowhere");
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    expect(await res.text()).toContain("Page not found");
  });
});
