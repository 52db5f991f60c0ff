// Small helpers shared by the benchmarks: child servers, an HTTP client, RSS sampling.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';

export const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function startProcess(script, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  child.on('exit', (code) => {
    if (code && code !== 0 && !child.stopping) console.error(`${script} exited ${code}\n${stderr}`);
  });
  return child;
}

export async function stopProcess(child) {
  child.stopping = true;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
}

export async function waitForHealth(port, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await call(port, 'GET', '/api/health');
      if (response.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Server on port ${port} did not become healthy`);
}

/** One HTTP call; resolves with status and parsed JSON body. */
export function call(port, method, path, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { ...headers, ...(body ? { 'content-length': body.length } : {}) },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = text;
          }
          resolve({ status: response.statusCode, body: json });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export function jsonBody(value) {
  return { body: Buffer.from(JSON.stringify(value)), headers: { 'content-type': 'application/json' } };
}

export function multipartBody(fields, file, fileName) {
  const boundary = `----nokbench${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = Buffer.from(
    `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A PDF of exactly `size` bytes: a real header, then filler. */
export function pdfOfSize(size) {
  const header = Buffer.from('%PDF-1.4\n% benchmark document\n');
  const buffer = Buffer.alloc(size, 0x20);
  header.copy(buffer);
  return buffer;
}

export function rssBytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak. */
export function sampleRss(pid, everyMs = 10) {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssBytes(pid));
    } catch {
      // process gone
    }
  }, everyMs);
  return { stop: () => (clearInterval(timer), Math.max(peak, rssBytes(pid))) };
}

/** Runs `task(i)` for i in [0, total) with at most `concurrency` in flight. */
export async function runPool(total, concurrency, task) {
  let next = 0;
  const errors = [];
  const worker = async () => {
    while (next < total) {
      const i = next++;
      try {
        await task(i);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return errors;
}

export const MiB = 1024 * 1024;
export const freePort = () => 40000 + Math.floor(Math.random() * 9000);
