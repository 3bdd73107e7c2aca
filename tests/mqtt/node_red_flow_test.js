// docs/node-red/chairhub-flow.json in a real Node-RED: a private Mosquitto on loopback, Node-RED
// with a scratch user directory, the flow deployed through the admin API as the editor does
// (its broker node pointed at the test broker), a workday replayed with `chairhub replay --mqtt`
// as the chair "office", and the inject node pressed while the replay runs. Node statuses and
// debug outputs are read from the editor's websocket (/comms).
// Passes when: the state node's status shows the posture and minutes or "empty", the posture
// node shows postures, the reminder text reads "office: sitting for N min, time to move...",
// availability ends "offline", the snooze gets the replay's answer ("error"), and Node-RED logs
// no error and no node's warning.
//   node node_red_flow_test.js NODE_RED_DIR CHAIRHUB MOSQUITTO FLOW LOG
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const [nodeRedDir, chairhub, mosquitto, flowFile, logFile] = process.argv.slice(2);
const WebSocket = require(path.join(nodeRedDir, 'node_modules', 'ws'));

const ids = {
  broker: 'c0ffee0000000001',
  reminder: 'c0ffee0000000016',
  posture: 'c0ffee0000000013',
  state: 'c0ffee0000000021',
  stateIn: 'c0ffee0000000020',
  availability: 'c0ffee0000000031',
  inject: 'c0ffee0000000040',
  answers: 'c0ffee0000000051',
};
const postures = ['upright', 'slouching', 'leaning_left', 'leaning_right', 'leaning_forward', 'reclined', 'other'];

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'chairhub-node-red-'));
const children = [];
let failures = 0;

