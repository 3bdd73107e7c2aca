// The chair's page in a real browser: Debian's Chromium, driven by playwright-core, against
// chairhubd on simulated devices (the real drivers on the chip models) with a replayed day in
// its history. Each test is a step a person takes; a screenshot of every page goes to the
// artifacts folder.
//   node pages_test.js PLAYWRIGHT_DIR CHAIRHUBD CHAIRHUB SOURCE_DIR ARTIFACTS_DIR
// (pages_test.sh finds Chromium and playwright-core first.) Exits 1 on the first failure.
"use strict";
const { spawn, execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const [playwrightDir, chairhubd, chairhub, sourceDir, artifacts] = process.argv.slice(2);
const chromiumPath = process.env.CHAIRHUB_CHROMIUM || "/usr/bin/chromium";
const { chromium } = require(path.join(playwrightDir, "node_modules", "playwright-core"));

const PASSWORD = "correct horse battery";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chairhub-browser-"));
fs.mkdirSync(artifacts, { recursive: true });

// A sitter who sits upright, then leans left, again and again: the live view must follow.
const scenario = `
[sitter]
mass_kg = 72
seed = 11
[log]
rate_hz = 20
units = "raw"
[[step]]
posture = "upright"
seconds = 5
[[step]]
posture = "leaning_left"
seconds = 5
`;

function writeConfig() {
  const hash = execFileSync(chairhub, ["hash-password"], { input: PASSWORD + "\n" }).toString().trim();
  fs.writeFileSync(path.join(dir, "sitter.toml"), scenario);
  fs.writeFileSync(path.join(dir, "chairhub.toml"), `
[service]
source = "devices"
scenario = "sitter.toml"
state_dir = "${path.join(dir, "state")}"
[web]
port = 0
${hash}
[hardware]
realtime = false
[hardware.hx711]
clock = 5
rate = 80
data = { seat_fl = 6, seat_fr = 13, seat_bl = 19, seat_br = 26 }
[hardware.ads1115]
inputs = { lumbar_l = 0, lumbar_r = 1, foot_l = 2, foot_r = 3 }
`);
}

// Today's history: the two-hour golden workday replayed from 09:00 local time.
function fillHistory() {
  fs.mkdirSync(path.join(dir, "state"), { recursive: true });
  const d = new Date();
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  execFileSync(chairhub, ["replay", path.join(sourceDir, "tests/golden/workday.csv"), "--json",
    "--history", path.join(dir, "state", "history.sqlite"), "--start", `${day}T09:00`], { stdio: ["ignore", "ignore", "inherit"] });
}

function startDaemon() {
  const log = [];
  const daemon = spawn(chairhubd, ["--config", path.join(dir, "chairhub.toml")], { stdio: ["ignore", "ignore", "pipe"] });
  daemon.stderr.on("data", (chunk) => log.push(chunk.toString()));
  return { daemon, log: () => log.join("") };
}

async function waitFor(what, probe, seconds = 20) {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const tests = [];
function test(name, body) { tests.push({ name, body }); }

test("a wrong password is refused", async ({ page, url }) => {
  await page.goto(url + "/");
  await page.waitForURL(/\/login$/);
  await page.fill("#password", "not the password");
  await page.click("button");
  const error = await page.textContent("#login-error");
  if (!/not this chair's password/.test(error)) throw new Error(`no refusal shown: ${error}`);
  await page.screenshot({ path: path.join(artifacts, "page-login.png") });
  const cookies = await page.context().cookies();
  if (cookies.some((c) => c.name === "chairhub_session")) throw new Error("a session for a wrong password");
});

test("the right password opens the live view, which moves as the sitter leans", async ({ page, url }) => {
  await new Promise((r) => setTimeout(r, 1100));  // the wait a wrong password earned
  await page.goto(url + "/login");
  await page.fill("#password", PASSWORD);
  await page.click("button");
  await page.waitForURL(url + "/");
  await waitFor("the live view", () => page.evaluate(() => document.body.dataset.live === "1"));
  const cx = () => page.evaluate(() => Number(document.getElementById("cop").getAttribute("cx")));
  await waitFor("a lean to the left", async () => (await cx()) < -15, 30);
  await page.screenshot({ path: path.join(artifacts, "page-live.png") });
  await waitFor("upright again", async () => (await cx()) > -5, 30);
  const posture = await page.textContent("#posture");
  if (!posture || posture === "-") throw new Error("no posture shown");
});

test("the wiring check says every sensor is fine", async ({ page, url }) => {
  await page.goto(url + "/setup");
  await waitFor("8 sensors, all ok", () => page.evaluate(() => {
    const rows = [...document.querySelectorAll("#wiring tbody tr")];
    return rows.length === 8 && rows.every((r) => r.dataset.ok === "1");
  }));
});

test("a whole guided calibration completes from the page", async ({ page, url }) => {
  await page.goto(url + "/setup");
  const card = page.locator('[data-guide="chair"]');
  await page.fill("#kg", "10");
  await card.locator(".begin").click();
  await waitFor("the first step", () => card.evaluate((c) => c.dataset.running === "1"));
  let shot = false;
  for (let step = 1; step <= 10; ++step) {
    await waitFor(`step ${step}`, () => card.evaluate((c, s) => Number(c.dataset.step) === s, step));
    if (step === 2 && !shot) {
      await page.screenshot({ path: path.join(artifacts, "page-setup.png"), fullPage: true });
      shot = true;
    }
    await card.locator(".ready").click();
    await waitFor(`step ${step} measured`, () => card.evaluate((c, s) => c.dataset.running !== "1" || Number(c.dataset.step) > s, step));
  }
  await waitFor("the end", () => card.evaluate((c) => c.dataset.finished !== ""));
  const result = await card.locator(".result").textContent();
  if (!/calibrated/.test(result)) throw new Error(`calibration did not complete: ${result}`);
  if (!fs.existsSync(path.join(dir, "state", "calibration.toml"))) throw new Error("no calibration.toml saved");
});

test("the posture calibration shows each hold and can be cancelled", async ({ page, url }) => {
  await page.goto(url + "/setup");
  const card = page.locator('[data-guide="postures"]');
  await page.fill("#profile-name", "anna");
  await card.locator(".begin").click();
  await waitFor("the first hold", () => card.evaluate((c) => c.dataset.running === "1"));
  const title = await card.locator(".title").textContent();
  if (!/upright \(anna\)/.test(title)) throw new Error(`first hold: ${title}`);
  await waitFor("the bar filling", () => card.evaluate((c) => parseFloat(c.querySelector(".bar > div").style.width) > 0));
  await card.locator(".cancel").click();
  await waitFor("the cancel", () => card.evaluate((c) => c.dataset.running !== "1" && c.dataset.finished === "failed"));
  const result = await card.locator(".result").textContent();
  if (!/cancelled/.test(result)) throw new Error(`after cancel: ${result}`);
});

test("the history shows the replayed day", async ({ page, url }) => {
  await page.goto(url + "/history");
  const text = await page.textContent("#day");
  if (!/seated/i.test(text)) throw new Error(`no day summary: ${text}`);
  if ((await page.locator("#day svg").count()) !== 1) throw new Error("no timeline picture");
  await page.screenshot({ path: path.join(artifacts, "page-history.png"), fullPage: true });
  await page.click("text=the week");
  await page.waitForSelector("#week svg");
  await page.screenshot({ path: path.join(artifacts, "page-history-week.png"), fullPage: true });
});

test("the settings are listed with where to change them", async ({ page, url }) => {
  await page.goto(url + "/settings");
  const text = await page.textContent("#settings");
  if (!/made on this page/.test(text) || !/\[web\] password_hash/.test(text)) throw new Error(`settings: ${text}`);
  await page.screenshot({ path: path.join(artifacts, "page-settings.png"), fullPage: true });
});

(async () => {
  writeConfig();
  fillHistory();
  const { daemon, log } = startDaemon();
  let failed = 0;
  let browser;
  try {
    const port = await waitFor("the page's port", () => (log().match(/the chair's page: http:\/\/127\.0\.0\.1:(\d+)\//) || [])[1]);
    const url = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    page.on("pageerror", (e) => { console.log(`  page error: ${e.message}`); failed++; });
    for (const t of tests) {
      const started = Date.now();
      try {
        await t.body({ page, url });
        console.log(`ok   ${t.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${t.name}: ${e.message}`);
        await page.screenshot({ path: path.join(artifacts, `failed-${tests.indexOf(t)}.png`) }).catch(() => {});
        break;  // the later steps build on this one
      }
    }
  } catch (e) {
    failed++;
    console.log(`FAIL: ${e.message}`);
  } finally {
    if (browser) await browser.close();
    daemon.kill("SIGTERM");
    if (failed) console.log("chairhubd's log:\n" + log());
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`screenshots in ${artifacts}`);
  process.exit(failed ? 1 : 0);
})();
