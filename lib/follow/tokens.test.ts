import { describe, expect, it } from "vitest";
import { hashToken, newConfirmToken, subscriptionIdFromUnsubscribeToken, unsubscribeToken } from "./tokens";

const id = "0b6f3c1e-9d7a-4c2b-8e51-3f0a2d9c7b14";

describe("follow tokens", () => {
  it("stores only a hash of a confirmation token, which is fresh each time", () => {
    const first = newConfirmToken();
    expect(first.hash).toBe(hashToken(first.token));
    expect(first.hash).not.toContain(first.token);
    expect(newConfirmToken().token).not.toBe(first.token);
    expect(first.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("accepts the unsubscribe token it made and refuses a changed id or signature", () => {
    const token = unsubscribeToken(id);
    expect(subscriptionIdFromUnsubscribeToken(token)).toBe(id);
    const otherId = id.replace("0b6f", "0b70");
    expect(subscriptionIdFromUnsubscribeToken(token.replace(id, otherId))).toBeNull();
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(subscriptionIdFromUnsubscribeToken(flipped)).toBeNull();
    expect(subscriptionIdFromUnsubscribeToken(`${id}.`)).toBeNull();
    expect(subscriptionIdFromUnsubscribeToken("")).toBeNull();
  });
});
