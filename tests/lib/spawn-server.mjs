// Starts `tongxin serve` with the given arguments on a free port and resolves once it listens.
import { spawn } from 'node:child_process';

export async function spawnServer(bin, args, { inheritStderr = false } = {}) {
  const port = args.includes('--port') ? [] : ['--port', '0'];
  const child = spawn(bin, ['serve', ...port, '--quiet', ...args],
    { stdio: ['ignore', 'pipe', inheritStderr ? 'inherit' : 'pipe'] });
  let stderr = '';
  if (!inheritStderr) child.stderr.on('data', (d) => { stderr += d; });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[^/\s]+)\//);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    base,
    child,
    exited,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
