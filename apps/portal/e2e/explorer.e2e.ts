import { expect, test } from "@playwright/test";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { chainRpcUrl, e2eWallet } from "./chain.ts";
import { signInAs } from "./fixtures.ts";

const RECIPIENT = "prec1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnjl438u";

async function sendThroughCosmJs(amount: string) {
  const wallet = await e2eWallet();
  const [sender] = await wallet.getAccounts();
  const client = await SigningStargateClient.connectWithSigner(chainRpcUrl(), wallet, { gasPrice: GasPrice.fromString("0.025uusd") });
  try {
    const result = await client.sendTokens(sender!.address, RECIPIENT, [{ denom: "uusd", amount }], "auto", "e2e explorer");
    expect(result.code).toBe(0);
    return { hash: result.transactionHash, height: result.height, sender: sender!.address };
  } finally {
    client.disconnect();
  }
}

test.describe.serial("ledger explorer", () => {
  test("a tx sent through CosmJS appears in /explorer without a reload, and its page is verified against the chain", async ({ page }) => {
    await signInAs(page, "PAYER");
    await page.goto("/explorer");
    await expect(page.getByRole("heading", { level: 1, name: "Ledger explorer" })).toBeVisible();
    await expect(page.getByTestId("live-state")).toContainText("Live");
    // Mark the document: a reload would lose the mark.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    const { hash } = await sendThroughCosmJs("1234");
    const link = page.locator(`[data-testid="tx-link"][data-hash="${hash}"]`);
    await expect(link).toBeVisible({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    await link.click();
    await expect(page).toHaveURL(new RegExp(`/explorer/txs/${hash}$`));
    await expect(page.getByTestId("verified-mark")).toHaveText("Verified against the chain");
    await expect(page.getByTestId("tx-messages")).toContainText(RECIPIENT);
    await expect(page.getByTestId("tx-messages")).toContainText('"amount": "1234"');
    await expect(page.getByRole("main")).toContainText("Success");
    await expect(page.getByRole("main")).toContainText("coin_received");
    await page.screenshot({ path: "test-results/screenshots/explorer-tx.png", fullPage: true });
  });

  test("search finds a tx by hash and an account by address; the account page shows balance and history", async ({ page }) => {
    const { hash, sender } = await sendThroughCosmJs("77");
    await signInAs(page, "CLINICIAN");
    await page.goto("/explorer");
    await expect(page.locator(`[data-testid="tx-link"][data-hash="${hash}"]`)).toBeVisible({ timeout: 20_000 });

    await page.getByLabel("Search the ledger").fill(hash.toLowerCase());
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`/explorer/txs/${hash}$`));
    await expect(page.getByTestId("verified-mark")).toBeVisible();

    await page.getByLabel("Search the ledger").fill(RECIPIENT);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`/explorer/accounts/${RECIPIENT}$`));
    await expect(page.getByTestId("balances")).toHaveText(/^\d+ uusd$/);
    await expect(page.locator(`[data-testid="tx-link"][data-hash="${hash}"]`)).toBeVisible();

    await page.goto(`/explorer/accounts/${sender}`);
    await expect(page.getByRole("main")).toContainText("Sequence");
    await page.getByLabel("Search the ledger").fill("1");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/explorer\/blocks\/1$/);
    await expect(page.getByRole("heading", { level: 1, name: "Block 1" })).toBeVisible();
  });

  test("bad input gets a clear empty or error state, never a 500", async ({ page }) => {
    await signInAs(page, "PATIENT");
    const cases: [string, RegExp][] = [
      [`/explorer/txs/${"0".repeat(64)}`, /No such transaction/],
      ["/explorer/txs/nothex", /Not a transaction hash/],
      ["/explorer/accounts/prec1notanaddress", /Not a Precision address/],
      ["/explorer/accounts/cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysn7hzdtn", /Not a Precision address/],
      ["/explorer/blocks/99999999999", /not in the index/],
      ["/explorer/blocks/-5", /Not a block height/],
      ["/explorer/blocks/99999999999999999999999", /Not a block height/],
      ["/explorer/search?q=%3Cscript%3E", /not a transaction hash/],
      ["/explorer/search?q=", /Enter a transaction hash/],
      ["/explorer/accounts/prec1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnjl438u?page=-3", /Transactions/],
    ];
    for (const [url, message] of cases) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      await expect(page.getByRole("main"), url).toContainText(message);
    }
  });

  test("the explorer and its live endpoint need a session", async ({ page }) => {
    const res = await page.request.get("/api/explorer/head");
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "sign in to read the ledger" } });
    await page.goto("/explorer/blocks/1");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fexplorer%2Fblocks%2F1/);
  });
});
