// `ow bench` (npm run bench): runs every bench/*.bench.ts in its own process and writes one JSON result file.
import { Command } from 'commander';
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { CliError } from '../cli-error';
import { globalsOf, outOf } from '../context';

interface BenchResult {
  name: string;
  figures: Record<string, unknown>;
}

function runBench(file: string): Promise<BenchResult[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new CliError(`benchmark ${file} exited with code ${code}`));
      // A benchmark prints one JSON object per line: one per figure set.
      const results = stdout
        .split('\n')
        .filter((l) => l.trim().startsWith('{'))
        .map((l) => JSON.parse(l) as BenchResult);
      resolvePromise(results);
    });
  });
}

export function benchCommand(): Command {
  return new Command('bench')
    .description('run the benchmarks (bench/*.bench.ts) and write bench/results/latest.json')
    .argument('[names...]', 'only benchmarks whose file name contains one of these')
    .action(async (names: string[], _opts: unknown, cmd: Command) => {
      const out = outOf(cmd);
      globalsOf(cmd);
      const dir = resolve('bench');
      const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).filter((f) => names.length === 0 || names.some((n) => f.includes(n))).sort();
      if (files.length === 0) throw new CliError(`No benchmark matches ${names.join(', ')}`, 2);
      const results: BenchResult[] = [];
      for (const [i, f] of files.entries()) {
        process.stderr.write(`[${i + 1}/${files.length}] ${f} …\n`);
        results.push(...(await runBench(join(dir, f))));
      }
      const report = {
        date: new Date().toISOString(),
        machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), platform: process.platform, arch: process.arch },
        node: process.version,
        results,
      };
      await mkdir(join(dir, 'results'), { recursive: true });
      await writeFile(join(dir, 'results', 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
      out.data(report, () => {
        for (const r of results) out.line(`${r.name}: ${JSON.stringify(r.figures)}`);
        out.line('written to bench/results/latest.json');
      });
    });
}