function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, pred, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await pred()) return true;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function start(cmd, args, logName) {
  const out = fs.openSync(path.join(scratch, logName), 'w');
  const child = spawn(cmd, args, { stdio: ['ignore', out, out] });
  children.push(child);
  return child;
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

function run(cmd, args) {
  return new Promise((resolve) => {
    let stderr = '';
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

async function main() {
  const brokerPort = await freePort();
  fs.writeFileSync(path.join(scratch, 'mosquitto.conf'), `listener ${brokerPort} 127.0.0.1\nallow_anonymous true\n`);
  start(mosquitto, ['-c', path.join(scratch, 'mosquitto.conf')], 'mosquitto.log');
  await waitFor('mosquitto', () => portOpen(brokerPort), 10000);

  const uiPort = await freePort();
  const userDir = path.join(scratch, 'node-red');
  fs.mkdirSync(userDir);
  fs.writeFileSync(path.join(userDir, 'settings.js'),
    `module.exports = { uiHost: '127.0.0.1', uiPort: ${uiPort}, flowFile: 'flows.json', credentialSecret: false,\n` +
    `  editorTheme: { tours: false }, logging: { console: { level: 'info' } } };\n`);
  start(process.execPath, [path.join(nodeRedDir, 'node_modules', 'node-red', 'red.js'), '--userDir', userDir,
    '--settings', path.join(userDir, 'settings.js')], 'node-red.log');
  const base = `http://127.0.0.1:${uiPort}`;
  await waitFor('Node-RED', async () => {
    try { return (await fetch(`${base}/flows`)).ok; } catch { return false; }
  }, 60000);

  // The editor's websocket: every node status and debug message.
  const statuses = {};  // node id -> status texts in order
  const debug = {};     // node id -> debug messages in order
  const ws = new WebSocket(`ws://127.0.0.1:${uiPort}/comms`);
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  ws.send(JSON.stringify({ subscribe: 'status/#' }));
  ws.send(JSON.stringify({ subscribe: 'debug' }));
  ws.on('message', (raw) => {
    for (const m of [].concat(JSON.parse(raw))) {
      if (m.topic && m.topic.startsWith('status/') && m.data && m.data.text !== undefined) {
        const id = m.topic.slice('status/'.length);
        (statuses[id] = statuses[id] || []).push(String(m.data.text));
      } else if (m.topic === 'debug' && m.data) {
        (debug[m.data.id] = debug[m.data.id] || []).push(m.data.msg);
      }
    }
  });

  // Deploy the flow as imported, the broker node pointed at the test broker.
  const flow = JSON.parse(fs.readFileSync(flowFile, 'utf8'));
  const brokerNode = flow.find((n) => n.id === ids.broker);
  brokerNode.broker = '127.0.0.1';
  brokerNode.port = String(brokerPort);
  const deployed = await fetch(`${base}/flows`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Node-RED-Deployment-Type': 'full' },
    body: JSON.stringify(flow),
  });
  check(deployed.ok, `flow deployed (HTTP ${deployed.status})`);
  await waitFor('the flow\'s MQTT nodes to connect',
    () => (statuses[ids.stateIn] || []).some((t) => /status\.connected$|^connected$/.test(t)), 20000);

  const config = path.join(scratch, 'chairhub.toml');
  fs.writeFileSync(config, '[mqtt]\nchair_id = "office"\n');
  const replay = run(chairhub, ['replay', logFile, '--config', config, '--mqtt', '--broker', `127.0.0.1:${brokerPort}`,
    '--chair-id', 'office', '--speed', '1500']);
  await waitFor('the first reminder', () => (debug[ids.reminder] || []).length > 0, 30000);
  const injected = await fetch(`${base}/inject/${ids.inject}`, { method: 'POST' });
  check(injected.ok, `inject node pressed (HTTP ${injected.status})`);
  const { code, stderr } = await replay;
  check(code === 0, `replay finished (exit ${code}) ${code === 0 ? '' : stderr}`);
  await sleep(1500);  // the last messages through Node-RED
  ws.close();

  const stateTexts = (statuses[ids.state] || []).filter((t) => !/connect/.test(t));
  check(stateTexts.length > 0, `state node shows a status (${stateTexts.length})`);
  const badState = stateTexts.filter((t) => !/^(empty|[a-z_]+, \d+ min)$/.test(t));
  check(badState.length === 0, `state node status is "<posture>, <n> min" or "empty" (bad: ${JSON.stringify(badState.slice(0, 3))})`);
  check(stateTexts.some((t) => t !== 'empty') && stateTexts.includes('empty'), 'state node showed a sitter and an empty chair');
  const postureTexts = (statuses[ids.posture] || []).filter((t) => !/connect/.test(t));
  check(postureTexts.length > 0 && postureTexts.every((t) => postures.includes(t)),
    `posture node shows postures (${[...new Set(postureTexts)].join(', ')})`);
  const reminders = debug[ids.reminder] || [];
  check(reminders.length > 0 && reminders.every((t) => /^"?office: sitting for \d+ min, time to move/.test(t)),
    `reminder text (${reminders.length}): ${reminders[0]}`);
  const availability = (statuses[ids.availability] || []).filter((t) => !/connect/.test(t));
  check(availability[availability.length - 1] === 'offline', `availability ends offline (${availability.join(' ')})`);
  check((statuses[ids.answers] || []).includes('error'), 'the replay answered the snooze with an error');

  const log = fs.readFileSync(path.join(scratch, 'node-red.log'), 'utf8');
  // any error, and any warning of a node ("[warn] [debug:state] ..."); Node-RED's own start-up
  // notes (projects, credentials) are no concern of the flow
  const bad = log.split('\n').filter((l) => /\[error\]|\[warn\] \[/.test(l));
  check(bad.length === 0, `no error, and no warning of a node, in Node-RED's log${bad.length ? ':\n  ' + bad.slice(0, 5).join('\n  ') : ''}`);
}

main()
  .catch((e) => {
    console.log(`FAIL ${e.message}`);
    failures++;
  })
  .finally(() => {
    for (const c of children) c.kill('SIGTERM');
    if (failures > 0) {
      for (const name of ['node-red.log', 'mosquitto.log']) {
        const file = path.join(scratch, name);
        if (fs.existsSync(file)) console.log(`---- ${name}\n${fs.readFileSync(file, 'utf8').slice(-4000)}`);
      }
    }
    setTimeout(() => {
      fs.rmSync(scratch, { recursive: true, force: true });
      process.exit(failures > 0 ? 1 : 0);
    }, 500);
  });
